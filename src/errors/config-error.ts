import { BigCommerceError } from './bigcommerce-error';
import type { FieldIssue } from './field-issue';

/**
 * The options given to a constructor or factory are wrong. Thrown before any request is sent; the
 * message lists every problem at once, each with the option's path.
 */
export class ConfigError extends BigCommerceError {
  /** The class name, `'ConfigError'`; it survives minification. */
  override name = 'ConfigError';
  /** Every problem found, with the path of the option it concerns. */
  readonly issues: readonly FieldIssue[];

  constructor(message: string, issues: readonly FieldIssue[] = []) {
    super(message);
    this.issues = issues;
  }
}
