import { describe, expect, it } from 'vitest';
import { UnknownSkuError } from '../../../src/errors/unknown-sku-error';
import { ValidationError } from '../../../src/index';
import { failureOf, purchaseOrder, requestLines, setup } from './fixtures';

describe('orders.send: SKU resolution', () => {
  it('matches SKUs case-insensitively, as BigCommerce does, keeping the PO spelling on the lines', async () => {
    const { sandbox, source } = setup();
    const result = await source.orders.send(purchaseOrder({ items: [{ sku: 'mug-1', quantity: 1 }, { sku: 'Tee-s', quantity: 2 }] }));
    expect(result.lines).toEqual([
      { sku: 'mug-1', productId: 1, variantId: 1, quantity: 1 },
      { sku: 'Tee-s', productId: 2, variantId: 2, quantity: 2 },
    ]);
    expect(sandbox.orders.get(result.orderId)!.products.map((line) => line.sku)).toEqual(['MUG-1', 'TEE-S']);
  });

  it('throws UnknownSkuError naming every unknown SKU, and writes nothing', async () => {
    const { sandbox, source } = setup();
    const po = purchaseOrder({
      items: [
        { sku: 'MUG-1', quantity: 1 },
        { sku: 'NOPE-1', quantity: 1 },
        { sku: 'nope-2', quantity: 1 },
        { sku: 'NOPE-1', quantity: 3 },
      ],
    });
    const error = await failureOf(source.orders.send(po, { customerPolicy: 'create-if-missing' }));
    expect(error).toBeInstanceOf(UnknownSkuError);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ name: 'UnknownSkuError', skus: ['NOPE-1', 'nope-2'] });
    expect((error as Error).message).toContain('"NOPE-1", "nope-2"');
    expect((error as UnknownSkuError).issues.map((issue) => issue.path)).toEqual(['items[1].sku', 'items[2].sku', 'items[3].sku']);
    expect(sandbox.orders.size).toBe(0);
    expect(sandbox.customers.size).toBe(0);
    expect(sandbox.requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it('refuses variants with purchasing disabled and main SKUs of products with options, naming them', async () => {
    const { sandbox, source } = setup();
    const error = await failureOf(
      source.orders.send(purchaseOrder({ items: [{ sku: 'TEE-XL', quantity: 1 }, { sku: 'TEE', quantity: 1 }, { sku: 'MUG-1', quantity: 1 }] })),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).not.toBeInstanceOf(UnknownSkuError);
    expect((error as ValidationError).issues).toEqual([
      { path: 'items[0].sku', message: expect.stringContaining('purchasing_disabled') },
      { path: 'items[1].sku', message: expect.stringContaining('product with options') },
    ]);
    expect((error as Error).message).toContain('TEE-XL');
    expect(sandbox.orders.size).toBe(0);
  });

  it('falls back to the products main-SKU filter for SKUs the inventory items do not list', async () => {
    const { sandbox, source } = setup();
    // Inventory items without the simple product, as a store whose inventory API lags would answer.
    sandbox.injectFault(
      { kind: 'status', status: 200, body: { data: [{ identity: { sku: 'TEE-M', variant_id: 3, product_id: 2 } }], meta: { pagination: { current_page: 1, total_pages: 1 } } } },
      { match: { path: '/v3/inventory/items' } },
    );
    const result = await source.orders.send(purchaseOrder());
    expect(result.lines.map((line) => line.variantId)).toEqual([1, 3]);
    expect(requestLines(sandbox)).toEqual(['GET /v2/orders', 'GET /v3/inventory/items', 'GET /v3/catalog/products', 'GET /v3/catalog/variants', 'POST /v2/orders']);
    expect(sandbox.requests[2]!.query.get('sku:in')).toBe('MUG-1');
  });

  it('resolves 120 SKUs with 6 lookups in batches of at most 50', async () => {
    const products = Array.from({ length: 120 }, (_, index) => ({ name: `Item ${index}`, sku: `SKU-${index}`, inventory_level: 10 }));
    const { sandbox, source } = setup({ products });
    const items = products.map((product) => ({ sku: product.sku.toLowerCase(), quantity: 1 }));
    const result = await source.orders.send(purchaseOrder({ items }));
    expect(result.lines).toHaveLength(120);
    const lookups = sandbox.requests.filter((request) => request.path.startsWith('/v3/'));
    expect(lookups.map((request) => request.path)).toEqual([
      ...Array(3).fill('/v3/inventory/items'),
      ...Array(3).fill('/v3/catalog/variants'),
    ]);
    const sizes = lookups.map((request) => (request.query.get('sku:in') ?? request.query.get('product_id:in'))!.split(',').length);
    expect(sizes).toEqual([50, 50, 20, 50, 50, 20]);
    expect(sandbox.orders.get(result.orderId)!.products).toHaveLength(120);
  });
});
