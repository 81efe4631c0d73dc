import type { InventoryItem } from './inventory-item';
import type { CatalogProduct, CatalogVariant } from './catalog-schemas';

/**
 * The items of one product: one per variant. `null` variant prices and dimensions inherit the
 * product's, as BigCommerce documents ("If null, the product's default … will be used").
 * @see https://developer.bigcommerce.com/docs/rest-catalog/product-variants#create-a-product-variant
 */
export function itemsOfProduct(product: CatalogProduct, into: InventoryItem[]): void {
  const dateModified = isoDate(product.date_modified);
  const brandId = product.brand_id === 0 ? null : product.brand_id;
  for (const variant of product.variants) {
    // A base variant is the product itself: it may leave identifiers to the product. A variant
    // with options keeps its own, since the product's UPC belongs to no single variant.
    const isBase = variant.option_values.length === 0;
    into.push({
      sku: variant.sku,
      productId: product.id,
      variantId: variant.id,
      productName: product.name,
      productSku: product.sku,
      brandId,
      optionValues: variant.option_values.map((option) => ({ name: option.option_display_name, value: option.label })),
      inventoryTracking: product.inventory_tracking,
      quantity: quantityOf(product, variant),
      isVisible: product.is_visible,
      purchasingDisabled: variant.purchasing_disabled,
      availability: product.availability,
      price: variant.price ?? product.price,
      salePrice: variant.sale_price ?? product.sale_price,
      retailPrice: variant.retail_price ?? product.retail_price,
      mapPrice: typeof variant.map_price === 'number' ? variant.map_price : product.map_price,
      costPrice: variant.cost_price ?? product.cost_price,
      weight: variant.weight ?? product.weight,
      width: variant.width ?? product.width,
      height: variant.height ?? product.height,
      depth: variant.depth ?? product.depth,
      upc: nonEmpty(variant.upc) ?? (isBase ? nonEmpty(product.upc) : null),
      gtin: nonEmpty(variant.gtin) ?? (isBase ? nonEmpty(product.gtin) : null),
      mpn: nonEmpty(variant.mpn) ?? (isBase ? nonEmpty(product.mpn) : null),
      imageUrl: nonEmpty(variant.image_url),
      dateModified,
    });
  }
}

/**
 * `inventory_tracking` says whose level counts: the variant's, the product's (the same on every
 * variant), or none (stock not tracked: `null`, never a made-up number).
 * @see https://developer.bigcommerce.com/docs/rest-catalog/products#get-all-products
 */
function quantityOf(product: CatalogProduct, variant: CatalogVariant): number | null {
  if (product.inventory_tracking === 'variant') return variant.inventory_level ?? 0;
  if (product.inventory_tracking === 'product') return product.inventory_level;
  return null;
}

/** The last date normalized: the products of a page often share a `date_modified`. */
let lastDate: { readonly raw: string; readonly iso: string } | undefined;

function isoDate(raw: string): string {
  if (lastDate?.raw !== raw) lastDate = { raw, iso: new Date(raw).toISOString() };
  return lastDate.iso;
}

function nonEmpty(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}
