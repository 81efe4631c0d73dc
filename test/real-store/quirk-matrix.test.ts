import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnknownSkuError, type Shipment } from '../../src/index';
import { createSandboxStore, type SandboxQuirks, type SandboxStoreOptions } from '../../src/testing/index';
import { sourceFor } from '../helpers/sandbox-source';
import { cloneOrder } from './helpers';

// The operations' exactly-once and correctness checks, run against the sandbox under its defaults
// and under each quirk alone: whichever reading a real store has, the SDK must be right.

const CONFIGS: Array<[string, SandboxQuirks]> = [
  ['defaults', {}],
  ['externalOrderIdMatch: prefix', { externalOrderIdMatch: 'prefix' }],
  ['externalOrderIdMatch: contains', { externalOrderIdMatch: 'contains' }],
  ['archivedOrdersListed', { archivedOrdersListed: true }],
  ['decodeBeforeSplit: false', { decodeBeforeSplit: false }],
  ['skuFilterCaseSensitive', { skuFilterCaseSensitive: true }],
  ['emailFilterCaseSensitive', { emailFilterCaseSensitive: true }],
  ['inventoryItemsOnlyVariantTracked', { inventoryItemsOnlyVariantTracked: true }],
  ['minDateModifiedExclusive', { minDateModifiedExclusive: true }],
  ['maxDateModifiedExclusive', { maxDateModifiedExclusive: true }],
  ['minIdExclusive', { minIdExclusive: true }],
  ['every order filter bound exclusive', { minDateModifiedExclusive: true, maxDateModifiedExclusive: true, minIdExclusive: true }],
  ['shipmentBumpsOrderModified: false', { shipmentBumpsOrderModified: false }],
  ['itemsShippedStale', { itemsShippedStale: true }],
  ['refundedAmountAlwaysZero', { refundedAmountAlwaysZero: true }],
];

const PRODUCTS: SandboxStoreOptions['products'] = [
  { name: 'Mug', sku: 'MUG-1', inventory_tracking: 'product', inventory_level: 1000 },
  { name: 'Tee', sku: 'TEE', inventory_tracking: 'variant', variants: [{ sku: 'TEE-S', inventory_level: 1000 }, { sku: 'TEE-M', inventory_level: 1000 }] },
  { name: 'Hat', sku: 'HAT', inventory_tracking: 'product', inventory_level: 1000, variants: [{ sku: 'hat-red' }, { sku: 'hat-blue' }] },
  { name: 'Sticker', sku: 'STICKER', inventory_tracking: 'none', variants: [{ sku: 'STICKER,XL' }] },
];

const ADDRESS = { firstName: 'Ann', lastName: 'Lee', street1: '1 Main St', city: 'Austin', state: 'Texas', zip: '78701', country: 'US' } as const;
const po = (poNumber: string, items = [{ sku: 'mug-1', quantity: 1 }, { sku: 'tee-m', quantity: 1 }, { sku: 'HAT-RED', quantity: 1 }, { sku: 'sticker,xl', quantity: 1 }]) => ({
  poNumber,
  email: 'Buyer@Retailer.example',
  items,
  shippingAddress: ADDRESS,
});

afterEach(() => {
  vi.useRealTimers();
});

describe.each(CONFIGS)('under %s', (_label, quirks) => {
  const setup = (options: SandboxStoreOptions = {}) => {
    const sandbox = createSandboxStore({ products: PRODUCTS, customers: [{ email: 'buyer@retailer.example', first_name: 'B', last_name: 'R' }], quirks, ...options });
    return { sandbox, source: sourceFor(sandbox) };
  };
  const ordersWithPo = (sandbox: ReturnType<typeof setup>['sandbox'], poNumber: string) => [...sandbox.orders.all()].filter((order) => order.external_order_id === poNumber);

  it('orders.send: resolves every SKU spelling, uses the existing customer, and a resend makes no second order', async () => {
    const { sandbox, source } = setup();
    const first = await source.orders.send(po('PO-1'), { customerPolicy: 'create-if-missing' });
    expect(first).toMatchObject({ created: true, customerId: 1, customerCreated: false });
    expect(first.lines.map((line) => line.variantId)).toEqual([1, 3, 4, 6]);
    await expect(source.orders.send(po('PO-1'), { customerPolicy: 'create-if-missing' })).resolves.toMatchObject({ orderId: first.orderId, created: false });
    expect(sandbox.orders.size).toBe(1);
    expect(sandbox.customers.size).toBe(1);
    await expect(source.orders.send(po('PO-2', [{ sku: 'NOPE', quantity: 1 }]))).rejects.toBeInstanceOf(UnknownSkuError);
  });

  it('orders.send: exactly one order whatever happens to the answer', async () => {
    const { sandbox, source } = setup();
    const post = { match: { method: 'POST', path: '/v2/orders' } } as const;
    sandbox.injectFault({ kind: 'commit-then-drop' }, post);
    await expect(source.orders.send(po('PO-D'))).resolves.toMatchObject({ created: false });
    sandbox.injectFault({ kind: 'commit-then-status', status: 500 }, post);
    await expect(source.orders.send(po('PO-S'))).resolves.toMatchObject({ created: false });
    sandbox.injectFault({ kind: 'commit-then-hang' }, post);
    await expect(source.orders.send(po('PO-H'), { timeoutMs: 100 })).resolves.toMatchObject({ created: false });
    sandbox.injectFault({ kind: 'status', status: 503 }, post);
    // Nothing was committed: after the settle window (none here), the create is sent again.
    await expect(source.orders.send(po('PO-B'), { settleMs: 0 })).resolves.toMatchObject({ created: true });
    const [a, b] = await Promise.all([source.orders.send(po('PO-C')), source.orders.send(po('PO-C'))]);
    expect([a.created, b.created]).toEqual([true, false]);
    expect(b.orderId).toBe(a.orderId);
    for (const poNumber of ['PO-D', 'PO-S', 'PO-H', 'PO-B', 'PO-C']) expect(ordersWithPo(sandbox, poNumber)).toHaveLength(1);
  });

  it('PO lookups: lookalike PO numbers never stand for each other, in send or forPurchaseOrder', async () => {
    const { sandbox, source } = setup();
    const template = await source.orders.send(po('PO-10'));
    for (let index = 0; index < 260; index += 1) cloneOrder(sandbox, template.orderId, `PO-1${index}`);
    const one = await source.orders.send(po('PO-1'));
    expect(one.created).toBe(true);
    await expect(source.orders.send(po('PO-1'))).resolves.toMatchObject({ orderId: one.orderId, created: false });
    expect(ordersWithPo(sandbox, 'PO-1')).toHaveLength(1);
    sandbox.shipOrder(template.orderId, { trackingNumber: 'TEN' });
    sandbox.shipOrder(one.orderId, { trackingNumber: 'ONE' });
    const shipments = await source.shipments.forPurchaseOrder('PO-1');
    expect(shipments.map((shipment) => shipment.trackingNumber)).toEqual(['ONE']);
  });

  it('shipments.pages: every shipment once across resumes from every cursor, the checkpoint second included', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-26T10:00:00Z'));
    const { sandbox, source } = setup();
    const orderIds: number[] = [];
    for (const poNumber of ['A', 'B', 'C', 'D', 'E']) orderIds.push((await source.orders.send(po(poNumber))).orderId);
    vi.setSystemTime(new Date('2026-11-26T10:30:00Z'));
    for (const orderId of orderIds) sandbox.shipOrder(orderId, { items: [{ sku: 'MUG-1', quantity: 1 }], trackingNumber: `T${orderId}` });
    const all = orderIds.flatMap((orderId) => sandbox.shipments.ofOrder(orderId).map((shipment) => shipment.id));
    const collect = async (options: Parameters<typeof source.shipments.pages>[0]) => {
      const pages: Array<{ items: Shipment[]; cursor: string }> = [];
      for await (const page of source.shipments.pages(options)) pages.push(page);
      return pages;
    };
    const ids = (pages: Array<{ items: Shipment[] }>) => pages.flatMap((page) => page.items.map((shipment) => shipment.id));
    const full = await collect({ since: '2026-11-26T10:00:00Z', pageSize: 2 });
    expect(ids(full).sort((x, y) => x - y)).toEqual(all);
    for (const [index, page] of full.entries()) {
      const rest = ids(await collect({ cursor: page.cursor, pageSize: 2 }));
      expect([...ids(full.slice(0, index + 1)), ...rest].sort((x, y) => x - y)).toEqual(all);
    }
    // A second partial shipment (the order stays Partially Shipped) is found with the safety net.
    vi.setSystemTime(new Date('2026-11-26T10:45:00Z'));
    const second = sandbox.shipOrder(orderIds[0]!, { items: [{ sku: 'TEE-M', quantity: 1 }], trackingNumber: 'SECOND' });
    const next = ids(await collect({ cursor: full.at(-1)!.cursor, recheckDays: 30 }));
    expect(next.filter((id) => id === second.id)).toHaveLength(1);
  });

  it('orders.get and orders.changes: the PO’s own state among lookalikes, every change once across resumes, the checkpoint second included', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-26T10:00:00Z'));
    const { sandbox, source } = setup();
    const ten = await source.orders.send(po('PO-10'));
    const one = await source.orders.send(po('PO-1'));
    const orderIds = [ten.orderId, one.orderId];
    for (const poNumber of ['A', 'B', 'C']) orderIds.push((await source.orders.send(po(poNumber))).orderId);
    vi.setSystemTime(new Date('2026-11-26T10:30:00Z'));
    sandbox.setOrderStatus(ten.orderId, 6);
    sandbox.setOrderStatus(one.orderId, 5);
    sandbox.refundOrder(orderIds[2]!, 1);
    await expect(source.orders.get({ poNumber: 'PO-1' })).resolves.toMatchObject({ orderId: one.orderId, status: 'cancelled' });
    // A refund is never reported as 0: the amount, or null where the store's field stays 0.
    await expect(source.orders.get({ poNumber: 'A' })).resolves.toMatchObject({ status: 'partially-refunded', refundedAmount: quirks.refundedAmountAlwaysZero ? null : 1 });
    const lines = (pages: Array<{ items: Array<{ poNumber: string | null; status: string }> }>) => pages.flatMap((page) => page.items.map((order) => `${order.poNumber} ${order.status}`));
    const collect = async (options: Parameters<typeof source.orders.changePages>[0]) => {
      const pages = [];
      for await (const page of source.orders.changePages(options)) pages.push(page);
      return pages;
    };
    const full = await collect({ since: '2026-11-26T10:15:00Z', pageSize: 1 });
    const expected = ['A partially-refunded', 'PO-1 cancelled', 'PO-10 declined'];
    expect(lines(full).sort()).toEqual(expected);
    for (const [index, page] of full.entries()) {
      const rest = lines(await collect({ cursor: page.cursor, pageSize: 1 }));
      expect([...lines(full.slice(0, index + 1)), ...rest].sort()).toEqual(expected);
    }
    // In the checkpoint's own second, after the run: another order changes; the next run has it, once.
    sandbox.setOrderStatus(orderIds[3]!, 10);
    const next = await collect({ cursor: full.at(-1)!.cursor });
    expect(lines(next)).toEqual(['B completed']);
    expect(lines(await collect({ cursor: next.at(-1)!.cursor }))).toEqual([]);
    // An archived order: by id always; by PO number only where the store lists archived orders.
    sandbox.archiveOrder(orderIds[4]!);
    await expect(source.orders.get({ orderId: orderIds[4]! })).resolves.toMatchObject({ archived: true });
    const byPo = source.orders.get({ poNumber: 'C' });
    if (quirks.archivedOrdersListed) await expect(byPo).resolves.toMatchObject({ archived: true });
    else await expect(byPo).rejects.toThrow(/No order in this store has the PO number "C"/);
  });

  it('inventory.items: every SKU once, with locations or an empty list for items the inventory API does not list', async () => {
    const { source } = setup();
    const items = [];
    for await (const item of source.inventory.items({ locations: true })) items.push(item);
    expect(items.map((item) => item.sku).sort()).toEqual(['MUG-1', 'STICKER,XL', 'TEE-M', 'TEE-S', 'hat-blue', 'hat-red']);
    expect(new Set(items.map((item) => item.variantId)).size).toBe(6);
    const tee = items.find((item) => item.sku === 'TEE-S')!;
    expect(tee.locations).toEqual([expect.objectContaining({ locationId: 1, enabled: true })]);
    for (const item of items) expect(item.locations!.every((location) => location.enabled)).toBe(true);
  });
});
