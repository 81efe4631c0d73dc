import { describe, expect, it } from 'vitest';
import { resumeCursorOf, ServerError, type InventoryPage } from '../../../src/index';
import { seedCatalog } from '../../../src/testing/catalog/catalog-generator';
import { collect, productRequests, setup, skusOf } from './inventory-fixtures';

const skus = (pages: readonly InventoryPage[]) => pages.flatMap((page) => page.items.map((item) => item.sku));

/** A seeded catalog of 60 products, some of them hidden, and a source on it. */
function catalog() {
  const { sandbox, source } = setup();
  seedCatalog(sandbox.catalog, { products: 60, seed: 14 });
  expect([...sandbox.catalog.products()].some((product) => !product.is_visible)).toBe(true);
  return { sandbox, source };
}

describe('complete: the last page of a full sync', () => {
  it.each([false, true])('is true on the last page only, every other page false (skipHiddenProducts: %s)', async (skipHiddenProducts) => {
    const { sandbox, source } = catalog();
    const pages = await collect(source.inventory.pages({ pageSize: 4, skipHiddenProducts }));
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.map((page) => page.complete)).toEqual([...pages.slice(1).map(() => false), true]);
    expect(skus(pages).sort()).toEqual(skusOf(sandbox, (product) => !skipHiddenProducts || product.is_visible));
    // Nothing is left behind the last cursor.
    sandbox.clearRequests();
    await collect(source.inventory.pages({ cursor: pages.at(-1)!.cursor, skipHiddenProducts }));
    expect(sandbox.requests).toHaveLength(0);
  });

  it.each([false, true])('is claimed by the last page of a sync resumed from any page’s cursor, and by no other (skipHiddenProducts: %s)', async (skipHiddenProducts) => {
    const { sandbox, source } = catalog();
    const options = { pageSize: 4, skipHiddenProducts };
    const pages = await collect(source.inventory.pages(options));
    const all = skusOf(sandbox, (product) => !skipHiddenProducts || product.is_visible);
    for (const [index, page] of pages.entries()) {
      const resumed = await collect(source.inventory.pages({ ...options, cursor: page.cursor }));
      expect(resumed.map((next) => next.complete)).toEqual([...resumed.slice(1).map(() => false), true]);
      expect([...skus(pages.slice(0, index + 1)), ...skus(resumed)].sort()).toEqual(all);
    }
  });

  it('is never claimed by a sync that stops early: a break, or an error; resuming after the error claims it at the end', async () => {
    const { source } = catalog();
    const seen: InventoryPage[] = [];
    for await (const page of source.inventory.pages({ pageSize: 4 })) {
      seen.push(page);
      if (seen.length === 3) break;
    }
    expect(seen.map((page) => page.complete)).toEqual([false, false, false]);

    const { sandbox, source: flaky } = setup({}, { maxRetries: 0 });
    seedCatalog(sandbox.catalog, { products: 60, seed: 14 });
    const before: InventoryPage[] = [];
    const error = await (async () => {
      for await (const page of flaky.inventory.pages({ pageSize: 4 })) {
        before.push(page);
        // The next catalog request fails, with no retry left: the sync ends with that error.
        if (before.length === 3) sandbox.injectFault({ kind: 'status', status: 500 }, { match: { path: '/v3/catalog/products' } });
      }
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    expect(before.every((page) => !page.complete)).toBe(true);
    const rest = await collect(flaky.inventory.pages({ pageSize: 4, cursor: resumeCursorOf(error)! }));
    expect(rest.map((page) => page.complete)).toEqual([...rest.slice(1).map(() => false), true]);
    expect([...skus(before), ...skus(rest)].sort()).toEqual(skusOf(sandbox));
  });

  it('is never claimed by a delta sync (modifiedSince), even when it reads every product', async () => {
    const { source } = catalog();
    const pages = await collect(source.inventory.pages({ pageSize: 4, modifiedSince: '2000-01-01' }));
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.some((page) => page.complete)).toBe(false);
  });

  it('costs a full sync no request more than before: ceil(N / pageSize) with dense ids', async () => {
    const { sandbox, source } = setup();
    seedCatalog(sandbox.catalog, { products: 1000, seed: 3 });
    for (const skipHiddenProducts of [false, true]) {
      sandbox.clearRequests();
      const pages = await collect(source.inventory.pages({ pageSize: 50, skipHiddenProducts }));
      expect(pages.at(-1)!.complete).toBe(true);
      if (!skipHiddenProducts) expect(productRequests(sandbox)).toHaveLength(1000 / 50);
      // The store filters hidden products in a full sync: none is downloaded.
      expect(productRequests(sandbox).every((request) => request.query.get('is_visible') === (skipHiddenProducts ? 'true' : null))).toBe(true);
    }
  });

  it('holds back one page at most: the pages before the last reach the caller while the sync still runs', async () => {
    const { sandbox, source } = setup({ latencyMs: 20 });
    seedCatalog(sandbox.catalog, { products: 40, seed: 9 });
    let requestsAtFirstPage = 0;
    const pages: InventoryPage[] = [];
    for await (const page of source.inventory.pages({ pageSize: 2 })) {
      if (pages.length === 0) requestsAtFirstPage = productRequests(sandbox).length;
      pages.push(page);
    }
    expect(requestsAtFirstPage).toBeLessThan(productRequests(sandbox).length);
    expect(pages.at(-1)!.complete).toBe(true);
  });
});
