import { describe, expect, it } from 'vitest';
import type { SourceEvent } from '../../../src/index';
import { seedCatalog } from '../../../src/testing/catalog/catalog-generator';
import type { SandboxRequest } from '../../../src/testing/index';
import { collect, productRequests, setup, skusOf, skusOfItems } from './inventory-fixtures';

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

  it('splits the id span as soon as the first request (highest id and count) answers, while the first page is still in flight', async () => {
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
      ({ atMs, request }) => isPageRequest(request) && request !== firstPage.request && atMs < firstPage.atMs + 300,
    );
    // Three other workers start on the upper ids right after the quick first request, long before
    // the slow first page answers (a split waiting for that page would start them after 600 ms).
    expect(othersBeforeItAnswered.length).toBeGreaterThanOrEqual(3);
    expect(new Set(othersBeforeItAnswered.map(({ request }) => request.query.get('id:greater'))).size).toBe(othersBeforeItAnswered.length);
  });

  it('cuts the span into maxConcurrency + 1 even ranges of whole pages, one waiting for a slot: dense ids cost no extra request', async () => {
    const events: SourceEvent[] = [];
    const { sandbox, source } = setup({ latencyMs: 5 }, { maxConcurrency: 4, onEvent: (event) => events.push(event) });
    seedCatalog(sandbox.catalog, { products: 2_000, seed: 23 });
    const ids = [...sandbox.catalog.products()].map((product) => product.id);
    expect(ids[ids.length - 1]! - ids[0]! + 1).toBe(ids.length); // dense, as the generator makes them

    const items = await collect(source.inventory.items({ pageSize: 100 }));

    expect(skusOfItems(items)).toEqual(skusOf(sandbox));
    const pages = productRequests(sandbox).filter(isPageRequest);
    // 20 full pages, no partial one at any range's end; plus the probe.
    expect(pages).toHaveLength(20);
    expect(productRequests(sandbox)).toHaveLength(21);
    // Five ranges of four pages each (their upper bounds travel as id:max), read by four slots; a
    // range may still be split again at the end, at a page boundary too.
    const upperBounds = [...new Set(pages.map((request) => Number(request.query.get('id:max') ?? Number.NaN)))].filter((bound) => !Number.isNaN(bound));
    expect(upperBounds.filter((bound) => bound % 400 === 0).sort((a, b) => a - b)).toEqual([400, 800, 1_200, 1_600]);
    expect(upperBounds.every((bound) => bound % 100 === 0)).toBe(true);
    expect(mostInFlight(events)).toBe(4);
  });
});
