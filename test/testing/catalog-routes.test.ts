import { describe, expect, it } from 'vitest';
import { createSandboxStore } from '../../src/testing/index';

async function get(sandbox: ReturnType<typeof createSandboxStore>, path: string) {
  const response = await sandbox.fetch(`https://api.bigcommerce.com/stores/${sandbox.storeHash}${path}`, {
    headers: { 'X-Auth-Token': sandbox.accessToken },
  });
  return { status: response.status, body: response.status === 204 ? undefined : await response.json() };
}

describe('sandbox catalog routes', () => {
  const sandbox = createSandboxStore({
    products: [
      { name: 'Mug', sku: 'MUG-1', price: 9.5, inventory_level: 12 },
      {
        name: 'T-shirt',
        sku: 'TSHIRT',
        is_visible: false,
        variants: [
          { sku: 'TSHIRT-RED-M', inventory_level: 3, option_values: [{ id: 1, label: 'Red', option_id: 10, option_display_name: 'Color' }] },
          { sku: 'TSHIRT-BLUE-M', inventory_level: 0, price: 12 },
        ],
      },
      { name: 'Poster', sku: 'POSTER-1' },
    ],
  });

  it('lists products with variants, base variants and pagination', async () => {
    const { body } = await get(sandbox, '/v3/catalog/products?include=variants&limit=2&sort=id');
    expect(body.data.map((product: { id: number }) => product.id)).toEqual([1, 2]);
    expect(body.data[0].base_variant_id).toBe(body.data[0].variants[0].id);
    expect(body.data[1]).not.toHaveProperty('base_variant_id');
    expect(body.data[1].variants.map((variant: { sku: string }) => variant.sku)).toEqual(['TSHIRT-RED-M', 'TSHIRT-BLUE-M']);
    expect(body.meta.pagination).toMatchObject({ total: 3, total_pages: 2, links: { next: '?page=2&limit=2' } });
  });

  it('filters by visibility, id range and main SKU', async () => {
    expect((await get(sandbox, '/v3/catalog/products?is_visible=true')).body.data.map((p: { id: number }) => p.id)).toEqual([1, 3]);
    expect((await get(sandbox, '/v3/catalog/products?id:greater=1&id:max=2')).body.data.map((p: { id: number }) => p.id)).toEqual([2]);
    expect((await get(sandbox, '/v3/catalog/products?sku:in=mug-1,POSTER-1')).body.data.map((p: { id: number }) => p.id)).toEqual([1, 3]);
    expect((await get(sandbox, '/v3/catalog/products')).body.data[0]).not.toHaveProperty('variants');
  });

  it('answers 413 above 250 and 422 for a bad filter', async () => {
    expect((await get(sandbox, '/v3/catalog/products?limit=251')).status).toBe(413);
    expect((await get(sandbox, '/v3/catalog/products?id:min=abc')).status).toBe(422);
  });

  it('finds variants by SKU case-insensitively, and inventory items by sku:in', async () => {
    expect((await get(sandbox, '/v3/catalog/variants?sku=tshirt-red-m')).body.data.map((v: { id: number }) => v.id)).toEqual([2]);
    const items = (await get(sandbox, '/v3/inventory/items?sku:in=TSHIRT-RED-M,mug-1')).body.data;
    expect(items.map((item: { identity: { sku: string } }) => item.identity.sku)).toEqual(['MUG-1', 'TSHIRT-RED-M']);
    expect(items[1].locations[0]).toMatchObject({ available_to_sell: 3, location_id: 1 });
  });
});
