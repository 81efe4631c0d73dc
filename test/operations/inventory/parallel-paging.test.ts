import { describe, expect, it } from 'vitest';
import { ResponseValidationError, type SourceEvent } from '../../../src/index';
import { seedCatalog } from '../../../src/testing/catalog/catalog-generator';
import type { SandboxRequest } from '../../../src/testing/index';
import { collect, productRequests, setup, skusOf, skusOfItems, sourceFor } from './inventory-fixtures';

/** The most requests on the wire at once, from the source's request and response events. */
function mostInFlight(events: readonly SourceEvent[]): number {
  let inFlight = 0;
  let most = 0;
  for (const event of events) {
    if (event.type === 'request') most = Math.max(most, (inFlight += 1));
    if (event.type === 'response') inFlight -= 1;
  }
  return most;
}

const isPageRequest = (request: SandboxRequest) => request.path === '/v3/catalog/products' && request.query.get('include') === 'variants';

describe('parallel paging', () => {
  it('keeps maxConcurrency pages in flight, never more, within ceil(N / pageSize) + 2 × maxConcurrency requests', async () => {
    const events: SourceEvent[] = [];
    const { sandbox, source } = setup({ latencyMs: 15 }, { maxConcurrency: 4, onEvent: (event) => events.push(event) });
    seedCatalog(sandbox.catalog, { products: 2_000, seed: 21 });

    const items = await collect(source.inventory.items({ pageSize: 50 }));

    expect(skusOfItems(items)).toEqual(skusOf(sandbox));
    expect(mostInFlight(events)).toBe(4);
    expect(productRequests(sandbox).length).toBeLessThanOrEqual(Math.ceil(2_000 / 50) + 2 * 4);
  });

  it('splits the id span as soon as the page of the highest ids (and the count) answers, while the first page is still in flight', async () => {
    const arrivals: Array<{ atMs: number; request: SandboxRequest }> = [];
    const startedMs = performance.now();
    const { sandbox, source } = setup({
      latencyMs: (request) => {
        arrivals.push({ atMs: performance.now() - startedMs, request });
        // The first page (ids from the start) is slow; everything else is quick.
        return isPageRequest(request) && request.query.get('id:greater') === '0' ? 600 : 5;
      },
    }, { maxConcurrency: 4 });
    seedCatalog(sandbox.catalog, { products: 1_000, seed: 22 });

    const items = await collect(source.inventory.items({ pageSize: 50 }));

    expect(skusOfItems(items)).toEqual(skusOf(sandbox));
    const firstPage = arrivals.find(({ request }) => isPageRequest(request) && request.query.get('id:greater') === '0')!;
    const othersBeforeItAnswered = arrivals.filter(
      ({ atMs, request }) => isPageRequest(request) && request.query.get('direction') !== 'desc' && request !== firstPage.request && atMs < firstPage.atMs + 300,
    );
    // Three other workers start on the upper ids right after the quick first request, long before
    // the slow first page answers (a split waiting for that page would start them after 600 ms).
    expect(othersBeforeItAnswered.length).toBeGreaterThanOrEqual(3);
    expect(new Set(othersBeforeItAnswered.map(({ request }) => request.query.get('id:greater'))).size).toBe(othersBeforeItAnswered.length);
  });

  it('cuts the span into maxConcurrency even ranges of whole pages: dense ids cost no extra request', async () => {
    const events: SourceEvent[] = [];
    const { sandbox, source } = setup({ latencyMs: 5 }, { maxConcurrency: 4, onEvent: (event) => events.push(event) });
    seedCatalog(sandbox.catalog, { products: 2_000, seed: 23 });
    const ids = [...sandbox.catalog.products()].map((product) => product.id);
    expect(ids[ids.length - 1]! - ids[0]! + 1).toBe(ids.length); // dense, as the generator makes them

    const items = await collect(source.inventory.items({ pageSize: 100 }));

    expect(skusOfItems(items)).toEqual(skusOf(sandbox));
    const pages = productRequests(sandbox).filter(isPageRequest);
    // 20 full pages and nothing else, no partial page at any range's end. The first round: the page
    // of the highest ids (1 901 to 2 000, direction=desc), ids up to 100 and up to 200 (guessed
    // ranges), and the first page above 200.
    expect(pages).toHaveLength(20);
    expect(productRequests(sandbox)).toHaveLength(20);
    expect(pages.filter((request) => request.query.get('direction') === 'desc')).toHaveLength(1);
    // The 17 pages from 201 to 1 900 in four ranges of whole pages (their upper bounds travel as
    // id:max), one per slot; a range may still be split again at the end, at a page boundary too.
    const upperBounds = [...new Set(pages.map((request) => Number(request.query.get('id:max') ?? Number.NaN)))].filter((bound) => !Number.isNaN(bound));
    expect(upperBounds).toEqual(expect.arrayContaining([100, 200, 600, 1_100, 1_500, 1_900]));
    expect(upperBounds.every((bound) => bound % 100 === 0 && bound <= 1_900)).toBe(true);
    expect(mostInFlight(events)).toBe(4);
  });

  it('yields each product once when the catalog is about a page, whichever of the first pages answers first', async () => {
    const isTopPage = (request: SandboxRequest) => request.query.get('direction') === 'desc';
    for (const slow of ['top page', 'first page'] as const) {
      const { sandbox, source } = setup({ latencyMs: (request) => ((slow === 'top page') === isTopPage(request) ? 60 : 5) });
      // Pages of 20: the top page has ids 31 to 50; the first round also reads ids up to 20, up to
      // 40 and above 40 (41 to 50, which the top page has too).
      seedCatalog(sandbox.catalog, { products: 50, seed: 24 });
      const pages = await collect(source.inventory.pages({ pageSize: 20 }));
      const items = pages.flatMap((page) => page.items);
      expect(skusOfItems(items), slow).toEqual(skusOf(sandbox));
      expect(productRequests(sandbox), slow).toHaveLength(4);
    }
  });

  it('takes the products the last range already read out of the page of the highest ids', async () => {
    // 230 products, pages of 50: ranges up to 50, up to 100 and above 100. The last range reads 101
    // to 150 and 151 to 200 before the top page (181 to 230) answers, which yields 201 to 230 only;
    // the last range's third page, still in flight, finds nothing left for it.
    const { sandbox, source } = setup({
      latencyMs: (request) => (request.query.get('direction') === 'desc' ? 60 : request.query.get('id:greater') === '200' ? 150 : 5),
    });
    seedCatalog(sandbox.catalog, { products: 230, seed: 25 });
    const pages = await collect(source.inventory.pages({ pageSize: 50 }));
    expect(skusOfItems(pages.flatMap((page) => page.items))).toEqual(skusOf(sandbox));
    expect(pages.map((page) => page.productCount).sort((a, b) => a - b)).toEqual([30, 50, 50, 50, 50]);
    expect(productRequests(sandbox).map((request) => request.query.get('id:greater') ?? 'desc').sort()).toEqual(['0', '100', '150', '200', '50', 'desc']);
  });

  it('rejects a page of the highest ids that is not in descending id order, naming the product', async () => {
    const { sandbox } = setup();
    seedCatalog(sandbox.catalog, { products: 30, seed: 26 });
    const ids = [...sandbox.catalog.products()].map((product) => product.id);
    const fetchOutOfOrder: typeof fetch = async (input, init) => {
      const response = await sandbox.fetch(input, init);
      if (!String(input).includes('direction=desc')) return response;
      const body = (await response.json()) as { data: Array<{ id: number }> };
      [body.data[1], body.data[2]] = [body.data[2]!, body.data[1]!];
      return Response.json(body, { status: response.status, headers: response.headers });
    };
    const outOfOrder = sourceFor(sandbox, { fetch: fetchOutOfOrder });
    const error = await collect(outOfOrder.inventory.items({ pageSize: 10 })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toEqual([{ path: 'data[2].id', message: `expected an integer id below ${ids[ids.length - 3]}` }]);
  });

  it('stays within the request budget when the guessed first ranges are wrong: ids starting high, with gaps', async () => {
    const { sandbox, source } = setup({ latencyMs: 2 });
    seedCatalog(sandbox.catalog, { products: 3_000, seed: 27 });
    // Delete the first 1 200 products and every third one after them: no id below 1 201, a third missing.
    for (const product of [...sandbox.catalog.products()]) {
      if (product.id <= 1_200 || product.id % 3 === 0) sandbox.catalog.deleteProduct(product.id);
    }
    const products = [...sandbox.catalog.products()].length;
    expect(products).toBe(1_200);

    const items = await collect(source.inventory.items({ pageSize: 50 }));

    expect(skusOfItems(items)).toEqual(skusOf(sandbox));
    expect(productRequests(sandbox).length).toBeLessThanOrEqual(Math.ceil(products / 50) + 2 * 4);
  });

  it('reports the whole count as productsTotal, whichever of the first pages answers first, and when ids start high', async () => {
    for (const idsStartHigh of [false, true]) {
      // The page of the highest ids (and the count) answers after the first pages, long before the end.
      const { sandbox, source } = setup({ latencyMs: (request) => (request.query.get('direction') === 'desc' ? 40 : 20) });
      seedCatalog(sandbox.catalog, { products: 1_000, seed: 28 });
      if (idsStartHigh) for (const product of [...sandbox.catalog.products()]) if (product.id <= 300) sandbox.catalog.deleteProduct(product.id);
      const count = [...sandbox.catalog.products()].length;
      const totals: number[] = [];
      await collect(source.inventory.items({ pageSize: 100, onProgress: (progress) => void totals.push(progress.productsTotal) }));
      // Known before the last page (not just caught up with by productsDone), and never more than the count.
      expect(totals.slice(0, -1), `ids start high: ${idsStartHigh}`).toContain(count);
      expect(totals.at(-1)).toBe(count);
      expect(Math.max(...totals)).toBe(count);
    }
  });
});

