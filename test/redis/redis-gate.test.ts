import { createServer, type Server, type Socket } from 'node:net';
import { Redis, type RedisOptions } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { BigCommerceSource, PurchaseOrderLeaseError, createApiKeyAuth, type SourceEvent } from '../../src/index';
import { createRedisGate, type RedisGate, type RedisGateEvent } from '../../src/redis/index';
import { createSandboxStore, type SandboxStore } from '../../src/testing/index';
import { CATALOG, purchaseOrder } from '../operations/orders/fixtures';
import { storeKeys } from '../../src/redis/redis-keys';
import { describeWithRedis, startRedisServer, type TestRedisServer } from './redis-server';

/** A source on `sandbox` through a fetch of its own: sources in one test are as apart as two processes' are. */
function sourceOn(sandbox: SandboxStore, gate: RedisGate, onEvent?: (event: SourceEvent) => void) {
  const fetch: typeof globalThis.fetch = (input, init) => sandbox.fetch(input as string, init);
  return new BigCommerceSource({ storeHash: sandbox.storeHash, auth: createApiKeyAuth({ accessToken: sandbox.accessToken }), fetch, gate, onEvent });
}

/** The marker that tells the gate this Redis lost no data (see gate.lua's lease_acquire). */
const PO_SINCE = storeKeys('test:', 'https://api.bigcommerce.com/stores/sandbox1').poSince;

const statuses = (sandboxRequests: number, events: SourceEvent[]) => ({
  sent: sandboxRequests,
  rateLimited: events.filter((event) => event.type === 'response' && event.status === 429).length,
});

describeWithRedis('createRedisGate', () => {
  let server: TestRedisServer;
  const clients: Redis[] = [];
  const gates: RedisGate[] = [];
  const client = (options: RedisOptions = {}) => {
    const redis = new Redis(server.port, '127.0.0.1', { maxRetriesPerRequest: 1, ...options });
    // ioredis reports connection errors as events; the gate sees them as failed calls.
    redis.on('error', () => undefined);
    clients.push(redis);
    return redis;
  };
  const gate = (options: Partial<Parameters<typeof createRedisGate>[0]> = {}) => {
    const created = createRedisGate({ redis: client(), keyPrefix: 'test:', ...options });
    gates.push(created);
    return created;
  };

  beforeAll(async () => {
    server = await startRedisServer();
    // PO leases are granted once Redis has been up for a lease's lifetime (see gate.lua): these
    // tests' leases live 2.5 s at most, and the marker below says this Redis lost nothing.
  });
  beforeEach(async () => {
    const admin = client();
    await admin.flushall();
    await admin.set(PO_SINCE, '1');
  });
  afterEach(() => {
    for (const created of gates.splice(0)) created.close();
    for (const redis of clients.splice(0)) redis.disconnect();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const sandboxWith = (options: Parameters<typeof createSandboxStore>[0] = {}) => createSandboxStore({ products: CATALOG, ...options });

  it('refuses bad options with one TypeError naming each', () => {
    expect(() => createRedisGate({ redis: {} as never, keyPrefix: 'a{b}', leaseMs: 5 })).toThrow(
      new TypeError(
        '[bigcommerce-source/redis] createRedisGate: invalid options. redis: expected an ioredis client (new Redis(…) or a Cluster); keyPrefix: expected a string without { or }; leaseMs: expected a whole number of milliseconds, at least 100.',
      ),
    );
  });

  it('two gates (two processes) on one store hold its window together: no 429', async () => {
    const sandbox = sandboxWith({ rateLimit: { quota: 12, windowMs: 500 }, latencyMs: 10 });
    const events: SourceEvent[] = [];
    const onEvent = (event: SourceEvent) => events.push(event);
    const burst = (source: BigCommerceSource) => Promise.all(Array.from({ length: 20 }, () => source.request({ method: 'GET', path: '/v2/store' })));
    await Promise.all([burst(sourceOn(sandbox, gate(), onEvent)), burst(sourceOn(sandbox, gate(), onEvent))]);
    expect(statuses(sandbox.requests.length, events)).toEqual({ sent: 40, rateLimited: 0 });
  });

  it('a second sender of a PO waits for the lease, then finds the order', async () => {
    const sandbox = sandboxWith({ latencyMs: 20 });
    const [first, second] = await Promise.all([
      sourceOn(sandbox, gate()).orders.send(purchaseOrder(), { settleMs: 500, timeoutMs: 2_000 }),
      sourceOn(sandbox, gate()).orders.send(purchaseOrder(), { settleMs: 500, timeoutMs: 2_000 }),
    ]);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    expect(first.orderId).toBe(second.orderId);
    expect(sandbox.orders.size).toBe(1);
    const lines = sandbox.requests.map((request) => `${request.method} ${request.path}`);
    expect(lines.filter((line) => line === 'POST /v2/orders')).toHaveLength(1);
    // The waiting sender's lookup came after the order was created.
    expect(lines.lastIndexOf('GET /v2/orders')).toBeGreaterThan(lines.indexOf('POST /v2/orders'));
  });

  it('without Redis: requests go through the in-memory fallback (degraded, then recovered); PO sends fail closed', async () => {
    const events: RedisGateEvent[] = [];
    const shared = gate({ onEvent: (event) => events.push(event), commandTimeoutMs: 300, probeMs: 100 });
    const sandbox = sandboxWith();
    const source = sourceOn(sandbox, shared);
    await source.request({ method: 'GET', path: '/v2/store' });
    expect(shared.degraded).toBe(false);
    await server.stop();
    try {
      // Reads keep working, through the fallback.
      await source.request({ method: 'GET', path: '/v2/store' });
      expect(shared.degraded).toBe(true);
      expect(events[0]).toMatchObject({ type: 'degraded' });
      // An order is not sent without its lease.
      sandbox.clearRequests();
      const error = await source.orders.send(purchaseOrder()).catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(PurchaseOrderLeaseError);
      expect(error).toMatchObject({ phase: 'acquire', poNumber: 'PO-1001' });
      expect(sandbox.requests).toHaveLength(0);
    } finally {
      await server.start();
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(shared.degraded).toBe(false);
    expect(events.map((event) => event.type)).toEqual(['degraded', 'recovered']);
    await client().set(PO_SINCE, '1');
    await expect(source.orders.send(purchaseOrder(), { settleMs: 0 })).resolves.toMatchObject({ created: true });
  });

  it('a Redis that never answers (a client queueing forever, as BullMQ\'s) degrades after the command timeout instead of hanging', async () => {
    // A TCP server that accepts connections and never says a word.
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const events: RedisGateEvent[] = [];
      const stuck = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: null, connectTimeout: 60_000 });
      stuck.on('error', () => undefined);
      clients.push(stuck);
      const shared = createRedisGate({ redis: stuck, commandTimeoutMs: 200, onEvent: (event) => events.push(event) });
      gates.push(shared);
      const sandbox = sandboxWith();
      const response = await sourceOn(sandbox, shared).request({ method: 'GET', path: '/v2/store' });
      expect(response.status).toBe(200);
      expect(events).toEqual([{ type: 'degraded', reason: 'Redis did not answer the acquire script within 200 ms' }]);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('a lease Redis lost before the create: the send fails closed, nothing posted', async () => {
    const sandbox = sandboxWith();
    const admin = client();
    const events: RedisGateEvent[] = [];
    const shared = gate({ onEvent: (event) => events.push(event) });
    // Redis forgets everything while the PO's SKUs are looked up, after the lease was taken.
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (String(input).includes('/v3/catalog/variants')) await admin.flushall();
      return sandbox.fetch(input as string, init);
    };
    const source = new BigCommerceSource({ storeHash: sandbox.storeHash, auth: createApiKeyAuth({ accessToken: sandbox.accessToken }), fetch, gate: shared });
    const error = await source.orders.send(purchaseOrder(), { settleMs: 0 }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(PurchaseOrderLeaseError);
    expect(error).toMatchObject({ phase: 'confirm' });
    expect(sandbox.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
    expect(sandbox.orders.size).toBe(0);
    expect(events).toContainEqual({ type: 'lease-lost', storeHash: 'sandbox1', poNumber: 'PO-1001' });
  });

  it('a ceiling is shared: the smallest maxConcurrency of the gates using a store caps them all', async () => {
    const sandbox = sandboxWith({ latencyMs: 30 });
    let inFlight = 0;
    let most = 0;
    const counted = (source: (input: string, init?: RequestInit) => Promise<Response>) => async (input: string, init?: RequestInit) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await source(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    const make = (maxConcurrency: number) =>
      new BigCommerceSource({
        storeHash: sandbox.storeHash,
        auth: createApiKeyAuth({ accessToken: sandbox.accessToken }),
        fetch: counted((input, init) => sandbox.fetch(input, init)) as typeof globalThis.fetch,
        gate: gate(),
        maxConcurrency,
        concurrency: 'fixed',
      });
    const small = make(2);
    const big = make(8);
    await small.request({ method: 'GET', path: '/v2/store' });
    await Promise.all(Array.from({ length: 24 }, () => big.request({ method: 'GET', path: '/v2/store' })));
    expect(most).toBe(2);
  });
});
