import * as z from 'zod/mini';
import { isoDateTime } from '../../internal/iso-datetime';

/** Stock of one item at one inventory location (`locations: true`). */
export interface InventoryLocationStock {
  /** The location's id. */
  readonly locationId: number;
  /** The merchant's code for the location, e.g. `BC-LOCATION-1`. */
  readonly code: string;
  /** The location's name. */
  readonly name: string;
  /**
   * Units that can be sold from this location: on hand minus safety stock, as BigCommerce reports
   * it for the location, whether or not the location is enabled.
   */
  readonly availableToSell: number;
  /** Units on hand. */
  readonly onHand: number;
  /**
   * Whether the location is enabled (`location_enabled`). Stock at a disabled location does not
   * count toward what the store can sell: leave entries with `enabled: false` out of any total.
   */
  readonly enabled: boolean;
}

/** One option value of a variant, e.g. `{ name: 'Color', value: 'Red' }`. */
export interface InventoryOptionValue {
  /** The option's display name, e.g. `Size`. */
  readonly name: string;
  /** The value's label, e.g. `M`. */
  readonly value: string;
}

/**
 * One purchasable SKU of the store: a variant with its product's details, as yielded by
 * `source.inventory.items()`. A product without options is its own base variant and yields one
 * item. Variant fields that BigCommerce sends as `null` (prices, dimensions) carry the product's value.
 * @see https://developer.bigcommerce.com/docs/rest-catalog/product-variants
 */
export interface InventoryItem {
  /** The variant's SKU (for a product without options, the product's SKU). */
  readonly sku: string;
  /** The product's id. */
  readonly productId: number;
  /** The variant's id (for a product without options, its base variant). Orders reference it. */
  readonly variantId: number;
  /** The product's name. */
  readonly productName: string;
  /** The product's own SKU. */
  readonly productSku: string;
  /** The brand's id, `null` when the product has none. */
  readonly brandId: number | null;
  /** What makes this variant, e.g. `[{ name: 'Color', value: 'Red' }]`; empty for a base variant. */
  readonly optionValues: readonly InventoryOptionValue[];
  /** How the store counts stock: `none`, per `product`, or per `variant`. */
  readonly inventoryTracking: 'none' | 'product' | 'variant';
  /**
   * Stock: the variant's level when tracked by variant, the product's level (on every variant of
   * it) when tracked by product, `null` when stock is not tracked.
   */
  readonly quantity: number | null;
  /** Whether the product shows on the storefront (`false` for hidden products). */
  readonly isVisible: boolean;
  /** Whether this variant cannot be bought. Such variants are still yielded, flagged. */
  readonly purchasingDisabled: boolean;
  /** The product's availability: `available`, `disabled` or `preorder`. */
  readonly availability: 'available' | 'disabled' | 'preorder';
  /** Default price. */
  readonly price: number;
  /** Sale price; 0 when not on sale. */
  readonly salePrice: number;
  /** Retail price (MSRP); 0 when not set. */
  readonly retailPrice: number;
  /** Minimum advertised price; 0 when not set. */
  readonly mapPrice: number;
  /** Cost price. */
  readonly costPrice: number;
  /** Weight, in the store's unit. */
  readonly weight: number;
  /** Width, in the store's unit. */
  readonly width: number;
  /** Height, in the store's unit. */
  readonly height: number;
  /** Depth, in the store's unit. */
  readonly depth: number;
  /** Universal Product Code, `null` when none. */
  readonly upc: string | null;
  /** Global Trade Item Number, `null` when none. */
  readonly gtin: string | null;
  /** Manufacturer Part Number, `null` when none. */
  readonly mpn: string | null;
  /** The variant's image URL, `null` when none. */
  readonly imageUrl: string | null;
  /** When the product last changed, ISO 8601 in UTC (`2026-11-26T10:00:00.000Z`). */
  readonly dateModified: string;
  /**
   * Stock per inventory location; only with the `locations: true` option. `[]` for an item the
   * inventory API does not list (a product that does not track inventory by variant may have none).
   */
  readonly locations?: readonly InventoryLocationStock[];
}

const optionalText = z.nullable(z.string());

/** The zod/mini schema of {@link InventoryItem}, e.g. to check items read back from your own storage. */
export const inventoryItemSchema: z.ZodMiniType<InventoryItem> = z.object({
  sku: z.string(),
  productId: z.int(),
  variantId: z.int(),
  productName: z.string(),
  productSku: z.string(),
  brandId: z.nullable(z.int()),
  optionValues: z.array(z.object({ name: z.string(), value: z.string() })),
  inventoryTracking: z.enum(['none', 'product', 'variant']),
  quantity: z.nullable(z.number()),
  isVisible: z.boolean(),
  purchasingDisabled: z.boolean(),
  availability: z.enum(['available', 'disabled', 'preorder']),
  price: z.number(),
  salePrice: z.number(),
  retailPrice: z.number(),
  mapPrice: z.number(),
  costPrice: z.number(),
  weight: z.number(),
  width: z.number(),
  height: z.number(),
  depth: z.number(),
  upc: optionalText,
  gtin: optionalText,
  mpn: optionalText,
  imageUrl: optionalText,
  dateModified: isoDateTime(),
  locations: z.optional(
    z.array(
      z.object({
        locationId: z.int(),
        code: z.string(),
        name: z.string(),
        availableToSell: z.number(),
        onHand: z.number(),
        enabled: z.boolean(),
      }),
    ),
  ),
});
