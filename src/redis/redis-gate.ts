import { randomUUID } from 'node:crypto';
import type { AcquireOptions, GateSlot, GateStore, PurchaseOrderLease, RateGate } from '../internal/gate/rate-gate';
import type { ThrottleEvent } from '../internal/events';
import { createMemoryGate } from '../internal/gate/memory-gate';
import type { RedisGateEvent } from './events';
import { RedisPurchaseOrderLease } from './purchase-order-lease';
import { RedisCalls, type RedisGateClient } from './redis-calls';
import { storeKeys } from './redis-keys';
import { RedisStoreLane } from './redis-store-lane';
import { SCRIPTS } from './scripts';

/** Options of {@link createRedisGate}. */
export interface RedisGateOptions {
  /**
   * An ioredis client (`new Redis(url, …)` or a `Cluster`) for the gate alone. Not the one BullMQ
   * uses: BullMQ needs `maxRetriesPerRequest: null`, under which a command waits for Redis
   * forever. The gate bounds its own calls (`commandTimeoutMs`) either way.
   */
  readonly redis: RedisGateClient;
  /**
   * Prefix of every key the gate writes. Must not hold `{` or `}`: each store's keys carry its
   * identity in a hash tag of their own.
   * @default 'bigcommerce-source:gate:'
   */
  readonly keyPrefix?: string | undefined;
  /**
   * How long a slot (one request in flight) lives in Redis after its holder last renewed it. A
   * live process renews its slots every third of this; a killed one's slots expire this long
   * after its last renewal, and its requests stop counting against the store's cap.
   * @default 10000
   */
  readonly leaseMs?: number | undefined;
  /**
   * How long the gate waits for Redis to answer one of its calls. Past it, the gate degrades: slots
   * and pauses use the in-memory fallback, PO leases fail closed.
   * @default 1000
   */
  readonly commandTimeoutMs?: number | undefined;
  /**
   * How often a request waiting for something only another process can free (a slot under the
   * cap, a PO's lease) asks again, in milliseconds.
   * @default 25
   */
  readonly pollMs?: number | undefined;
  /**
   * While degraded, how often the gate pings Redis to come back to it, in milliseconds.
   * @default 1000
   */
  readonly probeMs?: number | undefined;
  /**
   * The gate used while Redis is unreachable, for slots and pauses.
   * @default an in-memory gate of this process (as `createMemoryGate()` from `bigcommerce-source`)
   */
  readonly fallback?: RateGate | undefined;
  /** Called when the gate degrades, recovers, or finds a PO lease lost. A listener that throws is ignored. */
  readonly onEvent?: ((event: RedisGateEvent) => void) | undefined;
}

/** A {@link RateGate} shared through Redis, as returned by {@link createRedisGate}. */
export interface RedisGate extends RateGate {
  /** True while Redis is unreachable and the gate uses its in-memory fallback. */
  readonly degraded: boolean;
  /**
   * Stops renewing and probing (for a graceful shutdown, after the sources are done): slots and
   * leases still held then expire in Redis on their own. The gate is not to be used after it.
   */
  close(): void;
}

/** The longest gap between two asks for a PO's lease that another holder has. */
const MAX_LEASE_GAP_MS = 250;

const DEFAULTS = { keyPrefix: 'bigcommerce-source:gate:', leaseMs: 10_000, commandTimeoutMs: 1_000, pollMs: 25, probeMs: 1_000 } as const;

/**
 * A rate gate shared by every process and machine given the same Redis: per store, the in-flight
 * cap (the smallest `maxConcurrency` of the processes using the store), the pause after a 429,
 * the quota window (what is left of it, requests in flight counted against it, its refill), high
 * before bulk, and each purchase order's lease, so that one PO becomes one order across a fleet.
 * The rules are those of the in-memory gate, held in Redis by atomic Lua scripts.
 *
 * - Slots and PO leases are renewed while their holder is alive and expire a fixed time after the
 *   last renewal (`leaseMs` for slots; for a PO, the send's `timeoutMs` + `settleMs`), so a killed
 *   process holds nothing for long.
 * - A holder that lost its PO lease fails closed before its POST (`PurchaseOrderLeaseError`).
 * - When Redis is unreachable, slots and pauses degrade to an in-memory gate (a `degraded` event,
 *   then `recovered`), and PO sends fail closed with `PurchaseOrderLeaseError`.
 *
 * Node only (it uses `node:crypto`, as ioredis needs Node anyway). See docs/scaling.md.
 * @throws {TypeError} naming every invalid option.
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { BigCommerceSource, createApiKeyAuth } from 'bigcommerce-source';
 * import { createRedisGate } from 'bigcommerce-source/redis';
 *
 * // A client of its own, not BullMQ's (which needs maxRetriesPerRequest: null).
 * const gate = createRedisGate({ redis: new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 1 }) });
 * const source = new BigCommerceSource({ storeHash, auth: createApiKeyAuth({ accessToken }), gate });
 * ```
 */
export function createRedisGate(options: RedisGateOptions): RedisGate {
  const settings = resolveOptions(options);
  const calls = new RedisCalls(settings.redis, settings.commandTimeoutMs);
  const instance = randomUUID();
  const fallback = settings.fallback ?? createMemoryGate();
  const lanes = new Map<string, RedisStoreLane>();
  const leases = new Set<RedisPurchaseOrderLease>();
  let down: { reason: string; sinceMs: number } | undefined;
  let probe: ReturnType<typeof setInterval> | undefined;
  let heartbeat: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let nextLease = 0;

  const emit = (event: RedisGateEvent) => {
    try {
      settings.onEvent?.(event);
    } catch {
      // A failing listener must not fail the requests the gate serves.
    }
  };

  const fail = (error: unknown) => {
    if (down) return;
    down = { reason: error instanceof Error ? error.message : String(error), sinceMs: Date.now() };
    emit({ type: 'degraded', reason: down.reason });
    for (const lane of lanes.values()) lane.handOver();
    if (closed) return;
    let probing = false;
    probe = setInterval(() => {
      if (probing) return;
      probing = true;
      calls.ping().then(recover, () => undefined).finally(() => (probing = false));
    }, settings.probeMs);
    probe.unref?.();
  };

  const recover = () => {
    if (!down) return;
    const degradedMs = Date.now() - down.sinceMs;
    down = undefined;
    clearInterval(probe);
    probe = undefined;
    emit({ type: 'recovered', degradedMs });
    keepAlive();
    // Slots held since before are renewed (added back if Redis lost them) on the first beat.
    beat();
  };

  const renewLane = (lane: RedisStoreLane) => {
    if (down) return;
    const ceilings = [...lane.ceilings];
    calls
      .run(SCRIPTS.renew, [lane.keys.slots, lane.keys.members, lane.keys.waiting], [
        instance,
        settings.leaseMs,
        lane.highMarkMs,
        lane.bulkMarkMs,
        lane.operationMarkMs,
        ceilings.length,
        ...ceilings,
        ...lane.held,
      ])
      .catch(fail);
  };

  /** Renews everything held: slots (and their ceilings and waiting marks) and PO leases. */
  const beat = () => {
    if (down || closed) return;
    for (const lane of lanes.values()) if (lane.busy) renewLane(lane);
    for (const lease of leases) lease.renew();
  };

  const keepAlive = () => {
    if (heartbeat !== undefined || closed) return;
    const tick = () => {
      beat();
      const busy = leases.size > 0 || [...lanes.values()].some((lane) => lane.busy);
      if (!busy || closed) {
        heartbeat = undefined;
        return;
      }
      heartbeat = setTimeout(tick, renewEveryMs());
      heartbeat.unref?.();
    };
    heartbeat = setTimeout(tick, renewEveryMs());
    heartbeat.unref?.();
  };

  /** A third of the shortest lifetime held, so two renewals can fail before anything expires. */
  const renewEveryMs = () => {
    let shortest: number = settings.leaseMs;
    for (const lease of leases) shortest = Math.min(shortest, lease.ttlMs);
    return Math.max(10, Math.floor(shortest / 3));
  };

  // A waiting mark outlives the sleeps between two asks (at most a second) and a heartbeat.
  const markMs = Math.max(3_000, Math.ceil(settings.leaseMs / 3) * 2);

  const laneOf = (store: GateStore) => {
    let lane = lanes.get(store.id);
    if (!lane) {
      lane = new RedisStoreLane(store, storeKeys(settings.keyPrefix, store.id), {
        calls,
        instance,
        leaseMs: settings.leaseMs,
        pollMs: settings.pollMs,
        markMs,
        fallback,
        isDown: () => down !== undefined,
        fail,
        keepAlive,
        renew: renewLane,
      });
      lanes.set(store.id, lane);
    }
    return lane;
  };

  const leaseContext = {
    calls,
    isDown: () => down !== undefined,
    downReason: () => down?.reason ?? '',
    fail,
    forget: (lease: RedisPurchaseOrderLease) => leases.delete(lease),
    lost: (lease: RedisPurchaseOrderLease) => emit({ type: 'lease-lost', storeHash: lease.storeHash, poNumber: lease.poNumber }),
  };

  return {
    get degraded() {
      return down !== undefined;
    },
    acquire: (store: GateStore, acquireOptions: AcquireOptions): Promise<GateSlot> => laneOf(store).acquire(acquireOptions),
    pause: (store: GateStore, waitMs: number, onThrottle: (event: ThrottleEvent) => void): void => laneOf(store).pause(waitMs, onThrottle),
    async leasePurchaseOrder(store, poNumber, { ttlMs, signal }): Promise<PurchaseOrderLease> {
      signal?.throwIfAborted();
      const keys = laneOf(store).keys;
      const key = keys.po(poNumber);
      const token = `${instance}:${(nextLease += 1)}`;
      const ttl = Math.max(1, Math.ceil(ttlMs));
      // A held lease is asked for again at growing gaps: a second sender of a PO is rare, and a
      // fleet's many sends of one batch of POs must not flood Redis while one holder works.
      let gapMs = 2 * settings.pollMs;
      for (;;) {
        if (down) throw new Error(`Redis is unreachable (${down.reason})`);
        let answer: unknown[];
        try {
          answer = await calls.run(SCRIPTS.lease_acquire, [key, keys.poSince], [token, ttl]);
        } catch (error) {
          // A call that timed out may still run later and take the lease: give it back.
          calls.run(SCRIPTS.lease_release, [key], [token]).catch(() => undefined);
          fail(error);
          throw new Error(`Redis did not grant the lease: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
        const [code, waitMs] = answer as [number, number | undefined];
        if (code === 0) {
          const lease = new RedisPurchaseOrderLease(leaseContext, { key, token, ttlMs: ttl, storeHash: store.storeHash, poNumber });
          leases.add(lease);
          keepAlive();
          return lease;
        }
        // Held by another holder (poll: it may give it back before it expires), or Redis restarted
        // less than a lease's lifetime ago.
        await sleep(Math.max(1, Math.min(Number(waitMs ?? gapMs), code === 1 ? gapMs : 1_000)), signal);
        if (code === 1) gapMs = Math.min(Math.ceil(gapMs * 1.5), MAX_LEASE_GAP_MS);
      }
    },
    close() {
      closed = true;
      clearInterval(probe);
      clearTimeout(heartbeat);
      heartbeat = undefined;
    },
  };
}

interface ResolvedOptions {
  readonly redis: RedisGateClient;
  readonly keyPrefix: string;
  readonly leaseMs: number;
  readonly commandTimeoutMs: number;
  readonly pollMs: number;
  readonly probeMs: number;
  readonly fallback: RateGate | undefined;
  readonly onEvent: ((event: RedisGateEvent) => void) | undefined;
}

function resolveOptions(options: RedisGateOptions): ResolvedOptions {
  const problems: string[] = [];
  const given = (typeof options === 'object' && options !== null ? options : {}) as Partial<RedisGateOptions>;
  const redis = given.redis;
  if (!redis || !['evalsha', 'eval', 'ping'].every((method) => typeof (redis as unknown as Record<string, unknown>)[method] === 'function')) {
    problems.push('redis: expected an ioredis client (new Redis(…) or a Cluster)');
  }
  const keyPrefix = given.keyPrefix ?? DEFAULTS.keyPrefix;
  if (typeof keyPrefix !== 'string' || /[{}]/.test(keyPrefix)) problems.push('keyPrefix: expected a string without { or }');
  const number = (name: 'leaseMs' | 'commandTimeoutMs' | 'pollMs' | 'probeMs', min: number) => {
    const value = given[name] ?? DEFAULTS[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > 2_147_483_647) problems.push(`${name}: expected a whole number of milliseconds, at least ${min}`);
    return value;
  };
  const leaseMs = number('leaseMs', 100);
  const commandTimeoutMs = number('commandTimeoutMs', 1);
  const pollMs = number('pollMs', 1);
  const probeMs = number('probeMs', 1);
  const fallback = given.fallback;
  if (fallback !== undefined && !['acquire', 'pause', 'leasePurchaseOrder'].every((method) => typeof (fallback as unknown as Record<string, unknown>)[method] === 'function')) {
    problems.push('fallback: expected a rate gate (createMemoryGate())');
  }
  if (given.onEvent !== undefined && typeof given.onEvent !== 'function') problems.push('onEvent: expected a function');
  if (problems.length > 0) throw new TypeError(`[bigcommerce-source/redis] createRedisGate: invalid options. ${problems.join('; ')}.`);
  return { redis: redis!, keyPrefix, leaseMs, commandTimeoutMs, pollMs, probeMs, fallback, onEvent: given.onEvent };
}

// Its own, not src/internal/sleep: bigcommerce-source/redis takes only the gate from the SDK
// (test/architecture/layers.test.ts).
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
