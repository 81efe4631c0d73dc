import { throwIfAborted } from './abort';
import { sleep } from './sleep';
import type { ThrottleEvent } from './events';

/**
 * One per source: at most `maxConcurrency` requests in flight, and a pause shared by every request
 * when the store's quota runs out, so a parallel sync waits for the window to reset instead of
 * collecting 429s.
 * @see https://developer.bigcommerce.com/docs/start/best-practices/api-rate-limits
 */
export class Limiter {
  #active = 0;
  readonly #waiting: Array<() => void> = [];
  #pausedUntilMs = 0;

  constructor(
    readonly maxConcurrency: number,
    private readonly onThrottle: (event: ThrottleEvent) => void = () => {},
  ) {}

  /** Runs `task` once a slot is free and no pause is in force. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.#acquire(signal);
    try {
      await this.#waitForPause(signal);
      return await task();
    } finally {
      this.#release();
    }
  }

  /** Holds every request that has not started yet for `waitMs` milliseconds (a longer pause wins). */
  pause(waitMs: number, reason: ThrottleEvent['reason']): void {
    const untilMs = Date.now() + waitMs;
    if (untilMs <= this.#pausedUntilMs) return;
    this.#pausedUntilMs = untilMs;
    this.onThrottle({ type: 'throttle', waitMs, reason });
  }

  async #acquire(signal: AbortSignal | undefined): Promise<void> {
    throwIfAborted(signal);
    if (this.#active < this.maxConcurrency) {
      this.#active += 1;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const index = this.#waiting.indexOf(grant);
        if (index !== -1) this.#waiting.splice(index, 1);
        reject(signal!.reason);
      };
      this.#waiting.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  #release(): void {
    const next = this.#waiting.shift();
    // The slot passes straight to the next waiter, so `active` never dips and overshoots.
    if (next) next();
    else this.#active -= 1;
  }

  async #waitForPause(signal: AbortSignal | undefined): Promise<void> {
    // A loop, because another response may extend the pause while this request sleeps.
    for (let remainingMs = this.#pausedUntilMs - Date.now(); remainingMs > 0; remainingMs = this.#pausedUntilMs - Date.now()) {
      await sleep(remainingMs, signal);
    }
  }
}
