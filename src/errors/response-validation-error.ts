import { BigCommerceError } from './bigcommerce-error';
import type { FieldIssue } from './field-issue';

/**
 * BigCommerce answered 2xx, but the body is not what the SDK needs: malformed JSON, or a field the
 * SDK reads is missing or of the wrong type. Unknown extra fields never cause this.
 */
export class ResponseValidationError extends BigCommerceError {
  /** The class name, `'ResponseValidationError'`; it survives minification. */
  override name = 'ResponseValidationError';
  /** HTTP method of the request. */
  readonly method: string;
  /** Request path below the store, with its query. */
  readonly path: string;
  /** Each field that did not match, with its path in the response body. */
  readonly issues: readonly FieldIssue[];

  constructor(message: string, details: { method: string; path: string; issues: readonly FieldIssue[] }) {
    super(message);
    this.method = details.method;
    this.path = details.path;
    this.issues = details.issues;
  }
}
