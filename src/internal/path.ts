/**
 * Encodes one path parameter. Every character outside the unreserved set is percent-encoded, so a
 * value can never add a path segment, a query or a fragment; `.` and `..` are refused because
 * URL resolution would treat them as segments.
 */
export function encodePathParameter(value: string | number): string {
  const text = String(value);
  if (text === '' || text === '.' || text === '..') {
    throw new TypeError(`[bigcommerce-source] Invalid path parameter ${JSON.stringify(text)}.`);
  }
  return encodeURIComponent(text);
}

/**
 * Template tag for request paths: `path\`/v2/orders/${id}/shipments\`` encodes each interpolated value
 * with {@link encodePathParameter}.
 */
export function path(strings: TemplateStringsArray, ...values: ReadonlyArray<string | number>): string {
  return strings.reduce((result, literal, index) => {
    const value = values[index - 1];
    return result + (value === undefined ? '' : encodePathParameter(value)) + literal;
  });
}
