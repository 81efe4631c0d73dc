import { describe, expect, it } from 'vitest';
import { inventoryItemSchema } from '../../src/index';
import { collect, setup } from '../operations/inventory/inventory-fixtures';

describe('locations: true, disabled locations', () => {
  it('keeps whether each location is enabled, so stock at a disabled one never looks sellable', async () => {
    const { sandbox, source } = setup({ products: [{ name: 'Shirt', sku: 'SHIRT', inventory_tracking: 'variant', variants: [{ sku: 'SHIRT-S', inventory_level: 3 }] }] });
    const closed = sandbox.catalog.addLocation({ code: 'CLOSED', label: 'Closed store', enabled: false });
    sandbox.catalog.setLocationStock(sandbox.catalog.findVariantBySku('SHIRT-S')!.id, closed.id, { onHand: 40 });
    const [item] = await collect(source.inventory.items({ locations: true }));
    expect(item!.locations).toEqual([
      expect.objectContaining({ locationId: 1, enabled: true, availableToSell: 3 }),
      expect.objectContaining({ locationId: closed.id, code: 'CLOSED', enabled: false, availableToSell: 40, onHand: 40 }),
    ]);
    const sellable = item!.locations!.filter((location) => location.enabled).reduce((sum, location) => sum + location.availableToSell, 0);
    expect(sellable).toBe(3);
    expect(inventoryItemSchema.safeParse(item).success).toBe(true);
  });
});
