import * as z from 'zod/mini';
import type { HttpClient } from '../../internal/http-client';
import { path } from '../../internal/path';
import { parseOperationOptions, parseRequestOptions } from '../../internal/parse-request-options';
import type { RequestOptions } from '../../internal/request-options';
import { listShipmentPages, listShipments, type ShipmentListOptions, type ShipmentPage } from './list-shipments';
import { shipmentsOfOrder } from './order-shipments';
import { v2OrderListSchema, v2OrderSchema } from './response-schemas';
import { findOrdersByPoNumber } from '../orders/find-orders-by-po';
import { orderNotFound } from '../orders/order-not-found';
import type { Shipment } from './shipment';

/** Get Shipments: tracking numbers, carriers and shipped items, per order or since a checkpoint. */
export interface ShipmentOperations {
  /**
   * The shipments of one order, oldest first; `[]` when it has none.
   * @throws {@link NotFoundError} when the order does not exist.
   * @example
   * ```ts
   * const shipments = await source.shipments.forOrder(1042);
   * ```
   */
  forOrder(orderId: number, options?: RequestOptions): Promise<Shipment[]>;
  /**
   * The shipments of the orders whose `external_order_id` is exactly `poNumber` (every order
   * `orders.send` creates carries it), each with its `orderId`. One order in the usual case; when
   * several orders carry the same PO number, the shipments of all of them, lowest order id first.
   * Matched exactly on our side over every page of the lookup, so a store that filters by prefix
   * never returns another PO's tracking.
   * @throws {@link NotFoundError} naming the PO when no order has it.
   * @throws {@link PurchaseOrderLookupError} when the lookup reaches its bound (see `docs/shipments.md`).
   */
  forPurchaseOrder(poNumber: string, options?: RequestOptions): Promise<Shipment[]>;
  /**
   * Every shipment of the orders modified since `since` (or since a cursor), streamed.
   * @throws {@link ValidationError} for bad options, before any request. A failure mid-run
   * carries `cursor` (the last complete page's) so the caller can resume.
   * @example
   * ```ts
   * for await (const shipment of source.shipments.list({ since: checkpoint })) closePo(shipment);
   * ```
   */
  list(options: ShipmentListOptions): AsyncIterable<Shipment>;
  /**
   * The same as {@link ShipmentOperations.list}, a page at a time, each with the `cursor` to
   * resume after it.
   * @example
   * ```ts
   * for await (const page of source.shipments.pages({ since })) {
   *   await save(page.items);
   *   await checkpoints.put(page.cursor);
   * }
   * ```
   */
  pages(options: ShipmentListOptions): AsyncIterable<ShipmentPage>;
}

const orderIdSchema = z.int().check(z.positive());
const poNumberSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));

/** Builds the shipment operations on a source's HTTP core. */
export function createShipmentOperations(http: HttpClient): ShipmentOperations {
  return {
    async forOrder(orderId, options) {
      const requestOptions = parseRequestOptions('shipments.forOrder', options);
      const id = parseOperationOptions('shipments.forOrder', z.object({ orderId: orderIdSchema }), { orderId }).orderId;
      const response = await http.request({ method: 'GET', path: path`/v2/orders/${id}`, schema: v2OrderSchema }, requestOptions);
      if (!response.data) throw orderNotFound(`/v2/orders/${id}`, `Order ${id} does not exist in this store.`);
      return shipmentsOfOrder(http, response.data, requestOptions);
    },

    async forPurchaseOrder(poNumber, options) {
      const requestOptions = parseRequestOptions('shipments.forPurchaseOrder', options);
      const po = parseOperationOptions('shipments.forPurchaseOrder', z.object({ poNumber: poNumberSchema }), { poNumber }).poNumber;
      const orders = await findOrdersByPoNumber(http, po, v2OrderListSchema, requestOptions, { first: false });
      if (orders.length === 0) {
        throw orderNotFound(`/v2/orders?external_order_id=${encodeURIComponent(po)}`, `No order in this store has the PO number ${JSON.stringify(po)} (external_order_id).`);
      }
      const perOrder = await Promise.all(orders.map((order) => shipmentsOfOrder(http, order, requestOptions)));
      return perOrder.flat();
    },

    list: (options) => listShipments(http, options),
    pages: (options) => listShipmentPages(http, options),
  };
}
