import { BigCommerceError } from './bigcommerce-error';

/** No HTTP response arrived: DNS failure, refused or dropped connection, TLS failure. */
export class ConnectionError extends BigCommerceError {
  /** The class name, `'ConnectionError'`; it survives minification. */
  override name = 'ConnectionError';
  /** HTTP method of the request. */
  readonly method: string;
  /** Request path below the store, with its query. */
  readonly path: string;

  constructor(message: string, details: { method: string; path: string; cause?: unknown }) {
    super(message, { cause: details.cause });
    this.method = details.method;
    this.path = details.path;
  }
}
