/**
 * A comma-list filter such as `id:in=1,2,3` or `email:in=a@x,b@y`, as BigCommerce reads it;
 * `undefined` when the parameter is absent.
 *
 * BigCommerce's own example sends the separator percent-encoded (`id%3Ain=138%2C139`), so the store
 * decodes the query before it splits the list: a value containing `,` is split in two whatever the
 * client encodes. That is the default here; with `decodeBeforeSplit: false` the list is split on
 * the literal commas of the raw query first, so an encoded `%2C` stays inside its value.
 * @see https://developer.bigcommerce.com/docs/start/about/common-query-params
 */
export function listParam(request: { readonly query: URLSearchParams; readonly url: string }, name: string, decodeBeforeSplit = true): string[] | undefined {
  if (decodeBeforeSplit) {
    const decoded = request.query.get(name);
    return decoded === null ? undefined : decoded.split(',').filter((item) => item !== '');
  }
  const search = new URL(request.url).search.slice(1);
  for (const pair of search.split('&')) {
    const separator = pair.indexOf('=');
    const key = separator === -1 ? pair : pair.slice(0, separator);
    if (decodeQueryPart(key) !== name) continue;
    const raw = separator === -1 ? '' : pair.slice(separator + 1);
    return raw
      .split(',')
      .map(decodeQueryPart)
      .filter((item) => item !== '');
  }
  return undefined;
}

function decodeQueryPart(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}
