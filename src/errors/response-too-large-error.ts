import { BigCommerceError } from './bigcommerce-error';

/**
 * A response body went past `maxResponseBytes` (counted after decompression, as it arrives), so
 * reading it stopped: BigCommerce's largest pages are a few megabytes, and an endless body must not
 * exhaust memory. Not retried.
 */
export class ResponseTooLargeError extends BigCommerceError {
  /** The class name, `'ResponseTooLargeError'`; it survives minification. */
  override name = 'ResponseTooLargeError';
  /** HTTP method of the request. */
  readonly method: string;
  /** Request path below the store, with its query. */
  readonly path: string;
  /** The limit that was passed, in bytes. */
  readonly maxResponseBytes: number;

  constructor(message: string, details: { method: string; path: string; maxResponseBytes: number }) {
    super(message);
    this.method = details.method;
    this.path = details.path;
    this.maxResponseBytes = details.maxResponseBytes;
  }
}
