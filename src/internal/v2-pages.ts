import type * as z from 'zod/mini';
import type { RequestOptions } from './request-options';
import type { HttpClient } from './http-client';
import type { RequestPriority } from './gate/rate-gate';
import type { QueryParams } from './query';

/** The largest `limit` BigCommerce's v2 lists accept; above it they answer 413. */
export const V2_MAX_PAGE_SIZE = 250;

/**
 * Reads every page of a small v2 list (an order's lines or shipments) into one array. v2 lists
 * have no pagination metadata: the end is a short page or a 204 with an empty body.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-shipments#get-order-shipments
 */
export async function readAllV2Pages<T>(
  http: HttpClient,
  request: { path: string; query?: QueryParams; schema: z.core.$ZodType<T[]> },
  options: RequestOptions & { onRequest?: () => void; priority?: RequestPriority },
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page += 1) {
    options.onRequest?.();
    const response = await http.request(
      { method: 'GET', path: request.path, query: { ...request.query, page, limit: V2_MAX_PAGE_SIZE }, schema: request.schema, priority: options.priority },
      options,
    );
    const items = response.data ?? [];
    all.push(...items);
    if (items.length < V2_MAX_PAGE_SIZE) return all;
  }
}
