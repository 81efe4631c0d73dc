import type { SandboxState } from '../sandbox-state';
import { createShipment } from './create-shipment';
import type { SandboxShipment } from './shipment-model';

/** Options of `SandboxStore.shipOrder`. */
export interface ShipOrderOptions {
  /** Which lines, by SKU (any letter case), and how many; `quantity` defaults to what is left. Default: everything left. */
  readonly items?: ReadonlyArray<{
    /** The line's SKU. */
    readonly sku: string;
    /** Units to ship. */
    readonly quantity?: number | undefined;
  }> | undefined;
  /** Tracking number. */
  readonly trackingNumber?: string | undefined;
  /** `usps`, `fedex`, `ups`, …, or `carrier_{id}`. */
  readonly shippingProvider?: string | undefined;
  /** An AfterShip courier slug, e.g. `dhl`. */
  readonly trackingCarrier?: string | undefined;
  /** A custom tracking link. */
  readonly trackingLink?: string | undefined;
  /** The shipping method's name; default: the address's. */
  readonly shippingMethod?: string | undefined;
  /** Comments. */
  readonly comments?: string | undefined;
}

/** Ships lines of an order without a request; see `SandboxStore.shipOrder`. */
export function shipOrder(state: SandboxState, orderId: number, options: ShipOrderOptions = {}): SandboxShipment {
  const order = state.orders.get(orderId);
  if (!order) throw new TypeError(`[bigcommerce-source/testing] shipOrder: no order ${orderId}.`);
  const left = (line: (typeof order.products)[number]) => line.quantity - line.quantity_shipped;
  const items = options.items
    ? options.items.map(({ sku, quantity }) => {
        const line = order.products.find((candidate) => candidate.sku.toLowerCase() === sku.toLowerCase());
        if (!line) throw new TypeError(`[bigcommerce-source/testing] shipOrder: order ${orderId} has no line with SKU ${JSON.stringify(sku)}.`);
        return { order_product_id: line.id, quantity: quantity ?? left(line) };
      })
    : order.products.filter((line) => left(line) > 0).map((line) => ({ order_product_id: line.id, quantity: left(line) }));
  const result = createShipment(state, order, {
    order_address_id: order.shipping_addresses[0]?.id,
    items,
    tracking_number: options.trackingNumber,
    shipping_provider: options.shippingProvider ?? '',
    tracking_carrier: options.trackingCarrier,
    tracking_link: options.trackingLink,
    shipping_method: options.shippingMethod,
    comments: options.comments,
  });
  if ('problem' in result) throw new TypeError(`[bigcommerce-source/testing] shipOrder: ${result.problem}`);
  return result.shipment;
}
