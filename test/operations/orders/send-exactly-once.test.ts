import { describe, expect, it } from 'vitest';
import { ServerError, TimeoutError } from '../../../src/index';
import { failureOf, purchaseOrder, requestLines, setup } from './fixtures';

const ORDER_POST = { match: { method: 'POST', path: '/v2/orders' } } as const;

describe('orders.send: idempotency', () => {
  it('returns the existing order with created: false on a resend, and writes nothing', async () => {
    const { sandbox, source } = setup();
    const first = await source.orders.send(purchaseOrder());
    sandbox.clearRequests();
    const again = await source.orders.send(purchaseOrder(), { customerPolicy: 'create-if-missing' });
    expect(again).toEqual({ ...first, created: false, lines: first.lines });
    expect(sandbox.orders.size).toBe(1);
    expect(sandbox.customers.size).toBe(0);
    expect(requestLines(sandbox)).toEqual(['GET /v2/orders', `GET /v2/orders/${first.orderId}/products`]);
    expect(sandbox.requests[0]!.query.get('external_order_id')).toBe('PO-1001');
  });

  it('shares one attempt between two sends of the same PO at once', async () => {
    const { sandbox, source } = setup({ latencyMs: 5 });
    const [first, second] = await Promise.all([source.orders.send(purchaseOrder()), source.orders.send(purchaseOrder())]);
    // One of them created it; the other gets the same order, not created by it.
    expect(first.created).toBe(true);
    expect(second).toEqual({ ...first, created: false, customerCreated: false });
    expect(sandbox.orders.size).toBe(1);
    expect(requestLines(sandbox).filter((line) => line === 'POST /v2/orders')).toHaveLength(1);
  });
});

describe('orders.send: exactly one order whatever the network does', () => {
  it('the response is dropped after the store committed: finds the order, created: false', async () => {
    const { sandbox, source } = setup();
    sandbox.injectFault({ kind: 'commit-then-drop' }, ORDER_POST);
    const result = await source.orders.send(purchaseOrder());
    expect(result).toMatchObject({ orderId: 100, created: false, poNumber: 'PO-1001', statusId: 11 });
    expect(result.lines.map((line) => line.sku)).toEqual(['MUG-1', 'TEE-M']);
    expect(sandbox.orders.size).toBe(1);
    expect(requestLines(sandbox).filter((line) => line === 'POST /v2/orders')).toHaveLength(1);
  });

  it('a 500 comes back after the store committed: finds the order', async () => {
    const { sandbox, source } = setup();
    sandbox.injectFault({ kind: 'commit-then-status', status: 500 }, ORDER_POST);
    await expect(source.orders.send(purchaseOrder())).resolves.toMatchObject({ orderId: 100, created: false });
    expect(sandbox.orders.size).toBe(1);
  });

  it('the request times out after the store committed: finds the order', async () => {
    const { sandbox, source } = setup();
    sandbox.injectFault({ kind: 'commit-then-hang' }, ORDER_POST);
    await expect(source.orders.send(purchaseOrder(), { timeoutMs: 100 })).resolves.toMatchObject({ orderId: 100, created: false });
    expect(sandbox.orders.size).toBe(1);
  });

  it('the request times out before the store committed: sends it again, once', async () => {
    let slowed = false;
    const { sandbox, source } = setup({
      latencyMs: (request) => (request.method === 'POST' && !slowed ? ((slowed = true), 1_000) : 0),
    });
    await expect(source.orders.send(purchaseOrder(), { timeoutMs: 100 })).resolves.toMatchObject({ orderId: 100, created: true });
    expect(sandbox.orders.size).toBe(1);
    expect(requestLines(sandbox).filter((line) => line === 'POST /v2/orders')).toHaveLength(2);
  });

  it('a 503 before the store committed: the lookup finds nothing, the POST goes again', async () => {
    const { sandbox, source } = setup();
    sandbox.injectFault({ kind: 'status', status: 503 }, ORDER_POST);
    await expect(source.orders.send(purchaseOrder())).resolves.toMatchObject({ created: true });
    expect(sandbox.orders.size).toBe(1);
  });

  it('a 429 is waited out and retried by the HTTP core: one order', async () => {
    const { sandbox, source } = setup();
    sandbox.injectFault({ kind: 'status', status: 429, headers: { 'X-Rate-Limit-Time-Reset-Ms': '20' } }, { ...ORDER_POST, times: 2 });
    await expect(source.orders.send(purchaseOrder())).resolves.toMatchObject({ created: true });
    expect(sandbox.orders.size).toBe(1);
    expect(requestLines(sandbox).filter((line) => line === 'POST /v2/orders')).toHaveLength(3);
    expect(requestLines(sandbox).filter((line) => line === 'GET /v2/orders')).toHaveLength(1);
  });

  it('the lookup after a lost answer is itself retried', async () => {
    const { sandbox, source } = setup({
      // When the POST arrives, the next order lookup (the one after the lost answer) gets a 502.
      latencyMs: (request) => {
        if (request.method === 'POST') sandbox.injectFault({ kind: 'status', status: 502 }, { match: { method: 'GET', path: '/v2/orders' } });
        return 0;
      },
    });
    sandbox.injectFault({ kind: 'commit-then-drop' }, ORDER_POST);
    await expect(source.orders.send(purchaseOrder())).resolves.toMatchObject({ created: false });
    expect(requestLines(sandbox)).toEqual([
      'GET /v2/orders',
      'GET /v3/inventory/items',
      'GET /v3/catalog/variants',
      'POST /v2/orders',
      'GET /v2/orders',
      'GET /v2/orders',
      'GET /v2/orders/100/products',
    ]);
    expect(sandbox.orders.size).toBe(1);
  });

  it('gives up after a bounded number of POSTs and throws the last error; still at most one order', async () => {
    const { sandbox, source } = setup();
    sandbox.injectFault({ kind: 'status', status: 503 }, { ...ORDER_POST, times: Infinity });
    const error = await failureOf(source.orders.send(purchaseOrder(), { maxRetries: 0, settleMs: 0 }));
    expect(error).toBeInstanceOf(ServerError);
    expect(requestLines(sandbox).filter((line) => line === 'POST /v2/orders')).toHaveLength(3);
    expect(sandbox.orders.size).toBe(0);
  });

  it('does not re-send on an error that proves nothing was created (400)', async () => {
    const { sandbox, source } = setup();
    sandbox.catalog.updateProduct(1, { inventory_level: 1 });
    const error = await failureOf(source.orders.send(purchaseOrder()));
    expect(error).toMatchObject({ name: 'ApiError', status: 400 });
    expect((error as Error).message).toContain('does not have enough stock');
    expect(requestLines(sandbox).filter((line) => line === 'POST /v2/orders')).toHaveLength(1);
    expect(sandbox.orders.size).toBe(0);
  });

  it('a timeout on every attempt ends in a TimeoutError and no duplicate', async () => {
    const { sandbox, source } = setup({ latencyMs: (request) => (request.method === 'POST' ? 1_000 : 0) });
    const error = await failureOf(source.orders.send(purchaseOrder(), { timeoutMs: 50, settleMs: 0 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(sandbox.orders.size).toBe(0);
  });
});
