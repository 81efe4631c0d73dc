import type * as z from 'zod/mini';
import { PurchaseOrderLookupError } from '../../errors/purchase-order-lookup-error';
import type { HttpClient } from '../../internal/http-client';
import type { RequestOptions } from '../../internal/request-options';

/** Orders per lookup page: the most a v2 list gives (the default, 50, would need five times the requests). */
export const PO_LOOKUP_PAGE_SIZE = 250;

/**
 * The most pages one PO lookup reads: 20 × 250 = 5 000 orders whose `external_order_id` the store
 * matched. An exact filter answers one short page; only a store that matches loosely (by prefix or
 * substring) and holds thousands of lookalike PO numbers gets near it.
 */
export const MAX_PO_LOOKUP_PAGES = 20;

/** The least an order needs for a PO lookup. */
export interface OrderWithPoNumber {
  readonly id: number;
  readonly external_order_id?: string | null | undefined;
}

/**
 * The orders whose `external_order_id` is exactly `poNumber`, lowest id first: the one rule every
 * PO lookup follows.
 *
 * - **Exact on our side.** Whether the store's `external_order_id` filter matches exactly, by prefix
 *   or by substring is undocumented, so every candidate is compared here; `PO-10` never answers for
 *   `PO-1`.
 * - **Every page**, `limit=250`, `sort=id:asc`, until a short page (or 204) ends the list, up to
 *   {@link MAX_PO_LOOKUP_PAGES}. A lookup that reaches the bound and still has pages to read throws
 *   {@link PurchaseOrderLookupError}: an answer from part of the list could be wrong.
 * - **Lowest id wins.** When several orders carry the same PO number, "the order of the PO" is the
 *   lowest id (the first created). With `first`, the lookup stops at the first page holding an
 *   exact match and returns only that order; otherwise it returns every match.
 *
 * @see https://developer.bigcommerce.com/docs/rest-management/orders#get-all-orders
 */
export async function findOrdersByPoNumber<T extends OrderWithPoNumber>(
  http: HttpClient,
  poNumber: string,
  schema: z.core.$ZodType<T[]>,
  options: RequestOptions & { onRequest?: () => void },
  mode: { readonly first: boolean },
): Promise<T[]> {
  const matches: T[] = [];
  let ordersRead = 0;
  for (let page = 1; page <= MAX_PO_LOOKUP_PAGES; page += 1) {
    options.onRequest?.();
    const response = await http.request(
      {
        method: 'GET',
        path: '/v2/orders',
        query: { external_order_id: poNumber, sort: 'id:asc', page, limit: PO_LOOKUP_PAGE_SIZE },
        schema,
      },
      options,
    );
    const orders = response.data ?? [];
    ordersRead += orders.length;
    matches.push(...orders.filter((order) => order.external_order_id === poNumber));
    const lastPage = orders.length < PO_LOOKUP_PAGE_SIZE;
    if (lastPage || (mode.first && matches.length > 0)) {
      const byId = matches.sort((a, b) => a.id - b.id);
      return mode.first ? byId.slice(0, 1) : byId;
    }
  }
  throw new PurchaseOrderLookupError(
    `The lookup of PO number ${JSON.stringify(poNumber)} (GET /v2/orders?external_order_id=…) read ${ordersRead} orders in ${MAX_PO_LOOKUP_PAGES} pages and the store listed more: ` +
      "it matches the PO number loosely and holds too many lookalikes to tell which order carries it. Nothing was sent.",
    poNumber,
    ordersRead,
  );
}
