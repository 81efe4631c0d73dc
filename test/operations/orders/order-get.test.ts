import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotFoundError, PurchaseOrderLookupError, ValidationError, type OrderReference } from '../../../src/index';
import { postOrder, purchaseOrder, setup } from './fixtures';

afterEach(() => {
  vi.useRealTimers();
});

const STATUSES = [
  [0, 'incomplete', 'Incomplete'],
  [1, 'pending', 'Pending'],
  [2, 'shipped', 'Shipped'],
  [3, 'partially-shipped', 'Partially Shipped'],
  [4, 'refunded', 'Refunded'],
  [5, 'cancelled', 'Cancelled'],
  [6, 'declined', 'Declined'],
  [7, 'awaiting-payment', 'Awaiting Payment'],
  [8, 'awaiting-pickup', 'Awaiting Pickup'],
  [9, 'awaiting-shipment', 'Awaiting Shipment'],
  [10, 'completed', 'Completed'],
  [11, 'awaiting-fulfillment', 'Awaiting Fulfillment'],
  [12, 'manual-verification-required', 'Manual Verification Required'],
  [13, 'disputed', 'Disputed'],
  [14, 'partially-refunded', 'Partially Refunded'],
] as const;


describe('orders.get', () => {
  it.each(STATUSES)('reads status id %i as %s, by id and by PO number, with the store’s label', async (statusId, status, label) => {
    const { sandbox, source } = setup();
    const sent = await source.orders.send(purchaseOrder({ poNumber: `PO-${statusId}` }));
    sandbox.setOrderStatus(sent.orderId, statusId);
    sandbox.clearRequests();
    const byId = await source.orders.get({ orderId: sent.orderId });
    expect(byId).toMatchObject({ orderId: sent.orderId, poNumber: `PO-${statusId}`, statusId, status, statusName: label });
    expect(await source.orders.get({ poNumber: `PO-${statusId}` })).toEqual(byId);
    // One request each: the order, or one page of the PO lookup.
    expect(sandbox.requests.map((request) => `${request.method} ${request.path}`)).toEqual([`GET /v2/orders/${sent.orderId}`, 'GET /v2/orders']);
    expect(sandbox.requests[1]!.query.get('external_order_id')).toBe(`PO-${statusId}`);
  });

  it('reads an unknown status id as unknown, keeping the id and the label', async () => {
    const { sandbox, source } = setup();
    const sent = await source.orders.send(purchaseOrder({ poNumber: 'PO-1' }));
    Object.assign(sandbox.orders.get(sent.orderId)!, { status_id: 99, status: 'Quarantined' });
    expect(await source.orders.get({ poNumber: 'PO-1' })).toMatchObject({ statusId: 99, status: 'unknown', statusName: 'Quarantined' });
  });

  it('keys the status on its id, not on a label the merchant renamed', async () => {
    const { sandbox, source } = setup();
    const sent = await source.orders.send(purchaseOrder());
    sandbox.setOrderStatus(sent.orderId, 5);
    sandbox.orders.get(sent.orderId)!.status = 'Supplier said no';
    expect(await source.orders.get({ orderId: sent.orderId })).toMatchObject({ statusId: 5, status: 'cancelled', statusName: 'Supplier said no' });
  });

  it('gives items total and shipped, the refunded amount, archived, the source and the date modified', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-26T10:00:00Z'));
    const { sandbox, source } = setup();
    const sent = await source.orders.send(purchaseOrder({ poNumber: 'PO-1', items: [{ sku: 'MUG-1', quantity: 3 }, { sku: 'TEE-M', quantity: 1 }] }));
    vi.setSystemTime(new Date('2026-11-26T10:05:00Z'));
    sandbox.shipOrder(sent.orderId, { items: [{ sku: 'MUG-1', quantity: 2 }] });
    vi.setSystemTime(new Date('2026-11-26T10:06:07Z'));
    sandbox.refundOrder(sent.orderId, 9.5);
    expect(await source.orders.get({ poNumber: 'PO-1' })).toEqual({
      orderId: sent.orderId,
      poNumber: 'PO-1',
      externalSource: 'bigcommerce-source',
      statusId: 14,
      statusName: 'Partially Refunded',
      status: 'partially-refunded',
      itemsTotal: 4,
      itemsShipped: 2,
      refundedAmount: 9.5,
      archived: false,
      dateModified: '2026-11-26T10:06:07.000Z',
    });
    sandbox.archiveOrder(sent.orderId);
    expect(await source.orders.get({ orderId: sent.orderId })).toMatchObject({ archived: true });
  });

  it.each([false, true])('never reports a refund of 0 for a refunded order: null where the store’s refunded_amount stays 0 (refundedAmountAlwaysZero: %s)', async (refundedAmountAlwaysZero) => {
    const { sandbox, source } = setup({ quirks: { refundedAmountAlwaysZero } });
    const partly = await source.orders.send(purchaseOrder({ poNumber: 'PO-P' }));
    const whole = await source.orders.send(purchaseOrder({ poNumber: 'PO-W' }));
    const none = await source.orders.send(purchaseOrder({ poNumber: 'PO-N' }));
    sandbox.refundOrder(partly.orderId, 5);
    sandbox.refundOrder(whole.orderId);
    const states = await Promise.all([partly, whole, none].map(({ orderId }) => source.orders.get({ orderId })));
    expect(states.map((state) => [state.status, state.refundedAmount])).toEqual([
      ['partially-refunded', refundedAmountAlwaysZero ? null : 5],
      ['refunded', refundedAmountAlwaysZero ? null : 39],
      ['awaiting-fulfillment', 0],
    ]);
  });

  it('follows the rule of every PO lookup: exact match on a store matching by prefix, the lowest id of several', async () => {
    const { sandbox, source } = setup({ quirks: { externalOrderIdMatch: 'prefix' } });
    const ten = await postOrder(sandbox, { external_order_id: 'PO-10', status_id: 5 });
    const first = await postOrder(sandbox, { external_order_id: 'PO-1', status_id: 11 });
    const second = await postOrder(sandbox, { external_order_id: 'PO-1', status_id: 6 });
    expect(ten).toBeLessThan(first);
    expect(first).toBeLessThan(second);
    expect(await source.orders.get({ poNumber: 'PO-1' })).toMatchObject({ orderId: first, poNumber: 'PO-1', status: 'awaiting-fulfillment' });
  });

  it('fails loudly when the PO lookup reaches its bound', async () => {
    const { sandbox, source } = setup({ quirks: { externalOrderIdMatch: 'contains' } });
    const template = sandbox.orders.get(await postOrder(sandbox, { external_order_id: 'X-PO-1-0' }))!;
    // 5 000 more lookalikes, put straight into the store's state.
    for (let index = 1; index <= 5000; index += 1) sandbox.orders.add({ ...template, external_order_id: `X-PO-1-${index}`, products: [], shipping_addresses: [] });
    await expect(source.orders.get({ poNumber: 'PO-1' })).rejects.toThrow(PurchaseOrderLookupError);
  });

  it('is a NotFoundError for a PO with no order and for an unknown id', async () => {
    const { source } = setup();
    await source.orders.send(purchaseOrder({ poNumber: 'PO-10' }));
    const byPo = await source.orders.get({ poNumber: 'PO-1' }).catch((error: unknown) => error);
    expect(byPo).toBeInstanceOf(NotFoundError);
    expect((byPo as Error).message).toBe('[bigcommerce-source] No order in this store has the PO number "PO-1" (external_order_id).');
    await expect(source.orders.get({ orderId: 999 })).rejects.toThrow(NotFoundError);
  });

  it.each<[string, unknown, RegExp]>([
    ['neither', {}, /poNumber: give either poNumber or orderId/],
    ['both', { poNumber: 'PO-1', orderId: 100 }, /give either poNumber or orderId/],
    ['an empty PO number', { poNumber: '  ' }, /poNumber:/],
    ['a PO number of 101 characters', { poNumber: 'P'.repeat(101) }, /poNumber:/],
    ['order id 0', { orderId: 0 }, /orderId:/],
    ['an unknown key', { po: 'PO-1' }, /Unrecognized key/],
    ['not an object', 'PO-1', /order reference/],
  ])('refuses %s with a ValidationError before any request', async (_case, reference, message) => {
    const { sandbox, source } = setup();
    const error = await source.orders.get(reference as OrderReference).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(message);
    expect(sandbox.requests).toHaveLength(0);
  });
});

describe('orders.send: externalSource', () => {
  it("stamps 'bigcommerce-source' by default; another name, or null to leave it unset", async () => {
    const { sandbox, source } = setup();
    const byDefault = await source.orders.send(purchaseOrder({ poNumber: 'PO-A' }));
    const named = await source.orders.send(purchaseOrder({ poNumber: 'PO-B' }), { externalSource: 'Acme dropship' });
    const unset = await source.orders.send(purchaseOrder({ poNumber: 'PO-C' }), { externalSource: null });
    expect([byDefault, named, unset].map((sent) => sandbox.orders.get(sent.orderId)!.external_source)).toEqual(['bigcommerce-source', 'Acme dropship', null]);
    const bodies = sandbox.requests.filter((request) => request.method === 'POST').map((request) => (request.body as Record<string, unknown>).external_source);
    expect(bodies).toEqual(['bigcommerce-source', 'Acme dropship', undefined]);
  });
});
