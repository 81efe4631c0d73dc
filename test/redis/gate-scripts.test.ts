import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { storeKeys } from '../../src/redis/redis-keys';
import { SCRIPTS, type ScriptName } from '../../src/redis/scripts';
import { describeWithRedis, startRedisServer, type TestRedisServer } from './redis-server';

// The Lua scripts of src/redis/gate.lua, each called as the gate calls it, against a real Redis.

const keys = storeKeys('test:', 'https://api.bigcommerce.com/stores/abc123');
const run = (redis: Redis, name: ScriptName, scriptKeys: string[], args: Array<string | number>) =>
  redis.eval(SCRIPTS[name].text, scriptKeys.length, ...scriptKeys, ...args) as Promise<unknown[]>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithRedis('gate.lua', () => {
  let server: TestRedisServer;
  let redis: Redis;
  let nextSlot = 0;

  beforeAll(async () => {
    server = await startRedisServer();
    redis = new Redis(server.port, '127.0.0.1', { lazyConnect: true });
    await redis.connect();
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });
  beforeEach(async () => {
    await redis.flushall();
  });

  interface Ask {
    instance?: string;
    priority?: 'high' | 'bulk';
    ceiling?: number;
    concurrency?: 'adaptive' | 'fixed';
    share?: number;
    leaseMs?: number;
    hasHigh?: boolean;
    hasBulk?: boolean;
    operationMs?: number;
  }
  const acquire = async (ask: Ask = {}) => {
    const slot = `slot-${(nextSlot += 1)}`;
    const answer = await run(redis, 'acquire', [keys.slots, keys.state, keys.members, keys.waiting], [
      slot,
      ask.instance ?? 'one',
      ask.priority ?? 'bulk',
      ask.ceiling ?? 16,
      ask.concurrency ?? 'adaptive',
      ask.share ?? 1,
      ask.leaseMs ?? 10_000,
      ask.hasHigh ? 3_000 : 0,
      ask.hasBulk ? 3_000 : 0,
      ask.operationMs ?? 0,
    ]);
    return { slot, code: answer[0] as number, answer };
  };
  const acquireUntilRefused = async (ask: Ask = {}) => {
    const granted: string[] = [];
    for (let index = 0; index < 50; index += 1) {
      const result = await acquire(ask);
      if (result.code !== 0) return { granted, refusal: result.answer };
      granted.push(result.slot);
    }
    throw new Error('never refused');
  };
  const report = (slot: string, left: number, quota: number | '', resetMs: number, windowMs: number | '' = '', concurrency = 'adaptive') =>
    run(redis, 'report', [keys.slots, keys.state], [slot, concurrency, left, quota, resetMs, windowMs]);
  const release = (slot: string) => run(redis, 'release', [keys.slots], [slot]);
  const state = async () => {
    const fields = await redis.hgetall(keys.state);
    return { quota: Number(fields.quota), left: Number(fields.left) };
  };

  it('keys: every key of a store in one hash tag naming the store, and two stores apart', () => {
    const other = storeKeys('test:', 'https://api.bigcommerce.com/stores/abc1234');
    const all = [keys.slots, keys.state, keys.members, keys.waiting, keys.poSince, keys.po('PO-1')];
    const tags = all.map((key) => /\{([^}]*)\}/.exec(key)![1]);
    expect(new Set(tags)).toEqual(new Set(['https%3A%2F%2Fapi.bigcommerce.com%2Fstores%2Fabc123']));
    expect(all.every((key) => key.indexOf('{') === key.lastIndexOf('{'))).toBe(true);
    expect(other.slots).not.toBe(keys.slots);
    // A PO number with braces or colons stays inside its own key segment.
    expect(keys.po('PO-{1}:x')).toBe(`test:{https%3A%2F%2Fapi.bigcommerce.com%2Fstores%2Fabc123}:po:PO-%7B1%7D%3Ax`);
  });

  it('acquire: 4 in flight until the store\'s headers arrive, then up to the ceiling', async () => {
    const first = await acquireUntilRefused();
    expect(first.granted).toHaveLength(4);
    expect(first.refusal).toEqual([1]);
    await report(first.granted[0]!, 400, 450, 30_000, 30_000);
    const more = await acquireUntilRefused();
    expect(more.granted).toHaveLength(12);
    expect(await redis.zcard(keys.slots)).toBe(16);
  });

  it('acquire: the cap is the smallest ceiling of the live processes using the store', async () => {
    await acquire({ instance: 'small', ceiling: 2, concurrency: 'fixed', leaseMs: 300 });
    await release(`slot-${nextSlot}`);
    const capped = await acquireUntilRefused({ instance: 'big', ceiling: 6, concurrency: 'fixed' });
    expect(capped.granted).toHaveLength(2);
    // The small process's registration expires with its lease: the cap is the big one's again.
    await sleep(350);
    for (const slot of capped.granted) await release(slot);
    const later = await acquireUntilRefused({ instance: 'big', ceiling: 6, concurrency: 'fixed' });
    expect(later.granted).toHaveLength(6);
  });

  it('report: requests in flight count against what is left; a spent window waits for its refill, then refills', async () => {
    const { granted } = await acquireUntilRefused();
    // 6 left, and 3 others in flight that the store may not have counted yet: 3 more may start.
    await report(granted[0]!, 6, 12, 400, 400);
    expect(await state()).toEqual({ quota: 12, left: 3 });
    for (const slot of granted) await release(slot);
    const next = await acquireUntilRefused();
    expect(next.granted).toHaveLength(3);
    expect(next.refusal[0]).toBe(2);
    expect(next.refusal[1]).toBeGreaterThan(0);
    expect(next.refusal[1]).toBeLessThanOrEqual(400);
    expect(next.refusal[2]).toBe('quota-exhausted');
    for (const slot of next.granted) await release(slot);
    await sleep(Number(next.refusal[1]) + 5);
    const refilled = await acquireUntilRefused({ ceiling: 50 });
    // Refilled: 12, nothing in flight; then the window is unknown until an answer says when it refills.
    expect(refilled.granted).toHaveLength(12);
    expect(refilled.refusal).toEqual([1]);
  });

  it('report: an answer written earlier in the same window never raises what is left; a later window replaces it', async () => {
    const { granted } = await acquireUntilRefused();
    await report(granted[0]!, 100, 150, 30_000, 30_000);
    expect((await state()).left).toBe(97);
    // A slower answer from the same window, written when 120 were left, arrives after.
    await report(granted[1]!, 120, 150, 29_950, 30_000);
    expect((await state()).left).toBe(97);
    // Without the window's length, the latest answer is taken (as the in-memory gate does).
    await report(granted[1]!, 120, 150, 29_950, '');
    expect((await state()).left).toBe(117);
  });

  it('acquire: leaves the share of the quota it was not given to the store\'s other apps', async () => {
    const { granted } = await acquireUntilRefused({ share: 0.5 });
    await report(granted[0]!, 12, 12, 2_000, 2_000);
    for (const slot of granted) await release(slot);
    // 12 left, less the 3 others in flight the store may not have counted, less 6 kept: 3 start.
    const next = await acquireUntilRefused({ share: 0.5 });
    expect(next.granted).toHaveLength(3);
    expect(next.refusal[2]).toBe('quota-exhausted');
  });

  it('pause: nothing starts until it ends; a longer pause in force wins; the window is spent until then', async () => {
    const { granted } = await acquireUntilRefused();
    await report(granted[0]!, 100, 150, 30_000, 30_000);
    expect((await run(redis, 'pause', [keys.state], [300]))[0]).toBe(1);
    expect((await run(redis, 'pause', [keys.state], [100]))[0]).toBe(0);
    expect(await state()).toEqual({ quota: 150, left: 0 });
    const refused = await acquire({ priority: 'high' });
    expect(refused.answer.slice(0, 1)).toEqual([2]);
    expect(refused.answer[2]).toBe('rate-limited');
    await sleep(Number(refused.answer[1]) + 5);
    for (const slot of granted) await release(slot);
    // The window refilled when the pause ended.
    expect((await acquire()).code).toBe(0);
  });

  it('report (fixed concurrency): an answer with nothing left pauses the store until the window refills', async () => {
    const { slot } = await acquire({ concurrency: 'fixed', ceiling: 4 });
    expect(await report(slot, 0, '', 250, '', 'fixed')).toEqual([1, 250]);
    const refused = await acquire({ concurrency: 'fixed', ceiling: 4 });
    expect(refused.answer[0]).toBe(2);
    expect(refused.answer[2]).toBe('quota-exhausted');
  });

  it('acquire: bulk requests give way to high ones waiting in any process, one bulk after every four high', async () => {
    // Process A has a high request waiting (its mark), process B asks for a bulk slot.
    await release((await acquire({ instance: 'A', priority: 'high', hasHigh: true })).slot);
    expect((await acquire({ instance: 'B', priority: 'bulk', hasBulk: true })).code).toBe(3);
    for (let high = 0; high < 4; high += 1) {
      const granted = await acquire({ instance: 'A', priority: 'high', hasHigh: true });
      expect(granted.code).toBe(0);
      await release(granted.slot);
    }
    // Four high in a row while B's bulk waited: one bulk goes.
    expect((await acquire({ instance: 'B', priority: 'bulk', hasBulk: true })).code).toBe(0);
    expect((await acquire({ instance: 'B', priority: 'bulk', hasBulk: true })).code).toBe(3);
    // A's high requests are done (its mark is cleared): bulk goes freely.
    await run(redis, 'renew', [keys.slots, keys.members, keys.waiting], ['A', 10_000, 0, 0, 0, 0]);
    expect((await acquire({ instance: 'B', priority: 'bulk', hasBulk: true })).code).toBe(0);
  });

  it('acquire: while an operation is under way elsewhere, bulk requests leave it the last 3 of the window, for as long as its mark lives', async () => {
    const first = await acquire({ instance: 'B' });
    await report(first.slot, 10, 20, 30_000, 30_000);
    await release(first.slot);
    // Process A's order is under way (between two of its requests): B's bulk requests stop at 3 left.
    await run(redis, 'renew', [keys.slots, keys.members, keys.waiting], ['A', 10_000, 0, 0, 300, 0]);
    const bulk = await acquireUntilRefused({ instance: 'B', hasBulk: true });
    expect(bulk.granted).toHaveLength(7);
    // Asked to come back when the operation's mark lapses (the window refills later).
    expect(bulk.refusal[0]).toBe(3);
    expect(bulk.refusal[1]).toBeGreaterThan(200);
    expect(bulk.refusal[1]).toBeLessThanOrEqual(300);
    // A's next request goes.
    expect((await acquire({ instance: 'A', priority: 'high', operationMs: 300 })).code).toBe(0);
    // Once A's operation mark has lapsed, bulk spends the rest.
    await sleep(350);
    expect((await acquireUntilRefused({ instance: 'B', hasBulk: true })).granted).toHaveLength(2);
  });

  it('slots: a slot not renewed expires; renew keeps it and adds it back after Redis lost it', async () => {
    const kept = await acquire({ leaseMs: 300 });
    await acquire({ leaseMs: 300 }); // never renewed
    await sleep(150);
    await run(redis, 'renew', [keys.slots, keys.members, keys.waiting], ['one', 300, 0, 0, 0, 1, 16, kept.slot]);
    await sleep(200);
    await acquire({ leaseMs: 10_000 }); // drops what expired
    expect(await redis.zrange(keys.slots, '0', '-1')).toEqual([kept.slot, `slot-${nextSlot}`]);
    await redis.flushall();
    await run(redis, 'renew', [keys.slots, keys.members, keys.waiting], ['one', 10_000, 0, 0, 0, 1, 16, kept.slot]);
    expect(await redis.zrange(keys.slots, '0', '-1')).toEqual([kept.slot]);
  });

  it('PO lease: one holder at a time, renewed and given back only by its holder', async () => {
    await redis.set(keys.poSince, '1');
    const po = keys.po('PO-1');
    expect(await run(redis, 'lease_acquire', [po, keys.poSince], ['holder-1', 5_000])).toEqual([0]);
    const held = await run(redis, 'lease_acquire', [po, keys.poSince], ['holder-2', 5_000]);
    expect(held[0]).toBe(1);
    expect(held[1]).toBeGreaterThan(4_000);
    expect(await run(redis, 'lease_renew', [po], ['holder-2', 5_000])).toEqual([0]);
    expect(await run(redis, 'lease_release', [po], ['holder-2'])).toEqual([0]);
    expect(await run(redis, 'lease_renew', [po], ['holder-1', 60_000])).toEqual([1]);
    expect(await redis.pttl(po)).toBeGreaterThan(59_000);
    expect(await run(redis, 'lease_release', [po], ['holder-1'])).toEqual([1]);
    expect(await run(redis, 'lease_acquire', [po, keys.poSince], ['holder-2', 5_000])).toEqual([0]);
  });

  it('PO lease: expires a fixed time after the last renewal', async () => {
    await redis.set(keys.poSince, '1');
    const po = keys.po('PO-2');
    expect(await run(redis, 'lease_acquire', [po, keys.poSince], ['holder-1', 200])).toEqual([0]);
    await sleep(120);
    expect(await run(redis, 'lease_renew', [po], ['holder-1', 200])).toEqual([1]);
    await sleep(120);
    expect((await run(redis, 'lease_acquire', [po, keys.poSince], ['holder-2', 200]))[0]).toBe(1);
    await sleep(100);
    expect(await run(redis, 'lease_renew', [po], ['holder-1', 200])).toEqual([0]);
    expect(await run(redis, 'lease_acquire', [po, keys.poSince], ['holder-2', 200])).toEqual([0]);
  });

  it('PO lease: a Redis that lost its data grants no lease before a lease\'s lifetime has passed since it started', async () => {
    const po = keys.po('PO-3');
    // This server started moments ago and holds no marker: a lease of 10 minutes must wait.
    const waiting = await run(redis, 'lease_acquire', [po, keys.poSince], ['holder-1', 600_000]);
    expect(waiting[0]).toBe(2);
    expect(waiting[1]).toBeGreaterThan(500_000);
    expect(await redis.exists(po)).toBe(0);
    // A lease shorter than the server's uptime is granted, and the marker is set.
    await sleep(1_100);
    expect(await run(redis, 'lease_acquire', [po, keys.poSince], ['holder-1', 500])).toEqual([0]);
    expect(await redis.exists(keys.poSince)).toBe(1);
    // With the marker (Redis kept its data), even a long lease is granted at once.
    expect(await run(redis, 'lease_acquire', [keys.po('PO-4'), keys.poSince], ['holder-1', 600_000])).toEqual([0]);
  });
});
