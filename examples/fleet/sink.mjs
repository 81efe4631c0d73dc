// The fleet's sink: where a sync's items land. An upsert by SKU (a Redis hash per store here; a
// table with the SKU as its key in an app), so a page written twice leaves one row per SKU. It also
// counts how often each page was delivered, to show the at-least-once delivery the sink absorbs.

/** The fleet's keys in Redis, under one run's name. */
export function keys(run) {
  return (...parts) => ['fleet', run, ...parts].join(':');
}

export function createSink(redis, run) {
  const key = keys(run);
  return {
    /** Writes a page's items (one row per SKU, replaced if present) and counts the page's delivery, atomically. */
    async writePage(storeHash, items) {
      if (items.length === 0) return;
      const rows = items.flatMap((item) => [item.sku, JSON.stringify({ quantity: item.quantity, price: item.price, productId: item.productId, variantId: item.variantId })]);
      const page = `${items[0].sku}..${items.at(-1).sku}`;
      await redis.multi().hset(key('sink', storeHash), ...rows).hincrby(key('pages', storeHash), page, 1).exec();
    },
    /** Distinct SKUs in the sink for a store. */
    skus: (storeHash) => redis.hlen(key('sink', storeHash)),
    /** Pages delivered more than once for a store. */
    async pagesDeliveredTwice(storeHash) {
      const counts = Object.values(await redis.hgetall(key('pages', storeHash)));
      return counts.filter((count) => Number(count) > 1).length;
    },
  };
}
