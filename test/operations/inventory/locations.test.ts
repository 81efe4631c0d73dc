import { describe, expect, it } from 'vitest';
import { collect, setup } from './inventory-fixtures';

describe('locations: true', () => {
  it('attaches stock per location from /v3/inventory/items, batched per page with variant_id:in', async () => {
    const { sandbox, source } = setup({
      products: [
        { name: 'Mug', sku: 'MUG-1', inventory_level: 12 },
        { name: 'Shirt', sku: 'SHIRT', variants: [{ sku: 'SHIRT-S', inventory_level: 3 }, { sku: 'SHIRT-M', inventory_level: 4 }] },
        { name: 'Cap', sku: 'CAP', inventory_level: 1 },
      ],
    });
    const warehouse = sandbox.catalog.addLocation({ code: 'WH-2', label: 'Warehouse 2' });
    const shirtS = sandbox.catalog.findVariantBySku('SHIRT-S')!;
    sandbox.catalog.setLocationStock(shirtS.id, warehouse.id, { onHand: 9, safetyStock: 2 });
    const items = await collect(source.inventory.items({ locations: true, pageSize: 2 }));
    expect(items.find((item) => item.sku === 'SHIRT-S')?.locations).toEqual([
      { locationId: 1, code: 'BC-LOCATION-1', name: 'Default location', availableToSell: 3, onHand: 3, enabled: true },
      { locationId: warehouse.id, code: 'WH-2', name: 'Warehouse 2', availableToSell: 7, onHand: 9, enabled: true },
    ]);
    expect(items.find((item) => item.sku === 'MUG-1')?.locations?.[0]).toMatchObject({ onHand: 12 });
    const inventoryRequests = sandbox.requests.filter((request) => request.path === '/v3/inventory/items');
    expect(inventoryRequests).toHaveLength(2);
    // Two pages: ids up to 2 (Mug and Shirt: variants 1, 2, 3) and the page of the highest ids (Cap: 4).
    expect(inventoryRequests.map((request) => request.query.get('variant_id:in')).sort()).toEqual(['1,2,3', '4']);
  });

  it('leaves locations out by default', async () => {
    const { sandbox, source } = setup({ products: [{ name: 'Mug' }] });
    const [item] = await collect(source.inventory.items());
    expect(item).not.toHaveProperty('locations');
    expect(sandbox.requests.some((request) => request.path.startsWith('/v3/inventory'))).toBe(false);
  });
});
