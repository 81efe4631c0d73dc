import { ResponseValidationError } from '../../errors/response-validation-error';
import { isoSeconds, parseRfc2822 } from '../../internal/rfc2822';
import type { V2Address, V2OrderProduct, V2Shipment } from './response-schemas';
import type { Shipment, ShipmentAddress } from './shipment';

/**
 * Turns a v2 shipment into a {@link Shipment}, joining each item to its order line for the SKU
 * and variant: shipment items carry only `order_product_id` (and a `product_id` the spec's own
 * sample shows as 0).
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-shipments
 */
export function normalizeShipment(
  shipment: V2Shipment,
  context: { poNumber: string | null; lines: ReadonlyMap<number, V2OrderProduct>; path: string },
): Shipment {
  const shippedAtMs = parseRfc2822(shipment.date_created);
  if (shippedAtMs === undefined) {
    throw invalid(context.path, `shipment ${shipment.id}: date_created`, `expected an RFC 2822 date, got ${JSON.stringify(shipment.date_created)}`);
  }
  const carrierCode = nonEmpty(shipment.shipping_provider) ?? nonEmpty(shipment.tracking_carrier);
  return {
    id: shipment.id,
    orderId: shipment.order_id,
    poNumber: context.poNumber,
    trackingNumber: nonEmpty(shipment.tracking_number),
    carrier: nonEmpty(shipment.shipping_provider_display_name) ?? carrierCode,
    carrierCode,
    // tracking_link holds only a custom link; generated_tracking_link is empty when one was given.
    trackingUrl: nonEmpty(shipment.tracking_link) ?? nonEmpty(shipment.generated_tracking_link),
    shippingMethod: nonEmpty(shipment.shipping_method),
    shippedAt: isoSeconds(shippedAtMs),
    comments: nonEmpty(shipment.comments),
    shippingAddress: shipment.shipping_address ? normalizeAddress(shipment.shipping_address) : null,
    items: shipment.items.map((item, index) => {
      const line = context.lines.get(item.order_product_id);
      if (!line) {
        throw invalid(
          context.path,
          `shipment ${shipment.id}: items[${index}].order_product_id`,
          `order line ${item.order_product_id} is not among the order's products`,
        );
      }
      return {
        sku: line.sku,
        productId: line.product_id,
        variantId: line.variant_id ?? null,
        quantity: item.quantity,
        orderProductId: item.order_product_id,
      };
    }),
  };
}

function normalizeAddress(address: V2Address): ShipmentAddress {
  return {
    firstName: nonEmpty(address.first_name),
    lastName: nonEmpty(address.last_name),
    company: nonEmpty(address.company),
    street1: nonEmpty(address.street_1),
    street2: nonEmpty(address.street_2),
    city: nonEmpty(address.city),
    state: nonEmpty(address.state),
    zip: nonEmpty(address.zip),
    country: nonEmpty(address.country_iso2),
    phone: nonEmpty(address.phone),
    email: nonEmpty(address.email),
  };
}

function nonEmpty(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

function invalid(path: string, field: string, message: string): ResponseValidationError {
  return new ResponseValidationError(`GET ${path} returned an unexpected body: ${field}: ${message}`, {
    method: 'GET',
    path,
    issues: [{ path: field, message }],
  });
}
