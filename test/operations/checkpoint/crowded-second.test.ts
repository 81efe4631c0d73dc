import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResponseValidationError, resumeCursorOf, type BigCommerceSource, type OrderChangePage, type OrderSnapshot, type Shipment, type ShipmentPage } from '../../../src/index';
import type { SandboxQuirks, SandboxStore } from '../../../src/testing/index';
import { sourceFor } from '../../helpers/sandbox-source';
import { sendOrders, setup } from '../shipments/fixtures';

// More orders than fit on a page share one modification second, and the store changes while the
// engine reads that second: whichever request the change lands before, and whichever reading of the
// date and id filters the store has, no order is skipped.

const SINCE = '2026-11-26T10:00:00Z';
const CROWDED = '2026-11-26T11:00:00Z';
const LATER = '2026-11-26T11:00:01Z';
const PAGE_SIZE = 3;
/** Enough to land a change before every list request a run makes. */
const MAX_LIST_REQUESTS = 14;

const CONFIGS: Array<[string, SandboxQuirks]> = [
  ['the default sandbox (inclusive bounds)', {}],
  ['an exclusive min_date_modified', { minDateModifiedExclusive: true }],
  ['exclusive date and id bounds', { minDateModifiedExclusive: true, maxDateModifiedExclusive: true, minIdExclusive: true }],
];

afterEach(() => {
  vi.useRealTimers();
});

/**
 * Seven POs sent at 10:00, each partly shipped in the second 11:00:00 (Partially Shipped), so the
 * checkpoint meets a second holding more than a page. `onList(n)` runs as the n-th `GET /v2/orders` of the run arrives, before
 * the store answers it.
 */
async function crowdedStore(quirks: SandboxQuirks, extraOrders: string[] = []) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(SINCE));
  const hook: { onList?: ((n: number) => void) | undefined; lists: number } = { lists: 0 };
  const { sandbox, source } = setup({
    quirks,
    latencyMs: (request) => {
      if (request.method === 'GET' && request.path === '/v2/orders' && hook.onList) hook.onList((hook.lists += 1));
      return 0;
    },
  });
  const extra = await sendOrders(source, extraOrders);
  const ids = await sendOrders(source, ['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  vi.setSystemTime(new Date(CROWDED));
  for (const id of ids) sandbox.shipOrder(id, { items: [{ sku: 'MUG-1', quantity: 1 }], trackingNumber: `T${id}` });
  return { sandbox, source, ids, extra, hook };
}

async function collect<P>(iterable: AsyncIterable<P>): Promise<P[]> {
  const pages: P[] = [];
  for await (const page of iterable) pages.push(page);
  return pages;
}

const shipmentIds = (pages: readonly ShipmentPage[]) => pages.flatMap((page) => page.items.map((shipment: Shipment) => shipment.id));
const changeLines = (pages: readonly OrderChangePage[]) =>
  pages.flatMap((page) => page.items.map((order: OrderSnapshot) => `${order.poNumber} ${order.status} @${order.dateModified.slice(11, 19)}`));
const allShipments = (sandbox: SandboxStore, orderIds: readonly number[]) => orderIds.flatMap((id) => sandbox.shipments.ofOrder(id).map((shipment) => shipment.id));
const count = <T>(list: readonly T[], value: T) => list.filter((item) => item === value).length;
const sorted = (list: readonly number[]) => [...list].sort((a, b) => a - b);

/** Runs `read` with order A (the first of the crowded second) moved to 11:00:01 as the n-th list request arrives. */
async function withAMovedAt<P>(quirks: SandboxQuirks, moveAt: number, read: (source: BigCommerceSource) => AsyncIterable<P>) {
  const store = await crowdedStore(quirks);
  store.hook.onList = (n) => {
    if (n !== moveAt) return;
    vi.setSystemTime(new Date(LATER));
    store.sandbox.setOrderStatus(store.ids[0]!, 10); // Completed: still a status that carries shipments
  };
  const pages = await collect(read(store.source));
  store.hook.onList = undefined;
  return { ...store, pages };
}

describe.each(CONFIGS)('a crowded second under %s', (_label, quirks) => {
  it('shipments: every shipment exactly once, wherever an earlier order of the second moves to a later second', async () => {
    for (let moveAt = 1; moveAt <= MAX_LIST_REQUESTS; moveAt += 1) {
      const { sandbox, source, ids, pages } = await withAMovedAt(quirks, moveAt, (reader) => reader.shipments.pages({ since: SINCE, pageSize: PAGE_SIZE }));
      const all = allShipments(sandbox, ids);
      expect(sorted(shipmentIds(pages)), `A moved at list request ${moveAt}`).toEqual(sorted(all));

      // Resumed from every page's cursor: nothing missed, and nothing twice but A's shipment,
      // whose order changed after the cursor (a changed order's shipments come again: upsert by id).
      for (const [index, page] of pages.entries()) {
        const before = shipmentIds(pages.slice(0, index + 1));
        const after = shipmentIds(await collect(source.shipments.pages({ cursor: page.cursor, pageSize: PAGE_SIZE })));
        const both = [...before, ...after];
        for (const id of all) {
          const expected = id === sandbox.shipments.ofOrder(ids[0]!)[0]!.id ? [1, 2] : [1];
          expect(expected, `A moved at list request ${moveAt}, resumed after page ${index + 1}: shipment ${id}`).toContain(count(both, id));
        }
        expect(new Set(after).size).toBe(after.length);
      }
    }
  });

  it('orders.changes: every modification exactly once, also resumed from every cursor, wherever an earlier order of the second moves', async () => {
    for (let moveAt = 1; moveAt <= MAX_LIST_REQUESTS; moveAt += 1) {
      const { sandbox, source, ids, pages } = await withAMovedAt(quirks, moveAt, (reader) => reader.orders.changePages({ since: SINCE, pageSize: PAGE_SIZE }));
      const moved = sandbox.orders.get(ids[0]!)!.status_id === 10;
      const finalLines = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((po) => (po === 'A' && moved ? 'A completed @11:00:01' : `${po} partially-shipped @11:00:00`));
      const lines = changeLines(pages);
      expect(new Set(lines).size, `A moved at list request ${moveAt}: ${lines.join(', ')}`).toBe(lines.length);
      expect(lines.filter((line) => line !== 'A partially-shipped @11:00:00').sort(), `A moved at list request ${moveAt}`).toEqual(finalLines.filter((line) => line !== 'A partially-shipped @11:00:00').sort());

      for (const [index, page] of pages.entries()) {
        const both = [...changeLines(pages.slice(0, index + 1)), ...changeLines(await collect(source.orders.changePages({ cursor: page.cursor, pageSize: PAGE_SIZE })))];
        const where = `A moved at list request ${moveAt}, resumed after page ${index + 1}`;
        expect(new Set(both).size, `${where}: ${both.join(', ')}`).toBe(both.length);
        for (const line of finalLines) expect(both, where).toContain(line);
      }
    }
  });

  it('shipments: what happens in the second while it is still the store’s present second is read in the same run', async () => {
    for (let joinAt = 1; joinAt <= MAX_LIST_REQUESTS; joinAt += 1) {
      // While the run reads the crowded second, still in it: Z (sent first, the lowest id) ships,
      // and B ships the rest of its lines (its date stays where it was). Then the store's clock
      // moves on and G changes in the next second.
      const { sandbox, source, ids, extra, hook } = await crowdedStore(quirks, ['Z']);
      hook.onList = (n) => {
        if (n === joinAt) {
          sandbox.shipOrder(extra[0]!, { trackingNumber: 'JOINED' });
          sandbox.shipOrder(ids[1]!, { trackingNumber: 'REST' });
        }
        if (n === joinAt + 1) {
          vi.setSystemTime(new Date(LATER));
          sandbox.setOrderStatus(ids[6]!, 10);
        }
      };
      const pages = await collect(source.shipments.pages({ since: SINCE, pageSize: PAGE_SIZE }));
      hook.onList = undefined;
      const all = allShipments(sandbox, [...extra, ...ids]);
      const got = shipmentIds(pages);
      if (sandbox.orders.get(ids[6]!)!.status_id === 10) {
        // The store moved on during the run: the run itself must have read Z.
        expect(sorted(got), `Z joined at list request ${joinAt}`).toEqual(sorted(all));
      } else {
        // The run ended while the second was still the present: the next run reads it again.
        const next = shipmentIds(await collect(source.shipments.pages({ cursor: pages.at(-1)!.cursor, pageSize: PAGE_SIZE })));
        expect(new Set(got).size).toBe(got.length);
        expect(sorted([...new Set([...got, ...next])]), `Z joined at list request ${joinAt}`).toEqual(sorted(all));
      }
    }
  });
});

/** The `GET /v2/orders` queries the sandbox saw, each as its `name=value` pairs in order. */
const listQueries = (sandbox: SandboxStore) =>
  sandbox.requests.filter((request) => request.path === '/v2/orders').map((request) => [...request.query.entries()].map(([name, value]) => `${name}=${value}`).join(' '));
const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('a crowded second that is over: the requests', () => {
  /** The crowded second of `crowdedStore`, with G changed at 11:00:05: the second is over. */
  async function overStore(quirks: SandboxQuirks) {
    const store = await crowdedStore(quirks);
    vi.setSystemTime(new Date('2026-11-26T11:00:05Z'));
    store.sandbox.setOrderStatus(store.ids[6]!, 10);
    store.sandbox.clearRequests();
    return store;
  }
  const byDate = (since: string) => `min_date_modified=${since} sort=date_modified:asc page=1 limit=3`;
  const latest = 'sort=date_modified:desc limit=1';
  const byId = (from: string, to: string, minId?: number) =>
    `min_date_modified=${from} max_date_modified=${to} sort=id:asc${minId === undefined ? '' : ` min_id=${minId}`} limit=3`;

  it('lists the second by id between bounds one second either side, then reads on after it (inclusive bounds list the second again once)', async () => {
    const { sandbox, source, ids } = await overStore({});
    const pages = await collect(source.shipments.pages({ since: SINCE, pageSize: PAGE_SIZE }));
    expect(sorted(shipmentIds(pages))).toEqual(sorted(allShipments(sandbox, ids)));
    const [, , c, , e] = ids as [number, number, number, number, number];
    expect(listQueries(sandbox)).toEqual([
      byDate('2026-11-26T09:59:59Z'),
      byDate('2026-11-26T10:59:59Z'), // a whole page in 11:00:00
      latest, // the store's latest change is later: the second is over
      byId('2026-11-26T10:59:59Z', '2026-11-26T11:00:01Z'),
      byId('2026-11-26T10:59:59Z', '2026-11-26T11:00:01Z', c),
      byId('2026-11-26T10:59:59Z', '2026-11-26T11:00:01Z', e),
      // An inclusive min_date_modified lists 11:00:00 again first, a whole page of it: 11:00:01 is read by id too.
      byDate('2026-11-26T11:00:00Z'),
      latest,
      byId('2026-11-26T11:00:00Z', '2026-11-26T11:00:02Z'),
      byId('2026-11-26T11:00:00Z', '2026-11-26T11:00:02Z', c),
      byId('2026-11-26T11:00:00Z', '2026-11-26T11:00:02Z', e),
      byDate('2026-11-26T11:00:01Z'),
    ]);
    // Pages read by id carry the last id; the one that ends the second moves on to the next.
    expect(pages.map((page) => [decode(page.cursor).since, decode(page.cursor).afterId])).toEqual([
      ['2026-11-26T11:00:00Z', undefined],
      ['2026-11-26T11:00:00Z', undefined],
      ['2026-11-26T11:00:00Z', c],
      ['2026-11-26T11:00:00Z', e],
      ['2026-11-26T11:00:01Z', undefined],
      ['2026-11-26T11:00:01Z', undefined],
      ['2026-11-26T11:00:01Z', c],
      ['2026-11-26T11:00:01Z', e],
      ['2026-11-26T11:00:02Z', undefined],
      ['2026-11-26T11:00:05Z', undefined],
    ]);
  });

  it('under exclusive bounds lists only the second, and needs no second look at it', async () => {
    const { sandbox, source, ids } = await overStore({ minDateModifiedExclusive: true, maxDateModifiedExclusive: true, minIdExclusive: true });
    const pages = await collect(source.shipments.pages({ since: SINCE, pageSize: PAGE_SIZE }));
    expect(sorted(shipmentIds(pages))).toEqual(sorted(allShipments(sandbox, ids)));
    const [, , c, , , f] = ids as [number, number, number, number, number, number];
    expect(listQueries(sandbox)).toEqual([
      byDate('2026-11-26T09:59:59Z'),
      byDate('2026-11-26T10:59:59Z'),
      latest,
      byId('2026-11-26T10:59:59Z', '2026-11-26T11:00:01Z'),
      byId('2026-11-26T10:59:59Z', '2026-11-26T11:00:01Z', c),
      byId('2026-11-26T10:59:59Z', '2026-11-26T11:00:01Z', f),
      byDate('2026-11-26T11:00:00Z'),
    ]);
  });

  it('resumes from a cursor taken inside the second by id with the id request after its last id', async () => {
    const { sandbox, source, ids } = await overStore({});
    const pages = await collect(source.shipments.pages({ since: SINCE, pageSize: PAGE_SIZE }));
    const inside = pages.find((page) => decode(page.cursor).afterId !== undefined)!;
    sandbox.clearRequests();
    const rest = await collect(source.shipments.pages({ cursor: inside.cursor, pageSize: PAGE_SIZE }));
    expect(listQueries(sandbox)[0]).toBe(byId('2026-11-26T10:59:59Z', '2026-11-26T11:00:01Z', ids[2]));
    const before = shipmentIds(pages.slice(0, pages.indexOf(inside) + 1));
    expect(sorted([...before, ...shipmentIds(rest)])).toEqual(sorted(allShipments(sandbox, ids)));
  });

  it('asks for two orders per id request when pageSize is 1, so a store that lists min_id itself again still moves on', async () => {
    const { sandbox, source, ids } = await overStore({});
    const shipments = [];
    for await (const shipment of source.shipments.list({ since: SINCE, pageSize: 1 })) shipments.push(shipment.id);
    expect(sorted(shipments)).toEqual(sorted(allShipments(sandbox, ids)));
    const idRequests = sandbox.requests.filter((request) => request.path === '/v2/orders' && request.query.get('sort') === 'id:asc');
    expect(idRequests.length).toBeGreaterThan(0);
    expect(new Set(idRequests.map((request) => request.query.get('limit')))).toEqual(new Set(['2']));
  });

  it('ends with a ResponseValidationError carrying the cursor, not an endless loop, on a store that ignores min_id', async () => {
    const { sandbox, ids } = await overStore({});
    const ignoringMinId: typeof fetch = (input, init) => {
      const url = new URL(String(input));
      url.searchParams.delete('min_id');
      return sandbox.fetch(url.toString(), init);
    };
    const source = sourceFor(sandbox, { fetch: ignoringMinId });
    const got: number[] = [];
    const error = await (async () => {
      for await (const page of source.shipments.pages({ since: SINCE, pageSize: PAGE_SIZE })) got.push(...shipmentIds([page]));
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toMatch(/min_id=\d+.*a full page without one/);
    expect(resumeCursorOf(error)).toBeDefined();
    expect(got.length).toBeLessThan(allShipments(sandbox, ids).length);
  });
});
