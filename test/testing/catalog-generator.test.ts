import { describe, expect, it } from 'vitest';
import { CatalogState } from '../../src/testing/index';
import { generateProducts, mutateCatalog, seedCatalog } from '../../src/testing/catalog/catalog-generator';

describe('the catalog generator', () => {
  it('is deterministic per seed', () => {
    expect([...generateProducts({ products: 50, seed: 3 })]).toEqual([...generateProducts({ products: 50, seed: 3 })]);
    expect([...generateProducts({ products: 50, seed: 3 })]).not.toEqual([...generateProducts({ products: 50, seed: 4 })]);
  });

  it('has the mix real stores have', () => {
    const catalog = new CatalogState();
    const seeded = seedCatalog(catalog, { products: 2000, seed: 9 });
    const products = [...catalog.products()];
    const variants = products.flatMap((product) => product.variants);
    expect(seeded.skus).toBe(variants.length);
    expect(variants.length / products.length).toBeGreaterThan(2.5);
    expect(variants.length / products.length).toBeLessThan(3.5);
    expect(products.some((product) => product.base_variant_id !== null)).toBe(true);
    expect(Math.max(...products.map((product) => product.variants.length))).toBeLessThanOrEqual(20);
    expect(products.filter((product) => !product.is_visible).length / products.length).toBeCloseTo(0.1, 1);
    expect(new Set(products.map((product) => product.inventory_tracking))).toEqual(new Set(['none', 'product', 'variant']));
    expect(variants.some((variant) => variant.price === null) && variants.some((variant) => variant.price !== null)).toBe(true);
    expect(variants.some((variant) => variant.purchasing_disabled)).toBe(true);
    expect(products.some((product) => /[^\x00-\x7f]/.test(product.name) && /[^\x00-\x7f]/.test(product.sku))).toBe(true);
  });

  it('mutates a catalog: adds above every id, deletes, updates', () => {
    const catalog = new CatalogState();
    seedCatalog(catalog, { products: 100, seed: 2 });
    const changes = mutateCatalog(catalog, { count: 60, seed: 5 });
    expect(changes.added.length + changes.deleted.length + changes.updated.length).toBe(60);
    expect(Math.min(...changes.added)).toBeGreaterThan(100);
    for (const id of changes.deleted) expect(catalog.getProduct(id)).toBeUndefined();
    expect(catalog.productsById().map((product) => product.id)).toEqual([...catalog.products()].map((product) => product.id));
  });

  it('finds id ranges by binary search, after deletes too', () => {
    const catalog = new CatalogState();
    seedCatalog(catalog, { products: 10, seed: 1 });
    catalog.deleteProduct(4);
    expect(catalog.indexAfterId(3)).toBe(3);
    expect(catalog.productsById()[catalog.indexAfterId(3)]!.id).toBe(5);
    expect(catalog.indexAfterId(100)).toBe(9);
  });
});
