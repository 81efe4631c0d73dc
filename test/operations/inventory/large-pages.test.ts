import { describe, expect, it } from 'vitest';
import { seedCatalog } from '../../../src/testing/catalog/catalog-generator';
import { collect, setup, sourceFor } from './inventory-fixtures';

// Full-size pages (hundreds of KB of unicode-heavy JSON) go through the HTTP core's decode and the
// pager's hand-written product check; these check both give exactly what the catalog holds.
describe('inventory on full-size pages', () => {
  it('reads unicode names, SKUs and option labels exactly', async () => {
    const { sandbox, source } = setup();
    seedCatalog(sandbox.catalog, { products: 600, seed: 1 });
    const items = await collect(source.inventory.items());
    const expected = new Map<string, { name: string; labels: string[] }>();
    for (const product of sandbox.catalog.products()) {
      for (const variant of product.variants) expected.set(variant.sku, { name: product.name, labels: variant.option_values.map((option) => option.label) });
    }
    expect(items.some((item) => /[^\x00-\x7f]/.test(item.sku + item.productName + item.optionValues.map((option) => option.value).join('')))).toBe(true);
    expect(items).toHaveLength(expected.size);
    for (const item of items) {
      expect({ name: item.productName, labels: item.optionValues.map((option) => option.value) }).toEqual(expected.get(item.sku));
    }
  });

  it('reads a page holding \\u escapes and raw UTF-8 side by side', async () => {
    const { sandbox, source } = setup();
    seedCatalog(sandbox.catalog, { products: 300, seed: 2 });
    // JSON.stringify escapes control characters (`\u0001`); the é and ☕ stay raw UTF-8.
    sandbox.catalog.addProduct({ name: 'Café\u0001 ☕ é', sku: 'ESCAPED-É', inventory_tracking: 'none' });
    const items = await collect(source.inventory.items());
    expect(items.find((item) => item.sku === 'ESCAPED-É')?.productName).toBe('Café\u0001 ☕ é');
    expect(items.filter((item) => /[^\x00-\x7f]/.test(item.productName)).length).toBeGreaterThan(0);
  });

  it('still names the product and field of a malformed product on a large page', async () => {
    const { sandbox } = setup();
    seedCatalog(sandbox.catalog, { products: 300, seed: 3 });
    const broken = [...sandbox.catalog.products()][120]!;
    const original = sandbox.fetch;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const response = await original(input, init);
      if (!String(input instanceof Request ? input.url : input).includes('include=variants')) return response;
      const body = (await response.text()).replace(`{"id":${broken.id},"name":`, `{"id":${broken.id},"name":7,"was":`);
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const tampered = sourceFor(sandbox, { fetch });
    const error = await collect(tampered.inventory.items()).catch((caught: unknown) => caught);
    expect(String((error as Error).message)).toContain(`product ${broken.id}`);
    expect(String((error as Error).message)).toContain('name');
  });
});
