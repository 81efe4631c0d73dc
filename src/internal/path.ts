import { ValidationError } from '../errors/validation-error';
import { isWellFormed, WELL_FORMED_RULE } from './well-formed';

/**
 * Encodes one path parameter. Every character outside the unreserved set is percent-encoded, so a
 * value can never add a path segment, a query or a fragment; `.` and `..` are refused because
 * URL resolution would treat them as segments.
 * @throws {@link ValidationError} for `''`, `'.'` and `'..'`.
 */
export function encodePathParameter(value: string | number): string {
  const text = String(value);
  if (!isWellFormed(text)) throw new ValidationError(`path: invalid path parameter. ${WELL_FORMED_RULE}.`, [{ path: 'path', message: WELL_FORMED_RULE }]);
  if (text === '' || text === '.' || text === '..') {
    const message = `expected a non-empty value other than '.' and '..', got ${JSON.stringify(text)}`;
    throw new ValidationError(`path: invalid path parameter. ${message}.`, [{ path: 'path', message }]);
  }
  return encodeURIComponent(text);
}

/**
 * Template tag for request paths: each interpolated value is percent-encoded as one path segment,
 * so `/` or `?` in a value can never change which resource the path names.
 * @example
 * ```ts
 * path`/v2/orders/${orderId}/shipments`; // '/v2/orders/1042/shipments'
 * path`/v3/catalog/products/${'12/../x'}`; // '/v3/catalog/products/12%2F..%2Fx'
 * ```
 * @throws {@link ValidationError} for an empty value, `'.'` or `'..'`.
 */
export function path(strings: TemplateStringsArray, ...values: ReadonlyArray<string | number>): string {
  return strings.reduce((result, literal, index) => {
    const value = values[index - 1];
    return result + (value === undefined ? '' : encodePathParameter(value)) + literal;
  });
}
