import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServerError, ValidationError, resumeCursorOf, type OrderChangePage, type OrderSnapshot } from '../../../src/index';
import type { SandboxStoreOptions } from '../../../src/testing/index';
import { postOrder, purchaseOrder, setup, sourceFor } from './fixtures';

afterEach(() => {
  vi.useRealTimers();
});

const SINCE = '2026-11-26T10:00:00Z';

/** Moves the store's clock (Date only; timers stay real). */
function clockAt(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

async function collect<P = OrderChangePage>(iterable: AsyncIterable<P>): Promise<P[]> {
  const pages: P[] = [];
  for await (const page of iterable) pages.push(page);
  return pages;
}

/** One line per snapshot: which order, in which state, modified when. */
const line = (order: OrderSnapshot) => `${order.poNumber} ${order.status} ${order.refundedAmount} @${order.dateModified.slice(11, 19)}`;
const changesOf = (pages: readonly OrderChangePage[]) => pages.flatMap((page) => page.items.map(line));

/** Five POs sent at 10:00, then changed by the supplier at minutes 1 to 5, one of them twice. */
async function supplierAtWork(options: SandboxStoreOptions = {}) {
  clockAt(SINCE);
  const { sandbox, source } = setup(options);
  const ids: number[] = [];
  for (const poNumber of ['PO-A', 'PO-B', 'PO-C', 'PO-D', 'PO-E']) ids.push((await source.orders.send(purchaseOrder({ poNumber }))).orderId);
  const at = (minute: number, second = 0) => vi.setSystemTime(new Date(Date.parse(SINCE) + minute * 60_000 + second * 1000));
  at(1);
  sandbox.setOrderStatus(ids[0]!, 5); // A cancelled
  at(2);
  sandbox.refundOrder(ids[1]!, 5); // B partially refunded
  at(3);
  sandbox.shipOrder(ids[2]!); // C shipped
  at(4);
  sandbox.setOrderStatus(ids[3]!, 6); // D declined
  at(5);
  sandbox.refundOrder(ids[1]!); // B refunded in full
  sandbox.clearRequests();
  return { sandbox, source, ids, at };
}

describe('orders.changes and changePages', () => {
  it('yields the current state of every order modified since the checkpoint, once per modification, oldest first', async () => {
    const { sandbox, source } = await supplierAtWork();
    const pages = await collect(source.orders.changePages({ since: '2026-11-26T10:00:30Z', pageSize: 2 }));
    // B changed twice since the checkpoint, but a snapshot is the state now: it comes once, refunded.
    expect(changesOf(pages)).toEqual(['PO-A cancelled 0 @10:01:00', 'PO-C shipped 0 @10:03:00', 'PO-D declined 0 @10:04:00', 'PO-B refunded 39 @10:05:00']);
    const lists = sandbox.requests.filter((request) => request.path === '/v2/orders');
    // Read by checkpoint, one second early, sorted by date_modified: the engine shipments use.
    expect(lists.map((request) => [request.query.get('min_date_modified'), request.query.get('sort'), request.query.get('limit')])).toEqual([
      ['2026-11-26T10:00:29Z', 'date_modified:asc', '2'],
      ['2026-11-26T10:02:59Z', 'date_modified:asc', '2'],
      ['2026-11-26T10:03:59Z', 'date_modified:asc', '2'],
      ['2026-11-26T10:04:59Z', 'date_modified:asc', '2'],
    ]);
    // The order list is all it costs: no request per order.
    expect(sandbox.requests).toHaveLength(lists.length);
    const snapshots: OrderSnapshot[] = [];
    for await (const order of source.orders.changes({ since: '2026-11-26T10:00:30Z' })) snapshots.push(order);
    expect(snapshots.map(line)).toEqual(changesOf(pages));
  });

  it('yields each modification exactly once across runs resumed from every page’s cursor', async () => {
    const { source } = await supplierAtWork();
    const everything = changesOf(await collect(source.orders.changePages({ since: SINCE, pageSize: 1 })));
    expect(everything).toHaveLength(5); // E was sent at 10:00 and never changed: it comes too
    const pages = await collect(source.orders.changePages({ since: SINCE, pageSize: 1 }));
    for (const [index, page] of pages.entries()) {
      const before = changesOf(pages.slice(0, index + 1));
      const after = changesOf(await collect(source.orders.changePages({ cursor: page.cursor })));
      const all = [...before, ...after];
      expect(new Set(all).size).toBe(all.length);
      expect(all.sort()).toEqual([...everything].sort());
    }
  });

  it('yields each change once when more orders than a page share one second, resumed from every cursor', async () => {
    clockAt(SINCE);
    const { sandbox, source } = setup();
    const ids: number[] = [];
    for (const poNumber of ['A', 'B', 'C', 'D', 'E', 'F']) ids.push((await source.orders.send(purchaseOrder({ poNumber }))).orderId);
    vi.setSystemTime(new Date('2026-11-26T11:00:00Z'));
    for (const id of ids) sandbox.setOrderStatus(id, 5);
    const options = { since: '2026-11-26T10:30:00Z', pageSize: 4 };
    const pages = await collect(source.orders.changePages(options));
    expect(changesOf(pages).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F'].map((po) => `${po} cancelled 0 @11:00:00`));
    for (const [index, page] of pages.entries()) {
      const all = [...changesOf(pages.slice(0, index + 1)), ...changesOf(await collect(source.orders.changePages({ cursor: page.cursor, pageSize: 4 })))];
      expect(all.sort()).toEqual(changesOf(pages).sort());
    }
  });

  it.each([false, true])(
    'yields modifications in the checkpoint’s own second, made after a run read it, in the next run (min_date_modified exclusive: %s)',
    async (minDateModifiedExclusive) => {
      const { sandbox, source, ids, at } = await supplierAtWork({ quirks: { minDateModifiedExclusive } });
      const first = await collect(source.orders.changePages({ since: '2026-11-26T10:04:30Z' }));
      expect(changesOf(first)).toEqual(['PO-B refunded 39 @10:05:00']);
      // Still in 10:05:00, after the run: another order changes, and B changes again (disputed).
      at(5, 0);
      sandbox.setOrderStatus(ids[4]!, 10);
      sandbox.setOrderStatus(ids[1]!, 13);
      const second = await collect(source.orders.changePages({ cursor: first.at(-1)!.cursor }));
      expect(changesOf(second).sort()).toEqual(['PO-B disputed 39 @10:05:00', 'PO-E completed 0 @10:05:00']);
      // Nothing new: a third run yields nothing.
      expect(changesOf(await collect(source.orders.changePages({ cursor: second.at(-1)!.cursor })))).toEqual([]);
      // A change in a later second comes, once.
      at(6);
      sandbox.setOrderStatus(ids[0]!, 11);
      const third = await collect(source.orders.changePages({ cursor: second.at(-1)!.cursor }));
      expect(changesOf(third)).toEqual(['PO-A awaiting-fulfillment 0 @10:06:00']);
    },
  );

  it('reports orders with a PO number by default, whichever system set it; externalSource narrows to one', async () => {
    clockAt(SINCE);
    const { sandbox, source } = setup();
    await source.orders.send(purchaseOrder({ poNumber: 'PO-OURS' }));
    await source.orders.send(purchaseOrder({ poNumber: 'PO-ERP' }), { externalSource: 'ERP (Acme)' });
    await postOrder(sandbox, { external_order_id: '112-0000000-1', external_source: 'M-AMAZON' }); // a marketplace's order
    await postOrder(sandbox, {}); // a storefront order: no PO number
    const all = await collect(source.orders.changePages({ since: SINCE }));
    expect(all.flatMap((page) => page.items.map((order) => [order.poNumber, order.externalSource]))).toEqual([
      ['PO-OURS', 'bigcommerce-source'],
      ['PO-ERP', 'ERP (Acme)'],
      ['112-0000000-1', 'M-AMAZON'],
    ]);
    const ours = await collect(source.orders.changePages({ since: SINCE, externalSource: 'bigcommerce-source' }));
    expect(ours.flatMap((page) => page.items.map((order) => order.poNumber))).toEqual(['PO-OURS']);
    const erp = await collect(source.orders.changePages({ since: SINCE, externalSource: 'ERP (Acme)' }));
    expect(erp.flatMap((page) => page.items.map((order) => order.poNumber))).toEqual(['PO-ERP']);
    // The filter travels with the cursor.
    sandbox.setOrderStatus(sandbox.orders.findByExternalOrderId('PO-ERP')[0]!.id, 5);
    sandbox.setOrderStatus(sandbox.orders.findByExternalOrderId('PO-OURS')[0]!.id, 5);
    const resumed = await collect(source.orders.changePages({ cursor: ours.at(-1)!.cursor }));
    expect(resumed.flatMap((page) => page.items.map((order) => order.poNumber))).toEqual(['PO-OURS']);
  });

  it('narrows to statusIds', async () => {
    const { source } = await supplierAtWork();
    const pages = await collect(source.orders.changePages({ since: SINCE, statusIds: [4, 5, 6, 14] }));
    expect(changesOf(pages)).toEqual(['PO-A cancelled 0 @10:01:00', 'PO-D declined 0 @10:04:00', 'PO-B refunded 39 @10:05:00']);
  });

  it('carries the last complete page’s cursor on an error; resuming from it loses nothing', async () => {
    const { sandbox, source } = await supplierAtWork();
    const failing = sourceFor(sandbox, { maxRetries: 0 });
    const got: string[] = [];
    const error = await (async () => {
      for await (const page of failing.orders.changePages({ since: SINCE, pageSize: 2 })) {
        got.push(...page.items.map(line));
        sandbox.injectFault({ kind: 'status', status: 500 }, { match: { path: '/v2/orders' } });
      }
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    const rest = changesOf(await collect(source.orders.changePages({ cursor: resumeCursorOf(error)! })));
    expect([...got, ...rest].sort()).toEqual(changesOf(await collect(source.orders.changePages({ since: SINCE }))).sort());
  });

  it('refuses bad options, foreign cursors and cursors with other filters before any request', async () => {
    const { sandbox, source } = await supplierAtWork();
    const [page] = await collect(source.orders.changePages({ since: SINCE, externalSource: 'bigcommerce-source' }));
    const shipmentsCursor = (await collect(source.shipments.pages({ since: SINCE })))[0]!.cursor;
    sandbox.clearRequests();
    const cases: Array<[unknown, RegExp]> = [
      [{}, /since: give since/],
      [{ since: '2026-11-26T10:00:00' }, /since:/],
      [{ since: SINCE, statusIds: [] }, /statusIds:/],
      [{ since: SINCE, externalSource: '' }, /externalSource:/],
      [{ since: SINCE, pageSize: 251 }, /pageSize:/],
      [{ cursor: 'not-a-cursor' }, /cursor: expected a cursor from a page of orders.changes/],
      [{ cursor: shipmentsCursor }, /cursor: expected a cursor from a page of orders.changes/],
      [{ cursor: page!.cursor, externalSource: 'ERP (Acme)' }, /made with other statusIds or externalSource/],
      [{ cursor: page!.cursor, statusIds: [5] }, /made with other statusIds or externalSource/],
      [{ since: SINCE, surprise: 1 }, /Unrecognized key/],
    ];
    for (const [options, message] of cases) {
      const error = await collect(source.orders.changePages(options as never)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toMatch(message);
    }
    expect(sandbox.requests).toHaveLength(0);
    // The order-changes cursor is no shipments cursor either.
    await expect(collect(source.shipments.pages({ cursor: page!.cursor }))).rejects.toThrow(/expected a cursor from a page of shipments/);
  });
});
