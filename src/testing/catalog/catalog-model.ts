/**
 * A variant as `GET /v3/catalog/products?include=variants` and `GET /v3/catalog/variants` return
 * it (`productVariant_Full`). Nullable prices and dimensions mean "inherit from the product".
 * @see https://developer.bigcommerce.com/docs/rest-catalog/product-variants
 */
export interface SandboxVariant {
  /** Variant id, unique in the store. */
  id: number;
  /** The product it belongs to. */
  product_id: number;
  /** The variant's SKU; unique in the store regardless of letter case. */
  sku: string;
  /** v2 SKU id; `null` for a base variant. */
  sku_id: number | null;
  /** The option values that make this variant; empty for a base variant. */
  option_values: Array<{
    /** Option value id. */
    id: number;
    /** The value, e.g. `Red`. */
    label: string;
    /** Option id. */
    option_id: number;
    /** The option's name, e.g. `Color`. */
    option_display_name: string;
  }>;
  /** `null` inherits the product's price. */
  price: number | null;
  /** `null` inherits the product's sale price. */
  sale_price: number | null;
  /** `null` inherits the product's retail price (MSRP). */
  retail_price: number | null;
  /** `null` inherits the product's cost price. */
  cost_price: number | null;
  /** `null` inherits the product's weight. */
  weight: number | null;
  /** `null` inherits the product's width. */
  width: number | null;
  /** `null` inherits the product's height. */
  height: number | null;
  /** `null` inherits the product's depth. */
  depth: number | null;
  /** The price the storefront shows, computed by the store. */
  calculated_price: number;
  /** The weight the store ships with, computed by the store. */
  calculated_weight: number;
  /** Stock of this variant, used when the product tracks inventory by variant. */
  inventory_level: number | null;
  /** Low-stock warning level. */
  inventory_warning_level: number | null;
  /** Whether the variant cannot be bought. */
  purchasing_disabled: boolean;
  /** Message shown when purchasing is disabled. */
  purchasing_disabled_message: string;
  /** Universal Product Code. */
  upc: string | null;
  /** Manufacturer Part Number. */
  mpn: string | null;
  /** Global Trade Item Number. */
  gtin: string | null;
  /** The variant's image URL, `''` when none. */
  image_url: string;
  /** Whether shipping is free. */
  is_free_shipping: boolean;
  /** Fixed shipping cost; `null` when none. */
  fixed_cost_shipping_price: number | null;
  /** Bin picking number. */
  bin_picking_number: string | null;
}

/**
 * A product as `GET /v3/catalog/products` returns it (`product_Full`, the fields this store keeps),
 * with its variants (which `include=variants` adds).
 * @see https://developer.bigcommerce.com/docs/rest-catalog/products
 */
export interface SandboxProduct {
  /** Product id, unique in the store. */
  id: number;
  /** Product name. */
  name: string;
  /** `physical` or `digital`. */
  type: 'physical' | 'digital';
  /** The product's main SKU. */
  sku: string;
  /** Product description (HTML). */
  description: string;
  /** Weight. */
  weight: number;
  /** Width. */
  width: number;
  /** Depth. */
  depth: number;
  /** Height. */
  height: number;
  /** Default price. */
  price: number;
  /** Cost price. */
  cost_price: number;
  /** Retail price (MSRP). */
  retail_price: number;
  /** Sale price; 0 when not on sale. */
  sale_price: number;
  /** Minimum advertised price. */
  map_price: number;
  /** The price the storefront shows. */
  calculated_price: number;
  /** Brand id; 0 when none. */
  brand_id: number;
  /** Category ids. */
  categories: number[];
  /** Stock of the product, used when it tracks inventory by product. */
  inventory_level: number;
  /** Low-stock warning level. */
  inventory_warning_level: number;
  /** `none`, `product` or `variant`. */
  inventory_tracking: 'none' | 'product' | 'variant';
  /** Whether the product shows on the storefront; hidden products have `false`. */
  is_visible: boolean;
  /** `available`, `disabled` or `preorder`. */
  availability: 'available' | 'disabled' | 'preorder';
  /** Universal Product Code. */
  upc: string;
  /** Global Trade Item Number. */
  gtin: string;
  /** Manufacturer Part Number. */
  mpn: string;
  /** ISO 8601 creation time. */
  date_created: string;
  /** ISO 8601 time of the last change. */
  date_modified: string;
  /** The base variant's id for a product without options. */
  base_variant_id: number | null;
  /** The product's variants: exactly one (the base variant) for a product without options. */
  variants: SandboxVariant[];
}
