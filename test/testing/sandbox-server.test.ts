import { afterEach, describe, expect, it } from 'vitest';
import { BigCommerceSource, createApiKeyAuth } from '../../src';
import { createSandboxStore, seedCatalog, serveSandboxStores, type SandboxServer, type SandboxStore } from '../../src/testing';
import { parseStateFile, restoreStore, snapshotStore } from '../../src/testing/server/store-snapshot';

const ADDRESS = { firstName: 'Ann', lastName: 'Lee', street1: '1 Main St', city: 'Austin', state: 'Texas', zip: '78701', country: 'US' };

let server: SandboxServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function sourceFor(store: SandboxStore, apiBaseUrl: string, maxRetries = 0): BigCommerceSource {
  return new BigCommerceSource({ storeHash: store.storeHash, auth: createApiKeyAuth({ accessToken: store.accessToken }), apiBaseUrl, maxRetries });
}

const admin = (url: string, store: SandboxStore, method: string, path: string, body?: unknown, token = store.accessToken) =>
  fetch(`${url}/__sandbox/stores/${store.storeHash}${path}`, {
    method,
    headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('snapshot and restore', () => {
  it('a restored store answers as the original did, and its ids keep growing from where they were', async () => {
    const original = createSandboxStore({ customers: [{ email: 'buyer@retailer.example' }] });
    seedCatalog(original.catalog, { products: 30, seed: 4 });
    const warehouse = original.catalog.addLocation({ code: 'WH-2', label: 'Second' });
    const firstVariant = original.catalog.productsById()[0]!.variants[0]!;
    original.catalog.setLocationStock(firstVariant.id, warehouse.id, { onHand: 9, safetyStock: 2 });
    original.catalog.deleteProduct(5);
    const source = new BigCommerceSource({ storeHash: original.storeHash, auth: createApiKeyAuth({ accessToken: original.accessToken }), fetch: original.fetch });
    const sku = original.catalog.productsById()[1]!.variants[0]!.sku;
    const sent = await source.orders.send({ poNumber: 'PO-SNAP', email: 'new@shop.example', items: [{ sku, quantity: 1 }], shippingAddress: ADDRESS }, { customerPolicy: 'create-if-missing' });
    original.shipOrder(sent.orderId, { trackingNumber: 'T-1', shippingProvider: 'usps' });

    const text = JSON.stringify({ version: 1, stores: [snapshotStore(original)] });
    const copy = createSandboxStore();
    restoreStore(copy, parseStateFile(text).stores[0]!);
    const read = async (store: SandboxStore, path: string) => (await store.fetch(`https://api.bigcommerce.com/stores/sandbox1${path}`, { headers: { 'X-Auth-Token': 'sandbox-token' } })).text();
    for (const path of ['/v3/catalog/products?include=variants&limit=250', '/v3/inventory/items?limit=250', `/v2/orders/${sent.orderId}`, `/v2/orders/${sent.orderId}/shipments`, '/v3/customers?include=addresses', '/v3/inventory/locations']) {
      expect(await read(copy, path), path).toBe(await read(original, path));
    }
    expect(copy.catalog.findVariantBySku(sku.toLowerCase())?.sku).toBe(sku);
    // New things get new ids, never a restored one's.
    expect(copy.catalog.addProduct({ name: 'After' }).id).toBe(31);
    expect(copy.customers.add({ email: 'later@shop.example' }).id).toBe(3);
    const copySource = new BigCommerceSource({ storeHash: copy.storeHash, auth: createApiKeyAuth({ accessToken: copy.accessToken }), fetch: copy.fetch });
    const next = await copySource.orders.send({ poNumber: 'PO-SNAP-2', items: [{ sku, quantity: 1 }], shippingAddress: ADDRESS });
    expect(next.orderId).toBe(sent.orderId + 1);
    expect(copy.shipOrder(next.orderId, { shippingProvider: 'usps' }).id).toBe(2);
    // And the snapshot is a copy: changing the restored store leaves the original alone.
    copy.catalog.updateProduct(1, { name: 'Renamed' });
    expect(original.catalog.getProduct(1)!.name).not.toBe('Renamed');
  });

  it('refuses a file that is not a state file', () => {
    expect(() => parseStateFile('{"version":2,"stores":[]}')).toThrow(/not a sandbox state file/);
    expect(() => parseStateFile('{"version":1,"stores":[{"storeHash":"a"}]}')).toThrow(TypeError);
    expect(() => parseStateFile('nope')).toThrow(TypeError);
  });
});

describe('serveSandboxStores', () => {
  it('serves several stores, the store hash in the path picking the store, and counts 429s per store', async () => {
    const a = createSandboxStore({ storeHash: 'storea', products: [{ name: 'A', sku: 'A-1' }] });
    const b = createSandboxStore({ storeHash: 'storeb', products: [{ name: 'B', sku: 'B-1' }] });
    const c = createSandboxStore({ storeHash: 'storec', rateLimit: { quota: 1 } });
    server = await serveSandboxStores({ stores: [a, b, c] });
    const [fromA, fromB] = await Promise.all([a, b].map(async (store) => {
      const items = [];
      for await (const item of sourceFor(store, server!.url).inventory.items()) items.push(item.sku);
      return items;
    }));
    expect(fromA).toEqual(['A-1']);
    expect(fromB).toEqual(['B-1']);
    await sourceFor(c, server.url).verifyConnection();
    await expect(sourceFor(c, server.url).verifyConnection()).rejects.toMatchObject({ name: 'RateLimitError' });
    expect(server.counters('storea')).toEqual({ requests: a.requests.length, rateLimited: 0 });
    expect(server.counters('storec')).toEqual({ requests: 2, rateLimited: 1 });
    expect(server.counters('nosuch')).toBeUndefined();
    // An unknown hash reaches the first store, which refuses it as BigCommerce would.
    const stray = await fetch(`${server.url}/stores/nosuch/v2/store`, { headers: { 'X-Auth-Token': a.accessToken } });
    expect(stray.status).toBe(403);
    await expect(serveSandboxStores({ stores: [a, createSandboxStore({ storeHash: 'storea' })] })).rejects.toThrow(/two stores have the hash "storea"/);
    await expect(serveSandboxStores({ stores: [] })).rejects.toThrow(TypeError);
  });

  it('calls onChange after every write and admin change, before the answer leaves; never for a read', async () => {
    const store = createSandboxStore({ products: [{ name: 'Mug', sku: 'MUG-1', inventory_level: 5 }] });
    const changes: string[] = [];
    let answered = 0;
    server = await serveSandboxStores({
      stores: [store],
      onChange: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        changes.push(`saved with ${store.orders.size} orders, ${answered} answers out`);
      },
    });
    const source = sourceFor(store, server.url);
    await source.verifyConnection();
    expect(changes).toEqual([]);
    const sent = await source.orders.send({ poNumber: 'PO-SAVE', items: [{ sku: 'MUG-1', quantity: 1 }], shippingAddress: ADDRESS });
    answered += 1;
    expect(changes).toEqual(['saved with 1 orders, 0 answers out']);
    expect((await admin(server.url, store, 'POST', `/orders/${sent.orderId}/shipments`, { trackingNumber: 'T', shippingProvider: 'usps' })).status).toBe(201);
    expect(changes).toHaveLength(2);
    expect((await admin(server.url, store, 'GET', '')).status).toBe(200);
    expect(changes).toHaveLength(2);
  });

  it('the admin path: every action, and clear refusals', async () => {
    const store = createSandboxStore({
      products: [
        { name: 'Mug', sku: 'MUG-1', inventory_level: 5 },
        { name: 'Shirt', sku: 'SHIRT', variants: [{ sku: 'SHIRT-S', inventory_level: 2 }] },
        { name: 'Sticker', sku: 'STICKER', inventory_tracking: 'none' },
      ],
    });
    const warehouse = store.catalog.addLocation({ code: 'WH-2', label: 'Second' });
    server = await serveSandboxStores({ stores: [store] });
    const call = (method: string, path: string, body?: unknown, token?: string) => admin(server!.url, store, method, path, body, token);
    const json = async (response: Response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> });

    expect(await json(await call('GET', '', undefined, 'wrong'))).toMatchObject({ status: 401, body: { title: expect.stringMatching(/access token/) } });
    expect((await fetch(`${server.url}/__sandbox/stores/nosuch`, { headers: { 'X-Auth-Token': store.accessToken } })).status).toBe(404);
    expect(await json(await call('POST', '/nothing/here'))).toMatchObject({ status: 404, body: { title: expect.stringMatching(/No admin action POST \/nothing\/here/) } });

    expect((await call('PUT', '/stock/shirt-s', { quantity: 7 })).status).toBe(200);
    expect(store.catalog.findVariantBySku('SHIRT-S')!.inventory_level).toBe(7);
    expect((await call('PUT', '/stock/MUG-1', { quantity: 9 })).status).toBe(200);
    expect(store.catalog.getProduct(1)!.inventory_level).toBe(9);
    expect((await call('PUT', '/stock/MUG-1', { quantity: 4, location: 'WH-2' })).status).toBe(200);
    expect(store.catalog.locationStock(store.catalog.findVariantBySku('MUG-1')!.id, warehouse.id).onHand).toBe(4);
    expect(await json(await call('PUT', '/stock/STICKER', { quantity: 1 }))).toMatchObject({ status: 409, body: { title: expect.stringMatching(/tracks no stock/) } });
    expect((await call('PUT', '/stock/NOPE', { quantity: 1 })).status).toBe(404);
    expect((await call('PUT', '/stock/MUG-1', { quantity: -1 })).status).toBe(400);

    expect((await call('PATCH', '/products/2', { is_visible: false })).status).toBe(200);
    expect(store.catalog.getProduct(2)!.is_visible).toBe(false);
    expect(await json(await call('PATCH', '/products/2', { id: 7, colour: 'red' }))).toMatchObject({ status: 400, body: { title: expect.stringMatching(/unknown: id, colour/) } });
    expect((await call('DELETE', '/products/3')).status).toBe(204);
    expect(store.catalog.getProduct(3)).toBeUndefined();
    expect((await call('DELETE', '/products/3')).status).toBe(404);

    const sent = await sourceFor(store, server.url).orders.send({ poNumber: 'PO-ADMIN', items: [{ sku: 'MUG-1', quantity: 2 }], shippingAddress: ADDRESS });
    expect(await json(await call('POST', `/orders/${sent.orderId}/shipments`, { items: [{ sku: 'MUG-1', quantity: 5 }] }))).toMatchObject({ status: 400, body: { title: expect.stringMatching(/left to ship/) } });
    expect(await json(await call('POST', `/orders/${sent.orderId}/shipments`, { items: [{ sku: 'MUG-1', quantity: 1 }], trackingNumber: 'T-1', shippingProvider: 'ups' }))).toMatchObject({ status: 201, body: { data: { order_id: sent.orderId, tracking_number: 'T-1' } } });
    expect(store.orders.get(sent.orderId)!.status_id).toBe(3);
    expect(await json(await call('PUT', `/orders/${sent.orderId}/status`, { statusId: 'cancelled' }))).toMatchObject({ status: 400, body: { title: expect.stringMatching(/statusId/) } });
    expect((await call('PUT', `/orders/${sent.orderId}/status`, { statusId: 10 })).status).toBe(200);
    expect(store.orders.get(sent.orderId)!.status).toBe('Completed');
    expect((await call('PUT', '/orders/999/status', { statusId: 10 })).status).toBe(404);
    expect(await json(await call('POST', `/orders/${sent.orderId}/refunds`, { amount: 1 }))).toMatchObject({ status: 200, body: { data: { status_id: 14, refunded_amount: '1.0000' } } });
    expect(await json(await call('POST', `/orders/${sent.orderId}/refunds`, { amount: 'all' }))).toMatchObject({ status: 400, body: { title: expect.stringMatching(/amount/) } });
    expect(await json(await call('POST', `/orders/${sent.orderId}/refunds`))).toMatchObject({ status: 200, body: { data: { status_id: 4, status: 'Refunded' } } });
    expect(await json(await call('POST', `/orders/${sent.orderId}/refunds`))).toMatchObject({ status: 400, body: { title: expect.stringMatching(/can be refunded between/) } });

    // Faults, for a client in another process or language.
    expect((await call('POST', '/faults', { fault: { kind: 'drop' }, match: { path: '/v2/store' }, times: 1 })).status).toBe(201);
    await expect(sourceFor(store, server.url).verifyConnection()).rejects.toMatchObject({ name: 'ConnectionError' });
    expect((await call('POST', '/faults', { fault: { kind: 'status', status: 503 }, times: null })).status).toBe(201);
    expect((await call('DELETE', '/faults')).status).toBe(204);
    await expect(sourceFor(store, server.url).verifyConnection()).resolves.toMatchObject({ storeHash: 'sandbox1' });
    expect((await call('POST', '/faults', { fault: 'drop' })).status).toBe(400);
  });
});
