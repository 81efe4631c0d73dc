import { v2Money, v2Timestamp, type SandboxOrder } from '../orders/order-model';
import { orderStatusName } from '../orders/order-statuses';
import type { SandboxState } from '../sandbox-state';
import { SHIPPING_PROVIDERS, type SandboxShipment } from './shipment-model';

/** What a merchant sends to ship lines of an order (the sandbox's reading of `POST …/shipments`). */
export interface ShipmentBody {
  order_address_id?: unknown;
  items?: unknown;
  tracking_number?: unknown;
  shipping_method?: unknown;
  shipping_provider?: unknown;
  tracking_carrier?: unknown;
  tracking_link?: unknown;
  comments?: unknown;
}

const SHIPPED = 2;
const PARTIALLY_SHIPPED = 3;

/**
 * Ships lines of an order as a merchant does: checks the address and quantities, stores the
 * shipment, counts the units shipped on the lines, the address and the order, moves the order to
 * Shipped (2) or Partially Shipped (3), and bumps its `date_modified`.
 * @returns the shipment, or the reason it was refused (answered as a 400).
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-shipments#create-order-shipment
 */
export function createShipment(state: SandboxState, order: SandboxOrder, body: ShipmentBody): { shipment: SandboxShipment } | { problem: string } {
  const address = order.shipping_addresses.find((candidate) => candidate.id === body.order_address_id);
  if (!address) return { problem: 'order_address_id must be one of the order\'s shipping addresses.' };
  if (!Array.isArray(body.items) || body.items.length === 0) return { problem: 'items must list at least one order product.' };
  const planned: Array<{ line: SandboxOrder['products'][number]; quantity: number }> = [];
  for (const item of body.items as Array<Record<string, unknown>>) {
    const line = order.products.find((candidate) => candidate.id === item?.order_product_id);
    const quantity = item?.quantity;
    if (!line) return { problem: `order_product_id ${String(item?.order_product_id)} is not a line of order ${order.id}.` };
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) return { problem: 'quantity must be a positive integer.' };
    const shippedBefore = line.quantity_shipped + planned.filter((entry) => entry.line === line).reduce((sum, entry) => sum + entry.quantity, 0);
    if (shippedBefore + quantity > line.quantity) return { problem: `order product ${line.id} has only ${line.quantity - shippedBefore} left to ship.` };
    planned.push({ line, quantity });
  }
  const provider = typeof body.shipping_provider === 'string' ? body.shipping_provider : '';
  if (!(provider in SHIPPING_PROVIDERS) && !/^carrier_\d+$/.test(provider)) return { problem: `shipping_provider ${JSON.stringify(provider)} is not a known provider.` };

  const trackingNumber = text(body.tracking_number);
  const trackingCarrier = text(body.tracking_carrier);
  const trackingLink = text(body.tracking_link);
  const now = v2Timestamp();
  const { id: _addressId, order_id: _orderId, shipping_method: addressMethod, items_total: _total, items_shipped: _shipped, ...shippingAddress } = address;
  const shipment = state.shipments.add({
    order_id: order.id,
    customer_id: order.customer_id,
    order_address_id: address.id,
    date_created: now,
    tracking_number: trackingNumber,
    merchant_shipping_cost: v2Money(0),
    shipping_method: text(body.shipping_method) || addressMethod,
    shipping_provider: provider,
    shipping_provider_display_name: SHIPPING_PROVIDERS[provider] ?? provider,
    tracking_carrier: trackingCarrier,
    tracking_link: trackingLink,
    generated_tracking_link: trackingLink ? '' : generatedLink(provider, trackingCarrier, trackingNumber),
    comments: text(body.comments),
    billing_address: order.billing_address,
    shipping_address: shippingAddress,
    items: planned.map(({ line, quantity }) => ({ order_product_id: line.id, product_id: line.product_id, quantity })),
  });

  const units = planned.reduce((sum, { quantity }) => sum + quantity, 0);
  for (const { line, quantity } of planned) line.quantity_shipped += quantity;
  address.items_shipped += units;
  if (!state.quirks.itemsShippedStale) order.items_shipped += units;
  const previousStatus = order.status_id;
  order.status_id = order.products.every((line) => line.quantity_shipped >= line.quantity) ? SHIPPED : PARTIALLY_SHIPPED;
  order.status = orderStatusName(order.status_id) ?? order.status;
  order.date_shipped = now;
  // A new shipment changes the order, so pollers using min_date_modified see it; under the
  // `shipmentBumpsOrderModified: false` quirk only the status change does.
  if (state.quirks.shipmentBumpsOrderModified || order.status_id !== previousStatus) order.date_modified = now;
  return { shipment };
}

/** The link BigCommerce generates from the provider, or AfterShip's from the courier slug. */
function generatedLink(provider: string, trackingCarrier: string, trackingNumber: string): string {
  if (!trackingNumber) return '';
  const number = encodeURIComponent(trackingNumber);
  if (provider === 'usps') return `https://tools.usps.com/go/TrackConfirmAction?tLabels=${number}`;
  if (provider === 'ups' || provider === 'upsready' || provider === 'upsonline') return `https://www.ups.com/track?tracknum=${number}`;
  if (provider === 'fedex') return `https://www.fedex.com/fedextrack/?trknbr=${number}`;
  if (trackingCarrier) return `https://track.aftership.com/${encodeURIComponent(trackingCarrier)}/${number}`;
  return '';
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
