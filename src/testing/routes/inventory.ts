import type { SandboxProduct, SandboxVariant } from '../catalog/catalog-model';
import { respondV3List } from '../responses/v3-list';
import type { SandboxRouter } from '../router';

/** The sandbox's one location until multi-location stock is modelled. */
const DEFAULT_LOCATION = { id: 1, code: 'BC-LOCATION-1', name: 'Default location' } as const;

/**
 * Inventory reads: one item per variant with its stock per location.
 * @see https://developer.bigcommerce.com/docs/rest-management/inventory/items
 */
export function registerInventoryRoutes(router: SandboxRouter): void {
  router.add({
    method: 'GET',
    path: '/v3/inventory/items',
    scope: 'store_inventory_read_only',
    handler: ({ query, state }) => {
      const skus = listParam(query, 'sku:in')?.map((sku) => sku.toLowerCase());
      const variantIds = listParam(query, 'variant_id:in')?.map(Number);
      const productIds = listParam(query, 'product_id:in')?.map(Number);
      const items = [];
      for (const product of state.catalog.products()) {
        if (productIds && !productIds.includes(product.id)) continue;
        for (const variant of product.variants) {
          if (variantIds && !variantIds.includes(variant.id)) continue;
          if (skus && !skus.includes(variant.sku.toLowerCase())) continue;
          items.push(inventoryItem(product, variant));
        }
      }
      return respondV3List(items, query, { maxLimit: 1000 });
    },
  });
}

function inventoryItem(product: SandboxProduct, variant: SandboxVariant) {
  const onHand = onHandOf(product, variant);
  return {
    // inventory.v3.yml types sku_id as an integer; a base variant has none, so it is left out.
    identity: { sku: variant.sku, variant_id: variant.id, product_id: product.id, ...(variant.sku_id === null ? {} : { sku_id: variant.sku_id }) },
    locations: [
      {
        location_id: DEFAULT_LOCATION.id,
        location_code: DEFAULT_LOCATION.code,
        location_name: DEFAULT_LOCATION.name,
        available_to_sell: onHand,
        total_inventory_onhand: onHand,
        location_enabled: true,
        settings: { safety_stock: 0, is_in_stock: onHand > 0, warning_level: 0, bin_picking_number: variant.bin_picking_number ?? '' },
      },
    ],
  };
}

function onHandOf(product: SandboxProduct, variant: SandboxVariant): number {
  if (product.inventory_tracking === 'variant') return variant.inventory_level ?? 0;
  if (product.inventory_tracking === 'product') return product.inventory_level;
  return 0;
}

function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.get(name);
  return raw === null ? undefined : raw.split(',').filter((item) => item !== '');
}
