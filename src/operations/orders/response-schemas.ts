import * as z from 'zod';

/** `meta.pagination` of a v3 list; only what paging needs. */
const paginationSchema = z.looseObject({ total_pages: z.number() });
const v3MetaSchema = z.looseObject({ pagination: paginationSchema.optional() });

/**
 * One order (`order_Resp`). Loose; strict only on what {@link SentOrder} reads.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders#get-an-order
 */
export const orderResponseSchema = z.looseObject({
  id: z.number().int(),
  customer_id: z.number(),
  status_id: z.number().int(),
  external_order_id: z.string().nullable().optional(),
  is_deleted: z.boolean().optional(),
});

/** `GET /v2/orders`: a bare array (204 with no body when empty). */
export const orderListResponseSchema = z.array(orderResponseSchema);

/**
 * `GET /v2/orders/{id}/products`: the order's lines.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-products
 */
export const orderProductListResponseSchema = z.array(
  z.looseObject({
    product_id: z.number().int(),
    variant_id: z.number().int().nullable().optional(),
    sku: z.string().nullable().optional(),
    quantity: z.number(),
  }),
);

/** `GET /v3/customers` and `POST /v3/customers`. */
export const customerListResponseSchema = z.looseObject({
  data: z.array(z.looseObject({ id: z.number().int(), email: z.string() })),
});

/** `GET /v3/inventory/items`: the identity of each item is all SKU resolution reads. */
export const inventoryItemListResponseSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      identity: z.looseObject({ sku: z.string(), variant_id: z.number().int(), product_id: z.number().int() }),
    }),
  ),
  meta: v3MetaSchema.optional(),
});

/** `GET /v3/catalog/products?sku:in=…`: a simple product's SKU resolves to its base variant. */
export const productListResponseSchema = z.looseObject({
  data: z.array(
    z.looseObject({ id: z.number().int(), sku: z.string(), base_variant_id: z.number().int().nullable().optional() }),
  ),
  meta: v3MetaSchema.optional(),
});

/** `GET /v3/catalog/variants?product_id:in=…`: whether each variant can be bought. */
export const variantListResponseSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      id: z.number().int(),
      product_id: z.number().int(),
      sku: z.string().nullable().optional(),
      purchasing_disabled: z.boolean().optional(),
    }),
  ),
  meta: v3MetaSchema.optional(),
});
