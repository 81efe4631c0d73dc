import type { HttpClient } from '../../internal/http-client';
import { path } from '../../internal/path';
import { readAllV2Pages } from '../../internal/v2-pages';
import type { RequestOptions } from '../../internal/request-options';
import { normalizeShipment } from './normalize-shipment';
import { v2OrderProductListSchema, v2ShipmentListSchema, type V2Order } from './response-schemas';
import type { Shipment } from './shipment';

/**
 * The shipments of one order, normalized. Costs nothing for an order whose `items_shipped` is 0,
 * one request when it has no shipments (204), and one more for its lines when it has some.
 */
export async function shipmentsOfOrder(
  http: HttpClient,
  order: Pick<V2Order, 'id' | 'external_order_id' | 'items_shipped'>,
  options: RequestOptions & { onRequest?: () => void },
): Promise<Shipment[]> {
  if (order.items_shipped === 0) return [];
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
