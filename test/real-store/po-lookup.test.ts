import { describe, expect, it } from 'vitest';
import { PurchaseOrderLookupError } from '../../src/index';
import { failureOf, purchaseOrder, setup } from '../operations/orders/fixtures';
import { cloneOrder, requestLines } from './helpers';

describe('PO lookups: exact on our side, every page, lowest id wins', () => {
  it('the common case costs one lookup of up to 250 orders', async () => {
    const { sandbox, source } = setup();
    const first = await source.orders.send(purchaseOrder());
    sandbox.clearRequests();
    await expect(source.orders.send(purchaseOrder())).resolves.toMatchObject({ orderId: first.orderId, created: false });
    const lookups = sandbox.requests.filter((request) => request.path === '/v2/orders');
    expect(lookups).toHaveLength(1);
    expect(Object.fromEntries(lookups[0]!.query)).toMatchObject({ external_order_id: 'PO-1001', limit: '250', sort: 'id:asc', page: '1' });
  });

  it('send: a resend finds its order past the first page of lookalikes when the store matches by prefix', async () => {
    const { sandbox, source } = setup({ quirks: { externalOrderIdMatch: 'prefix' } });
    const template = await source.orders.send(purchaseOrder({ poNumber: 'PO-10' }));
    for (let index = 0; index < 300; index += 1) cloneOrder(sandbox, template.orderId, `PO-1${String(index).padStart(3, '0')}`);
    const first = await source.orders.send(purchaseOrder({ poNumber: 'PO-1' }));
    expect(first.created).toBe(true);
    const again = await source.orders.send(purchaseOrder({ poNumber: 'PO-1' }));
    expect(again).toMatchObject({ orderId: first.orderId, created: false, poNumber: 'PO-1' });
    expect([...sandbox.orders.all()].filter((order) => order.external_order_id === 'PO-1')).toHaveLength(1);
  });

  it('send: several orders with exactly the same PO number: the lowest id is the order of the PO', async () => {
    const { sandbox, source } = setup({ quirks: { externalOrderIdMatch: 'contains' } });
    const template = await source.orders.send(purchaseOrder({ poNumber: 'X-PO-7-Y' }));
    const lowest = cloneOrder(sandbox, template.orderId, 'PO-7');
    cloneOrder(sandbox, template.orderId, 'PO-7');
    await expect(source.orders.send(purchaseOrder({ poNumber: 'PO-7' }))).resolves.toMatchObject({ orderId: lowest.id, created: false });
  });

  it('send: a lookup that reaches its bound fails loudly with PurchaseOrderLookupError and sends nothing', async () => {
    const { sandbox, source } = setup({ quirks: { externalOrderIdMatch: 'prefix' } });
    const template = await source.orders.send(purchaseOrder({ poNumber: 'TEMPLATE' }));
    for (let index = 0; index < 5_000; index += 1) cloneOrder(sandbox, template.orderId, `PO-2-${index}`);
    const ordersBefore = sandbox.orders.size;
    sandbox.clearRequests();
    const error = await failureOf(source.orders.send(purchaseOrder({ poNumber: 'PO-2' })));
    expect(error).toBeInstanceOf(PurchaseOrderLookupError);
    expect(error).toMatchObject({ name: 'PurchaseOrderLookupError', poNumber: 'PO-2', ordersRead: 5_000 });
    expect((error as Error).message).toContain('Nothing was sent');
    expect(requestLines(sandbox)).toEqual(Array(20).fill('GET /v2/orders'));
    expect(sandbox.orders.size).toBe(ordersBefore);
  });

  it('forPurchaseOrder: never another PO\'s tracking when the store matches by prefix', async () => {
    const { sandbox, source } = setup({ quirks: { externalOrderIdMatch: 'prefix' } });
    const ten = await source.orders.send(purchaseOrder({ poNumber: 'PO-10' }));
    const one = await source.orders.send(purchaseOrder({ poNumber: 'PO-1' }));
    sandbox.shipOrder(ten.orderId, { trackingNumber: 'TEN' });
    sandbox.shipOrder(one.orderId, { trackingNumber: 'ONE' });
    const shipments = await source.shipments.forPurchaseOrder('PO-1');
    expect(shipments.map((shipment) => [shipment.orderId, shipment.poNumber, shipment.trackingNumber])).toEqual([[one.orderId, 'PO-1', 'ONE']]);
  });

  it('forPurchaseOrder: reads every page and returns the shipments of every order with exactly that PO, each with its order id', async () => {
    const { sandbox, source } = setup({ quirks: { externalOrderIdMatch: 'contains' } });
    const template = await source.orders.send(purchaseOrder({ poNumber: 'TEMPLATE' }));
    for (let index = 0; index < 260; index += 1) cloneOrder(sandbox, template.orderId, `A-PO-9-${index}`);
    const early = cloneOrder(sandbox, template.orderId, 'PO-9');
    for (let index = 0; index < 260; index += 1) cloneOrder(sandbox, template.orderId, `B-PO-9-${index}`);
    const late = cloneOrder(sandbox, template.orderId, 'PO-9');
    sandbox.shipOrder(late.id, { trackingNumber: 'LATE' });
    sandbox.shipOrder(early.id, { trackingNumber: 'EARLY' });
    const shipments = await source.shipments.forPurchaseOrder('PO-9');
    expect(shipments.map((shipment) => [shipment.orderId, shipment.trackingNumber])).toEqual([
      [early.id, 'EARLY'],
      [late.id, 'LATE'],
    ]);
  });
});

describe('archived orders (is_deleted)', () => {
  it('where the store lists them, a resend of an archived PO returns it with archived: true and makes no second order', async () => {
    const { sandbox, source } = setup({ quirks: { archivedOrdersListed: true } });
    const first = await source.orders.send(purchaseOrder());
    sandbox.archiveOrder(first.orderId);
    const again = await source.orders.send(purchaseOrder());
    expect(again).toMatchObject({ orderId: first.orderId, created: false, archived: true });
    expect(sandbox.orders.size).toBe(1);
  });

  it('where the store hides them, a resend of an archived PO creates a new order, as documented', async () => {
    const { sandbox, source } = setup({ quirks: { archivedOrdersListed: false } });
    const first = await source.orders.send(purchaseOrder());
    sandbox.archiveOrder(first.orderId);
    const again = await source.orders.send(purchaseOrder());
    expect(again).toMatchObject({ created: true, archived: false });
    expect(again.orderId).not.toBe(first.orderId);
    expect(sandbox.orders.size).toBe(2);
  });
});
