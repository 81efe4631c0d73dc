import * as z from 'zod/mini';

// Response schemas: unknown fields pass, strict on every field the SDK reads. `z.object` (not
// `looseObject`) because the parsed copy is only read by the normalizer: unknown fields are
// accepted and simply not copied, which keeps a 250-product page cheap to check.

const nullableNumber = z.nullable(z.number());
const text = z.optional(z.nullable(z.string()));

/**
 * A variant of `include=variants` (`productVariant_Full`). `null` prices and dimensions inherit
 * the product's value.
 * @see https://developer.bigcommerce.com/docs/rest-catalog/product-variants
 */
export const catalogVariantSchema = z.object({
  id: z.int(),
  sku: z.string(),
  option_values: z.array(z.object({ label: z.string(), option_display_name: z.string() })),
  price: nullableNumber,
  sale_price: nullableNumber,
  retail_price: nullableNumber,
  cost_price: nullableNumber,
  // productVariant_Full examples show `map_price: {}`; only a number overrides the product's.
  map_price: z.optional(z.unknown()),
  weight: nullableNumber,
  width: nullableNumber,
  height: nullableNumber,
  depth: nullableNumber,
  inventory_level: nullableNumber,
  purchasing_disabled: z.boolean(),
  upc: text,
  gtin: text,
  mpn: text,
  image_url: text,
});

/** A product of `GET /v3/catalog/products?include=variants` with the fields an item needs. */
export const catalogProductSchema = z.object({
  id: z.int(),
  name: z.string(),
  sku: z.string(),
  brand_id: z.int(),
  inventory_tracking: z.enum(['none', 'product', 'variant']),
  inventory_level: z.number(),
  is_visible: z.boolean(),
  availability: z.enum(['available', 'disabled', 'preorder']),
  price: z.number(),
  sale_price: z.number(),
  retail_price: z.number(),
  map_price: z.number(),
  cost_price: z.number(),
  weight: z.number(),
  width: z.number(),
  height: z.number(),
  depth: z.number(),
  upc: text,
  gtin: text,
  mpn: text,
  date_modified: z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO 8601 date')),
  base_variant_id: z.optional(z.nullable(z.int())),
  // "Everything you can buy should be a variant": every product has at least its base variant.
  variants: z.array(catalogVariantSchema).check(z.minLength(1)),
});

/** A checked product. */
export type CatalogProduct = z.infer<typeof catalogProductSchema>;
/** A checked variant. */
export type CatalogVariant = z.infer<typeof catalogVariantSchema>;

/**
 * The product fields asked for with `include_fields`: a feed needs a third of `product_Full`, and
 * leaving out descriptions and SEO fields makes pages several times smaller.
 * @see https://developer.bigcommerce.com/docs/rest-catalog/products#get-all-products
 */
export const PRODUCT_FIELDS = [
  'name',
  'sku',
  'brand_id',
  'inventory_tracking',
  'inventory_level',
  'is_visible',
  'availability',
  'price',
  'sale_price',
  'retail_price',
  'map_price',
  'cost_price',
  'weight',
  'width',
  'height',
  'depth',
  'upc',
  'gtin',
  'mpn',
  'date_modified',
  'base_variant_id',
] as const;

/**
 * The page envelope. Products stay `unknown` here: each is checked on its own, so an error names
 * the product, and the next page can be requested before this one is checked.
 */
export const productPageSchema = z.looseObject({
  data: z.array(z.unknown()),
  meta: z.looseObject({
    pagination: z.looseObject({ total: z.int().check(z.minimum(0)) }),
  }),
});

/**
 * `GET /v3/inventory/items` (`ItemResponse`): stock per location for each variant.
 * @see https://developer.bigcommerce.com/docs/rest-management/inventory/items
 */
export const inventoryItemsPageSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      identity: z.looseObject({ variant_id: z.int() }),
      locations: z.array(
        z.looseObject({
          location_id: z.int(),
          location_code: z.string(),
          location_name: z.string(),
          available_to_sell: z.number(),
          total_inventory_onhand: z.number(),
          location_enabled: z.boolean(),
        }),
      ),
    }),
  ),
  meta: z.looseObject({
    pagination: z.looseObject({ total: z.int().check(z.minimum(0)), total_pages: z.int().check(z.minimum(0)) }),
  }),
});
