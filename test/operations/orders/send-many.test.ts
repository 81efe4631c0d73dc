import { describe, expect, it } from 'vitest';
import { CustomerNotFoundError } from '../../../src/errors/customer-not-found-error';
import { UnknownSkuError } from '../../../src/errors/unknown-sku-error';
import { ValidationError } from '../../../src/index';
import type { PurchaseOrder, SendManyResult } from '../../../src/operations/orders';
import { failureOf, purchaseOrder, setup } from './fixtures';

async function collect(results: AsyncIterable<SendManyResult>): Promise<SendManyResult[]> {
  const all: SendManyResult[] = [];
  for await (const result of results) all.push(result);
  return all;
}

describe('orders.sendMany', () => {
  it('sends 200 POs, yielding one result per PO in input order, bad ones as typed errors', async () => {
    const { sandbox, source } = setup({ latencyMs: (request) => (request.method === 'POST' ? 3 : 1) });
    const pos: PurchaseOrder[] = Array.from({ length: 200 }, (_, index) => {
      const poNumber = `PO-${String(index).padStart(3, '0')}`;
      if (index % 50 === 7) return purchaseOrder({ poNumber, items: [{ sku: 'MUG-1', quantity: 0 }] });
      if (index % 50 === 13) return purchaseOrder({ poNumber, items: [{ sku: 'GHOST', quantity: 1 }] });
      return purchaseOrder({ poNumber, items: [{ sku: 'MUG-1', quantity: 1 }] });
    });
    const results = await collect(source.orders.sendMany(pos, { concurrency: 8 }));

    expect(results.map((result) => result.index)).toEqual(pos.map((_, index) => index));
    expect(results.map((result) => result.poNumber)).toEqual(pos.map((po) => po.poNumber));
    const failures = results.filter((result) => !result.ok);
    expect(failures.map((failure) => failure.index)).toEqual([7, 13, 57, 63, 107, 113, 157, 163]);
    for (const failure of failures) {
      if (failure.ok) continue;
      expect(failure.error).toBeInstanceOf(failure.index % 50 === 7 ? ValidationError : UnknownSkuError);
    }
    expect(sandbox.orders.size).toBe(192);
    expect(new Set([...sandbox.orders.all()].map((order) => order.external_order_id)).size).toBe(192);
    expect(sandbox.catalog.getProduct(1)!.inventory_level).toBe(1000 - 192);
  });

  it('keeps at most `concurrency` purchase orders in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const { source } = setup({
      latencyMs: (request) => {
        if (request.method === 'GET' && request.path === '/v2/orders') {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
        }
        if (request.method === 'POST') inFlight -= 1;
        return 2;
      },
    });
    const pos = Array.from({ length: 20 }, (_, index) => purchaseOrder({ poNumber: `PO-${index}` }));
    const results = await collect(source.orders.sendMany(pos, { concurrency: 3 }));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(peak).toBeLessThanOrEqual(3);
  });

  it('yields CustomerNotFoundError per PO under require-existing and carries on', async () => {
    const { sandbox, source } = setup({ customers: [{ email: 'known@retailer.example' }] });
    const pos = [
      purchaseOrder({ poNumber: 'A', email: 'known@retailer.example' }),
      purchaseOrder({ poNumber: 'B', email: 'stranger@elsewhere.example' }),
      purchaseOrder({ poNumber: 'C', email: 'KNOWN@retailer.example' }),
    ];
    const results = await collect(source.orders.sendMany(pos, { customerPolicy: 'require-existing' }));
    expect(results.map((result) => result.ok)).toEqual([true, false, true]);
    const failure = results[1]!;
    expect(!failure.ok && failure.error).toBeInstanceOf(CustomerNotFoundError);
    expect(sandbox.orders.size).toBe(2);
  });

  it('takes async iterables, and sends a PO listed twice once', async () => {
    const { sandbox, source } = setup();
    async function* pos() {
      yield purchaseOrder({ poNumber: 'X' });
      yield purchaseOrder({ poNumber: 'X' });
    }
    const results = await collect(source.orders.sendMany(pos()));
    expect(results.map((result) => result.ok && result.order.orderId)).toEqual([100, 100]);
    expect(sandbox.orders.size).toBe(1);
  });

  it('throws invalid options at the first iteration, before any request', async () => {
    const { sandbox, source } = setup();
    const error = await failureOf(collect(source.orders.sendMany([purchaseOrder()], { concurrency: 0 })));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['concurrency']);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('stops with the signal reason when aborted', async () => {
    const { source } = setup({ latencyMs: 5 });
    const controller = new AbortController();
    const pos = Array.from({ length: 50 }, (_, index) => purchaseOrder({ poNumber: `PO-${index}` }));
    const seen: SendManyResult[] = [];
    const error = await failureOf(
      (async () => {
        for await (const result of source.orders.sendMany(pos, { signal: controller.signal, concurrency: 2 })) {
          seen.push(result);
          if (seen.length === 3) controller.abort(new Error('stop'));
        }
      })(),
    );
    expect(error).toMatchObject({ message: 'stop' });
    expect(seen.length).toBeLessThan(50);
  });
});
