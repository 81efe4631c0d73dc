import type { ThrottleEvent } from '../internal/events';
import type { AcquireOptions, GateSlot, GateStore, RateGate } from '../internal/gate/rate-gate';
import { HIGH_STREAK, operationHoldMs, type Waiter } from '../internal/gate/lane-rules';
import type { RedisCalls } from './redis-calls';
import type { StoreKeys } from './redis-keys';
import { SCRIPTS } from './scripts';

/** What a store's lane needs of its gate. */
export interface LaneContext {
  readonly calls: RedisCalls;
  /** This gate's id in Redis: slots, ceilings and waiting marks are named by it. */
  readonly instance: string;
  /** How long a slot lives in Redis after its last renewal. */
  readonly leaseMs: number;
  /** How often a waiting request asks again when only another process can free what it waits for. */
  readonly pollMs: number;
  /** How long a waiting mark lives in Redis after it was last set while requests wait. */
  readonly markMs: number;
  /** The gate used while Redis is unreachable. */
  readonly fallback: RateGate;
  isDown(): boolean;
  /** A call failed: switch to the fallback (once) and report it. */
  fail(error: unknown): void;
  /** Something is held that must be renewed: make sure the heartbeat runs. */
  keepAlive(): void;
  /** Renews this lane's slots and waiting marks now (a mark is cleared when nothing waits). */
  renew(lane: RedisStoreLane): void;
}

/** The longest a waiting request sleeps before asking Redis again (its waiting mark stays fresh). */
const MAX_SLEEP_MS = 1_000;

/**
 * One store's requests in this process, as seen through Redis: the requests waiting here (high
 * first) ask Redis, one at a time, whether they may start (`acquire` in gate.lua: the in-flight
 * cap, the pause, the quota window, high before bulk, for every process at once). A request that
 * may not start yet sleeps until what it waits for can have changed: the window's refill or the
 * pause's end, a release in this process, or the next poll (another process's release).
 */
export class RedisStoreLane {
  readonly keys: StoreKeys;
  /** Slot ids this process holds in Redis (renewed by the heartbeat). */
  readonly held = new Set<string>();
  /** The ceilings of the sources that used this store here (the smallest live one caps everyone). */
  readonly ceilings = new Set<number>();
  readonly #store: GateStore;
  readonly #context: LaneContext;
  readonly #high: Waiter[] = [];
  readonly #bulk: Waiter[] = [];
  #highStreak = 0;
  #pumping = false;
  #wake: (() => void) | undefined;
  #nextSlot = 0;
  /** The end of the last pause or spent window a throttle event was sent for, by reason. */
  readonly #reportedUntil = new Map<ThrottleEvent['reason'], number>();
  /** Until when this process's high requests hold bulk requests back, though none waits now. */
  #highHoldUntil = 0;
  /** The store's latest observed latency. */
  #latencyMs = 0;

  constructor(store: GateStore, keys: StoreKeys, context: LaneContext) {
    this.#store = store;
    this.keys = keys;
    this.#context = context;
  }

  /** Whether anything of this store must be renewed. */
  get busy(): boolean {
    return this.held.size > 0 || this.#high.length > 0 || this.#bulk.length > 0;
  }

  /** How long Redis should mark this process as having high requests waiting: while some wait here. */
  get highMarkMs(): number {
    return this.#high.length > 0 ? this.#context.markMs : 0;
  }

  get bulkMarkMs(): number {
    return this.#bulk.length > 0 ? this.#context.markMs : 0;
  }

  /**
   * How long Redis should mark this process as having a one-resource operation under way: for a
   * short hold after one of its high requests started or ended. An operation's high requests come
   * one after the other (an order: its lookup, its SKUs, its POST), so between two of them none
   * waits; meanwhile bulk requests elsewhere leave it the last few requests of the window, or the
   * operation would wait for the next window. The hold is two of the store's latencies (200 ms
   * to 2 s). It never stops bulk requests while the window has room.
   */
  get operationMarkMs(): number {
    return Math.max(0, this.#highHoldUntil - Date.now());
  }

  #holdHigh(): void {
    this.#highHoldUntil = Math.max(this.#highHoldUntil, Date.now() + operationHoldMs(this.#latencyMs));
  }

  acquire(options: AcquireOptions): Promise<GateSlot> {
    options.signal?.throwIfAborted();
    if (this.#context.isDown()) return this.#context.fallback.acquire(this.#store, options);
    this.ceilings.add(options.ceiling);
    return new Promise<GateSlot>((resolve, reject) => {
      const onAbort = () => {
        this.#remove(waiter);
        reject(options.signal!.reason);
        this.wakeUp();
      };
      const waiter: Waiter = { options, grant: resolve, reject, cleanup: () => options.signal?.removeEventListener('abort', onAbort) };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      (options.priority === 'high' ? this.#high : this.#bulk).push(waiter);
      this.#context.keepAlive();
      void this.#pump();
    });
  }

  pause(waitMs: number, onThrottle: (event: ThrottleEvent) => void): void {
    if (this.#context.isDown()) return this.#context.fallback.pause(this.#store, waitMs, onThrottle);
    this.#context.calls.run(SCRIPTS.pause, [this.keys.state], [Math.round(waitMs)]).then(
      ([applied, untilMs]) => {
        if (applied === 1) {
          this.#reportedUntil.set('rate-limited', Number(untilMs));
          safely(onThrottle, { type: 'throttle', waitMs, reason: 'rate-limited' });
        }
        this.wakeUp();
      },
      (error: unknown) => {
        this.#context.fail(error);
        this.#context.fallback.pause(this.#store, waitMs, onThrottle);
      },
    );
  }

  /** Lets a sleeping waiter ask again now (a slot was released here, the window changed). */
  wakeUp(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  /** Redis became unreachable: every waiting request goes to the in-memory fallback. */
  handOver(): void {
    for (const waiter of [...this.#high.splice(0), ...this.#bulk.splice(0)]) {
      waiter.cleanup();
      this.#context.fallback.acquire(this.#store, waiter.options).then(waiter.grant, waiter.reject);
    }
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return this.wakeUp();
    this.#pumping = true;
    try {
      for (;;) {
        const waiter = this.#next();
        if (!waiter) break;
        if (this.#context.isDown()) {
          this.handOver();
          break;
        }
        const sleepMs = await this.#ask(waiter);
        if (sleepMs !== undefined) await this.#sleep(sleepMs);
      }
    } finally {
      this.#pumping = false;
    }
    // Nothing waits here any more: other processes' bulk requests need not give way to us.
    if (!this.#context.isDown()) this.#context.renew(this);
  }

  /** Asks Redis whether `waiter` may start; returns how long to sleep when it may not. */
  async #ask(waiter: Waiter): Promise<number | undefined> {
    const { options } = waiter;
    const context = this.#context;
    const slotId = `${context.instance}:${(this.#nextSlot += 1)}`;
    let answer: unknown[];
    try {
      answer = await context.calls.run(
        SCRIPTS.acquire,
        [this.keys.slots, this.keys.state, this.keys.members, this.keys.waiting],
        [
          slotId,
          context.instance,
          options.priority,
          options.ceiling,
          options.concurrency,
          options.quotaShare,
          context.leaseMs,
          this.highMarkMs,
          this.bulkMarkMs,
          this.#operationMarkAfterAsk(options.priority),
        ],
      );
    } catch (error) {
      // A call that timed out may still run later and grant the slot: take it back.
      context.calls.run(SCRIPTS.release, [this.keys.slots], [slotId]).catch(() => undefined);
      context.fail(error);
      return undefined;
    }
    const [code, waitMs, reason, untilMs] = answer as [number, number | undefined, ThrottleEvent['reason'] | undefined, number | undefined];
    if (code === 0) {
      if (!this.#remove(waiter)) {
        // Aborted while Redis answered: the slot is nobody's.
        context.calls.run(SCRIPTS.release, [this.keys.slots], [slotId]).catch((error: unknown) => context.fail(error));
        return undefined;
      }
      this.#countGrant(options.priority);
      if (options.priority === 'high') this.#holdHigh();
      this.held.add(slotId);
      waiter.cleanup();
      waiter.grant(this.#slot(slotId, options));
      return undefined;
    }
    // Giving way to an operation under way elsewhere: until its mark lapses or the window refills.
    if (code === 3 && waitMs !== undefined) return Math.min(Math.max(Number(waitMs), 1), MAX_SLEEP_MS);
    if (code === 2 && reason !== undefined && untilMs !== undefined && waitMs !== undefined) {
      if (this.#reportedUntil.get(reason) !== untilMs) {
        this.#reportedUntil.set(reason, untilMs);
        safely(options.onThrottle, { type: 'throttle', waitMs, reason });
      }
      return Math.min(Math.max(waitMs, 1), MAX_SLEEP_MS);
    }
    return context.pollMs;
  }

  /** A high request asking now is granted (its hold starts) or asks again: its operation is under way. */
  #operationMarkAfterAsk(priority: AcquireOptions['priority']): number {
    if (priority !== 'high') return this.operationMarkMs;
    this.#holdHigh();
    return this.operationMarkMs;
  }

  #slot(slotId: string, options: AcquireOptions): GateSlot {
    const context = this.#context;
    let released = false;
    return {
      report: ({ rateLimit, latencyMs }) => {
        this.#latencyMs = latencyMs;
        const { requestsLeft, requestsQuota, resetMs, windowMs } = rateLimit;
        if (requestsLeft === undefined || resetMs === undefined || context.isDown()) return;
        if (options.concurrency === 'fixed' && requestsLeft !== 0) return;
        context.calls
          .run(SCRIPTS.report, [this.keys.slots, this.keys.state], [slotId, options.concurrency, requestsLeft, requestsQuota ?? '', Math.round(resetMs), windowMs ?? ''])
          .then(([paused, pauseMs]) => {
            if (paused === 1) safely(options.onThrottle, { type: 'throttle', waitMs: Number(pauseMs), reason: 'quota-exhausted' });
            this.wakeUp();
          }, (error: unknown) => context.fail(error));
      },
      release: () => {
        if (released) return;
        released = true;
        this.held.delete(slotId);
        // While Redis is unreachable the slot is left to expire there (it is no longer renewed).
        if (!context.isDown()) context.calls.run(SCRIPTS.release, [this.keys.slots], [slotId]).catch((error: unknown) => context.fail(error));
        if (options.priority === 'high' && !context.isDown()) {
          // The operation's next request follows: hold bulk requests back a little longer.
          this.#holdHigh();
          context.renew(this);
        }
        this.wakeUp();
      },
    };
  }

  /** The next waiter: `high` first, but one `bulk` after every few `high` while both wait here. */
  #next(): Waiter | undefined {
    const preferBulk = this.#bulk.length > 0 && (this.#high.length === 0 || this.#highStreak >= HIGH_STREAK);
    return preferBulk ? this.#bulk[0] : (this.#high[0] ?? this.#bulk[0]);
  }

  /** Takes `waiter` out of its queue; false when it was not waiting (it aborted). */
  #remove(waiter: Waiter): boolean {
    const queue = waiter.options.priority === 'high' ? this.#high : this.#bulk;
    const index = queue.indexOf(waiter);
    if (index === -1) return false;
    queue.splice(index, 1);
    return true;
  }

  #countGrant(priority: AcquireOptions['priority']): void {
    if (priority === 'high') this.#highStreak += this.#bulk.length > 0 ? 1 : 0;
    else this.#highStreak = 0;
  }

  #sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.#wake = undefined;
        resolve();
      }, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function safely(onThrottle: (event: ThrottleEvent) => void, event: ThrottleEvent): void {
  try {
    onThrottle(event);
  } catch {
    // A failing listener must not fail the requests it observes.
  }
}
