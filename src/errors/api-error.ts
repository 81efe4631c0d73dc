import { BigCommerceError } from './bigcommerce-error';
import type { FieldIssue } from './field-issue';

/** What an {@link ApiError} knows about the failed call. */
export interface ApiErrorDetails {
  /** HTTP status code of the response. */
  readonly status: number;
  /** HTTP method of the request. */
  readonly method: string;
  /** Request path below the store, with its query, e.g. `/v3/catalog/products?page=2`. */
  readonly path: string;
  /**
   * The parsed response body: a v2 error array (`[{ status, message, details? }]`), a v3 error
   * object (`{ status, title, type, errors }`), the raw text when it is not JSON, or `undefined`.
   */
  readonly body: unknown;
  /** BigCommerce's request id (`X-Request-Id`), when the response carried one. Quote it to support. */
  readonly requestId: string | undefined;
  /** Per-field messages from a v3 `errors` object or a v2 `details` object. */
  readonly fieldErrors?: readonly FieldIssue[] | undefined;
}

/**
 * BigCommerce answered with an error status. Subclasses name the common ones (see the table in
 * `docs/errors.md`); any other status is an `ApiError` itself.
 */
export class ApiError extends BigCommerceError {
  /** The class name, `'ApiError'`; it survives minification. */
  override name = 'ApiError';
  /** HTTP status code of the response. */
  readonly status: number;
  /** HTTP method of the request. */
  readonly method: string;
  /** Request path below the store, with its query. */
  readonly path: string;
  /** The parsed response body (see {@link ApiErrorDetails.body}). */
  readonly body: unknown;
  /** BigCommerce's request id, when the response carried one. */
  readonly requestId: string | undefined;
  /** Per-field messages BigCommerce gave, if any. */
  readonly fieldErrors: readonly FieldIssue[];

  constructor(message: string, details: ApiErrorDetails) {
    super(message);
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.body = details.body;
    this.requestId = details.requestId;
    this.fieldErrors = details.fieldErrors ?? [];
  }
}
