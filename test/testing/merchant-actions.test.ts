import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSandboxStore, type SandboxStore } from '../../src/testing/index';
import { API, AUTH, get } from './sandbox-fixtures';

afterEach(() => {
  vi.useRealTimers();
});

/** A store with one order of 2 × MUG-1 at 9.50 plus 5.00 shipping: 24.00 in all. */
async function storeWithOrder(): Promise<{ sandbox: SandboxStore; orderId: number }> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-26T10:00:00Z'));
  const sandbox = createSandboxStore({ products: [{ name: 'Mug', sku: 'MUG-1', price: 9.5, inventory_level: 10 }] });
  const response = await sandbox.fetch(`${API}/v2/orders`, {
    method: 'POST',
    headers: { ...AUTH, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      billing_address: { first_name: 'Ann', last_name: 'Lee', zip: '78701', country_iso2: 'US', email: 'ann@x.example' },
      products: [{ product_id: 1, quantity: 2 }],
      shipping_cost_ex_tax: '5.00',
      shipping_cost_inc_tax: '5.00',
      status_id: 11,
    }),
  });
  const order = (await response.json()) as { id: number; total_inc_tax: string };
  expect(order.total_inc_tax).toBe('24.0000');
  return { sandbox, orderId: order.id };
}

async function readOrder(sandbox: SandboxStore, orderId: number) {
  return (await (await get(sandbox, `/v2/orders/${orderId}`)).json()) as Record<string, unknown>;
}

describe('sandbox.setOrderStatus', () => {
  it('changes the status id and name and bumps date_modified, as GET /v2/orders/{id} shows', async () => {
    const { sandbox, orderId } = await storeWithOrder();
    vi.setSystemTime(new Date('2026-11-26T10:05:00Z'));
    sandbox.setOrderStatus(orderId, 5);
    expect(await readOrder(sandbox, orderId)).toMatchObject({ status_id: 5, status: 'Cancelled', date_modified: 'Thu, 26 Nov 2026 10:05:00 +0000' });
    // The order list sees the change through min_date_modified.
    const listed = await get(sandbox, '/v2/orders?min_date_modified=2026-11-26T10:04:00Z');
    expect(((await listed.json()) as Array<{ id: number }>).map((order) => order.id)).toEqual([orderId]);
  });

  it.each([[15], [-1], [1.5], [Number.NaN]])('refuses status %s with a TypeError and changes nothing', async (statusId) => {
    const { sandbox, orderId } = await storeWithOrder();
    expect(() => sandbox.setOrderStatus(orderId, statusId)).toThrow(/setOrderStatus: no status .* 0 to 14/);
    expect(sandbox.orders.get(orderId)!.status_id).toBe(11);
  });

  it('refuses an unknown order', async () => {
    const { sandbox } = await storeWithOrder();
    expect(() => sandbox.setOrderStatus(999, 5)).toThrow(/setOrderStatus: no order 999/);
  });
});

describe('sandbox.refundOrder', () => {
  it('refunds in part (Partially Refunded), then the rest (Refunded), bumping date_modified each time', async () => {
    const { sandbox, orderId } = await storeWithOrder();
    vi.setSystemTime(new Date('2026-11-26T10:05:00Z'));
    sandbox.refundOrder(orderId, 4.5);
    expect(await readOrder(sandbox, orderId)).toMatchObject({
      status_id: 14,
      status: 'Partially Refunded',
      refunded_amount: '4.5000',
      payment_status: 'partially refunded',
      date_modified: 'Thu, 26 Nov 2026 10:05:00 +0000',
    });
    vi.setSystemTime(new Date('2026-11-26T10:06:00Z'));
    sandbox.refundOrder(orderId);
    expect(await readOrder(sandbox, orderId)).toMatchObject({
      status_id: 4,
      status: 'Refunded',
      refunded_amount: '24.0000',
      payment_status: 'refunded',
      date_modified: 'Thu, 26 Nov 2026 10:06:00 +0000',
    });
    const lines = (await (await get(sandbox, `/v2/orders/${orderId}/products`)).json()) as Array<{ quantity_refunded: number }>;
    expect(lines.map((line) => line.quantity_refunded)).toEqual([2]);
  });

  it('adds cents exactly', async () => {
    const { sandbox, orderId } = await storeWithOrder();
    sandbox.refundOrder(orderId, 0.1);
    sandbox.refundOrder(orderId, 0.2);
    expect(sandbox.orders.get(orderId)!.refunded_amount).toBe('0.3000');
  });

  it.each([[0], [-1], [24.01], [Number.NaN]])('refuses amount %s with a TypeError and changes nothing', async (amount) => {
    const { sandbox, orderId } = await storeWithOrder();
    expect(() => sandbox.refundOrder(orderId, amount)).toThrow(/refundOrder: order \d+ can be refunded between 0.01 and 24.00/);
    expect(sandbox.orders.get(orderId)).toMatchObject({ status_id: 11, refunded_amount: '0.0000' });
  });

  it('refuses a refund of an order refunded in full', async () => {
    const { sandbox, orderId } = await storeWithOrder();
    sandbox.refundOrder(orderId);
    expect(() => sandbox.refundOrder(orderId)).toThrow(/between 0.01 and 0.00/);
  });
});

describe('sandbox.catalog.deleteVariant', () => {
  it('removes the variant from the product and its SKU from lookups, and bumps the product date_modified', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-26T10:00:00Z'));
    const sandbox = createSandboxStore({ products: [{ name: 'Tee', sku: 'TEE', variants: [{ sku: 'TEE-S' }, { sku: 'TEE-M' }] }] });
    const [small, medium] = sandbox.catalog.getProduct(1)!.variants;
    // Rendered once before, so a cached rendering must not survive the delete.
    expect((await get(sandbox, '/v3/catalog/products?include=variants')).status).toBe(200);
    vi.setSystemTime(new Date('2026-11-26T10:05:00Z'));
    sandbox.catalog.deleteVariant(small!.id);
    const body = (await (await get(sandbox, '/v3/catalog/products?include=variants&date_modified:min=2026-11-26T10:05:00Z')).json()) as {
      data: Array<{ id: number; date_modified: string; variants: Array<{ sku: string }> }>;
    };
    expect(body.data).toEqual([expect.objectContaining({ id: 1, date_modified: '2026-11-26T10:05:00+00:00', variants: [expect.objectContaining({ sku: 'TEE-M' })] })]);
    expect(sandbox.catalog.findVariantBySku('TEE-S')).toBeUndefined();
    expect(() => sandbox.catalog.deleteVariant(small!.id)).toThrow(/No variant/);
    expect(() => sandbox.catalog.deleteVariant(medium!.id)).toThrow(/last variant of product 1/);
  });
});
