/**
 * The longest any response header may make the SDK wait, in milliseconds. BigCommerce's windows are
 * 30 s; a header asking for more (a hostile or broken proxy: a day, 1e12 ms, which `setTimeout`
 * would even overflow into a busy loop) would otherwise freeze every request of the source.
 */
export const MAX_HEADER_WAIT_MS = 60_000;

/** The one clamp every header-driven wait goes through: 0 to {@link MAX_HEADER_WAIT_MS}. */
export function clampHeaderWaitMs(waitMs: number): number {
  return Math.min(MAX_HEADER_WAIT_MS, Math.max(0, waitMs));
}

/**
 * BigCommerce's rate-limit headers, read into numbers with their units in the names. The waits
 * (`resetMs`, `retryAfterMs`) are clamped to 60 s as they are read (`clampHeaderWaitMs`).
 * @see https://developer.bigcommerce.com/docs/start/best-practices/api-rate-limits
 */
export interface RateLimitState {
  /** `X-Rate-Limit-Requests-Left`: requests left in the current window. */
  readonly requestsLeft: number | undefined;
  /** `X-Rate-Limit-Requests-Quota`: requests allowed per window. */
  readonly requestsQuota: number | undefined;
  /** `X-Rate-Limit-Time-Reset-Ms`: milliseconds until the window resets, clamped. */
  readonly resetMs: number | undefined;
  /** `X-Rate-Limit-Time-Window-Ms`: the window's length in milliseconds. */
  readonly windowMs: number | undefined;
  /** `X-Retry-After` (whole seconds, sent on a 429), converted to milliseconds, clamped. */
  readonly retryAfterMs: number | undefined;
}

export function readRateLimitHeaders(headers: Headers): RateLimitState {
  const retryAfterSeconds = readNonNegativeNumber(headers, 'x-retry-after') ?? readNonNegativeNumber(headers, 'retry-after');
  return {
    requestsLeft: readNonNegativeNumber(headers, 'x-rate-limit-requests-left'),
    requestsQuota: readNonNegativeNumber(headers, 'x-rate-limit-requests-quota'),
    resetMs: clampDefined(readNonNegativeNumber(headers, 'x-rate-limit-time-reset-ms')),
    windowMs: readNonNegativeNumber(headers, 'x-rate-limit-time-window-ms'),
    retryAfterMs: clampDefined(retryAfterSeconds === undefined ? undefined : retryAfterSeconds * 1000),
  };
}

function readNonNegativeNumber(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function clampDefined(waitMs: number | undefined): number | undefined {
  return waitMs === undefined ? undefined : clampHeaderWaitMs(waitMs);
}
