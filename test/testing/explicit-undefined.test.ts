// An optional input given as `undefined` means "not given", as it does for the SDK's options: a
// consumer compiling with `exactOptionalPropertyTypes` passes `{ price: row.price }` where the column
// may be empty. These tests read the store over its routes, as a client sees it.
import { describe, expect, it } from 'vitest';
import { createSandboxStore } from '../../src/testing/index';
import { get } from './sandbox-fixtures';

const json = async (response: Response) => {
  expect(response.status).toBe(200);
  return response.json();
};

describe('sandbox inputs given as undefined keep their defaults', () => {
  it('store options: storeHash, accessToken, profile fields and rate-limit fields', async () => {
    const sandbox = createSandboxStore({
      storeHash: undefined,
      accessToken: undefined,
      scopes: undefined,
      latencyMs: undefined,
      products: undefined,
      customers: undefined,
      profile: { name: undefined, currency: 'EUR' },
      rateLimit: { quota: undefined, windowMs: 5_000 },
    });
    expect(sandbox.storeHash).toBe('sandbox1');
    expect(sandbox.accessToken).toBe('sandbox-token');

    const response = await get(sandbox, '/v2/store');
    expect(await json(response)).toMatchObject({ id: 'sandbox1', name: 'Sandbox Supply Co.', currency: 'EUR' });
    expect(response.headers.get('X-Rate-Limit-Requests-Quota')).toBe('10000');
    expect(response.headers.get('X-Rate-Limit-Time-Window-Ms')).toBe('5000');
  });

  it('products and variants, when added and when updated', async () => {
    const sandbox = createSandboxStore({
      products: [
        { name: 'Mug', sku: 'MUG', price: undefined, weight: undefined, is_visible: undefined, variants: undefined },
        {
          name: 'Shirt',
          sku: 'SHIRT',
          price: 20,
          variants: [{ sku: 'SHIRT-S', price: undefined, inventory_level: undefined, upc: undefined }],
        },
      ],
    });
    const [mug, shirt] = [sandbox.catalog.getProduct(1)!, sandbox.catalog.getProduct(2)!];
    sandbox.catalog.updateProduct(mug.id, { price: undefined, inventory_level: 7 });
    sandbox.catalog.updateVariant(shirt.variants[0]!.id, { price: undefined, mpn: 'M-1' });

    const { data } = await json(await get(sandbox, '/v3/catalog/products?include=variants'));
    expect(data).toMatchObject([
      { name: 'Mug', price: 10, weight: 1, is_visible: true, inventory_level: 7, variants: [{ sku: 'MUG', price: null }] },
      { name: 'Shirt', price: 20, variants: [{ sku: 'SHIRT-S', price: null, inventory_level: 0, upc: null, mpn: 'M-1' }] },
    ]);
  });

  it('inventory locations', async () => {
    const sandbox = createSandboxStore();
    sandbox.catalog.addLocation({ code: 'WH-2', label: 'Warehouse 2', enabled: undefined, description: undefined, time_zone: undefined });

    const { data } = await json(await get(sandbox, '/v3/inventory/locations'));
    expect(data[1]).toMatchObject({ code: 'WH-2', label: 'Warehouse 2', enabled: true, description: '', time_zone: 'Etc/UTC' });
  });

  it('customers and their addresses', async () => {
    const sandbox = createSandboxStore({
      customers: [
        {
          email: 'buyer@retailer.example',
          first_name: undefined,
          channel_ids: undefined,
          addresses: [{ address1: '1 Main St', city: 'Berlin', country_code: 'DE', company: undefined, address_type: undefined }],
        },
      ],
    });

    const { data } = await json(await get(sandbox, '/v3/customers?include=addresses'));
    expect(data[0]).toMatchObject({ first_name: 'Sandbox', addresses: [{ first_name: 'Sandbox', company: '', address_type: 'residential' }] });
    expect(data[0]).not.toHaveProperty('channel_ids');
  });
});
