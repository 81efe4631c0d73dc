import type { HttpClient } from '../../internal/http-client';
import type { RequestOptions } from '../../source/request-options';
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
  const chunks: number[][] = [];
  for (let start = 0; start < items.length; start += VARIANTS_PER_REQUEST) {
    chunks.push(items.slice(start, start + VARIANTS_PER_REQUEST).map((item) => item.variantId));
  }
  await Promise.all(
    chunks.map(async (variantIds) => {
      for (let page = 1, totalPages = 1; page <= totalPages; page += 1) {
        countRequest();
        const response = await http.request(
          {
            method: 'GET',
            path: '/v3/inventory/items',
            query: { 'variant_id:in': variantIds, limit: VARIANTS_PER_REQUEST, page },
            schema: inventoryItemsPageSchema,
          },
          options,
        );
        const body = response.data;
        totalPages = body?.meta.pagination.total_pages ?? 0;
        for (const entry of body?.data ?? []) {
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
      }
    }),
  );
  return items.map((item) => ({ ...item, locations: byVariant.get(item.variantId) ?? [] }));
}
