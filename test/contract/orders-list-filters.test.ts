import { afterEach, expect, it, vi } from 'vitest';
import type { SandboxQuirks } from '../../src/testing/index';
import { sendOrders, setup } from '../operations/shipments/fixtures';
import { describeWithSpecs } from '../helpers/openapi';
import { get } from '../testing/sandbox-fixtures';

// GET /v2/orders as orders.v2.oas2.yml declares it: the sandbox answers min_id, max_date_modified
// and sort as the spec describes them, and plays the other reading of each bound it leaves open.

afterEach(() => {
  vi.useRealTimers();
});

describeWithSpecs('GET /v2/orders filters, as orders.v2.oas2.yml declares them', () => {
  /** A, B and C sent at 10:00; A changed at 11:00, so it is the last modified. */
  async function threeOrders(quirks: SandboxQuirks = {}) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-26T10:00:00Z'));
    const { sandbox, source } = setup({ quirks });
    const ids = (await sendOrders(source, ['A', 'B', 'C'])) as [number, number, number];
    vi.setSystemTime(new Date('2026-11-26T11:00:00Z'));
    sandbox.setOrderStatus(ids[0], 5);
    const listed = async (query: string) => {
      const response = await get(sandbox, `/v2/orders?${query}`);
      return response.status === 204 ? [] : ((await response.json()) as Array<{ id: number }>).map((order) => order.id);
    };
    return { sandbox, ids, listed };
  }

  it('the sandbox answers min_id ("the minimum order ID"), max_date_modified ("maximum date the order was modified", RFC 2822 or ISO 8601) and sort as the spec says', async () => {
    const { sandbox, ids, listed } = await threeOrders();
    const [a, b, c] = ids;
    expect(await listed(`min_id=${b}`)).toEqual([b, c]);
    expect(await listed('max_date_modified=2026-11-26T10:00:00Z')).toEqual([b, c]);
    expect(await listed(`max_date_modified=${encodeURIComponent('Thu, 26 Nov 2026 05:00:00 -0500')}`)).toEqual([b, c]);
    expect(await listed(`max_date_modified=${encodeURIComponent('2026-11-26T06:00:00.000-04:00')}`)).toEqual([b, c]);
    expect(await listed('max_date_modified=2026-11-26T09:59:59Z')).toEqual([]);
    expect(await listed('sort=id:asc')).toEqual([a, b, c]);
    expect(await listed('sort=id:desc')).toEqual([c, b, a]);
    expect(await listed('sort=date_modified:desc&limit=1')).toEqual([a]);
    expect(await listed('sort=date_modified:asc')).toEqual([b, c, a]);
    // "The default sort is by order id, from lowest to highest."
    expect(await listed('min_date_modified=2026-11-26T09:00:00Z')).toEqual([a, b, c]);
    expect((await get(sandbox, '/v2/orders?min_id=abc')).status).toBe(400);
    expect((await get(sandbox, '/v2/orders?max_date_modified=soon')).status).toBe(400);
  });

  it('the sandbox plays the other reading of each bound the spec leaves open', async () => {
    const { ids, listed } = await threeOrders({ minDateModifiedExclusive: true, maxDateModifiedExclusive: true, minIdExclusive: true });
    const [a, b, c] = ids;
    expect(await listed(`min_id=${b}`)).toEqual([c]);
    expect(await listed('max_date_modified=2026-11-26T10:00:00Z')).toEqual([]);
    expect(await listed('max_date_modified=2026-11-26T10:00:01Z')).toEqual([b, c]);
    expect(await listed('min_date_modified=2026-11-26T11:00:00Z')).toEqual([]);
    expect(await listed('min_date_modified=2026-11-26T10:59:59Z')).toEqual([a]);
  });
});
