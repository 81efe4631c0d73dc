import { emptyResponse, jsonResponse } from './json-response';
import { readPageRequest, sliceItems, type ListOptions } from './page-params';

/**
 * Answers a v2 list request the way BigCommerce does: a bare JSON array of the requested page, no
 * envelope and no total; a page with nothing on it (no items at all, or past the last page) is a
 * 204 with an empty body, never `[]`. A bad `page`/`limit` gets v2's error array (413 above
 * {@link ListOptions.maxLimit}, with `details.max_limit`).
 *
 * @param items all matching items, already filtered and sorted.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-shipments#get-order-shipments
 * @see https://github.com/aligent/bigcommerce-v3-api-php-client/pull/177 (204 on an empty order list)
 */
export function respondV2List<T>(items: readonly T[], query: URLSearchParams, options?: ListOptions): Response {
  const result = readPageRequest(query, 'v2', options);
  if ('error' in result) return result.error;
  const page = sliceItems(items, result.page);
  return page.length === 0 ? emptyResponse(204) : jsonResponse(page);
}
