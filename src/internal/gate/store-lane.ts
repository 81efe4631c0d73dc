import type { ThrottleEvent } from '../events';
import type { AcquireOptions, GateSlot } from './rate-gate';
import type { RateLimitState } from '../rate-limit-headers';
import { HIGH_STREAK, operationHoldMs, type Waiter } from './lane-rules';

/** The in-flight cap before the store's rate-limit headers have said what its quota is. */
export const INITIAL_CAP = 4;
/** What bulk requests leave of the window to an operation under way: at most this many, and a quarter of the quota at most (as `gate.lua`). */
const OPERATION_KEEPS = 3;

/** What the store's headers said of its quota window, and what is left of it as far as we know. */
interface QuotaWindow {
  readonly quota: number;
  /** Requests left in the window: the store's last word, less the requests started since. */
  left: number;
  /** When the window refills (`Date.now()` time). */
  resetAtMs: number;
}

/**
 * One store's requests in one in-memory gate: how many are in flight, the pause, the quota window
 * as the store's headers describe it, and the requests waiting (high priority first).
 *
 * The adaptive rule. BigCommerce counts requests per fixed window (150 per 30 s on Standard):
 * every request that reaches the store spends one, whether or not earlier ones have answered.
 * So a request starts only while what is left of the window, less what is already in flight and
 * less the share left to other apps, is above zero; up to the ceiling, as many as that allows.
 * Spending the window as soon as there is demand finishes any sync at least as early as pacing
 * would, never exceeds the quota, and never slows a sync that fits in what is left. Until the
 * first headers arrive, at most {@link INITIAL_CAP} are in flight. When the window is spent, the
 * waiting requests start when it refills; requests still in flight then count against the new one.
 * @see https://developer.bigcommerce.com/docs/start/best-practices/api-rate-limits
 */
export class StoreLane {
  #inFlight = 0;
  #pausedUntilMs = 0;
  #window: QuotaWindow | undefined;
  /** Whether a throttle event was sent for the window now spent (one per window). */
  #reportedSpent = false;
  #highStreak = 0;
  /** The store's last observed latency (ms). */
  #latencyMs = 0;
  /** Until when a one-resource operation (an order: lookup, SKUs, POST) counts as under way. */
  #operationUntilMs = 0;
  readonly #high: Waiter[] = [];
  readonly #bulk: Waiter[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAtMs = 0;

  /** Requests in flight now. */
  get inFlight(): number {
    return this.#inFlight;
  }

  acquire(options: AcquireOptions): Promise<GateSlot> {
    options.signal?.throwIfAborted();
    return new Promise<GateSlot>((resolve, reject) => {
      const onAbort = () => {
        for (const queue of [this.#high, this.#bulk]) {
          const index = queue.indexOf(waiter);
          if (index !== -1) queue.splice(index, 1);
        }
        reject(options.signal!.reason);
        // A waiter that leaves may unblock the ones behind it (another priority, another ceiling).
        this.#grantWaiting();
      };
      const waiter: Waiter = { options, grant: resolve, reject, cleanup: () => options.signal?.removeEventListener('abort', onAbort) };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      (options.priority === 'high' ? this.#high : this.#bulk).push(waiter);
      this.#grantWaiting();
    });
  }

  /** Holds every request not yet started for `waitMs` (a longer pause in force wins). */
  pause(waitMs: number, onThrottle: (event: ThrottleEvent) => void): void {
    const untilMs = Date.now() + waitMs;
    if (untilMs <= this.#pausedUntilMs) return;
    this.#pausedUntilMs = untilMs;
    // A 429: whatever the headers said, nothing is left until the pause ends, when it refills.
    if (this.#window) {
      this.#window.left = 0;
      this.#window.resetAtMs = Math.min(this.#window.resetAtMs, untilMs);
    }
    safely(onThrottle, { type: 'throttle', waitMs, reason: 'rate-limited' });
    this.#grantWaiting();
  }

  #slot(options: AcquireOptions): GateSlot {
    let released = false;
    return {
      report: ({ rateLimit, latencyMs }) => {
        this.#latencyMs = latencyMs;
        this.#observe(rateLimit, options);
      },
      release: () => {
        if (released) return;
        released = true;
        this.#inFlight -= 1;
        // The operation's next request follows: bulk requests keep leaving it room a little longer.
        if (options.priority === 'high') this.#holdForOperation();
        this.#grantWaiting();
      },
    };
  }

  #observe(rateLimit: RateLimitState, options: AcquireOptions): void {
    const { requestsLeft, requestsQuota, resetMs, windowMs } = rateLimit;
    if (options.concurrency === 'fixed') {
      // Today's rule: nothing more starts once a response says the window is spent.
      if (requestsLeft === 0 && resetMs !== undefined) this.#pauseForWindow(resetMs, options.onThrottle);
      return;
    }
    if (requestsLeft === undefined || resetMs === undefined) return;
    // The other requests in flight may not have been counted yet when this answer was written.
    const others = this.#inFlight - 1;
    const now = Date.now();
    const fresh = { left: requestsLeft - others, resetAtMs: now + resetMs };
    const tracked = this.#window;
    // Answers arrive in any order: one the store wrote before answers already counted would raise
    // `left` again (the requests counted after it that have since finished are no longer in
    // flight to subtract). Within the window already tracked (refilling within half a window of
    // it), the lower count wins; a later window replaces it. The Redis gate's rule too.
    const sameWindow =
      tracked !== undefined && now < tracked.resetAtMs && Number.isFinite(tracked.resetAtMs) && windowMs !== undefined && fresh.resetAtMs <= tracked.resetAtMs + windowMs / 2;
    this.#window = {
      quota: requestsQuota ?? Math.max(requestsLeft, tracked?.quota ?? 0),
      left: sameWindow ? Math.min(tracked.left, fresh.left) : fresh.left,
      resetAtMs: sameWindow ? tracked.resetAtMs : fresh.resetAtMs,
    };
    this.#reportedSpent = false;
    this.#grantWaiting();
  }

  #pauseForWindow(waitMs: number, onThrottle: (event: ThrottleEvent) => void): void {
    const untilMs = Date.now() + waitMs;
    if (untilMs <= this.#pausedUntilMs) return;
    this.#pausedUntilMs = untilMs;
    safely(onThrottle, { type: 'throttle', waitMs, reason: 'quota-exhausted' });
  }

  /** Starts every waiting request that may start now, high priority first; arms a timer for the rest. */
  #grantWaiting(): void {
    const now = Date.now();
    const window = this.#window;
    if (window && now >= window.resetAtMs) {
      // The window refilled. Requests still in flight may be counted in the new one.
      window.left = window.quota - this.#inFlight;
      window.resetAtMs = Number.POSITIVE_INFINITY;
      this.#reportedSpent = false;
    }
    for (;;) {
      const waiter = this.#next();
      if (!waiter) break;
      const blockedUntilMs = this.#blockedUntil(waiter.options, now);
      if (blockedUntilMs !== undefined) {
        if (blockedUntilMs > now && Number.isFinite(blockedUntilMs)) this.#wakeAt(blockedUntilMs);
        break;
      }
      this.#take(waiter);
      if (waiter.options.priority === 'high') this.#holdForOperation();
      this.#inFlight += 1;
      if (this.#window) this.#window.left -= 1;
      waiter.cleanup();
      waiter.grant(this.#slot(waiter.options));
    }
    // Nobody waits (the last waiter started or gave up): a timer armed for them would only keep the
    // process alive, up to a minute after a Ctrl-C.
    if (this.#timer !== undefined && this.#high.length === 0 && this.#bulk.length === 0) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }

  /**
   * When `options`' request may start: `undefined` now; a time to wait for (a pause, a window's
   * refill); `Infinity` when only a release can let it start (the cap is full).
   */
  #blockedUntil(options: AcquireOptions, now: number): number | undefined {
    if (now < this.#pausedUntilMs) return this.#pausedUntilMs;
    const window = options.concurrency === 'adaptive' ? this.#window : undefined;
    const cap = options.concurrency === 'fixed' || window ? options.ceiling : Math.min(INITIAL_CAP, options.ceiling);
    if (this.#inFlight >= cap) return Number.POSITIVE_INFINITY;
    if (!window) return undefined;
    const reserved = Math.ceil(window.quota * (1 - options.quotaShare));
    if (window.left - reserved > 0) return this.#keepsForOperation(options, now);
    // Spent, and no answer has said when the window refills: one request at a time asks.
    if (!Number.isFinite(window.resetAtMs)) return this.#inFlight === 0 ? undefined : Number.POSITIVE_INFINITY;
    if (!this.#reportedSpent) {
      this.#reportedSpent = true;
      safely(options.onThrottle, { type: 'throttle', waitMs: Math.max(0, window.resetAtMs - now), reason: 'quota-exhausted' });
    }
    return window.resetAtMs;
  }

  /**
   * While an operation's high requests come one after the other (an order: its lookup, its SKUs,
   * its POST), none of them waits between two; meanwhile a bulk request leaves it the last few
   * requests of the window, or the operation would wait for the next window. Returns when a bulk
   * request held back for that may ask again (the operation's hold lapses, or the window refills);
   * `undefined` when it need not be held. Never holds bulk requests while the window has room.
   */
  #keepsForOperation(options: AcquireOptions, now: number): number | undefined {
    const window = this.#window;
    if (options.priority !== 'bulk' || options.concurrency !== 'adaptive' || !window || now >= this.#operationUntilMs) return undefined;
    const reserved = Math.ceil(window.quota * (1 - options.quotaShare));
    const kept = Math.min(OPERATION_KEEPS, Math.floor(window.quota / 4));
    if (window.left - reserved - kept > 0) return undefined;
    return Math.min(this.#operationUntilMs, window.resetAtMs);
  }

  #holdForOperation(): void {
    this.#operationUntilMs = Math.max(this.#operationUntilMs, Date.now() + operationHoldMs(this.#latencyMs));
  }

  /** The next waiter by priority: `high` first, but one `bulk` after every few `high` while both wait. */
  #next(): Waiter | undefined {
    // A bulk request keeping room for an operation under way never holds up a high one behind it.
    const bulkHeld = this.#bulk.length > 0 && this.#keepsForOperation(this.#bulk[0]!.options, Date.now()) !== undefined;
    const preferBulk = this.#bulk.length > 0 && !bulkHeld && (this.#high.length === 0 || this.#highStreak >= HIGH_STREAK);
    return preferBulk ? this.#bulk[0] : (this.#high[0] ?? this.#bulk[0]);
  }

  #take(waiter: Waiter): void {
    if (this.#high[0] === waiter) {
      this.#high.shift();
      this.#highStreak += this.#bulk.length > 0 ? 1 : 0;
    } else {
      this.#bulk.shift();
      this.#highStreak = 0;
    }
  }

  #wakeAt(atMs: number): void {
    if (this.#timer !== undefined && this.#timerAtMs <= atMs) return;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timerAtMs = atMs;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#grantWaiting();
    }, Math.max(0, atMs - Date.now()));
  }
}

function safely(onThrottle: (event: ThrottleEvent) => void, event: ThrottleEvent): void {
  try {
    onThrottle(event);
  } catch {
    // A failing listener must not fail the requests it observes.
  }
}
