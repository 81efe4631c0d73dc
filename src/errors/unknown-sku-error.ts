import type { FieldIssue } from './field-issue';
import { ValidationError } from './validation-error';

/**
 * Lines of a purchase order name SKUs the store does not have (compared case-insensitively, as
 * BigCommerce compares SKUs). Thrown before anything is written; the message names every unknown
 * SKU and `skus` lists them, as the purchase order spelt them. A {@link ValidationError}: the
 * purchase order does not fit this store.
 */
export class UnknownSkuError extends ValidationError {
  /** The class name, `'UnknownSkuError'`; it survives minification. */
  override name = 'UnknownSkuError';
  /** Every unknown SKU, once each, in the order the purchase order lists them. */
  readonly skus: readonly string[];

  constructor(message: string, skus: readonly string[], issues: readonly FieldIssue[] = []) {
    super(message, issues);
    this.skus = skus;
  }
}
