import * as z from 'zod/mini';

/** The address a shipment went to. Empty strings from BigCommerce become `null`. */
export const shipmentAddressSchema = z.object({
  /** Recipient's first name. */
  firstName: z.nullable(z.string()),
  /** Recipient's last name. */
  lastName: z.nullable(z.string()),
  /** Company. */
  company: z.nullable(z.string()),
  /** First address line. */
  street1: z.nullable(z.string()),
  /** Second address line. */
  street2: z.nullable(z.string()),
  /** City. */
  city: z.nullable(z.string()),
  /** State or province. */
  state: z.nullable(z.string()),
  /** Postal code. */
  zip: z.nullable(z.string()),
  /** ISO 3166-1 alpha-2 country code, e.g. `US`. */
  country: z.nullable(z.string()),
  /** Phone. */
  phone: z.nullable(z.string()),
  /** Email. */
  email: z.nullable(z.string()),
});

/** One shipped line: which SKU, how many. */
export const shipmentItemSchema = z.object({
  /** The SKU of the order line. */
  sku: z.string(),
  /** Catalog product id. */
  productId: z.int(),
  /** Catalog variant id; `null` when the line had none (e.g. a custom product). */
  variantId: z.nullable(z.int()),
  /** Quantity shipped in this shipment. */
  quantity: z.number(),
  /** The order line's id (`order_product_id`). */
  orderProductId: z.int(),
});

/**
 * A shipment the supplier made, normalized: v2 dates become ISO 8601, items carry SKUs.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-shipments
 */
export const shipmentSchema = z.object({
  /** Shipment id, unique in the store. */
  id: z.int(),
  /** The order it belongs to. */
  orderId: z.int(),
  /** The order's `external_order_id`: the PO number for orders this SDK sent; `null` when unset. */
  poNumber: z.nullable(z.string()),
  /** The tracking number; `null` when the merchant gave none. */
  trackingNumber: z.nullable(z.string()),
  /** Carrier display name (e.g. `USPS`) when BigCommerce gives one, else the provider or AfterShip slug. */
  carrier: z.nullable(z.string()),
  /** `shipping_provider` (e.g. `usps`, `carrier_3`), else the AfterShip slug (`tracking_carrier`). */
  carrierCode: z.nullable(z.string()),
  /** The merchant's custom tracking link, else the generated one; `null` when both are empty. */
  trackingUrl: z.nullable(z.string()),
  /** The shipping method's name. */
  shippingMethod: z.nullable(z.string()),
  /** When the shipment was created, ISO 8601 in UTC. */
  shippedAt: z.string(),
  /** The merchant's comments. */
  comments: z.nullable(z.string()),
  /** Where it went. */
  shippingAddress: z.nullable(shipmentAddressSchema),
  /** What it contained. */
  items: z.array(shipmentItemSchema),
});

/** A normalized shipment; see {@link shipmentSchema}. */
export type Shipment = z.infer<typeof shipmentSchema>;
/** One shipped line; see {@link shipmentItemSchema}. */
export type ShipmentItem = z.infer<typeof shipmentItemSchema>;
/** A shipment's address; see {@link shipmentAddressSchema}. */
export type ShipmentAddress = z.infer<typeof shipmentAddressSchema>;
