/** First backoff delay, in milliseconds. */
export const BASE_BACKOFF_MS = 500;
/** No backoff delay is longer than this, in milliseconds. */
export const MAX_BACKOFF_MS = 30_000;

/**
 * Capped exponential backoff with "equal jitter": half the delay is fixed, half random, so clients
 * that failed together do not retry together.
 * @param retryNumber 1 for the first retry.
 * @param random a number in [0, 1).
 */
export function backoffDelayMs(retryNumber: number, random: number = Math.random()): number {
  const cappedMs = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (retryNumber - 1));
  return Math.round(cappedMs / 2 + (cappedMs / 2) * random);
}
