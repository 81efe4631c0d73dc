import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryGate, type SourceEvent } from '../../src/index';
import { createSandboxStore, seedCatalog, type SandboxStore } from '../../src/testing/index';
import { sourceFor } from '../helpers/sandbox-source';
import { CATALOG, purchaseOrder } from '../operations/orders/fixtures';

afterEach(() => {
  vi.useRealTimers();
});

/** A fetch over the sandbox that counts how many requests are in flight at once. */
function counting(sandbox: SandboxStore) {
  let inFlight = 0;
  let most = 0;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    try {
      return await sandbox.fetch(input, init);
    } finally {
      inFlight -= 1;
    }
  };
  return { fetch, most: () => most };
}

const statuses = (events: SourceEvent[]) => events.filter((event) => event.type === 'response').map((event) => (event.type === 'response' ? event.status : 0));

/** `count` GETs at once through `source.request`. */
function burst(source: ReturnType<typeof sourceFor>, count: number) {
  return Promise.all(Array.from({ length: count }, (_, index) => source.request({ method: 'GET', path: '/v3/catalog/products', query: { 'id:in': [index + 1] } })));
}

describe('adaptive concurrency: reach the quota, never exceed it', () => {
  it('over the quota, alone: 36 requests against 12 per 300 ms draw no 429 (fixed concurrency draws some)', async () => {
    const run = async (concurrency: 'adaptive' | 'fixed') => {
      const sandbox = createSandboxStore({ rateLimit: { quota: 12, windowMs: 300 }, latencyMs: 10 });
      const events: SourceEvent[] = [];
      await burst(sourceFor(sandbox, { concurrency, onEvent: (event) => events.push(event) }), 36);
      return statuses(events).filter((status) => status === 429).length;
    };
    expect(await run('adaptive')).toBe(0);
    expect(await run('fixed')).toBeGreaterThan(0);
  });

  it('below the quota: as many in flight as the ceiling allows once the store says so (fixed stays at 4)', async () => {
    const run = async (concurrency: 'adaptive' | 'fixed') => {
      const sandbox = createSandboxStore({ rateLimit: { quota: 450, windowMs: 30_000 }, latencyMs: 20 });
      const counter = counting(sandbox);
      const events: SourceEvent[] = [];
      await burst(sourceFor(sandbox, { concurrency, fetch: counter.fetch, onEvent: (event) => events.push(event) }), 44);
      expect(statuses(events).every((status) => status === 200)).toBe(true);
      return counter.most();
    };
    expect(await run('adaptive')).toBe(16);
    expect(await run('fixed')).toBe(4);
  });

  it('maxConcurrency is the ceiling, and quotaShare leaves headroom for the store\'s other apps', async () => {
    const sandbox = createSandboxStore({ rateLimit: { quota: 10, windowMs: 60_000 }, latencyMs: 5 });
    const counter = counting(sandbox);
    const source = sourceFor(sandbox, { fetch: counter.fetch, maxConcurrency: 6, quotaShare: 0.5, timeoutMs: 1000 });
    const controller = new AbortController();
    const results = Promise.allSettled(
      Array.from({ length: 10 }, () => source.request({ method: 'GET', path: '/v2/store' }, { signal: controller.signal })),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Half of the 10-request window is ours: once the first answers arrive, no more than 5 are sent.
    expect(sandbox.requests.length).toBe(5);
    expect(counter.most()).toBeLessThanOrEqual(6);
    controller.abort();
    await results;
  });

  it('sources given one gate share the store\'s window', async () => {
    const sandbox = createSandboxStore({ rateLimit: { quota: 12, windowMs: 500 }, latencyMs: 10 });
    const gate = createMemoryGate();
    const events: SourceEvent[] = [];
    const onEvent = (event: SourceEvent) => events.push(event);
    await Promise.all([burst(sourceFor(sandbox, { gate, onEvent }), 20), burst(sourceFor(sandbox, { gate, onEvent }), 20)]);
    expect(statuses(events).filter((status) => status === 429)).toHaveLength(0);
    expect(statuses(events)).toHaveLength(40);
  });
});

describe('priorities: orders ahead of bulk reads', () => {
  it('an order sent while a sync of 10 000 products runs completes within its own requests plus one, not after the sync', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    const LATENCY_MS = 100;
    const sandbox = createSandboxStore({ products: CATALOG, latencyMs: LATENCY_MS });
    seedCatalog(sandbox.catalog, { products: 10_000, seed: 3, maxVariants: 1 });
    // maxConcurrency 4 and locations: every page also reads its stock per location, so bulk
    // requests wait at the gate all along; the order's must not wait behind them.
    const source = sourceFor(sandbox, { maxConcurrency: 4 });
    const sync = (async () => {
      let pages = 0;
      for await (const _ of source.inventory.pages({ locations: true })) pages += 1;
      return pages;
    })();
    await vi.advanceTimersByTimeAsync(1_000);
    const sentAt = Date.now();
    let doneAt = 0;
    const order = source.orders.send(purchaseOrder(), { settleMs: 0 }).then((sent) => {
      doneAt = Date.now();
      return sent;
    });
    while (doneAt === 0) await vi.advanceTimersByTimeAsync(LATENCY_MS);
    const sent = await order;
    // The order's requests: its PO lookup and create (v2), its SKU lookups (sku:in, variants).
    const isOrders = (request: (typeof sandbox.requests)[number]) => request.path.startsWith('/v2/') || request.query.has('sku:in') || request.path === '/v3/catalog/variants';
    const orderRequests = sandbox.requests.filter((request) => request.receivedAtMs >= sentAt && isOrders(request));
    expect(sent.created).toBe(true);
    // Its own requests one after another, plus at most one request's wait for a slot.
    expect(doneAt - sentAt).toBeLessThanOrEqual((orderRequests.length + 1) * LATENCY_MS);
    for (let step = 0; step < 2_000; step += 1) {
      await vi.advanceTimersByTimeAsync(LATENCY_MS);
      if (sandbox.requests.filter((request) => request.path === '/v3/catalog/products').length >= 40) break;
    }
    await vi.advanceTimersByTimeAsync(10 * LATENCY_MS);
    await expect(sync).resolves.toBeGreaterThanOrEqual(40);
    // The sync was still running when the order was done.
    expect(sandbox.requests.filter((request) => request.path === '/v3/catalog/products' && request.receivedAtMs > doneAt).length).toBeGreaterThan(0);
  });

  it('on a tight quota, bulk requests leave an order under way the last of the window: it waits for one refill at most, not one per request', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    const LATENCY_MS = 100;
    const WINDOW_MS = 2_000;
    const sandbox = createSandboxStore({ products: CATALOG, latencyMs: LATENCY_MS, rateLimit: { quota: 12, windowMs: WINDOW_MS } });
    seedCatalog(sandbox.catalog, { products: 2_000, seed: 3, maxVariants: 1 });
    const events: SourceEvent[] = [];
    const source = sourceFor(sandbox, { onEvent: (event) => events.push(event) });
    const stopSync = new AbortController();
    const sync = (async () => {
      for await (const _ of source.inventory.pages({ locations: true, pageSize: 50, signal: stopSync.signal })) {
        // The sync keeps the window spent; its pages are not the point here.
      }
    })();
    await vi.advanceTimersByTimeAsync(2_500);
    const sentAt = Date.now();
    let doneAt = 0;
    const order = source.orders.send(purchaseOrder(), { settleMs: 0 }).then((sent) => {
      doneAt = Date.now();
      return sent;
    });
    while (doneAt === 0) await vi.advanceTimersByTimeAsync(LATENCY_MS / 2);
    expect((await order).created).toBe(true);
    const isOrders = (request: (typeof sandbox.requests)[number]) => request.path.startsWith('/v2/') || request.query.has('sku:in') || request.path === '/v3/catalog/variants';
    const orderRequests = sandbox.requests.filter((request) => request.receivedAtMs >= sentAt && isOrders(request));
    // The PO lookup, the SKU lookups and the create: more than the window's last 3 would hold
    // alone, so the first goes with the refill and the others in the room kept for them.
    expect(orderRequests.length).toBe(4);
    // One refill at most (the window the sync had spent when the order came), then its requests
    // one after another.
    // (Without the room kept, bulk requests spend the window between two of the order's requests,
    // and it waits for a second refill: 4 000 ms here.)
    expect(doneAt - sentAt).toBeLessThanOrEqual(WINDOW_MS + (orderRequests.length + 1) * LATENCY_MS);
    expect(statuses(events).filter((status) => status === 429)).toEqual([]);
    stopSync.abort();
    await expect(sync).rejects.toThrow();
  });
});

