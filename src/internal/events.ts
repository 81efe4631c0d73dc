/** A request is about to be sent. */
export interface RequestEvent {
  /** Discriminant. */
  readonly type: 'request';
  /** HTTP method. */
  readonly method: string;
  /** Path below the store, with its query, e.g. `/v3/catalog/products?page=2`. */
  readonly path: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number;
}

/** A response arrived (any status). */
export interface ResponseEvent {
  /** Discriminant. */
  readonly type: 'response';
  /** HTTP method. */
  readonly method: string;
  /** Path below the store, with its query. */
  readonly path: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number;
  /** HTTP status of the response. */
  readonly status: number;
  /** Time from sending the request to reading the whole body, in milliseconds. */
  readonly durationMs: number;
  /** `X-Rate-Limit-Requests-Left`, when the store sent it. */
  readonly requestsLeft: number | undefined;
}

/** An attempt failed and will be retried after `delayMs`. */
export interface RetryEvent {
  /** Discriminant. */
  readonly type: 'retry';
  /** HTTP method. */
  readonly method: string;
  /** Path below the store, with its query. */
  readonly path: string;
  /** The attempt that failed. */
  readonly attempt: number;
  /** How long the SDK waits before the next attempt, in milliseconds. */
  readonly delayMs: number;
  /** Why: `status 429`, `status 503`, `connection`, `timeout`. */
  readonly reason: string;
}

/** Requests are held back because the store's quota is spent. */
export interface ThrottleEvent {
  /** Discriminant. */
  readonly type: 'throttle';
  /** How long requests wait, in milliseconds. */
  readonly waitMs: number;
  /** `quota-exhausted`: `X-Rate-Limit-Requests-Left` reached 0; `rate-limited`: a 429 came back. */
  readonly reason: 'quota-exhausted' | 'rate-limited';
}

/**
 * What the SDK reports to `onEvent`: one event per request, response, retry and throttle. Events
 * never carry headers, bodies or secrets.
 */
export type SourceEvent = RequestEvent | ResponseEvent | RetryEvent | ThrottleEvent;
