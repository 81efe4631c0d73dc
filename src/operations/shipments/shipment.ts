import * as z from 'zod';

/** The address a shipment went to. Empty strings from BigCommerce become `null`. */
export const shipmentAddressSchema = z.object({
  /** Recipient's first name. */
  firstName: z.string().nullable(),
  /** Recipient's last name. */
  lastName: z.string().nullable(),
  /** Company. */
  company: z.string().nullable(),
  /** First address line. */
  street1: z.string().nullable(),
  /** Second address line. */
  street2: z.string().nullable(),
  /** City. */
  city: z.string().nullable(),
  /** State or province. */
  state: z.string().nullable(),
  /** Postal code. */
  zip: z.string().nullable(),
  /** ISO 3166-1 alpha-2 country code, e.g. `US`. */
  country: z.string().nullable(),
  /** Phone. */
  phone: z.string().nullable(),
  /** Email. */
  email: z.string().nullable(),
});

/** One shipped line: which SKU, how many. */
export const shipmentItemSchema = z.object({
  /** The SKU of the order line. */
  sku: z.string(),
  /** Catalog product id. */
  productId: z.number().int(),
  /** Catalog variant id; `null` when the line had none (e.g. a custom product). */
  variantId: z.number().int().nullable(),
  /** Quantity shipped in this shipment. */
  quantity: z.number(),
  /** The order line's id (`order_product_id`). */
  orderProductId: z.number().int(),
});

/**
 * A shipment the supplier made, normalized: v2 dates become ISO 8601, items carry SKUs.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-shipments
 */
export const shipmentSchema = z.object({
  /** Shipment id, unique in the store. */
  id: z.number().int(),
  /** The order it belongs to. */
  orderId: z.number().int(),
  /** The order's `external_order_id`: the PO number for orders this SDK sent; `null` when unset. */
  poNumber: z.string().nullable(),
  /** The tracking number; `null` when the merchant gave none. */
  trackingNumber: z.string().nullable(),
  /** Carrier display name (e.g. `USPS`) when BigCommerce gives one, else the provider or AfterShip slug. */
  carrier: z.string().nullable(),
  /** `shipping_provider` (e.g. `usps`, `carrier_3`), else the AfterShip slug (`tracking_carrier`). */
  carrierCode: z.string().nullable(),
  /** The merchant's custom tracking link, else the generated one; `null` when both are empty. */
  trackingUrl: z.string().nullable(),
  /** The shipping method's name. */
  shippingMethod: z.string().nullable(),
  /** When the shipment was created, ISO 8601 in UTC. */
  shippedAt: z.string(),
  /** The merchant's comments. */
  comments: z.string().nullable(),
  /** Where it went. */
  shippingAddress: shipmentAddressSchema.nullable(),
  /** What it contained. */
  items: z.array(shipmentItemSchema),
});

/** A normalized shipment; see {@link shipmentSchema}. */
export type Shipment = z.infer<typeof shipmentSchema>;
/** One shipped line; see {@link shipmentItemSchema}. */
export type ShipmentItem = z.infer<typeof shipmentItemSchema>;
/** A shipment's address; see {@link shipmentAddressSchema}. */
export type ShipmentAddress = z.infer<typeof shipmentAddressSchema>;
