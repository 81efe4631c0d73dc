import * as z from 'zod/mini';
import type { HttpClient } from '../../internal/http-client';
import { parseOperationOptions, parseRequestOptions } from '../../internal/parse-request-options';
import { path } from '../../internal/path';
import type { RequestOptions } from '../../internal/request-options';
import { findOrdersByPoNumber } from './find-orders-by-po';
import { orderNotFound } from './order-not-found';
import { orderSnapshotListSchema, orderSnapshotSchema, snapshotOf, type OrderSnapshot } from './order-snapshot';
import { purchaseOrderObjectSchema } from './purchase-order';

/** Which order {@link OrderOperations.get} reads: by PO number, or by the store's order id. */
export type OrderReference =
  | {
      /** The PO number the order carries in `external_order_id`. */
      readonly poNumber: string;
      /** Give one of the two. */
      readonly orderId?: undefined;
    }
  | {
      /** The order's id in the supplier's store. */
      readonly orderId: number;
      /** Give one of the two. */
      readonly poNumber?: undefined;
    };

const referenceSchema = z
  .strictObject({
    poNumber: z.optional(purchaseOrderObjectSchema.shape.poNumber),
    orderId: z.optional(z.int().check(z.positive())),
  })
  .check(
    z.refine((reference) => (reference.poNumber === undefined) !== (reference.orderId === undefined), {
      message: 'give either poNumber or orderId',
      path: ['poNumber'],
    }),
  );

/**
 * The current state of one order, by PO number (the one rule of every PO lookup: exact match,
 * every page, lowest id when several carry it) or by id.
 * @throws {@link ValidationError} for a bad reference or options, before any request.
 * @throws {@link NotFoundError} when no order has the PO number, or the id.
 * @throws {@link PurchaseOrderLookupError} when the PO lookup reaches its bound.
 */
export async function getOrder(http: HttpClient, reference: OrderReference, options: RequestOptions | undefined): Promise<OrderSnapshot> {
  const requestOptions = parseRequestOptions('orders.get', options);
  const { poNumber, orderId } = parseOperationOptions('orders.get', referenceSchema, reference, 'order reference');
  if (orderId !== undefined) {
    // A missing order is a 404, which the core turns into a NotFoundError.
    const response = await http.request({ method: 'GET', path: path`/v2/orders/${orderId}`, schema: orderSnapshotSchema }, requestOptions);
    if (!response.data) throw orderNotFound(`/v2/orders/${orderId}`, `Order ${orderId} does not exist in this store.`);
    return snapshotOf(response.data);
  }
  const [order] = await findOrdersByPoNumber(http, poNumber!, orderSnapshotListSchema, requestOptions, { first: true });
  if (!order) {
    throw orderNotFound(`/v2/orders?external_order_id=${encodeURIComponent(poNumber!)}`, `No order in this store has the PO number ${JSON.stringify(poNumber)} (external_order_id).`);
  }
  return snapshotOf(order);
}
