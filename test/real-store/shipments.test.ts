import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Shipment } from '../../src/index';
import { sendOrders, setup } from '../operations/shipments/fixtures';
import { sourceFor } from '../helpers/sandbox-source';
import { requestLines } from './helpers';

const SINCE = '2026-11-26T10:00:00Z';

afterEach(() => {
  vi.useRealTimers();
});

function clockAt(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

async function collect(iterable: AsyncIterable<{ items: Shipment[]; cursor: string }>) {
  const pages: Array<{ items: Shipment[]; cursor: string }> = [];
  for await (const page of iterable) pages.push(page);
  return pages;
}

const ids = (pages: Array<{ items: Shipment[] }>) => pages.flatMap((page) => page.items.map((shipment) => shipment.id)).sort((a, b) => a - b);

describe('shipments checkpoint when min_date_modified is exclusive (minDateModifiedExclusive)', () => {
  it('reads orders in the checkpoint second within a run and across resumes: nothing missed, nothing twice', async () => {
    clockAt(SINCE);
    const { sandbox, source } = setup({ quirks: { minDateModifiedExclusive: true } });
    const orderIds = await sendOrders(source, ['A', 'B', 'C', 'D', 'E', 'F']);
    vi.setSystemTime(new Date('2026-11-26T11:00:00Z'));
    for (const orderId of orderIds) sandbox.shipOrder(orderId, { items: [{ sku: 'MUG-1', quantity: 1 }], trackingNumber: `T${orderId}` });
    const everything = orderIds.flatMap((orderId) => sandbox.shipments.ofOrder(orderId).map((shipment) => shipment.id)).sort((a, b) => a - b);

    const full = await collect(source.shipments.pages({ since: SINCE, pageSize: 4 }));
    expect(ids(full)).toEqual(everything);
    for (const [index, page] of full.entries()) {
      const after = await collect(source.shipments.pages({ cursor: page.cursor, pageSize: 4 }));
      expect([...ids(full.slice(0, index + 1)), ...ids(after)].sort((a, b) => a - b)).toEqual(everything);
    }

    // A shipment made in the checkpoint's own second after the cursor was taken.
    const late = sandbox.shipOrder(orderIds[0]!, { items: [{ sku: 'TEE-M', quantity: 1 }], trackingNumber: 'LATE' });
    const resumed = ids(await collect(source.shipments.pages({ cursor: full.at(-1)!.cursor, pageSize: 4 })));
    expect(resumed).toContain(late.id);
    expect(resumed.filter((id) => everything.includes(id))).toEqual([]);
  });
});

describe('shipments when a new shipment does not bump the order (shipmentBumpsOrderModified: false)', () => {
  it('recheckDays finds the second shipment of a Partially Shipped order whose date did not move, once per run', async () => {
    clockAt(SINCE);
    const { sandbox, source } = setup({ quirks: { shipmentBumpsOrderModified: false } });
    const [orderId, otherId] = await sendOrders(source, ['PO-1', 'PO-2']);
    vi.setSystemTime(new Date('2026-11-26T10:05:00Z'));
    const first = sandbox.shipOrder(orderId!, { items: [{ sku: 'MUG-1', quantity: 1 }], trackingNumber: 'FIRST' });
    vi.setSystemTime(new Date('2026-11-26T10:07:00Z'));
    const other = sandbox.shipOrder(otherId!, { trackingNumber: 'OTHER' });
    const run1 = await collect(source.shipments.pages({ since: SINCE }));
    expect(ids(run1)).toEqual([first.id, other.id]);

    vi.setSystemTime(new Date('2026-11-26T10:10:00Z'));
    const second = sandbox.shipOrder(orderId!, { items: [{ sku: 'MUG-1', quantity: 1 }], trackingNumber: 'SECOND' });
    expect(sandbox.orders.get(orderId!)!.status_id).toBe(3);
    // The store did not move the order's date: a checkpoint run alone cannot see the shipment.
    expect(ids(await collect(source.shipments.pages({ cursor: run1.at(-1)!.cursor })))).not.toContain(second.id);

    sandbox.clearRequests();
    const run2 = await collect(source.shipments.pages({ cursor: run1.at(-1)!.cursor, recheckDays: 7 }));
    expect(ids(run2)).toContain(second.id);
    expect(ids(run2).filter((id) => id === second.id)).toHaveLength(1);
    const recheck = sandbox.requests.find((request) => request.path === '/v2/orders' && request.query.get('status_id') === '3')!;
    expect(recheck.query.get('min_date_modified')).toBe('2026-11-19T10:10:00Z');
    // Every page, also the recheck's, carries the run's checkpoint.
    expect(new Set(run2.map((page) => page.cursor)).size).toBe(1);
  });

  it.each([
    ['min_id inclusive', {}],
    ['min_id exclusive', { minIdExclusive: true }],
  ])('recheckDays misses no order when one leaves Partially Shipped mid-read (%s)', async (_, quirks) => {
    clockAt(SINCE);
    const { sandbox, source: sender } = setup({ quirks: { shipmentBumpsOrderModified: false, ...quirks } });
    const [lastId, ...orderIds] = await sendOrders(sender, ['PO-LAST', 'PO-A', 'PO-B', 'PO-C', 'PO-D']);
    vi.setSystemTime(new Date('2026-11-26T10:05:00Z'));
    for (const orderId of orderIds) sandbox.shipOrder(orderId, { items: [{ sku: 'MUG-1', quantity: 1 }], trackingNumber: `FIRST-${orderId}` });
    // Run 1's checkpoint ends on a later second (another order's), so only the recheck can see
    // these orders' second shipments.
    vi.setSystemTime(new Date('2026-11-26T10:06:00Z'));
    sandbox.shipOrder(lastId!, { trackingNumber: 'LAST' });
    vi.setSystemTime(new Date('2026-11-26T10:07:00Z'));
    const run1 = await collect(sender.shipments.pages({ since: SINCE }));
    vi.setSystemTime(new Date('2026-11-26T10:10:00Z'));
    const seconds = orderIds.map((orderId) => sandbox.shipOrder(orderId, { items: [{ sku: 'MUG-1', quantity: 1 }], trackingNumber: `SECOND-${orderId}` }));
    // After the recheck's first list answer, the merchant ships the rest of the first order: it
    // leaves Partially Shipped, and every later order would move up a page.
    let rechecks = 0;
    const source = sourceFor(sandbox, {
      fetch: async (input, init) => {
        const response = await sandbox.fetch(input, init);
        const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
        if (url.pathname.endsWith('/v2/orders') && url.searchParams.get('status_id') === '3' && ++rechecks === 1) {
          sandbox.shipOrder(orderIds[0]!, { items: [{ sku: 'TEE-M', quantity: 1 }], trackingNumber: 'REST' });
        }
        return response;
      },
    });
    const run2 = ids(await collect(source.shipments.pages({ cursor: run1.at(-1)!.cursor, recheckDays: 7, pageSize: 2 })));
    for (const second of seconds) expect(run2).toContain(second.id);
    expect(run2.length).toBe(new Set(run2).size);
  });

  it('a statusIds filter without Partially Shipped skips the recheck', async () => {
    clockAt(SINCE);
    const { sandbox, source } = setup();
    await sendOrders(source, ['PO-1']);
    sandbox.clearRequests();
    await collect(source.shipments.pages({ since: SINCE, statusIds: [2], recheckDays: 3 }));
    expect(sandbox.requests.some((request) => request.query.get('status_id') === '3')).toBe(false);
  });
});

describe('items_shipped that lags (itemsShippedStale)', () => {
  it('an order that says Shipped or Partially Shipped always costs its shipments request', async () => {
    clockAt(SINCE);
    const { sandbox, source } = setup({ quirks: { itemsShippedStale: true } });
    const [full, partial] = await sendOrders(source, ['FULL', 'PARTIAL']);
    vi.setSystemTime(new Date('2026-11-26T10:05:00Z'));
    const shipped = sandbox.shipOrder(full!, { trackingNumber: 'ALL' });
    const part = sandbox.shipOrder(partial!, { items: [{ sku: 'MUG-1', quantity: 1 }], trackingNumber: 'PART' });
    expect(sandbox.orders.get(full!)!.items_shipped).toBe(0);
    expect(ids(await collect(source.shipments.pages({ since: SINCE })))).toEqual([shipped.id, part.id]);
    await expect(source.shipments.forOrder(full!)).resolves.toEqual([expect.objectContaining({ id: shipped.id })]);
    await expect(source.shipments.forPurchaseOrder('PARTIAL')).resolves.toEqual([expect.objectContaining({ id: part.id })]);
  });

  it('an order in another status with items_shipped 0 still costs nothing', async () => {
    clockAt(SINCE);
    const { sandbox, source } = setup();
    const [orderId] = await sendOrders(source, ['DONE']);
    sandbox.orders.get(orderId!)!.status_id = 10;
    sandbox.clearRequests();
    expect(await collect(source.shipments.pages({ since: SINCE }))).toEqual([expect.objectContaining({ items: [] })]);
    expect(requestLines(sandbox)).toEqual(['GET /v2/orders']);
  });
});
