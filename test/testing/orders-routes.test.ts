import { describe, expect, it } from 'vitest';
import { createSandboxStore, type SandboxStore } from '../../src/testing/index';
import { API, AUTH, get } from './sandbox-fixtures';

function store(): SandboxStore {
  return createSandboxStore({
    products: [
      { name: 'Mug', sku: 'MUG-1', price: 9.5, inventory_level: 5 },
      { name: 'Tee', sku: 'TEE', variants: [{ sku: 'TEE-S', inventory_level: 3, price: 21 }, { sku: 'TEE-X', purchasing_disabled: true, inventory_level: 9 }] },
      { name: 'Poster', sku: 'POSTER', inventory_tracking: 'none' },
    ],
    customers: [{ email: 'known@x.example' }],
  });
}

function post(sandbox: SandboxStore, path: string, body: unknown): Promise<Response> {
  return sandbox.fetch(`${API}${path}`, { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

const BILLING = { first_name: 'Ann', last_name: 'Lee', street_1: '1 Main St', city: 'Austin', zip: '78701', country_iso2: 'US', email: 'ann@x.example' };

describe('POST /v2/orders', () => {
  it('creates an order priced from the catalog, with v2 money strings, RFC 2822 dates and resource links', async () => {
    const sandbox = store();
    const response = await post(sandbox, '/v2/orders', {
      billing_address: BILLING,
      products: [{ product_id: 1, quantity: 2 }, { product_id: 2, variant_id: 2, quantity: 1 }],
      external_order_id: 'PO-9',
      shipping_cost_ex_tax: '5.00',
      shipping_cost_inc_tax: '5.00',
    });
    expect(response.status).toBe(200);
    const order = await response.json();
    expect(order).toMatchObject({
      id: 100,
      customer_id: 0,
      status_id: 1,
      status: 'Pending',
      subtotal_ex_tax: '40.0000',
      total_inc_tax: '45.0000',
      items_total: 3,
      external_order_id: 'PO-9',
      external_id: null,
      billing_address: { country: 'United States', country_iso2: 'US' },
      products: { resource: '/orders/100/products' },
      shipping_addresses: { resource: '/orders/100/shipping_addresses' },
    });
    expect(order.date_created).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(sandbox.catalog.getProduct(1)!.inventory_level).toBe(3);
    expect(sandbox.catalog.getVariant(2)!.inventory_level).toBe(2);
  });

  it.each([
    ['no billing address', { products: [{ product_id: 1, quantity: 1 }] }, 'billing_address'],
    ['a one-character zip', { billing_address: { zip: '7' }, products: [{ product_id: 1, quantity: 1 }] }, 'zip'],
    ['no products', { billing_address: BILLING, products: [] }, 'products'],
    ['an unknown product', { billing_address: BILLING, products: [{ product_id: 99, quantity: 1 }] }, 'product_id'],
    ['a variant of another product', { billing_address: BILLING, products: [{ product_id: 1, variant_id: 2, quantity: 1 }] }, 'variant_id'],
    ['a product with options and no variant', { billing_address: BILLING, products: [{ product_id: 2, quantity: 1 }] }, 'product_options'],
    ['quantity 0', { billing_address: BILLING, products: [{ product_id: 1, quantity: 0 }] }, 'quantity'],
    ['one price without the other', { billing_address: BILLING, products: [{ product_id: 1, quantity: 1, price_ex_tax: 1 }] }, 'price_inc_tax'],
    ['a disabled variant', { billing_address: BILLING, products: [{ product_id: 2, variant_id: 3, quantity: 1 }] }, 'cannot be purchased'],
    ['more than the stock', { billing_address: BILLING, products: [{ product_id: 1, quantity: 4 }, { product_id: 1, quantity: 2 }] }, 'enough stock'],
    ['an unknown customer', { billing_address: BILLING, customer_id: 7, products: [{ product_id: 1, quantity: 1 }] }, 'customer_id'],
    ['an unknown status', { billing_address: BILLING, status_id: 15, products: [{ product_id: 1, quantity: 1 }] }, 'status_id'],
    ['another channel', { billing_address: BILLING, channel_id: 2, products: [{ product_id: 1, quantity: 1 }] }, 'channel_id'],
    ['the read-only external_id', { billing_address: BILLING, external_id: 'x', products: [{ product_id: 1, quantity: 1 }] }, 'external_id'],
  ])('refuses %s with a v2 400, changing nothing', async (_, body, word) => {
    const sandbox = store();
    const response = await post(sandbox, '/v2/orders', body);
    expect(response.status).toBe(400);
    const [error] = await response.json();
    expect(error).toMatchObject({ status: 400, message: expect.stringContaining(word) });
    expect(sandbox.orders.size).toBe(0);
    expect(sandbox.catalog.getProduct(1)!.inventory_level).toBe(5);
  });

  it('does not track stock for inventory_tracking none, takes price overrides, and accepts a known customer', async () => {
    const sandbox = store();
    const response = await post(sandbox, '/v2/orders', {
      billing_address: BILLING,
      customer_id: 1,
      status_id: 11,
      products: [{ product_id: 3, quantity: 50, price_ex_tax: 2, price_inc_tax: 2.2 }],
    });
    expect(await response.json()).toMatchObject({ customer_id: 1, status_id: 11, subtotal_ex_tax: '100.0000' });
    expect(sandbox.orders.get(100)!.products[0]).toMatchObject({ sku: 'POSTER', quantity: 50, price_ex_tax: '2.0000' });
  });

  it('does not enforce unique external_order_id, as BigCommerce does not', async () => {
    const sandbox = store();
    for (let index = 0; index < 2; index += 1) {
      await post(sandbox, '/v2/orders', { billing_address: BILLING, external_order_id: 'PO-1', products: [{ product_id: 1, quantity: 1 }] });
    }
    expect(sandbox.orders.findByExternalOrderId('PO-1')).toHaveLength(2);
  });

  it('needs the store_v2_orders scope to create', async () => {
    const sandbox = createSandboxStore({ scopes: ['store_v2_orders_read_only'], products: [{ name: 'Mug' }] });
    expect((await post(sandbox, '/v2/orders', { billing_address: BILLING, products: [{ product_id: 1, quantity: 1 }] })).status).toBe(403);
    expect((await get(sandbox, '/v2/orders')).status).toBe(204);
  });
});

describe('GET /v2/orders and sub-resources', () => {
  async function seeded(): Promise<SandboxStore> {
    const sandbox = store();
    await post(sandbox, '/v2/orders', { billing_address: BILLING, external_order_id: 'PO-A', products: [{ product_id: 1, quantity: 1 }] });
    await post(sandbox, '/v2/orders', { billing_address: { ...BILLING, email: 'KNOWN@x.example' }, customer_id: 1, status_id: 11, external_order_id: 'PO-B', products: [{ product_id: 3, quantity: 1 }] });
    return sandbox;
  }
  const ids = async (response: Response) => ((await response.json()) as Array<{ id: number }>).map((order) => order.id);

  it('answers 204 with no body when nothing matches', async () => {
    const sandbox = await seeded();
    const response = await get(sandbox, '/v2/orders?external_order_id=PO-Z');
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it.each([
    ['external_order_id=PO-B', [101]],
    ['email=known@x.example', [101]],
    ['customer_id=0', [100]],
    ['status_id=1', [100]],
    ['min_id=101', [101]],
    [`min_date_modified=${encodeURIComponent(new Date(Date.now() - 60_000).toUTCString())}`, [100, 101]],
    ['min_date_modified=2999-01-01T00:00:00Z', []],
    ['sort=id:desc', [101, 100]],
    ['sort=external_id:desc', [101, 100]],
    ['limit=1&page=2', [101]],
  ])('filters %s', async (query, expected) => {
    const sandbox = await seeded();
    const response = await get(sandbox, `/v2/orders?${query}`);
    if (expected.length === 0) expect(response.status).toBe(204);
    else expect(await ids(response)).toEqual(expected);
  });

  it('refuses an unreadable filter or sort with a v2 400', async () => {
    const sandbox = await seeded();
    expect((await get(sandbox, '/v2/orders?customer_id=abc')).status).toBe(400);
    expect((await get(sandbox, '/v2/orders?sort=price:asc')).status).toBe(400);
    expect((await get(sandbox, '/v2/orders?min_date_modified=yesterday')).status).toBe(400);
  });

  it('answers one order, its products and shipping addresses, and 404 for an unknown one', async () => {
    const sandbox = await seeded();
    expect(await (await get(sandbox, '/v2/orders/101')).json()).toMatchObject({ id: 101, external_order_id: 'PO-B' });
    expect(await (await get(sandbox, '/v2/orders/100/products')).json()).toEqual([
      expect.objectContaining({ id: 1, order_id: 100, product_id: 1, variant_id: 1, sku: 'MUG-1', quantity: 1, order_address_id: 1 }),
    ]);
    expect(await (await get(sandbox, '/v2/orders/100/shipping_addresses')).json()).toEqual([expect.objectContaining({ id: 1, order_id: 100, zip: '78701' })]);
    const missing = await get(sandbox, '/v2/orders/999');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual([{ status: 404, message: 'The requested resource was not found.' }]);
  });

  it('lists the order statuses', async () => {
    const sandbox = store();
    const statuses = (await (await get(sandbox, '/v2/order_statuses')).json()) as Array<{ id: number; name: string }>;
    expect(statuses).toHaveLength(15);
    expect(statuses[11]).toMatchObject({ id: 11, name: 'Awaiting Fulfillment' });
    expect(await (await get(sandbox, '/v2/order_statuses/2')).json()).toMatchObject({ name: 'Shipped' });
  });
});
