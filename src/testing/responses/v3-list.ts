import { jsonResponse } from './json-response';
import { readPageRequest, sliceItems, type ListOptions, type PageRequest } from './page-params';

/**
 * `meta.pagination` of a v3 list (`pagination_Full` in products_catalog.v3.yml). The `links` are
 * query strings such as `?page=2&limit=50`, not URLs; `previous` and `next` are left out on the
 * first and last page.
 */
export interface V3Pagination {
  readonly total: number;
  readonly count: number;
  readonly per_page: number;
  readonly current_page: number;
  readonly total_pages: number;
  readonly links: { readonly previous?: string; readonly current: string; readonly next?: string };
}

/** A v3 list body: `{ data, meta: { pagination } }`. */
export interface V3ListBody<T> {
  readonly data: T[];
  readonly meta: { readonly pagination: V3Pagination };
}

const pageLink = (page: number, limit: number) => `?page=${page}&limit=${limit}`;

/**
 * The v3 list body for one page of `items` (all matching items, already filtered and sorted).
 * @example
 * ```ts
 * v3ListBody(['a', 'b', 'c'], { page: 2, limit: 2 }).meta.pagination.links;
 * // { previous: '?page=1&limit=2', current: '?page=2&limit=2' }
 * ```
 * @see https://developer.bigcommerce.com/docs/rest-catalog/products#get-all-products
 */
export function v3ListBody<T>(items: readonly T[], request: PageRequest): V3ListBody<T> {
  const { page, limit } = request;
  const data = sliceItems(items, request);
  const totalPages = Math.ceil(items.length / limit);
  const links: { previous?: string; current: string; next?: string } = { current: pageLink(page, limit) };
  if (page > 1) links.previous = pageLink(page - 1, limit);
  if (page < totalPages) links.next = pageLink(page + 1, limit);
  return {
    data,
    meta: {
      pagination: {
        total: items.length,
        count: data.length,
        per_page: limit,
        current_page: page,
        total_pages: totalPages,
        links: orderLinks(links),
      },
    },
  };
}

/**
 * Answers a v3 list request: reads `page` and `limit` from the query, then responds with
 * {@link v3ListBody}, or with BigCommerce's error for a bad `page`/`limit` (413 above
 * {@link ListOptions.maxLimit}).
 */
export function respondV3List<T>(items: readonly T[], query: URLSearchParams, options?: ListOptions): Response {
  const result = readPageRequest(query, 'v3', options);
  if ('error' in result) return result.error;
  return jsonResponse(v3ListBody(items, result.page));
}

// BigCommerce lists the links as previous, current, next; keep that order in the JSON.
function orderLinks(links: { previous?: string; current: string; next?: string }) {
  return {
    ...(links.previous === undefined ? {} : { previous: links.previous }),
    current: links.current,
    ...(links.next === undefined ? {} : { next: links.next }),
  };
}
