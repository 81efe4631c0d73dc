import type { HttpClient } from '../../internal/http-client';
import { path } from '../../internal/path';
import { readAllV2Pages } from '../../internal/v2-pages';
import type { RequestOptions } from '../../internal/request-options';
import { normalizeShipment } from './normalize-shipment';
import { v2OrderProductListSchema, v2ShipmentListSchema, type V2Order } from './response-schemas';
import type { Shipment } from './shipment';

/** Shipped (2) and Partially Shipped (3): an order in either has shipments, whatever `items_shipped` says. */
const SAYS_SHIPPED: ReadonlySet<number> = new Set([2, 3]);

/**
 * The shipments of one order, normalized. One request when it has no shipments (204), and one
 * more for its lines when it has some. The shipments request is skipped only for an order whose
 * `items_shipped` is 0 and whose status is neither Shipped nor Partially Shipped: `items_shipped`
 * is "the number of items for which shipments have been created", but nothing proves it never
 * lags, so an order that says "shipped" always costs its request.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders#get-an-order
 */
export async function shipmentsOfOrder(
  http: HttpClient,
  order: Pick<V2Order, 'id' | 'external_order_id' | 'items_shipped' | 'status_id'>,
  options: RequestOptions & { onRequest?: () => void },
): Promise<Shipment[]> {
  if (order.items_shipped === 0 && !SAYS_SHIPPED.has(order.status_id)) return [];
  const shipmentsPath = path`/v2/orders/${order.id}/shipments`;
  const shipments = await readAllV2Pages(http, { path: shipmentsPath, schema: v2ShipmentListSchema }, options);
  if (shipments.length === 0) return [];
  const lines = await readAllV2Pages(http, { path: path`/v2/orders/${order.id}/products`, schema: v2OrderProductListSchema }, options);
  const linesById = new Map(lines.map((line) => [line.id, line]));
  const poNumber = order.external_order_id ?? null;
  return shipments
    .map((shipment) => normalizeShipment(shipment, { poNumber: poNumber === '' ? null : poNumber, lines: linesById, path: shipmentsPath }))
    .sort((a, b) => a.id - b.id);
}
