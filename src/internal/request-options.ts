/**
 * Options every operation call takes. Each overrides the source's setting for that call only.
 */
export interface RequestOptions {
  /** Cancels the call: waits, queued requests and requests in flight stop at once. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Timeout of each attempt, in milliseconds, from sending the request to reading the whole body.
   * @default the source's `timeoutMs` (30 000 ms)
   */
  readonly timeoutMs?: number | undefined;
  /**
   * How many times a failed request is retried (network errors, 408, 429, 5xx).
   * @default the source's `maxRetries` (5)
   */
  readonly maxRetries?: number | undefined;
}
