import { describe, expect, it } from 'vitest';
import { createCliSandbox } from '../../src/cli/sandbox';
import { cli, errorLines } from './run-cli';

describe('orders', () => {
  it('by PO and by id: the order as it is now; a PO the supplier cancelled reads as cancelled', async () => {
    const sandbox = await createCliSandbox();
    const shipped = await cli(['orders', '--po', 'PO-1001'], { sandbox });
    expect(shipped.code).toBe(0);
    expect(shipped.records).toEqual([expect.objectContaining({ orderId: 100, poNumber: 'PO-1001', status: 'shipped', statusId: 2, itemsTotal: 3, itemsShipped: 3 })]);
    sandbox.setOrderStatus(101, 5);
    const cancelled = await cli(['orders', '--order', '101', '--format', 'table'], { sandbox });
    expect(cancelled.stdout).toMatch(/^orderId\s+poNumber\s+status\s+statusName\s+itemsTotal\s+itemsShipped\s+refundedAmount\s+dateModified\n/);
    expect(cancelled.stdout).toMatch(/\n\s*101\s+PO-1002\s+cancelled\s+Cancelled\s+1\s+0\s/);
    const missing = await cli(['orders', '--po', 'PO-NOPE'], { sandbox });
    expect(missing.code).toBe(1);
    expect(errorLines(missing.stderr)[0]).toMatch(/NotFoundError: .*PO-NOPE/);
  });

  it('--since: every order modified since, then only what changed after the printed command', async () => {
    const sandbox = await createCliSandbox();
    const first = await cli(['orders', '--since', '1d', '--status', 'all'], { sandbox });
    expect(first.code).toBe(0);
    expect(first.records.map((order) => order.poNumber).sort()).toEqual(['PO-1001', 'PO-1002']);
    const next = /to carry on from here next time: bigcommerce-source (orders .*--cursor \S+)$/m.exec(first.stderr)![1]!;
    expect(next).not.toMatch(/--since|--status/);
    // Within the checkpoint's second nothing repeats; a change after it is reported once.
    expect((await cli(next.split(' '), { sandbox })).records).toEqual([]);
    // BigCommerce's dates have whole seconds: a change is told apart from what the cursor holds
    // once the clock has moved on to another second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    sandbox.refundOrder(100);
    const later = await cli(next.split(' '), { sandbox });
    expect(later.records).toEqual([expect.objectContaining({ orderId: 100, status: 'refunded', refundedAmount: expect.any(Number) })]);

    const bad = await cli(['orders', '--since', '1d', '--status', 'cancelled'], { sandbox });
    expect(bad.code).toBe(2);
    expect(errorLines(bad.stderr)[0]).toMatch(/UsageError: --status takes status ids from 0 to 14/);
    expect((await cli(['orders', '--po', 'PO-1001', '--status', '5'], { sandbox })).code).toBe(2);
  });
});
