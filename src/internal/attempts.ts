import pRetry from 'p-retry';

/**
 * The backoff between attempts after an ordinary failure: the first retry waits 250–500 ms, each
 * later one twice as long, capped at 30 s. The random factor (1 to 2) spreads clients that failed
 * together, so they do not retry together.
 */
export const RETRY_SCHEDULE = { minTimeout: 250, factor: 2, randomize: true, maxTimeout: 30_000 } as const;

/** A failed attempt that will be retried. */
export interface RetryDecision {
  readonly error: Error;
  /** Why it is retried (see `retryReason`). */
  readonly reason: string;
  /** The attempt that failed, from 1. */
  readonly attemptNumber: number;
  /** The backoff p-retry waits before the next attempt, in milliseconds. */
  readonly backoffMs: number;
}

export interface AttemptOptions {
  /** How many times a failed attempt is repeated. */
  readonly retries: number;
  readonly signal: AbortSignal | undefined;
  /** Why `error` deserves another attempt, or `undefined` when it does not. */
  readonly retryReason: (error: Error) => string | undefined;
  /** Called before each retry's backoff starts. */
  readonly onRetry: (decision: RetryDecision) => void;
}

/**
 * Runs `attempt` until it succeeds, the error is final, the retries run out, or `signal` aborts
 * (the promise then rejects with the signal's reason). p-retry owns the count, the backoff schedule
 * and the abort; the HTTP core decides what is worth repeating.
 */
export function withAttempts<T>(attempt: (attemptNumber: number) => Promise<T>, options: AttemptOptions): Promise<T> {
  return pRetry(attempt, {
    ...RETRY_SCHEDULE,
    retries: options.retries,
    signal: options.signal,
    onFailedAttempt: ({ error, attemptNumber, retriesLeft, retryDelay }) => {
      // p-retry calls this for every failure, final or not; only a coming retry is reported.
      const reason = options.retryReason(error);
      if (reason !== undefined && retriesLeft > 0) options.onRetry({ error, reason, attemptNumber, backoffMs: retryDelay });
    },
    shouldRetry: ({ error }) => options.retryReason(error) !== undefined,
  });
}
