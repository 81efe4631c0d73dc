import { describe, expect, it } from 'vitest';
import { ConnectionError, PurchaseOrderConflictError, type PurchaseOrder, type SentOrder } from '../../src/index';
import { createSandboxStore, type SandboxStore } from '../../src/testing/index';
import { CATALOG, purchaseOrder, requestLines, sourceFor } from '../operations/orders/fixtures';

const POS: PurchaseOrder[] = Array.from({ length: 50 }, (_, index) => purchaseOrder({ poNumber: `PO-${index + 1}` }));

function store(latencyMs = 2): SandboxStore {
  return createSandboxStore({ products: CATALOG, latencyMs });
}

/**
 * A fetch over the sandbox whose store commits each order `afterMs` after it arrives, whatever the
 * client does, and never answers the create: the client's own deadline ends each attempt.
 */
function committingLate(sandbox: SandboxStore, afterMs: number): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (request.method !== 'POST' || !request.url.endsWith('/v2/orders')) return sandbox.fetch(input, init);
    const body = await request.text();
    setTimeout(() => void sandbox.fetch(request.url, { method: 'POST', headers: request.headers, body }), afterMs);
    return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason), { once: true }));
  };
}

/** Orders per PO number in the store. */
function ordersPerPo(sandbox: SandboxStore): Map<string, number> {
  const counts = new Map<string, number>();
  for (const order of sandbox.orders.all()) counts.set(order.external_order_id ?? '', (counts.get(order.external_order_id ?? '') ?? 0) + 1);
  return counts;
}

describe('one order per PO within a process', () => {
  it('two sources on one store send the same 50 POs at once: 50 orders, and one created: true per PO', async () => {
    const sandbox = store();
    const [first, second] = [sourceFor(sandbox), sourceFor(sandbox)];
    const results = await Promise.all(POS.flatMap((po) => [first.orders.send(po), second.orders.send(po)]));
    expect(sandbox.orders.size).toBe(50);
    expect([...ordersPerPo(sandbox).values()].every((count) => count === 1)).toBe(true);
    for (let index = 0; index < results.length; index += 2) {
      const pair = [results[index]!, results[index + 1]!];
      expect(pair.map((result) => result.created).sort()).toEqual([false, true]);
      expect(pair[0]!.orderId).toBe(pair[1]!.orderId);
    }
    expect(requestLines(sandbox).filter((line) => line === 'POST /v2/orders')).toHaveLength(50);
  });

  it('sendMany with the same PO twice: the second copy reports created: false', async () => {
    const sandbox = store();
    const results = [];
    for await (const result of sourceFor(sandbox).orders.sendMany([POS[0]!, POS[1]!, POS[0]!])) results.push(result);
    expect(results.map((result) => result.ok && [result.poNumber, result.order.created])).toEqual([
      ['PO-1', true],
      ['PO-2', true],
      ['PO-1', false],
    ]);
    expect(sandbox.orders.size).toBe(2);
  });

  it('a second send of the PO with other content is refused with PurchaseOrderConflictError naming what differs', async () => {
    const sandbox = store(20);
    const source = sourceFor(sandbox);
    const running = source.orders.send(POS[0]!);
    const other = await source.orders
      .send({ ...POS[0]!, items: [{ sku: 'MUG-1', quantity: 9 }] }, { statusId: 1 })
      .catch((caught: unknown) => caught);
    expect(other).toBeInstanceOf(PurchaseOrderConflictError);
    expect(other).toMatchObject({ poNumber: 'PO-1', differences: ['items', 'options.statusId'] });
    await expect(running).resolves.toMatchObject({ created: true });
    expect(sandbox.orders.size).toBe(1);
    expect(sandbox.orders.all().next().value!.products[0]!.quantity).toBe(2);
  });

  it("a joiner's abort detaches the joiner only; the first send goes on", async () => {
    const sandbox = store(20);
    const source = sourceFor(sandbox);
    const first = source.orders.send(POS[0]!);
    const controller = new AbortController();
    const joiner = source.orders.send(POS[0]!, { signal: controller.signal }).catch((caught: unknown) => caught);
    const reason = new Error('joiner gave up');
    controller.abort(reason);
    expect(await joiner).toBe(reason);
    await expect(first).resolves.toMatchObject({ created: true });
    expect(sandbox.orders.size).toBe(1);
  });

  it("the first caller's abort leaves the send to the joiners: the one still waiting reports created: true", async () => {
    const sandbox = store(20);
    const source = sourceFor(sandbox);
    const controller = new AbortController();
    const first = source.orders.send(POS[0]!, { signal: controller.signal }).catch((caught: unknown) => caught);
    const joiner = source.orders.send(POS[0]!);
    controller.abort(new Error('first gave up'));
    expect(await first).toMatchObject({ message: 'first gave up' });
    await expect(joiner).resolves.toMatchObject({ created: true, poNumber: 'PO-1' });
    expect(sandbox.orders.size).toBe(1);
  });

  it('a send started while an abandoned send of the PO winds down waits for it, then finds its order', async () => {
    const sandbox = store();
    // The store takes the POST and answers it 100 ms later, whatever the client's signal says.
    let posted = false;
    const slowCreate: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method !== 'POST' || !request.url.endsWith('/v2/orders')) return sandbox.fetch(input, init);
      const body = await request.text();
      posted = true;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return sandbox.fetch(request.url, { method: 'POST', headers: request.headers, body });
    };
    const source = sourceFor(sandbox, { fetch: slowCreate });
    const controller = new AbortController();
    const abandoned = source.orders.send(POS[0]!, { signal: controller.signal }).catch((caught: unknown) => caught);
    while (!posted) await new Promise((resolve) => setTimeout(resolve, 2));
    controller.abort(new Error('caller gave up'));
    // Detached: the abandoned send is told to stop, while its POST is still at the store.
    expect(await abandoned).toMatchObject({ message: 'caller gave up' });
    const next = await source.orders.send(POS[0]!);
    expect(sandbox.orders.size).toBe(1);
    expect(next).toMatchObject({ created: false, poNumber: 'PO-1' });
    expect(requestLines(sandbox).filter((line) => line === 'POST /v2/orders')).toHaveLength(1);
  });
});

describe('an unknown outcome is settled by lookups before anything is sent again', () => {
  it('commits slower than timeoutMs: 0 duplicates for 50 POs, each found again (recovered: true)', async () => {
    const sandbox = store(0);
    const slowCommits = committingLate(sandbox, 150);
    const source = sourceFor(sandbox, { fetch: slowCommits, timeoutMs: 100 });
    const results: SentOrder[] = await Promise.all(POS.map((po) => source.orders.send(po, { settleMs: 2_000 })));
    expect(sandbox.orders.size).toBe(50);
    expect([...ordersPerPo(sandbox).values()].every((count) => count === 1)).toBe(true);
    expect(results.every((result) => result.recovered && !result.created)).toBe(true);
  });

  it('without a settle window, the same slow commits would be sent again (what the window prevents)', async () => {
    const sandbox = store(0);
    const slowCommits = committingLate(sandbox, 150);
    const source = sourceFor(sandbox, { fetch: slowCommits, timeoutMs: 100 });
    await Promise.allSettled(POS.slice(0, 5).map((po) => source.orders.send(po, { settleMs: 0 })));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sandbox.orders.size).toBeGreaterThan(5);
  });

  it('a POST that fetch refused before sending (a bad port) is not looked up and not sent again', async () => {
    const sandbox = store(0);
    const refusing: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'POST' && request.url.endsWith('/v2/orders')) throw new TypeError('fetch failed', { cause: new Error('bad port') });
      return sandbox.fetch(input, init);
    };
    const error = await sourceFor(sandbox, { fetch: refusing })
      .orders.send(POS[0]!)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    const lines = requestLines(sandbox);
    // The idempotency lookup and the SKU lookups before the POST; nothing after it.
    expect(lines.filter((line) => line === 'GET /v2/orders')).toHaveLength(1);
    expect(sandbox.orders.size).toBe(0);
  });
});

describe('across processes (separate registries): the window that remains', () => {
  /** A source whose fetch is its own function: as another process, it shares no registry. */
  const processOn = (sandbox: SandboxStore) => sourceFor(sandbox, { fetch: (input, init) => sandbox.fetch(input, init) });

  it('two processes sending one PO at once make two orders; one starting after the first POST committed finds the order', async () => {
    const sandbox = store(5);
    await Promise.all([processOn(sandbox).orders.send(POS[0]!), processOn(sandbox).orders.send(POS[0]!)]);
    expect(ordersPerPo(sandbox).get('PO-1')).toBe(2);

    const after = await processOn(sandbox).orders.send(POS[1]!);
    const late = await processOn(sandbox).orders.send(POS[1]!);
    expect([after.created, late.created]).toEqual([true, false]);
    expect(ordersPerPo(sandbox).get('PO-2')).toBe(1);
  });
});
