/** The sandbox's request quota, like a BigCommerce plan's. */
export interface RateLimitOptions {
  /** Requests allowed per window. BigCommerce's Standard and Plus plans allow 150. */
  readonly quota: number;
  /** The window's length in milliseconds. BigCommerce's is 30 000. */
  readonly windowMs: number;
}

/**
 * The default quota: far more than a test sends, so only tests about rate limits ever meet a 429,
 * in BigCommerce's 30 s window.
 */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { quota: 10_000, windowMs: 30_000 };

/** The outcome of spending one request from the quota. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  /** The `X-Rate-Limit-*` headers (and `X-Retry-After` when refused) to send back. */
  readonly headers: Record<string, string>;
}

/**
 * A fixed-window quota, as BigCommerce counts it: the window starts with the first request and
 * refills completely when it ends. Time is `Date.now()`, so vitest's fake timers move it.
 * @see https://developer.bigcommerce.com/docs/start/best-practices/api-rate-limits
 */
export class RateLimiter {
  readonly #options: RateLimitOptions;
  #windowStartMs: number | undefined;
  #used = 0;

  constructor(options: RateLimitOptions) {
    this.#options = options;
  }

  /** Spends one request. Refused when the window's quota is already spent. */
  consume(): RateLimitDecision {
    this.#roll();
    if (this.#windowStartMs === undefined) this.#windowStartMs = Date.now();
    if (this.#used >= this.#options.quota) {
      const headers = this.headers();
      // X-Retry-After is whole seconds; round up so a client that honours it never comes back early.
      headers['X-Retry-After'] = String(Math.max(1, Math.ceil(this.#resetMs() / 1000)));
      return { allowed: false, headers };
    }
    this.#used += 1;
    return { allowed: true, headers: this.headers() };
  }

  /** The headers describing the current window, without spending anything. */
  headers(): Record<string, string> {
    this.#roll();
    return {
      'X-Rate-Limit-Time-Window-Ms': String(this.#options.windowMs),
      'X-Rate-Limit-Time-Reset-Ms': String(this.#resetMs()),
      'X-Rate-Limit-Requests-Quota': String(this.#options.quota),
      'X-Rate-Limit-Requests-Left': String(Math.max(0, this.#options.quota - this.#used)),
    };
  }

  /** Refills the quota at once. */
  reset(): void {
    this.#windowStartMs = undefined;
    this.#used = 0;
  }

  #resetMs(): number {
    if (this.#windowStartMs === undefined) return this.#options.windowMs;
    return Math.max(0, this.#windowStartMs + this.#options.windowMs - Date.now());
  }

  #roll(): void {
    if (this.#windowStartMs !== undefined && Date.now() >= this.#windowStartMs + this.#options.windowMs) this.reset();
  }
}
