import { ApiError, type ApiErrorDetails } from './api-error';

/**
 * HTTP 429: the store's request quota is spent. Thrown only after the retries ran out; `resetMs`
 * says how long BigCommerce asked to wait.
 */
export class RateLimitError extends ApiError {
  /** The class name, `'RateLimitError'`; it survives minification. */
  override name = 'RateLimitError';
  /**
   * Milliseconds until the quota refills: the longer of `X-Rate-Limit-Time-Reset-Ms` and
   * `X-Retry-After`, clamped to 60 s; `undefined` when the response had neither.
   */
  readonly resetMs: number | undefined;

  constructor(message: string, details: ApiErrorDetails & { resetMs: number | undefined }) {
    super(message, details);
    this.resetMs = details.resetMs;
  }
}
