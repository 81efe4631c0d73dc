import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { PurchaseOrder } from '../../src/index';
import { createRedisGate } from '../../src/redis/index';
import { storeKeys } from '../../src/redis/redis-keys';
import { createSandboxStore, seedCatalog, type SandboxStore } from '../../src/testing/index';
import type { WorkerJob } from './fixtures/gate-worker';
import { buildWorker, serveStore, startWorker, type StoreServer } from './fleet';
import { describeWithRedis, startRedisServer, type TestRedisServer } from './redis-server';

// The Redis gate across separate Node processes (forked workers), each with its own gate and
// Redis client, against one sandbox store served over HTTP.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function purchaseOrders(count: number, sku: string): PurchaseOrder[] {
  return Array.from({ length: count }, (_, index) => ({
    poNumber: `PO-FLEET-${index + 1}`,
    email: 'buyer@retailer.example',
    items: [{ sku, quantity: 1 }],
    shippingAddress: { firstName: 'Ann', lastName: 'Lee', street1: '1 Main St', city: 'Austin', state: 'Texas', zip: '78701', country: 'US' },
  }));
}

/** Orders per PO number in the store. */
function ordersPerPo(sandbox: SandboxStore): Map<string, number> {
  const counts = new Map<string, number>();
  for (const order of sandbox.orders.all()) counts.set(String(order.external_order_id), (counts.get(String(order.external_order_id)) ?? 0) + 1);
  return counts;
}

describeWithRedis('the Redis gate across processes', () => {
  let redisServer: TestRedisServer;
  let workerFile: string;
  let store: StoreServer | undefined;
  let admin: Redis;
  const workers: Array<ReturnType<typeof startWorker>> = [];

  beforeAll(async () => {
    [redisServer, workerFile] = await Promise.all([startRedisServer(), buildWorker()]);
    admin = new Redis(redisServer.port, '127.0.0.1', { maxRetriesPerRequest: 1 });
    admin.on('error', () => undefined);
  });
  beforeEach(async () => {
    await admin.flushall();
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) worker.kill();
    await store?.close();
    store = undefined;
  });
  afterAll(async () => {
    admin?.disconnect();
    await redisServer?.stop();
  });

  const common = (sandbox: SandboxStore, worker: string, gate: boolean) => ({
    worker,
    apiBaseUrl: store!.url,
    storeHash: sandbox.storeHash,
    accessToken: sandbox.accessToken,
    ...(gate ? { redisPort: redisServer.port } : {}),
  });
  const run = (job: WorkerJob) => {
    const worker = startWorker(workerFile, job);
    workers.push(worker);
    return worker;
  };
  /** Says this Redis lost no PO lease (gate.lua's `po-since` marker), for the store of `sandbox` on `url`. */
  const markPoLeasesSafe = (url: string, sandbox: SandboxStore) => admin.set(storeKeys('fleet:', `${url}/stores/${sandbox.storeHash}`).poSince, '1');

  it('holds the in-flight cap across 3 processes (each would run 4 at once: 12 without the gate)', async () => {
    const counts: Record<string, number> = {};
    for (const gate of [true, false]) {
      const sandbox = createSandboxStore({ latencyMs: 40 });
      store = await serveStore(sandbox);
      const jobs = ['a', 'b', 'c'].map((name) => run({ ...common(sandbox, name, gate), kind: 'burst', requests: 20, path: '/v2/store', maxConcurrency: 4 }));
      await Promise.all(jobs.map((job) => job.done));
      counts[gate ? 'gate' : 'none'] = store.mostInFlight;
      expect(store.requests).toHaveLength(60);
      await store.close();
      store = undefined;
    }
    console.log(`most requests in flight at once, 3 processes of maxConcurrency 4: ${counts.gate} with the Redis gate, ${counts.none} with a gate per process`);
    expect(counts.gate).toBe(4);
    expect(counts.none).toBeGreaterThan(4);
  });

  it('4 processes syncing one store whose quota is smaller than their demand: no 429 with the gate (and the count without it)', async () => {
    const rateLimited: Record<string, number> = {};
    for (const gate of [true, false]) {
      const sandbox = createSandboxStore({ rateLimit: { quota: 20, windowMs: 1_000 }, latencyMs: 50 });
      const { skus } = seedCatalog(sandbox.catalog, { products: 500, seed: 5, maxVariants: 1 });
      store = await serveStore(sandbox);
      const jobs = ['a', 'b', 'c', 'd'].map((name) => run({ ...common(sandbox, name, gate), kind: 'sync', pageSize: 50 }));
      const reports = await Promise.all(jobs.map((job) => job.done));
      for (const report of reports) expect(report.result).toMatchObject({ skus });
      rateLimited[gate ? 'gate' : 'none'] = store.rateLimited;
      if (gate) expect(reports.flatMap((report) => report.statuses).filter((status) => status === 429)).toEqual([]);
      await store.close();
      store = undefined;
    }
    console.log(`429s, 4 processes syncing 500 products at 50 a page against 20 requests per second: ${rateLimited.gate} with the Redis gate, ${rateLimited.none} with a gate per process`);
    expect(rateLimited.gate).toBe(0);
    expect(rateLimited.none).toBeGreaterThan(0);
  });

  it('a killed process\'s slot and PO lease expire a fixed time after its last renewal', async () => {
    const sandbox = createSandboxStore();
    store = await serveStore(sandbox);
    await markPoLeasesSafe(store.url, sandbox);
    const holder = run({ ...common(sandbox, 'holder', true), kind: 'hold', poNumber: 'PO-HELD', ttlMs: 1_500, leaseMs: 1_000 });
    await holder.holding;
    const gate = createRedisGate({ redis: admin, keyPrefix: 'fleet:', leaseMs: 1_000 });
    const gateStore = { id: `${store.url}/stores/${sandbox.storeHash}`, storeHash: sandbox.storeHash, apiBaseUrl: store.url };
    const slotOptions = (signal?: AbortSignal) => ({ priority: 'high', signal, ceiling: 1, concurrency: 'fixed', quotaShare: 1, onThrottle: () => undefined }) as const;
    try {
      // While the holder lives (and renews), neither is to be had, however long one waits.
      await expect(gate.acquire(gateStore, slotOptions(AbortSignal.timeout(1_500)))).rejects.toThrow(/timeout|aborted/i);
      await expect(gate.leasePurchaseOrder(gateStore, 'PO-HELD', { ttlMs: 1_500, signal: AbortSignal.timeout(300) })).rejects.toThrow(/timeout|aborted/i);
      holder.kill();
      const killedAt = Date.now();
      const slot = await gate.acquire(gateStore, slotOptions());
      const slotAfterMs = Date.now() - killedAt;
      const lease = await gate.leasePurchaseOrder(gateStore, 'PO-HELD', { ttlMs: 1_500, signal: undefined });
      const leaseAfterMs = Date.now() - killedAt;
      console.log(`after kill -9: the slot (lease 1 000 ms) was free after ${slotAfterMs} ms, the PO lease (1 500 ms) after ${leaseAfterMs} ms`);
      // Not before its lifetime after the last renewal (renewals come every third of it).
      expect(slotAfterMs).toBeGreaterThanOrEqual(1_000 - 1_000 / 3 - 50);
      expect(leaseAfterMs).toBeGreaterThanOrEqual(1_500 - 1_000 / 3 - 50);
      slot.release();
      await lease.release();
    } finally {
      gate.close();
    }
  });

  it('a 429 in one process pauses the others for what the store asked', async () => {
    const sandbox = createSandboxStore({ latencyMs: 10 });
    sandbox.injectFault({ kind: 'status', status: 429, headers: { 'X-Rate-Limit-Time-Reset-Ms': '1500' } }, { match: { path: '/v2/time' } });
    store = await serveStore(sandbox);
    const steady = run({ ...common(sandbox, 'steady', true), kind: 'requests-for', path: '/v2/store', durationMs: 3_000 });
    await sleep(500);
    const limited = run({ ...common(sandbox, 'limited', true), kind: 'burst', requests: 1, path: '/v2/time' });
    await Promise.all([steady.done, limited.done]);
    const rateLimited = store.requests.find((request) => request.status === 429)!;
    const pausedFrom = rateLimited.answeredAtMs! + 50;
    const pausedUntil = rateLimited.answeredAtMs! + 1_500 - 50;
    const steadyRequests = store.requests.filter((request) => request.worker === 'steady');
    const duringPause = steadyRequests.filter((request) => request.receivedAtMs > pausedFrom && request.receivedAtMs < pausedUntil);
    console.log(`the other process: ${steadyRequests.filter((request) => request.receivedAtMs <= pausedFrom).length} requests before the 429, ${duringPause.length} during its 1 500 ms pause, ${steadyRequests.filter((request) => request.receivedAtMs >= pausedUntil).length} after`);
    expect(steadyRequests.some((request) => request.receivedAtMs < rateLimited.receivedAtMs)).toBe(true);
    expect(duringPause).toEqual([]);
    expect(steadyRequests.some((request) => request.receivedAtMs >= pausedUntil)).toBe(true);
    // The 429'd request itself was repeated once the pause was over.
    expect(store.requests.filter((request) => request.worker === 'limited').map((request) => request.status)).toEqual([429, 200]);
  });

  it('Redis restarting mid-run: still one order per PO, and slots recover', async () => {
    const sandbox = createSandboxStore({ latencyMs: 60, products: [{ name: 'Mug', sku: 'MUG-1', price: 9.5, inventory_level: 100_000 }] });
    const { skus } = seedCatalog(sandbox.catalog, { products: 600, seed: 9, maxVariants: 1 });
    let restart: Promise<void> | undefined;
    let posts = 0;
    store = await serveStore(sandbox, (request) => {
      // Once 5 orders are on their way: Redis goes away for longer than the gate's command timeout
      // (1 s), then comes back empty, while the sends and syncs go on.
      if (request.method === 'POST' && (posts += 1) === 5) {
        restart = (async () => {
          await redisServer.stop();
          await sleep(1_500);
          await redisServer.start();
        })();
      }
    });
    await markPoLeasesSafe(store.url, sandbox);
    const pos = purchaseOrders(40, 'MUG-1');
    const senders = ['a', 'b', 'c', 'd'].map((name) =>
      run({ ...common(sandbox, name, true), kind: 'send', orders: pos, timeoutMs: 1_000, settleMs: 500, retryLeaseErrors: true, leaseMs: 1_000, maxConcurrency: 6 }),
    );
    const syncs = ['s1', 's2'].map((name) => run({ ...common(sandbox, name, true), kind: 'sync', pageSize: 10, leaseMs: 1_000, maxConcurrency: 6 }));
    const [sent, synced] = await Promise.all([Promise.all(senders.map((worker) => worker.done)), Promise.all(syncs.map((worker) => worker.done))]);
    await restart;
    const results = sent.flatMap((report) => report.result as Array<{ poNumber: string; created?: boolean; error?: string; attempts?: number }>);
    expect(results.filter((result) => result.error !== undefined)).toEqual([]);
    const failedClosed = results.reduce((total, result) => total + (result.attempts ?? 1) - 1, 0);
    expect([...ordersPerPo(sandbox).values()]).toEqual(Array.from({ length: 40 }, () => 1));
    for (const po of pos) expect(results.filter((result) => result.poNumber === po.poNumber && result.created)).toHaveLength(1);
    for (const report of synced) expect(report.result).toMatchObject({ skus: skus + 1 });
    const events = [...sent, ...synced].flatMap((report) => report.events);
    console.log(
      `Redis down 1.5 s and restarted empty mid-run: ${sandbox.orders.size} orders for 40 POs sent by 4 processes (${failedClosed} sends failed closed and were sent again); gate events ${JSON.stringify(countBy(events))}; most in flight ${store.mostInFlight}; 429s ${store.rateLimited}`,
    );
    // The processes degraded while Redis was away, and those still running went back to it.
    expect(events.filter((event) => event === 'degraded').length).toBeGreaterThan(0);
    expect(events.filter((event) => event === 'recovered').length).toBeGreaterThan(0);
    // Slots recovered: after the restart, the processes' requests in flight are counted again, and
    // a burst from new processes is held to the cap.
    const before = store.requests.length;
    store.resetMostInFlight();
    const capped = ['x', 'y'].map((name) => run({ ...common(sandbox, name, true), kind: 'burst', requests: 12, path: '/v2/store', maxConcurrency: 3 }));
    await Promise.all(capped.map((worker) => worker.done));
    expect(store.requests.length - before).toBe(24);
    expect(store.mostInFlight).toBe(3);
  });

  it('10 processes sending the same 50 POs at once, one killed while its POST is in flight: one order per PO', { timeout: 60_000 }, async () => {
    const sandbox = createSandboxStore({ latencyMs: 20, products: [{ name: 'Mug', sku: 'MUG-1', price: 9.5, inventory_level: 100_000 }] });
    let victim: string | undefined;
    const names = Array.from({ length: 10 }, (_, index) => `w${index}`);
    store = await serveStore(sandbox, (request) => {
      // The first order POST to reach the store: its process dies at once; the store goes on with it.
      if (request.method === 'POST' && request.path === '/v2/orders' && victim === undefined) {
        victim = request.worker;
        workers[names.indexOf(victim)]!.kill();
      }
    });
    await markPoLeasesSafe(store.url, sandbox);
    const pos = purchaseOrders(50, 'MUG-1');
    for (const name of names) run({ ...common(sandbox, name, true), kind: 'send', orders: pos, timeoutMs: 1_000, settleMs: 500, retryLeaseErrors: false, leaseMs: 1_000 });
    const settled = await Promise.allSettled(workers.map((worker) => worker.done));
    const killed = names.indexOf(victim!);
    expect(settled[killed]!.status).toBe('rejected');
    const results = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? (outcome.value.result as Array<{ poNumber: string; created?: boolean; error?: string }>) : []));
    expect(results).toHaveLength(9 * 50);
    expect(results.filter((result) => result.error !== undefined)).toEqual([]);
    const perPo = ordersPerPo(sandbox);
    expect(perPo.size).toBe(50);
    expect([...perPo.values()].every((count) => count === 1)).toBe(true);
    const posts = store.requests.filter((request) => request.method === 'POST' && request.path === '/v2/orders');
    const killedPosts = posts.filter((request) => request.worker === victim);
    // The order w0 was posting when it died was created by the store, and no one created it again.
    const createdBySurvivors = results.filter((result) => result.created).length;
    console.log(`10 processes x 50 POs, ${victim} killed during its POST: ${sandbox.orders.size} orders, ${posts.length} order POSTs (${killedPosts.length} from the killed process), ${createdBySurvivors} created by the 9 others`);
    expect(killedPosts.length).toBeGreaterThanOrEqual(1);
    expect(killedPosts.every((request) => request.status === 200)).toBe(true);
    expect(posts).toHaveLength(50);
    expect(createdBySurvivors + killedPosts.length).toBe(50);
  });
});

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
