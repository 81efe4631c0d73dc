import { afterEach, expect, it, vi } from 'vitest';
import type { SandboxQuirks } from '../../src/testing/index';
import { sendOrders, setup } from '../operations/shipments/fixtures';
import { describeWithSpecs, operation, responseValidator } from '../helpers/openapi';
import { get } from '../testing/sandbox-fixtures';

// GET /v2/orders as orders.v2.oas2.yml declares it: the filters the checkpoint engine sends
// (min_date_modified, max_date_modified, min_id, sort, page, limit) are the spec's, and the sandbox
// answers each as the spec describes it.

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly schema?: { readonly type?: string; readonly enum?: readonly string[] };
}

async function listParameters(): Promise<Map<string, Parameter>> {
  const found = (await operation('orders.v2', 'get', '/orders')) as { parameters?: readonly Parameter[] };
  return new Map((found.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => [parameter.name, parameter]));
}

afterEach(() => {
  vi.useRealTimers();
});

/** Seven orders modified in one second, one later: a crowded second that is over. */
async function crowded(quirks: SandboxQuirks) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-26T10:00:00Z'));
  const { sandbox, source } = setup({ quirks });
  const ids = await sendOrders(source, ['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  vi.setSystemTime(new Date('2026-11-26T11:00:00Z'));
  for (const id of ids) sandbox.shipOrder(id);
  vi.setSystemTime(new Date('2026-11-26T11:00:05Z'));
  sandbox.setOrderStatus(ids[6]!, 10);
  sandbox.clearRequests();
  return { sandbox, source, ids };
}

describeWithSpecs('GET /v2/orders filters, as orders.v2.oas2.yml declares them', () => {
  it.each<[string, SandboxQuirks]>([
    ['inclusive bounds', {}],
    ['exclusive bounds', { minDateModifiedExclusive: true, maxDateModifiedExclusive: true, minIdExclusive: true }],
  ])('the checkpoint engine sends only declared filters, in the declared forms, and the answers match order_Resp (%s)', async (_label, quirks) => {
    const parameters = await listParameters();
    const validate = await responseValidator('orders.v2', 'get', '/orders', 200);
    const { sandbox, source } = await crowded(quirks);
    for await (const page of source.shipments.pages({ since: '2026-11-26T10:00:00Z', pageSize: 3 })) void page;
    for await (const page of source.orders.changePages({ since: '2026-11-26T10:00:00Z', pageSize: 3 })) void page;
    const lists = sandbox.requests.filter((request) => request.method === 'GET' && request.path === '/v2/orders');
    const sent = new Set(lists.flatMap((request) => [...request.query.keys()]));
    // The crowded second made the engine use every filter it has.
    expect([...sent].sort()).toEqual(['limit', 'max_date_modified', 'min_date_modified', 'min_id', 'page', 'sort']);
    for (const name of sent) expect(parameters.has(name), `${name} is a declared query parameter of getOrders`).toBe(true);
    const sortFields = parameters.get('sort')!.schema!.enum!;
    for (const request of lists) {
      const query = request.query;
      // "To specify the direction, add :asc or :desc to the end of the query parameter."
      const [field, direction] = query.get('sort')!.split(':');
      expect(sortFields).toContain(field);
      expect(['asc', 'desc']).toContain(direction);
      // Dates "in RFC-2822 or ISO-8601": the engine sends ISO 8601 in UTC, whole seconds.
      for (const name of ['min_date_modified', 'max_date_modified']) {
        const value = query.get(name);
        if (value !== null) expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      }
      for (const name of ['min_id', 'limit', 'page']) {
        const value = query.get(name);
        if (value !== null) expect(Number.isInteger(Number(value)), `${name}=${value}`).toBe(true);
      }
    }
    // And the sandbox's answers to those requests are order_Resp arrays.
    const answer = await get(sandbox, '/v2/orders?min_date_modified=2026-11-26T10:59:59Z&max_date_modified=2026-11-26T11:00:01Z&sort=id:asc&min_id=1&limit=3');
    expect(validate(await answer.json())).toEqual([]);
  });

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
