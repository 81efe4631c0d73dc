/**
 * A comma-list filter such as `id:in=1,2,3` or `email:in=a@x,b@y`, as BigCommerce reads it;
 * `undefined` when the parameter is absent.
 * @see https://developer.bigcommerce.com/docs/start/about/common-query-params
 */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.get(name);
  return raw === null ? undefined : raw.split(',').filter((item) => item !== '');
}
