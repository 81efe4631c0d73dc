import { chunk } from '../../internal/chunk';
import type { HttpClient } from '../../internal/http-client';
import { readAllV3Pages } from '../../internal/v3-pages';
import type { RequestOptions } from '../../internal/request-options';
import { inventoryItemsPageSchema } from './catalog-schemas';
import type { InventoryItem, InventoryLocationStock } from './inventory-item';

/** Variant ids per `GET /v3/inventory/items` request: keeps the URL near 2 KB. */
const VARIANTS_PER_REQUEST = 250;

/**
 * Adds each item's stock per location, from `GET /v3/inventory/items?variant_id:in=…`: the
 * catalog's `inventory_level` is only the default location's. Each entry keeps whether its
 * location is enabled: stock at a disabled location does not count toward what the store sells.
 *
 * An item the inventory API does not list gets `locations: []`: the API documents only variants
 * of products tracked by variant as inventory items, so a product tracked by product or not
 * tracked may have none.
 * @see https://developer.bigcommerce.com/docs/rest-management/inventory/items
 * @see https://developer.bigcommerce.com/docs/store-operations/catalog/inventory-locations
 */
export async function attachLocations(
  http: HttpClient,
  items: InventoryItem[],
  options: RequestOptions,
  countRequest: () => void,
): Promise<InventoryItem[]> {
  const byVariant = new Map<number, InventoryLocationStock[]>();
  const pages = await Promise.all(
    chunk(
      items.map((item) => item.variantId),
      VARIANTS_PER_REQUEST,
    ).map((variantIds) =>
      readAllV3Pages(
        http,
        { path: '/v3/inventory/items', query: { 'variant_id:in': variantIds, limit: VARIANTS_PER_REQUEST }, schema: inventoryItemsPageSchema },
        { ...options, onRequest: countRequest, priority: 'bulk' },
      ),
    ),
  );
  for (const entry of pages.flat()) {
    const stock = byVariant.get(entry.identity.variant_id) ?? [];
    for (const location of entry.locations) {
      stock.push({
        locationId: location.location_id,
        code: location.location_code,
        name: location.location_name,
        availableToSell: location.available_to_sell,
        onHand: location.total_inventory_onhand,
        enabled: location.location_enabled,
      });
    }
    byVariant.set(entry.identity.variant_id, stock);
  }
  return items.map((item) => ({ ...item, locations: byVariant.get(item.variantId) ?? [] }));
}
