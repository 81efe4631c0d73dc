import type { SandboxProduct, SandboxVariant } from '../catalog/catalog-model';
import type { CatalogState } from '../catalog/catalog-state';
import type { SandboxLocation } from '../catalog/location-model';
import { respondV3List } from '../responses/v3-list';
import type { SandboxRouter } from '../router';
import { sameText } from '../quirks';

/**
 * Inventory reads: one item per variant with its stock at every location, and the locations.
 * @see https://developer.bigcommerce.com/docs/rest-management/inventory/items
 * @see https://developer.bigcommerce.com/docs/rest-management/inventory/locations#get-locations
 */
export function registerInventoryRoutes(router: SandboxRouter): void {
  router.add({
    method: 'GET',
    path: '/v3/inventory/items',
    scope: 'store_inventory_read_only',
    handler: ({ query, state, list }) => {
      const skus = list('sku:in');
      const { skuFilterCaseSensitive, inventoryItemsOnlyVariantTracked } = state.quirks;
      const variantIds = list('variant_id:in')?.map(Number);
      const productIds = list('product_id:in')?.map(Number);
      const locationIds = list('location_id:in')?.map(Number);
      const locations = state.catalog.locations().filter((location) => !locationIds || locationIds.includes(location.id));
      const items = [];
      for (const [product, variant] of candidates(state.catalog, variantIds, productIds)) {
        if (productIds && !productIds.includes(product.id)) continue;
        if (variantIds && !variantIds.includes(variant.id)) continue;
        if (skus && !skus.some((sku) => sameText(variant.sku, sku, skuFilterCaseSensitive))) continue;
        if (inventoryItemsOnlyVariantTracked && product.inventory_tracking !== 'variant') continue;
        items.push(inventoryItem(state.catalog, locations, product, variant));
      }
      // inventory.v3.yml: "Limit of 1000 items for payload length."
      return respondV3List(items, query, { maxLimit: 1000 });
    },
  });

  router.add({
    method: 'GET',
    path: '/v3/inventory/locations',
    scope: 'store_locations_read_only',
    handler: ({ query, state, list }) => {
      const ids = list('location_id:in')?.map(Number);
      const codes = list('location_code:in');
      const active = query.get('is_active');
      const locations = state.catalog
        .locations()
        .filter((location) => !ids || ids.includes(location.id))
        .filter((location) => !codes || codes.includes(location.code))
        .filter((location) => active === null || location.enabled === (active === 'true' || active === '1'))
        .map(locationView);
      return respondV3List(locations, query);
    },
  });
}

/** The variants to look at: straight from the ids when the query names variants, else every one. */
function* candidates(catalog: CatalogState, variantIds: number[] | undefined, productIds: number[] | undefined): Generator<[SandboxProduct, SandboxVariant]> {
  if (variantIds) {
    for (const id of [...new Set(variantIds)].sort((a, b) => a - b)) {
      const variant = catalog.getVariant(id);
      const product = variant && catalog.getProduct(variant.product_id);
      if (variant && product) yield [product, variant];
    }
    return;
  }
  const products = productIds
    ? [...new Set(productIds)].sort((a, b) => a - b).flatMap((id) => catalog.getProduct(id) ?? [])
    : catalog.products();
  for (const product of products) for (const variant of product.variants) yield [product, variant];
}

function inventoryItem(catalog: CatalogState, locations: readonly SandboxLocation[], product: SandboxProduct, variant: SandboxVariant) {
  return {
    // inventory.v3.yml types sku_id as an integer; a base variant has none, so it is left out.
    identity: { sku: variant.sku, variant_id: variant.id, product_id: product.id, ...(variant.sku_id === null ? {} : { sku_id: variant.sku_id }) },
    locations: locations.map((location) => {
      const stock = catalog.locationStock(variant.id, location.id);
      const availableToSell = Math.max(0, stock.onHand - stock.safetyStock);
      return {
        location_id: location.id,
        location_code: location.code,
        location_name: location.label,
        available_to_sell: availableToSell,
        total_inventory_onhand: stock.onHand,
        location_enabled: location.enabled,
        settings: { safety_stock: stock.safetyStock, is_in_stock: availableToSell > 0, warning_level: 0, bin_picking_number: variant.bin_picking_number ?? '' },
      };
    }),
  };
}

function locationView(location: SandboxLocation) {
  return { ...location };
}
