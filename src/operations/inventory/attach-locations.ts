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
 * catalog's `inventory_level` is only the default location's.
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
        { ...options, onRequest: countRequest },
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
      });
    }
    byVariant.set(entry.identity.variant_id, stock);
  }
  return items.map((item) => ({ ...item, locations: byVariant.get(item.variantId) ?? [] }));
}
