import type { HttpClient } from '../../internal/http-client';
import { path } from '../../internal/path';
import type { RequestOptions } from '../../internal/request-options';
import { orderListResponseSchema, orderProductListResponseSchema } from './response-schemas';
import type { SentOrder, SentOrderLine } from './sent-order';
import { findOrdersByPoNumber } from './find-orders-by-po';

/** v2 pages hold up to 250 items in practice; the spec names no maximum. */
const V2_PAGE_LIMIT = 250;

/**
 * The order carrying this PO number in `external_order_id`, as a {@link SentOrder} with
 * `created: false`, or `undefined`; the lowest id when several carry it (see
 * {@link findOrdersByPoNumber}, whose bound it shares). An archived order (`is_deleted`) that the
 * store lists counts: it comes back with `archived: true`. GETs, so the HTTP core retries them on
 * timeouts and 5xx. `GET /v2/orders` answers 204 with no body when nothing matches.
 * @throws {@link PurchaseOrderLookupError} when the lookup reaches its bound.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders#get-all-orders
 * @see https://github.com/aligent/bigcommerce-v3-api-php-client/pull/177 (204 on an empty order list)
 */
export async function findOrderByPoNumber(http: HttpClient, poNumber: string, options: RequestOptions): Promise<SentOrder | undefined> {
  const [order] = await findOrdersByPoNumber(http, poNumber, orderListResponseSchema, options, { first: true });
  if (!order) return undefined;
  return {
    orderId: order.id,
    created: false,
    recovered: false,
    customerId: order.customer_id,
    customerCreated: false,
    statusId: order.status_id,
    poNumber,
    archived: order.is_deleted === true,
    lines: await readOrderLines(http, order.id, options),
  };
}

/** Every line of an order, from `GET /v2/orders/{id}/products` (paged; 204 when none). */
async function readOrderLines(http: HttpClient, orderId: number, options: RequestOptions): Promise<SentOrderLine[]> {
  const lines: SentOrderLine[] = [];
  for (let page = 1; ; page += 1) {
    const response = await http.request(
      {
        method: 'GET',
        path: path`/v2/orders/${orderId}/products`,
        query: { page: page === 1 ? undefined : page, limit: V2_PAGE_LIMIT },
        schema: orderProductListResponseSchema,
      },
      options,
    );
    const products = response.data ?? [];
    for (const product of products) {
      lines.push({ sku: product.sku ?? '', productId: product.product_id, variantId: product.variant_id ?? 0, quantity: product.quantity });
    }
    if (products.length < V2_PAGE_LIMIT) return lines;
  }
}
