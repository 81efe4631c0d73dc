import type * as z from 'zod/mini';
import type { RequestOptions } from './request-options';
import type { HttpClient } from './http-client';
import type { RequestPriority } from './gate/rate-gate';
import type { QueryParams } from './query';

/** The least a v3 list body must have for {@link readAllV3Pages}. */
export interface V3ListBody<T> {
  readonly data: T[];
  readonly meta?: { readonly pagination?: { readonly total_pages: number } };
}

/**
 * Reads every page of a small v3 list (a lookup batch, one page's inventory items) into one array,
 * following `meta.pagination.total_pages`. For the catalog itself use the inventory pager, which
 * streams.
 * @see https://developer.bigcommerce.com/docs/start/about/common-query-params
 */
export async function readAllV3Pages<T>(
  http: HttpClient,
  request: { path: string; query: QueryParams; schema: z.core.$ZodType<V3ListBody<T>> },
  options: RequestOptions & { onRequest?: () => void; priority?: RequestPriority },
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page += 1) {
    options.onRequest?.();
    const response = await http.request({ method: 'GET', path: request.path, query: { ...request.query, page }, schema: request.schema, priority: options.priority }, options);
    const data = response.data?.data ?? [];
    all.push(...data);
    if (data.length === 0 || page >= (response.data?.meta?.pagination?.total_pages ?? page)) return all;
  }
}
