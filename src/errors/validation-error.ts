import { BigCommerceError } from './bigcommerce-error';
import type { FieldIssue } from './field-issue';

/**
 * Input to an operation is invalid (a purchase order, a page size, a cursor). Thrown before any
 * request is sent; `issues` names every field and what was expected.
 */
export class ValidationError extends BigCommerceError {
  /** The class name, `'ValidationError'`; it survives minification. */
  override name = 'ValidationError';
  /** Every problem found, with the field path. */
  readonly issues: readonly FieldIssue[];

  constructor(message: string, issues: readonly FieldIssue[] = []) {
    super(message);
    this.issues = issues;
  }
}
