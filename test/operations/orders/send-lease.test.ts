import { describe, expect, it } from 'vitest';
import { BigCommerceError, PurchaseOrderLeaseError, createMemoryGate, type PurchaseOrderLease, type RateGate } from '../../../src/index';
import { failureOf, purchaseOrder, requestLines, setup, sourceFor } from './fixtures';

/** A gate that grants slots like the in-memory one, with the lease steps given, logging what happens. */
function gateWith(lease: { take?: () => Promise<void>; confirm?: () => Promise<void> }, log: string[] = []): RateGate {
  const memory = createMemoryGate();
  return {
    acquire: async (store, options) => {
      const slot = await memory.acquire(store, options);
      log.push('slot');
      return slot;
    },
    pause: (store, waitMs, onThrottle) => memory.pause(store, waitMs, onThrottle),
    leasePurchaseOrder: async (): Promise<PurchaseOrderLease> => {
      await lease.take?.();
      return {
        confirm: async () => {
          log.push('confirm');
          await lease.confirm?.();
        },
        release: async () => undefined,
      };
    },
  };
}

describe('orders.send: the purchase order lease fails closed', () => {
  it('a gate that cannot grant the lease: PurchaseOrderLeaseError, nothing sent', async () => {
    const unreachable = new Error('connect ECONNREFUSED 127.0.0.1:6390');
    const { sandbox, source } = setup({}, { gate: gateWith({ take: () => Promise.reject(unreachable) }) });
    const error = await failureOf(source.orders.send(purchaseOrder()));
    expect(error).toBeInstanceOf(PurchaseOrderLeaseError);
    expect(error).toBeInstanceOf(BigCommerceError);
    expect(error).toMatchObject({ poNumber: 'PO-1001', phase: 'acquire', cause: unreachable });
    expect((error as Error).message).toBe(
      '[bigcommerce-source] The rate gate could not lease PO "PO-1001" (connect ECONNREFUSED 127.0.0.1:6390). Nothing was sent: without the lease another process could send the same PO. Send it again once the gate is reachable.',
    );
    expect(sandbox.requests).toHaveLength(0);
  });

  it('a lease lost before the create: PurchaseOrderLeaseError, the lookups ran but no order was posted', async () => {
    const lost = new Error('the lease expired');
    const { sandbox, source } = setup({}, { gate: gateWith({ confirm: () => Promise.reject(lost) }) });
    const error = await failureOf(source.orders.send(purchaseOrder()));
    expect(error).toMatchObject({ name: 'PurchaseOrderLeaseError', poNumber: 'PO-1001', phase: 'confirm', cause: lost });
    expect((error as Error).message).toContain('was lost before its order was created (the lease expired)');
    expect(requestLines(sandbox)).not.toContain('POST /v2/orders');
    expect(sandbox.orders.size).toBe(0);
  });

  it('a lease lost before the POST is sent again after a lost answer: the message says the earlier POST may still commit', async () => {
    const lost = new Error('the lease expired');
    let confirms = 0;
    const { sandbox, source } = setup({}, { gate: gateWith({ confirm: async () => { confirms += 1; if (confirms > 1) throw lost; } }) });
    // The first POST's answer is lost without an order; no lookup finds one within the settle window.
    sandbox.injectFault({ kind: 'drop' }, { match: { method: 'POST', path: '/v2/orders' } });
    const error = await failureOf(source.orders.send(purchaseOrder(), { settleMs: 0 }));
    expect(error).toMatchObject({ name: 'PurchaseOrderLeaseError', phase: 'confirm', cause: lost });
    expect((error as Error).message).toContain('was lost before the order was sent again (the lease expired). That repeat was not sent; the earlier POST');
    expect((error as Error).message).not.toContain('The order was not sent');
    expect(requestLines(sandbox).filter((line) => line === 'POST /v2/orders')).toHaveLength(1);
  });

  it('confirms the lease inside the POST\'s gate slot, right before it leaves, not before a wait at the gate', async () => {
    const log: string[] = [];
    const { sandbox } = setup();
    const logged: typeof sandbox.fetch = async (input, init) => {
      if (init?.method === 'POST') log.push('POST');
      return sandbox.fetch(input, init);
    };
    const source = sourceFor(sandbox, { gate: gateWith({}, log), fetch: logged as typeof globalThis.fetch });
    await source.orders.send(purchaseOrder());
    expect(log.slice(-3)).toEqual(['slot', 'confirm', 'POST']);
  });

  it('confirms again before each attempt of the POST (a 429 repeats it after a pause)', async () => {
    const log: string[] = [];
    const { sandbox, source } = setup({}, { gate: gateWith({}, log) });
    sandbox.injectFault({ kind: 'status', status: 429, headers: { 'X-Rate-Limit-Time-Reset-Ms': '10' } }, { match: { method: 'POST', path: '/v2/orders' } });
    const sent = await source.orders.send(purchaseOrder());
    expect(sent.created).toBe(true);
    expect(log.filter((entry) => entry === 'confirm')).toHaveLength(2);
    expect(sandbox.orders.size).toBe(1);
  });

  it('the caller aborting while the lease is awaited rejects with the signal\'s reason, not wrapped', async () => {
    const reason = new Error('caller gave up');
    const controller = new AbortController();
    const { sandbox, source } = setup({}, {
      gate: gateWith({
        take: () => new Promise((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason))),
      }),
    });
    const sending = failureOf(source.orders.send(purchaseOrder(), { signal: controller.signal }));
    controller.abort(reason);
    expect(await sending).toBe(reason);
    expect(sandbox.requests).toHaveLength(0);
  });
});
