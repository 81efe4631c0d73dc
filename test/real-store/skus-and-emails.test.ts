import { describe, expect, it } from 'vitest';
import { CustomerNotFoundError, UnknownSkuError } from '../../src/index';
import type { SandboxStoreOptions } from '../../src/testing/index';
import { failureOf, purchaseOrder, setup } from '../operations/orders/fixtures';
import { requestLines } from './helpers';

const lookups = (sandbox: ReturnType<typeof setup>['sandbox']) =>
  sandbox.requests.filter((request) => request.path.startsWith('/v3/')).map((request) => `${request.path}?${decodeURIComponent(request.url.split('?')[1] ?? '')}`);

describe('SKUs holding a comma', () => {
  const products: SandboxStoreOptions['products'] = [
    { name: 'Bolt', sku: 'BOLT', inventory_level: 10 },
    { name: 'M4', sku: 'M4', inventory_level: 10 },
    { name: 'Bolts', sku: 'BOLTS', inventory_tracking: 'variant', variants: [{ sku: 'BOLT,M4', inventory_level: 10 }, { sku: 'BOLT,M5', inventory_level: 10 }] },
  ];

  for (const decodeBeforeSplit of [true, false]) {
    it(`go through the single-SKU filter, never an :in list (decodeBeforeSplit: ${decodeBeforeSplit})`, async () => {
      const { sandbox, source } = setup({ products, quirks: { decodeBeforeSplit } });
      const result = await source.orders.send(purchaseOrder({ items: [{ sku: 'BOLT,M4', quantity: 1 }, { sku: 'M4', quantity: 1 }] }));
      expect(result.lines.map(({ sku, productId, variantId }) => [sku, productId, variantId])).toEqual([
        ['BOLT,M4', 3, 3],
        ['M4', 2, 2],
      ]);
      const inLists = sandbox.requests.flatMap((request) => [...request.query].filter(([name]) => name.endsWith(':in')).map(([, value]) => value));
      expect(inLists.some((value) => value.includes('BOLT'))).toBe(false);
      expect(sandbox.requests.some((request) => request.path === '/v3/catalog/variants' && request.query.get('sku') === 'BOLT,M4')).toBe(true);
      expect(sandbox.orders.get(result.orderId)!.products.map((line) => line.sku)).toEqual(['BOLT,M4', 'M4']);
    });
  }
});

describe('SKU filters that compare case-sensitively (skuFilterCaseSensitive)', () => {
  const products: SandboxStoreOptions['products'] = [
    { name: 'Tee', sku: 'TEE', inventory_tracking: 'variant', variants: [{ sku: 'TEE-S', inventory_level: 10 }, { sku: 'Tee-Mixed', inventory_level: 10 }] },
    { name: 'Mug', sku: 'mug-lower', inventory_level: 10 },
  ];

  it('find a SKU spelt all upper- or all lower-case in the PO', async () => {
    const { sandbox, source } = setup({ products, quirks: { skuFilterCaseSensitive: true } });
    const result = await source.orders.send(purchaseOrder({ items: [{ sku: 'tee-s', quantity: 1 }, { sku: 'MUG-LOWER', quantity: 2 }] }));
    expect(result.lines.map(({ sku, variantId }) => [sku, variantId])).toEqual([
      ['tee-s', 1],
      ['MUG-LOWER', 3],
    ]);
    expect(sandbox.orders.size).toBe(1);
  });

  it('name any other case mismatch in an UnknownSkuError', async () => {
    const { sandbox, source } = setup({ products, quirks: { skuFilterCaseSensitive: true } });
    const error = await failureOf(source.orders.send(purchaseOrder({ items: [{ sku: 'TEE-MIXED', quantity: 1 }, { sku: 'TEE-S', quantity: 1 }] })));
    expect(error).toBeInstanceOf(UnknownSkuError);
    expect(error).toMatchObject({ skus: ['TEE-MIXED'] });
    expect(sandbox.orders.size).toBe(0);
  });

  it('on a case-insensitive store, a mixed-case mismatch is found by the first batch', async () => {
    const { source } = setup({ products });
    await expect(source.orders.send(purchaseOrder({ items: [{ sku: 'TEE-MIXED', quantity: 1 }] }))).resolves.toMatchObject({ created: true });
  });
});

describe('variants absent from inventory items (inventoryItemsOnlyVariantTracked)', () => {
  const products: SandboxStoreOptions['products'] = [
    { name: 'Hat', sku: 'HAT', inventory_tracking: 'product', inventory_level: 50, variants: [{ sku: 'HAT-S' }, { sku: 'HAT-M' }] },
    { name: 'Sticker', sku: 'STICKER', inventory_tracking: 'none', variants: [{ sku: 'STICKER-RED' }, { sku: 'STICKER-BLUE', purchasing_disabled: true }] },
    { name: 'Pin', sku: 'PIN-1', inventory_tracking: 'product', inventory_level: 5 },
    { name: 'Tee', sku: 'TEE', inventory_tracking: 'variant', variants: [{ sku: 'TEE-S', inventory_level: 10 }] },
  ];

  it('are resolved from the catalog, never an UnknownSkuError for a SKU that exists', async () => {
    const { sandbox, source } = setup({ products, quirks: { inventoryItemsOnlyVariantTracked: true } });
    const items = [{ sku: 'HAT-M', quantity: 1 }, { sku: 'sticker-red', quantity: 3 }, { sku: 'PIN-1', quantity: 1 }, { sku: 'TEE-S', quantity: 1 }];
    const result = await source.orders.send(purchaseOrder({ items }));
    expect(result.lines.map(({ sku, productId, variantId }) => [sku, productId, variantId])).toEqual([
      ['HAT-M', 1, 2],
      ['sticker-red', 2, 3],
      ['PIN-1', 3, 5],
      ['TEE-S', 4, 6],
    ]);
    expect(sandbox.orders.get(result.orderId)!.products.map((line) => line.sku)).toEqual(['HAT-M', 'STICKER-RED', 'PIN-1', 'TEE-S']);
  });

  it('still refuses a variant that cannot be bought', async () => {
    const { source } = setup({ products, quirks: { inventoryItemsOnlyVariantTracked: true } });
    const error = await failureOf(source.orders.send(purchaseOrder({ items: [{ sku: 'STICKER-BLUE', quantity: 1 }] })));
    expect(error).not.toBeInstanceOf(UnknownSkuError);
    expect((error as Error).message).toContain('purchasing_disabled');
  });

  it('locations: true gives such an item locations: []', async () => {
    const { source } = setup({ products, quirks: { inventoryItemsOnlyVariantTracked: true } });
    const items = [];
    for await (const item of source.inventory.items({ locations: true })) items.push(item);
    const bySku = new Map(items.map((item) => [item.sku, item.locations]));
    expect(bySku.get('HAT-M')).toEqual([]);
    expect(bySku.get('TEE-S')).toEqual([expect.objectContaining({ locationId: 1, enabled: true, onHand: 10 })]);
  });
});

describe('SKU resolution request counts', () => {
  it('the common case is unchanged: 2 × ⌈n / 50⌉ for n SKUs found by the first batch', async () => {
    const products = Array.from({ length: 60 }, (_, index) => ({ name: `Item ${index}`, sku: `SKU-${index}`, inventory_level: 10 }));
    const { sandbox, source } = setup({ products });
    await source.orders.send(purchaseOrder({ items: products.map((product) => ({ sku: product.sku, quantity: 1 })) }));
    expect(lookups(sandbox).map((line) => line.split('?')[0])).toEqual([...Array(2).fill('/v3/inventory/items'), ...Array(2).fill('/v3/catalog/variants')]);
  });

  it('the worst case for a PO that resolves: 3 × ⌈n / 50⌉ + 2 × ⌈n / 25⌉ + 30', async () => {
    // Ten SKUs of untracked products, stored lower-case, spelt mixed-case in the PO, on a store whose
    // filters compare case-sensitively: missed by every batch, found by their lower-case form one by one.
    const products = Array.from({ length: 10 }, (_, index) => ({ name: `Cap ${index}`, sku: `CAP-${index}`, inventory_tracking: 'none' as const, variants: [{ sku: `cap-${index}-red` }, { sku: `cap-${index}-blue` }] }));
    const { sandbox, source } = setup({ products, quirks: { inventoryItemsOnlyVariantTracked: true, skuFilterCaseSensitive: true } });
    const n = 10;
    const result = await source.orders.send(purchaseOrder({ items: products.map((_, index) => ({ sku: `Cap-${index}-Red`, quantity: 1 })) }));
    expect(result.lines.map((line) => line.variantId)).toEqual(products.map((_, index) => 2 * index + 1));
    expect(lookups(sandbox)).toHaveLength(3 * Math.ceil(n / 50) + 2 * Math.ceil(n / 25) + 30);
  });

  it('more than 10 SKUs missed by every batch is an UnknownSkuError naming them, without single lookups', async () => {
    const { sandbox, source } = setup();
    const items = Array.from({ length: 11 }, (_, index) => ({ sku: `NOPE-${index}`, quantity: 1 }));
    const error = await failureOf(source.orders.send(purchaseOrder({ items })));
    expect(error).toBeInstanceOf(UnknownSkuError);
    expect((error as UnknownSkuError).skus).toHaveLength(11);
    expect(sandbox.requests.filter((request) => request.query.has('sku'))).toEqual([]);
  });
});

describe('email filters that compare case-sensitively (emailFilterCaseSensitive)', () => {
  it('find the stored lower-case customer for a PO email in another case: no second customer', async () => {
    const { sandbox, source } = setup({ customers: [{ email: 'ada@example.com', first_name: 'Ada', last_name: 'L' }], quirks: { emailFilterCaseSensitive: true } });
    const result = await source.orders.send(purchaseOrder({ email: 'Ada@Example.com' }), { customerPolicy: 'create-if-missing' });
    expect(result).toMatchObject({ customerId: 1, customerCreated: false });
    expect(sandbox.customers.size).toBe(1);
    expect(requestLines(sandbox)).not.toContain('POST /v3/customers');
    await expect(source.orders.send(purchaseOrder({ poNumber: 'PO-2', email: 'ADA@EXAMPLE.COM' }), { customerPolicy: 'require-existing' })).resolves.toMatchObject({ customerId: 1 });
  });

  it('a taken email no lookup can read is a clear CustomerNotFoundError, never a second customer', async () => {
    const { sandbox, source } = setup({ customers: [{ email: 'Ada@Example.com', first_name: 'Ada', last_name: 'L' }], quirks: { emailFilterCaseSensitive: true } });
    const error = await failureOf(source.orders.send(purchaseOrder({ email: 'ada@example.com' }), { customerPolicy: 'create-if-missing' }));
    expect(error).toBeInstanceOf(CustomerNotFoundError);
    expect(error).toMatchObject({ email: 'ada@example.com' });
    expect((error as Error).message).toMatch(/in use.*case-sensitively/);
    expect(sandbox.customers.size).toBe(1);
    expect(sandbox.orders.size).toBe(0);
  });

  it('the lookup stays one request: the lower-case form rides in the same email:in list', async () => {
    const { sandbox, source } = setup({ customers: [{ email: 'ada@example.com', first_name: 'Ada', last_name: 'L' }] });
    await source.orders.send(purchaseOrder({ email: 'Ada@Example.com' }), { customerPolicy: 'require-existing' });
    const customerLookups = sandbox.requests.filter((request) => request.path === '/v3/customers');
    expect(customerLookups.map((request) => request.query.get('email:in'))).toEqual(['Ada@Example.com,ada@example.com']);
  });
});
