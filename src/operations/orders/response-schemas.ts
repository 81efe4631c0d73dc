import * as z from 'zod/mini';

/** `meta.pagination` of a v3 list; only what paging needs. */
const paginationSchema = z.looseObject({ total_pages: z.number() });
const v3MetaSchema = z.looseObject({ pagination: z.optional(paginationSchema) });

/**
 * One order (`order_Resp`). Loose; strict only on what {@link SentOrder} reads.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders#get-an-order
 */
export const orderResponseSchema = z.looseObject({
  id: z.int(),
  customer_id: z.number(),
  status_id: z.int(),
  external_order_id: z.optional(z.nullable(z.string())),
  is_deleted: z.optional(z.boolean()),
});

/** `GET /v2/orders`: a bare array (204 with no body when empty). */
export const orderListResponseSchema = z.array(orderResponseSchema);

/**
 * `GET /v2/orders/{id}/products`: the order's lines.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-products
 */
export const orderProductListResponseSchema = z.array(
  z.looseObject({
    product_id: z.int(),
    variant_id: z.optional(z.nullable(z.int())),
    sku: z.optional(z.nullable(z.string())),
    quantity: z.number(),
  }),
);

/** `GET /v3/customers` and `POST /v3/customers`. */
export const customerListResponseSchema = z.looseObject({
  data: z.array(z.looseObject({ id: z.int(), email: z.string() })),
});

/** `GET /v3/inventory/items`: the identity of each item is all SKU resolution reads. */
export const inventoryItemListResponseSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      identity: z.looseObject({ sku: z.string(), variant_id: z.int(), product_id: z.int() }),
    }),
  ),
  meta: z.optional(v3MetaSchema),
});

/** `GET /v3/catalog/products?sku:in=…`: a simple product's SKU resolves to its base variant. */
export const productListResponseSchema = z.looseObject({
  data: z.array(
    z.looseObject({ id: z.int(), sku: z.string(), base_variant_id: z.optional(z.nullable(z.int())) }),
  ),
  meta: z.optional(v3MetaSchema),
});

/** `GET /v3/catalog/variants?product_id:in=…`: whether each variant can be bought. */
export const variantListResponseSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      id: z.int(),
      product_id: z.int(),
      sku: z.optional(z.nullable(z.string())),
      purchasing_disabled: z.optional(z.boolean()),
    }),
  ),
  meta: z.optional(v3MetaSchema),
});
