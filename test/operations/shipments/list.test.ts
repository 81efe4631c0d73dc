import { afterEach, describe, expect, it, vi } from 'vitest';
import { isBigCommerceError, ServerError, ValidationError, type Shipment } from '../../../src/index';
import { requestLines, sendOrders, setup } from './fixtures';

const SINCE = '2026-11-26T10:00:00Z';

afterEach(() => {
  vi.useRealTimers();
});

/** Moves the store's clock (Date only; timers stay real). */
function clockAt(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

async function collect(iterable: AsyncIterable<{ items: Shipment[]; cursor: string }>, stopAfter = Infinity) {
  const pages: Array<{ items: Shipment[]; cursor: string }> = [];
  for await (const page of iterable) {
    pages.push(page);
    if (pages.length >= stopAfter) break;
  }
  return pages;
}

const ids = (pages: Array<{ items: Shipment[] }>) => pages.flatMap((page) => page.items.map((shipment) => shipment.id));

describe('shipments.list and pages', () => {
  it('reads every shipment once across pages, costing one list request per page and two per shipped order', async () => {
    clockAt(SINCE);
    const { sandbox, source } = setup();
    const orderIds = await sendOrders(source, ['PO-1', 'PO-2', 'PO-3', 'PO-4', 'PO-5', 'PO-6', 'PO-7']);
    const shipped: number[] = [];
    orderIds.forEach((orderId, index) => {
      vi.setSystemTime(new Date(Date.parse(SINCE) + (index + 1) * 60_000));
      if (index === 3) return; // PO-4 is never shipped
      shipped.push(sandbox.shipOrder(orderId, { items: [{ sku: 'MUG-1', quantity: 1 }], trackingNumber: `T${index}` }).id);
      if (index % 2 === 0) shipped.push(sandbox.shipOrder(orderId, { trackingNumber: `U${index}` }).id);
    });
    sandbox.clearRequests();

    const pages = await collect(source.shipments.pages({ since: SINCE, pageSize: 3 }));

    expect(ids(pages).sort((a, b) => a - b)).toEqual([...shipped].sort((a, b) => a - b));
    // PO-4 was never shipped, so it was last modified when created (10:00) and sorts first.
    expect(pages.map((page) => page.items.map((shipment) => shipment.poNumber))).toEqual([
      ['PO-1', 'PO-1', 'PO-2'],
      ['PO-3', 'PO-3', 'PO-5', 'PO-5'],
      ['PO-6', 'PO-7', 'PO-7'],
      [],
    ]);
    // The order list is read by checkpoint (min_date_modified, one second before it, so an
    // exclusive filter loses nothing), not by page number; the order at the checkpoint is listed
    // again but its shipments are not fetched again.
    const lists = sandbox.requests.filter((request) => request.path === '/v2/orders');
    expect(lists.map((request) => [request.query.get('min_date_modified'), request.query.get('page'), request.query.get('sort')])).toEqual([
      ['2026-11-26T09:59:59Z', '1', 'date_modified:asc'],
      ['2026-11-26T10:01:59Z', '1', 'date_modified:asc'],
      ['2026-11-26T10:04:59Z', '1', 'date_modified:asc'],
      ['2026-11-26T10:06:59Z', '1', 'date_modified:asc'],
    ]);
    // The unshipped order (Awaiting Fulfillment) is filtered out by status and costs nothing.
    const perOrder = requestLines(sandbox).filter((line) => line !== 'GET /v2/orders');
    expect(perOrder).toHaveLength(6 * 2);
  });

  it('resumes from every page cursor: nothing missed, nothing twice, also for orders in the checkpoint second', async () => {
    clockAt(SINCE);
    const { sandbox, source } = setup();
    const orderIds = await sendOrders(source, ['A', 'B', 'C', 'D', 'E', 'F']);
    // Every order ships in the same second: the checkpoint second is shared by all of them.
    vi.setSystemTime(new Date('2026-11-26T11:00:00Z'));
    for (const orderId of orderIds) sandbox.shipOrder(orderId, { trackingNumber: `T${orderId}` });
    const everything = ids(await collect(source.shipments.pages({ since: SINCE, pageSize: 4 })));
    expect(everything).toHaveLength(6);

    const full = await collect(source.shipments.pages({ since: SINCE, pageSize: 4 }));
    for (const [index, page] of full.entries()) {
      const before = ids(full.slice(0, index + 1));
      const after = ids(await collect(source.shipments.pages({ cursor: page.cursor, pageSize: 4 })));
      expect([...before, ...after].sort((a, b) => a - b)).toEqual([...everything].sort((a, b) => a - b));
    }

    // A shipment added in the checkpoint's own second after the cursor was taken is still found.
    const [firstPage] = full;
    const extraOrder = orderIds[0]!;
    sandbox.orders.get(extraOrder)!.products.forEach((line) => (line.quantity_shipped -= 1));
    const late = sandbox.shipOrder(extraOrder, { items: [{ sku: 'MUG-1', quantity: 1 }], trackingNumber: 'LATE' });
    const resumed = ids(await collect(source.shipments.pages({ cursor: firstPage!.cursor, pageSize: 4 })));
    expect(resumed).toContain(late.id);
    expect(resumed.filter((id) => ids([firstPage!]).includes(id))).toEqual([]);
  });

  it('reads an order modified during the run again, yielding only its new shipments', async () => {
    clockAt(SINCE);
    const { sandbox, source } = setup();
    const [first, second, third] = await sendOrders(source, ['A', 'B', 'C']);
    vi.setSystemTime(new Date('2026-11-26T10:10:00Z'));
    sandbox.shipOrder(first!, { items: [{ sku: 'MUG-1', quantity: 1 }] });
    vi.setSystemTime(new Date('2026-11-26T10:20:00Z'));
    sandbox.shipOrder(second!);
    sandbox.shipOrder(third!);

    const seen: number[] = [];
    let modified = false;
    for await (const page of source.shipments.pages({ since: SINCE, pageSize: 1 })) {
      seen.push(...page.items.map((shipment) => shipment.id));
      if (!modified) {
        modified = true;
        vi.setSystemTime(new Date('2026-11-26T10:30:00Z'));
        sandbox.shipOrder(first!); // the rest of order A, after the run passed it
      }
    }
    const all = [first!, second!, third!].flatMap((orderId) => sandbox.shipments.ofOrder(orderId).map((shipment) => shipment.id));
    expect([...seen].sort((a, b) => a - b)).toEqual(all.sort((a, b) => a - b));
  });

  it('reads an order again when it is shipped again in the very second the run read it (its date stays, its status moves)', async () => {
    clockAt(SINCE);
    let onList: (() => void) | undefined;
    const { sandbox, source } = setup({
      latencyMs: (request) => {
        if (request.path === '/v2/orders') onList?.();
        return 0;
      },
    });
    const [x, a, b, c] = await sendOrders(source, ['X', 'A', 'B', 'C']);
    vi.setSystemTime(new Date('2026-11-26T10:05:00Z'));
    sandbox.shipOrder(a!, { items: [{ sku: 'MUG-1', quantity: 1 }], trackingNumber: 'A-FIRST' });
    sandbox.shipOrder(b!, { trackingNumber: 'B' });
    let lists = 0;
    onList = () => {
      lists += 1;
      if (lists !== 2) return;
      // Between the first and the second page, still in 10:05:00: the rest of A ships. Then C, later.
      sandbox.shipOrder(a!, { trackingNumber: 'A-REST' });
      vi.setSystemTime(new Date('2026-11-26T10:06:00Z'));
      sandbox.shipOrder(c!, { trackingNumber: 'C' });
    };
    const pages = await collect(source.shipments.pages({ since: SINCE, pageSize: 3, statusIds: 'all' }));
    expect(sandbox.orders.get(x!)!.date_modified).toBe('Thu, 26 Nov 2026 10:00:00 +0000');
    expect(pages.flatMap((page) => page.items.map((shipment) => shipment.trackingNumber)).sort()).toEqual(['A-FIRST', 'A-REST', 'B', 'C']);
  });

  it('applies the status filter: default shipped statuses, or all', async () => {
    clockAt(SINCE);
    const { sandbox, source } = setup();
    const [cancelled, shipped] = await sendOrders(source, ['A', 'B']);
    vi.setSystemTime(new Date('2026-11-26T10:05:00Z'));
    sandbox.shipOrder(cancelled!);
    sandbox.shipOrder(shipped!);
    sandbox.orders.get(cancelled!)!.status_id = 5;
    const byDefault = await collect(source.shipments.pages({ since: SINCE }));
    expect(byDefault.flatMap((page) => page.items.map((shipment) => shipment.orderId))).toEqual([shipped]);
    const all = await collect(source.shipments.pages({ since: SINCE, statusIds: 'all' }));
    expect(all.flatMap((page) => page.items.map((shipment) => shipment.orderId))).toEqual([cancelled, shipped]);
    const onlyShipped = await collect(source.shipments.pages({ since: SINCE, statusIds: [2] }));
    expect(onlyShipped.flatMap((page) => page.items.map((shipment) => shipment.orderId))).toEqual([shipped]);
  });

  it('recovers from 429s, 5xx and dropped connections mid-run: every shipment exactly once', async () => {
    clockAt(SINCE);
    const { sandbox, source } = setup({}, { maxRetries: 4 });
    const orderIds = await sendOrders(source, ['A', 'B', 'C', 'D']);
    vi.setSystemTime(new Date('2026-11-26T10:05:00Z'));
    const expected = orderIds.map((orderId) => sandbox.shipOrder(orderId).id);
    vi.useRealTimers();
    sandbox.injectFault({ kind: 'status', status: 429, headers: { 'X-Rate-Limit-Time-Reset-Ms': '20' } }, { match: { path: '/v2/orders' } });
    sandbox.injectFault({ kind: 'status', status: 503 }, { match: { path: /\/shipments$/ } });
    sandbox.injectFault({ kind: 'drop' }, { match: { path: /\/products$/ } });
    sandbox.injectFault({ kind: 'status', status: 429 }, { match: { path: /\/shipments$/ } });
    const shipments: Shipment[] = [];
    for await (const shipment of source.shipments.list({ since: SINCE, pageSize: 2 })) shipments.push(shipment);
    expect(shipments.map((shipment) => shipment.id)).toEqual(expected);
  });

  it('attaches the last complete page cursor when retries run out, and resuming from it loses nothing', async () => {
    clockAt(SINCE);
    const { sandbox, source } = setup({}, { maxRetries: 0 });
    const orderIds = await sendOrders(source, ['A', 'B', 'C', 'D']);
    orderIds.forEach((orderId, index) => {
      vi.setSystemTime(new Date(Date.parse(SINCE) + (index + 1) * 60_000));
      sandbox.shipOrder(orderId);
    });
    const got: number[] = [];
    const cursors: string[] = [];
    sandbox.injectFault({ kind: 'status', status: 500 }, { match: { path: `/v2/orders/${orderIds[2]}/shipments` } });
    const error = await (async () => {
      for await (const page of source.shipments.pages({ since: SINCE, pageSize: 2 })) {
        got.push(...page.items.map((shipment) => shipment.id));
        cursors.push(page.cursor);
      }
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    expect(isBigCommerceError(error) && error.cursor).toBe(cursors.at(-1));
    const rest = ids(await collect(source.shipments.pages({ cursor: (error as ServerError).cursor! })));
    expect([...got, ...rest]).toEqual(orderIds.map((orderId) => sandbox.shipments.ofOrder(orderId)[0]!.id));
  });

  it('stops sending requests when the consumer breaks out', async () => {
    clockAt(SINCE);
    const { sandbox, source } = setup();
    const orderIds = await sendOrders(source, ['A', 'B', 'C', 'D']);
    vi.setSystemTime(new Date('2026-11-26T10:05:00Z'));
    for (const orderId of orderIds) sandbox.shipOrder(orderId);
    sandbox.clearRequests();
    for await (const shipment of source.shipments.list({ since: SINCE, pageSize: 1 })) {
      expect(shipment.orderId).toBe(orderIds[0]);
      break;
    }
    const count = sandbox.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sandbox.requests).toHaveLength(count);
    expect(requestLines(sandbox).filter((line) => line === 'GET /v2/orders')).toHaveLength(1);
  });

  it('rejects missing since, bad options and foreign cursors before any request', async () => {
    clockAt(SINCE);
    const { sandbox, source } = setup();
    await sendOrders(source, ['A']);
    const cases: Array<[unknown, RegExp]> = [
      [{}, /since: give since/],
      [{ since: 'yesterday' }, /since:/],
      [{ since: SINCE, pageSize: 251 }, /pageSize:/],
      [{ since: SINCE, statusIds: [] }, /statusIds:/],
      [{ cursor: 'not-a-cursor' }, /cursor: expected a cursor/],
      [{ since: SINCE, surprise: 1 }, /Unrecognized key/],
    ];
    for (const [options, message] of cases) {
      const error = await collect(source.shipments.pages(options as never)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toMatch(message);
    }
    const [page] = await collect(source.shipments.pages({ since: SINCE }));
    sandbox.clearRequests();
    await expect(collect(source.shipments.pages({ cursor: page!.cursor, statusIds: 'all' }))).rejects.toThrow(/made with other statusIds/);
    expect(sandbox.requests).toHaveLength(0);
  });
});
