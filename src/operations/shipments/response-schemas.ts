import * as z from 'zod/mini';

/**
 * The fields of a v2 order this module reads (`order_Resp`). Loose: new fields pass.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders#get-all-orders
 */
export const v2OrderSchema = z.looseObject({
  id: z.int(),
  status_id: z.int(),
  /** RFC 2822, e.g. `Tue, 05 Mar 2019 21:40:11 +0000`. */
  date_modified: z.string(),
  external_order_id: z.optional(z.nullable(z.string())),
  /** Lets us skip the shipments request for an order that shipped nothing. */
  items_shipped: z.optional(z.number()),
});

/** `GET /v2/orders` answers a bare array (or 204 when empty). */
export const v2OrderListSchema = z.array(v2OrderSchema);

const v2AddressSchema = z.looseObject({
  first_name: z.optional(z.string()),
  last_name: z.optional(z.string()),
  company: z.optional(z.string()),
  street_1: z.optional(z.string()),
  street_2: z.optional(z.string()),
  city: z.optional(z.string()),
  state: z.optional(z.string()),
  zip: z.optional(z.string()),
  country: z.optional(z.string()),
  country_iso2: z.optional(z.string()),
  phone: z.optional(z.string()),
  email: z.optional(z.string()),
});

/**
 * One shipment (`orderShipment`). Items name only `order_product_id`; the SKU and variant come
 * from the order's lines.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-shipments
 */
export const v2ShipmentSchema = z.looseObject({
  id: z.int(),
  order_id: z.int(),
  /** RFC 2822. */
  date_created: z.string(),
  tracking_number: z.optional(z.string()),
  shipping_method: z.optional(z.string()),
  shipping_provider: z.optional(z.string()),
  shipping_provider_display_name: z.optional(z.string()),
  tracking_carrier: z.optional(z.string()),
  tracking_link: z.optional(z.string()),
  generated_tracking_link: z.optional(z.string()),
  comments: z.optional(z.string()),
  shipping_address: z.optional(v2AddressSchema),
  items: z.array(
    z.looseObject({
      order_product_id: z.int(),
      quantity: z.number(),
    }),
  ),
});

/** `GET /v2/orders/{id}/shipments`: a bare array, or 204 when there are none. */
export const v2ShipmentListSchema = z.array(v2ShipmentSchema);

/** One order line (`orderProducts`): `id` is the `order_product_id` shipments refer to. */
export const v2OrderProductSchema = z.looseObject({
  id: z.int(),
  product_id: z.int(),
  variant_id: z.optional(z.nullable(z.int())),
  sku: z.string(),
  quantity: z.number(),
});

/** `GET /v2/orders/{id}/products`: a bare array. */
export const v2OrderProductListSchema = z.array(v2OrderProductSchema);

export type V2Order = z.infer<typeof v2OrderSchema>;
export type V2Shipment = z.infer<typeof v2ShipmentSchema>;
export type V2OrderProduct = z.infer<typeof v2OrderProductSchema>;
export type V2Address = z.infer<typeof v2AddressSchema>;
