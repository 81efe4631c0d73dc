import { BigCommerceError } from './bigcommerce-error';

/** A request got no response within its `timeoutMs` (each attempt has its own timeout). */
export class TimeoutError extends BigCommerceError {
  /** The class name, `'TimeoutError'`; it survives minification. */
  override name = 'TimeoutError';
  /** HTTP method of the request. */
  readonly method: string;
  /** Request path below the store, with its query. */
  readonly path: string;
  /** The timeout that ran out, in milliseconds. */
  readonly timeoutMs: number;

  constructor(message: string, details: { method: string; path: string; timeoutMs: number }) {
    super(message);
    this.method = details.method;
    this.path = details.path;
    this.timeoutMs = details.timeoutMs;
  }
}
