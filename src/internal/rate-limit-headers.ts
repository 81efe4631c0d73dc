/**
 * BigCommerce's rate-limit headers, read into numbers with their units in the names.
 * @see https://developer.bigcommerce.com/docs/start/best-practices/api-rate-limits
 */
export interface RateLimitState {
  /** `X-Rate-Limit-Requests-Left`: requests left in the current window. */
  readonly requestsLeft: number | undefined;
  /** `X-Rate-Limit-Requests-Quota`: requests allowed per window. */
  readonly requestsQuota: number | undefined;
  /** `X-Rate-Limit-Time-Reset-Ms`: milliseconds until the window resets. */
  readonly resetMs: number | undefined;
  /** `X-Rate-Limit-Time-Window-Ms`: the window's length in milliseconds. */
  readonly windowMs: number | undefined;
  /** `X-Retry-After` (whole seconds, sent on a 429), converted to milliseconds. */
  readonly retryAfterMs: number | undefined;
}

export function readRateLimitHeaders(headers: Headers): RateLimitState {
  const retryAfterSeconds = readNonNegativeNumber(headers, 'x-retry-after') ?? readNonNegativeNumber(headers, 'retry-after');
  return {
    requestsLeft: readNonNegativeNumber(headers, 'x-rate-limit-requests-left'),
    requestsQuota: readNonNegativeNumber(headers, 'x-rate-limit-requests-quota'),
    resetMs: readNonNegativeNumber(headers, 'x-rate-limit-time-reset-ms'),
    windowMs: readNonNegativeNumber(headers, 'x-rate-limit-time-window-ms'),
    retryAfterMs: retryAfterSeconds === undefined ? undefined : retryAfterSeconds * 1000,
  };
}

function readNonNegativeNumber(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}
