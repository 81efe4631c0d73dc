import * as z from 'zod';

/**
 * The fields of a v2 order this module reads (`order_Resp`). Loose: new fields pass.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders#get-all-orders
 */
export const v2OrderSchema = z.looseObject({
  id: z.number().int(),
  status_id: z.number().int(),
  /** RFC 2822, e.g. `Tue, 05 Mar 2019 21:40:11 +0000`. */
  date_modified: z.string(),
  external_order_id: z.string().nullable().optional(),
  /** Lets us skip the shipments request for an order that shipped nothing. */
  items_shipped: z.number().optional(),
});

/** `GET /v2/orders` answers a bare array (or 204 when empty). */
export const v2OrderListSchema = z.array(v2OrderSchema);

const v2AddressSchema = z.looseObject({
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  company: z.string().optional(),
  street_1: z.string().optional(),
  street_2: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  zip: z.string().optional(),
  country: z.string().optional(),
  country_iso2: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
});

/**
 * One shipment (`orderShipment`). Items name only `order_product_id`; the SKU and variant come
 * from the order's lines.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-shipments
 */
export const v2ShipmentSchema = z.looseObject({
  id: z.number().int(),
  order_id: z.number().int(),
  /** RFC 2822. */
  date_created: z.string(),
  tracking_number: z.string().optional(),
  shipping_method: z.string().optional(),
  shipping_provider: z.string().optional(),
  shipping_provider_display_name: z.string().optional(),
  tracking_carrier: z.string().optional(),
  tracking_link: z.string().optional(),
  generated_tracking_link: z.string().optional(),
  comments: z.string().optional(),
  shipping_address: v2AddressSchema.optional(),
  items: z.array(
    z.looseObject({
      order_product_id: z.number().int(),
      quantity: z.number(),
    }),
  ),
});

/** `GET /v2/orders/{id}/shipments`: a bare array, or 204 when there are none. */
export const v2ShipmentListSchema = z.array(v2ShipmentSchema);

/** One order line (`orderProducts`): `id` is the `order_product_id` shipments refer to. */
export const v2OrderProductSchema = z.looseObject({
  id: z.number().int(),
  product_id: z.number().int(),
  variant_id: z.number().int().nullable().optional(),
  sku: z.string(),
  quantity: z.number(),
});

/** `GET /v2/orders/{id}/products`: a bare array. */
export const v2OrderProductListSchema = z.array(v2OrderProductSchema);

export type V2Order = z.infer<typeof v2OrderSchema>;
export type V2Shipment = z.infer<typeof v2ShipmentSchema>;
export type V2OrderProduct = z.infer<typeof v2OrderProductSchema>;
export type V2Address = z.infer<typeof v2AddressSchema>;
