import { expect, it } from 'vitest';
import { createSandboxStore } from '../../src/testing/index';
import { seedCatalog } from '../../src/testing/catalog/catalog-generator';
import { describeWithSpecs, responseValidator } from '../helpers/openapi';

const sandbox = createSandboxStore();
seedCatalog(sandbox.catalog, { products: 40, seed: 21 });
sandbox.catalog.addLocation({ code: 'WH-2', label: 'Warehouse 2' });

async function body(path: string) {
  const response = await sandbox.fetch(`https://api.bigcommerce.com/stores/${sandbox.storeHash}${path}`, { headers: { 'X-Auth-Token': sandbox.accessToken } });
  expect(response.status).toBe(200);
  return response.json();
}

describeWithSpecs('the sandbox reads Get Inventory uses match the specs', () => {
  it('GET /v3/catalog/products with include=variants, id range, sort, direction and include_fields', async () => {
    const validate = await responseValidator('products_catalog.v3', 'get', '/catalog/products', 200);
    const full = await body('/v3/catalog/products?include=variants&sort=id&id:greater=3&id:max=20&limit=5&page=2');
    expect(full.data.map((product: { id: number }) => product.id)).toEqual([9, 10, 11, 12, 13]);
    expect(validate(full)).toEqual([]);
    const trimmed = await body('/v3/catalog/products?include=variants&include_fields=sku,price&is_visible=true&limit=3');
    expect(Object.keys(trimmed.data[0]).sort()).toEqual(['id', 'price', 'sku', 'variants']);
    expect(validate(trimmed)).toEqual([]);
    // The page of the highest ids, the first request of a sync.
    const top = await body('/v3/catalog/products?include=variants&include_fields=sku,price&sort=id&direction=desc&limit=3');
    expect(top.data.map((product: { id: number }) => product.id)).toEqual([40, 39, 38]);
    expect(top.meta.pagination.total).toBe(40);
    expect(validate(top)).toEqual([]);
  });

  it('the variants inside include=variants match productVariant_Full', async () => {
    const validate = await responseValidator('product-variants_catalog.v3', 'get', '/catalog/variants', 200);
    const { data } = await body('/v3/catalog/products?include=variants&limit=10');
    const variants: Array<Record<string, unknown>> = data.flatMap((product: { variants: unknown[] }) => product.variants);
    const errors = validate({ data: variants, meta: { pagination: { total: variants.length, count: variants.length, per_page: 250, current_page: 1, total_pages: 1, links: { current: '?page=1&limit=250' } } } });
    // The spec marks nullable variant fields with the Swagger 2 `x-nullable: true`, which OpenAPI 3
    // validators ignore; BigCommerce documents `null` as "inherit from the product". Only such
    // nulls may fail.
    const xNullable = new Set(['price', 'sale_price', 'retail_price', 'cost_price', 'weight', 'width', 'height', 'depth', 'fixed_cost_shipping_price', 'bin_picking_number', 'sku_id']);
    const unexpected = errors.filter((error) => {
      const [, index, field] = /^\/data\/(\d+)\/(\w+):/.exec(error) ?? [];
      return !(field && variants[Number(index)]?.[field] === null && xNullable.has(field));
    });
    expect(errors.length).toBeGreaterThan(0);
    expect(unexpected).toEqual([]);
  });

  it('GET /v3/inventory/items with variant_id:in, and GET /v3/inventory/locations', async () => {
    const items = await responseValidator('inventory.v3', 'get', '/inventory/items', 200);
    const page = await body('/v3/inventory/items?variant_id:in=1,2,3&limit=250');
    expect(page.data.map((item: { identity: { variant_id: number } }) => item.identity.variant_id)).toEqual([1, 2, 3]);
    expect(page.data[0].locations).toHaveLength(2);
    expect(items(page)).toEqual([]);
    const locations = await responseValidator('locations.v3', 'get', '/inventory/locations', 200);
    const list = await body('/v3/inventory/locations');
    expect(list.data.map((location: { code: string }) => location.code)).toEqual(['BC-LOCATION-1', 'WH-2']);
    expect(locations(list)).toEqual([]);
  });
});
