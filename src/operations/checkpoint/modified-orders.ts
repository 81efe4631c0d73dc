import type { HttpClient } from '../../internal/http-client';
import { attachResumeCursor } from '../../internal/resume-cursor';
import { isoSeconds } from '../../internal/rfc2822';
import { readCrowdedSecond, readSecondById } from './crowded-second';
import { datedOrders, EngineRun, type Checkpoint, type DatedOrder, type ModifiedOrder, type ModifiedOrdersPage, type ModifiedOrdersReader } from './engine-run';

export type { Checkpoint, ModifiedOrder, ModifiedOrdersPage, ModifiedOrdersReader } from './engine-run';

/**
 * The engine of every "what changed since a checkpoint" read of orders (shipments, order changes):
 * pages of `GET /v2/orders` in `date_modified` order, each yielding what its orders give, exactly
 * once across pages and resumed runs.
 *
 * - **Paging by checkpoint**: after each page the checkpoint moves to the page's last modification
 *   second and the next request asks for orders modified since it (`min_date_modified`), not for
 *   "page 2": an order modified during the run moves to the end and is read again, where page
 *   numbers would shift under it and skip another order.
 * - **A crowded second**: when a whole page shares the checkpoint's second, that second is listed
 *   by id ({@link readCrowdedSecond}), never by page number, then reading carries on after it.
 * - **Either reading of `min_date_modified`**: whether the bound is inclusive is undocumented, so
 *   each request starts one second before the checkpoint; orders before it (read already) are
 *   skipped, and neither reading loses an order.
 * - **Exactly once**: `yielded` holds every key yielded in this run (and, from the cursor, those
 *   yielded for orders in the checkpoint's second by earlier runs), so what an order gives is
 *   yielded once even when it is listed again.
 * - **Errors** carry the cursor of the last complete page (or the start), so a run resumed from it
 *   loses nothing.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders#get-all-orders
 */
export async function* readModifiedOrders<O extends ModifiedOrder, Item, K>(
  http: HttpClient,
  reader: ModifiedOrdersReader<O, Item, K>,
  start: Checkpoint<K>,
  yielded: Set<K>,
): AsyncGenerator<ModifiedOrdersPage<Item, K>> {
  const run = new EngineRun(http, reader, start, yielded);
  try {
    // A cursor taken while a crowded second was read by id carries on by id.
    let checkpoint = start.afterId === undefined ? start : yield* readSecondById(run, start, { over: true });
    for (;;) {
      const { sinceMs } = checkpoint;
      const orders = await run.list({ min_date_modified: isoSeconds(sinceMs - 1000), sort: 'date_modified:asc', page: 1, limit: reader.pageSize });
      // Orders before the checkpoint (the extra second an inclusive store lists) were read already.
      const dated = datedOrders(orders).filter(({ dateMs }) => dateMs >= sinceMs);
      const items = await run.read(dated);
      if (orders.length === 0) return;
      const pageMaxMs = Math.max(sinceMs, ...dated.map(({ dateMs }) => dateMs));
      checkpoint = nextCheckpoint(run, checkpoint, pageMaxMs, dated);
      yield run.page(items, checkpoint, orders.length);
      if (orders.length < reader.pageSize) return;
      if (pageMaxMs > sinceMs) continue;
      const next = yield* readCrowdedSecond(run, checkpoint);
      if (next === undefined) return;
      checkpoint = next;
    }
  } catch (error) {
    // Every failure, also the caller's own abort, says where to carry on.
    throw attachResumeCursor(error, reader.cursorOf(run.checkpoint));
  }
}

/**
 * The checkpoint after a page: the page's last second, and the keys of everything yielded for
 * orders modified in that second (also those read on earlier pages or runs in the same second).
 */
function nextCheckpoint<O extends ModifiedOrder, Item, K>(
  run: EngineRun<O, Item, K>,
  previous: Checkpoint<K>,
  pageMaxMs: number,
  dated: ReadonlyArray<DatedOrder<O>>,
): Checkpoint<K> {
  const seen = new Set<K>(previous.sinceMs === pageMaxMs ? previous.seen : []);
  for (const { order, dateMs } of dated) {
    if (dateMs !== pageMaxMs) continue;
    for (const key of run.keysOf(order.id)) seen.add(key);
  }
  return { sinceMs: pageMaxMs, seen: [...seen] };
}
