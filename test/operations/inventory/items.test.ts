import { describe, expect, it } from 'vitest';
import { inventoryItemSchema } from '../../../src/operations/inventory';
import { seedCatalog } from '../../../src/testing/catalog/catalog-generator';
import { collect, productRequests, setup, skusOf, skusOfItems } from './inventory-fixtures';

const colour = (label: string) => [{ id: 1, label, option_id: 10, option_display_name: 'Color' }];

function storeWithEveryMode() {
  return setup({
    products: [
      // 1: simple, tracked by product
      { name: 'Mug', sku: 'MUG-1', price: 9.5, cost_price: 4, inventory_level: 12, inventory_tracking: 'product', upc: '012345678905', brand_id: 7 },
      // 2: hidden, variants tracked by variant, one variant with its own price and dimensions
      {
        name: 'T-shirt',
        sku: 'TSHIRT',
        is_visible: false,
        price: 20,
        sale_price: 18,
        retail_price: 25,
        map_price: 19,
        cost_price: 6.5,
        weight: 0.3,
        width: 30,
        height: 2,
        depth: 40,
        upc: '999999999999',
        inventory_tracking: 'variant',
        inventory_level: 500,
        variants: [
          { sku: 'TSHIRT-RED-M', inventory_level: 14, option_values: colour('Red'), image_url: 'https://cdn.example/red.jpg' },
          { sku: 'TSHIRT-BLUE-M', inventory_level: 0, option_values: colour('Blue'), price: 22, cost_price: 7, weight: 0.4, width: 31, height: 3, depth: 41, upc: '111111111111', purchasing_disabled: true },
        ],
      },
      // 3: variants tracked by product
      { name: 'Poster', sku: 'POSTER', inventory_tracking: 'product', inventory_level: 5, variants: [{ sku: 'POSTER-A3', inventory_level: 99 }, { sku: 'POSTER-A2', inventory_level: 98 }] },
      // 4: not tracked
      { name: 'Café Crème ☕', sku: 'CAFÉ-1', inventory_tracking: 'none', inventory_level: 3 },
    ],
  });
}

describe('inventory.items() against the sandbox', () => {
  it('yields one valid item per variant, with the product fields and option values', async () => {
    const { source } = storeWithEveryMode();
    const items = await collect(source.inventory.items());
    expect(items.map((item) => item.sku)).toEqual(['MUG-1', 'TSHIRT-RED-M', 'TSHIRT-BLUE-M', 'POSTER-A3', 'POSTER-A2', 'CAFÉ-1']);
    for (const item of items) expect(inventoryItemSchema.safeParse(item).success).toBe(true);
    expect(items[0]).toMatchObject({ productId: 1, productName: 'Mug', productSku: 'MUG-1', brandId: 7, optionValues: [], upc: '012345678905', price: 9.5, costPrice: 4 });
    expect(items[1]).toMatchObject({ productId: 2, productSku: 'TSHIRT', isVisible: false, optionValues: [{ name: 'Color', value: 'Red' }], imageUrl: 'https://cdn.example/red.jpg' });
    expect(items[5]).toMatchObject({ productName: 'Café Crème ☕', sku: 'CAFÉ-1', brandId: null });
    expect(items[0]!.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
  });

  it('reads quantity by tracking mode: the variant, the product on every variant, or null', async () => {
    const { source } = storeWithEveryMode();
    const quantities = Object.fromEntries((await collect(source.inventory.items())).map((item) => [item.sku, [item.inventoryTracking, item.quantity]]));
    expect(quantities).toEqual({
      'MUG-1': ['product', 12],
      'TSHIRT-RED-M': ['variant', 14],
      'TSHIRT-BLUE-M': ['variant', 0],
      'POSTER-A3': ['product', 5],
      'POSTER-A2': ['product', 5],
      'CAFÉ-1': ['none', null],
    });
  });

  it('fills null variant fields from the product, keeps the variant’s own values', async () => {
    const { source } = storeWithEveryMode();
    const bySku = new Map((await collect(source.inventory.items())).map((item) => [item.sku, item]));
    expect(bySku.get('TSHIRT-RED-M')).toMatchObject({ price: 20, salePrice: 18, retailPrice: 25, mapPrice: 19, costPrice: 6.5, weight: 0.3, width: 30, height: 2, depth: 40, upc: null, purchasingDisabled: false });
    expect(bySku.get('TSHIRT-BLUE-M')).toMatchObject({ price: 22, salePrice: 18, retailPrice: 25, costPrice: 7, weight: 0.4, width: 31, height: 3, depth: 41, upc: '111111111111', purchasingDisabled: true, imageUrl: null });
  });

  it('skipHiddenProducts filters in the query (is_visible=true); without it hidden products come too', async () => {
    const { sandbox, source } = storeWithEveryMode();
    const visible = await collect(source.inventory.items({ skipHiddenProducts: true }));
    expect(visible.map((item) => item.sku)).toEqual(['MUG-1', 'POSTER-A3', 'POSTER-A2', 'CAFÉ-1']);
    expect(productRequests(sandbox).every((request) => request.query.get('is_visible') === 'true')).toBe(true);
    sandbox.clearRequests();
    expect((await collect(source.inventory.items())).some((item) => !item.isVisible)).toBe(true);
    expect(productRequests(sandbox).every((request) => !request.query.has('is_visible'))).toBe(true);
  });

  it('modifiedSince sends date_modified:min and yields only products changed since', async () => {
    const { sandbox, source } = storeWithEveryMode();
    const since = new Date(Date.now() + 60_000);
    expect(await collect(source.inventory.items({ modifiedSince: since }))).toEqual([]);
    const expected = new Date(Math.floor(since.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    expect(productRequests(sandbox).map((request) => request.query.get('date_modified:min'))).toContain(expected);
    expect(await collect(source.inventory.items({ modifiedSince: '2000-01-01T00:00:00Z' }))).toHaveLength(6);
  });

  it('asks for variants in the same request and never for options or modifiers (they cap pages at 10)', async () => {
    const { sandbox, source } = storeWithEveryMode();
    await collect(source.inventory.items());
    for (const request of productRequests(sandbox)) {
      expect(request.query.get('include') ?? 'variants').not.toMatch(/options|modifiers/);
    }
    expect(productRequests(sandbox).some((request) => request.query.get('include') === 'variants')).toBe(true);
  });

  it('yields one empty page that says the sync is complete, with the first round of requests only, for an empty catalog', async () => {
    const { sandbox, source } = setup();
    // A supplier who deleted every product: the complete page is what lets a feed retire them all.
    expect(await collect(source.inventory.pages())).toEqual([expect.objectContaining({ items: [], productIds: [], removed: [], complete: true })]);
    expect(await collect(source.inventory.items())).toEqual([]);
    // The page of the highest ids, and one page for each of the first ranges (ids up to 250, up to 500, above 500), per sync.
    expect(sandbox.requests.length).toBe(8);
  });
});

describe('a generated 3 000-product catalog', () => {
  const { sandbox, source } = setup();
  const seeded = seedCatalog(sandbox.catalog, { products: 3000, seed: 42 });
  const maxConcurrency = 4;

  it.each([250, 7, 1])('yields every sellable SKU exactly once at pageSize %i, within the request budget', async (pageSize) => {
    sandbox.clearRequests();
    const items = await collect(source.inventory.items({ pageSize }));
    // Sellable SKU: every variant of every product matching the filters (purchasing-disabled ones included, flagged).
    expect(items).toHaveLength(seeded.skus);
    expect(skusOfItems(items)).toEqual(skusOf(sandbox));
    expect(productRequests(sandbox).length).toBeLessThanOrEqual(Math.ceil(3000 / pageSize) + 2 * maxConcurrency);
  });

  it('yields the visible SKUs only with skipHiddenProducts', async () => {
    sandbox.clearRequests();
    const items = await collect(source.inventory.items({ skipHiddenProducts: true, pageSize: 100 }));
    expect(items).toHaveLength(seeded.visibleSkus);
    expect(skusOfItems(items)).toEqual(skusOf(sandbox, (product) => product.is_visible));
  });
});
