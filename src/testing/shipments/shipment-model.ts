import type { SandboxOrderAddress } from '../orders/order-model';

/**
 * A shipment as `GET /v2/orders/{id}/shipments` returns it (`orderShipment`).
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-shipments
 */
export interface SandboxShipment {
  /** Shipment id, unique in the store. */
  id: number;
  /** The order. */
  order_id: number;
  /** The order's customer; 0 for a guest order. */
  customer_id: number;
  /** The order shipping address it went to. */
  order_address_id: number;
  /** RFC 2822 creation time. */
  date_created: string;
  /** Tracking number; `''` when none. */
  tracking_number: string;
  /** What the merchant paid for shipping, v2 money. */
  merchant_shipping_cost: string;
  /** Shipping method's name. */
  shipping_method: string;
  /** `usps`, `fedex`, `ups`, …, `carrier_{id}` or `''`. */
  shipping_provider: string;
  /** The provider's display name (read-only), e.g. `USPS`; `''` when none. */
  shipping_provider_display_name: string;
  /** AfterShip courier slug, or `''`. */
  tracking_carrier: string;
  /** The merchant's custom tracking link, or `''`. */
  tracking_link: string;
  /** The provider's or AfterShip's link; `''` when a custom `tracking_link` was given. */
  generated_tracking_link: string;
  /** The merchant's comments. */
  comments: string;
  /** The order's billing address. */
  billing_address: SandboxOrderAddress;
  /** Where it went. */
  shipping_address: SandboxOrderAddress;
  /** What it contained. */
  items: Array<{
    /** The order line. */
    order_product_id: number;
    /** The line's catalog product. */
    product_id: number;
    /** Units shipped. */
    quantity: number;
  }>;
}

/** The providers BigCommerce lists for `shipping_provider`, with their display names. */
export const SHIPPING_PROVIDERS: Readonly<Record<string, string>> = {
  auspost: 'Australia Post',
  canadapost: 'Canada Post',
  endicia: 'Endicia',
  usps: 'USPS',
  fedex: 'FedEx',
  ups: 'UPS',
  upsready: 'UPS Ready',
  upsonline: 'UPS Online',
  shipperhq: 'ShipperHQ',
  royalmail: 'Royal Mail',
  '': '',
};
