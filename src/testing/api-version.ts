/**
 * The two REST API generations a store answers. They differ in error bodies (v2: an array, v3: an
 * object) and list shapes (v2: a bare array or 204, v3: `{ data, meta }`).
 * @see https://developer.bigcommerce.com/docs/start/about/status-codes
 */
export type ApiVersion = 'v2' | 'v3';

/** The API version a path below the store starts with; `v3` for anything else, BigCommerce's current style. */
export function apiVersionOf(path: string): ApiVersion {
  return path.startsWith('/v2/') || path === '/v2' ? 'v2' : 'v3';
}
