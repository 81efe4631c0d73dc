import { describe, expect, it } from 'vitest';
import { createSandboxStore } from '../../src/testing/index';
import { API, AUTH } from './sandbox-fixtures';

const ORDER = { billing_address: { zip: '78701' }, products: [{ product_id: 1, quantity: 1 }] };
const match = { match: { method: 'POST', path: '/v2/orders' } } as const;

function postOrder(sandbox: ReturnType<typeof createSandboxStore>, signal?: AbortSignal) {
  return sandbox.fetch(`${API}/v2/orders`, { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/json' }, body: JSON.stringify(ORDER), signal });
}

describe('faults after the store committed', () => {
  it('commit-then-drop: the order exists, the caller sees a dropped connection', async () => {
    const sandbox = createSandboxStore({ products: [{ name: 'Mug', inventory_level: 5 }] });
    sandbox.injectFault({ kind: 'commit-then-drop' }, match);
    await expect(postOrder(sandbox)).rejects.toThrow('fetch failed');
    expect(sandbox.orders.size).toBe(1);
    expect(sandbox.catalog.getProduct(1)!.inventory_level).toBe(4);
    const handled = sandbox.injectFault({ kind: 'commit-then-drop' }, match);
    const response = await sandbox.handle(new Request(`${API}/v2/orders`, { method: 'POST', headers: AUTH, body: JSON.stringify(ORDER) }));
    expect(response.type).toBe('error');
    expect(handled.hits).toBe(1);
    expect(sandbox.orders.size).toBe(2);
  });

  it('commit-then-status: the order exists, the caller gets a 500 (or the status given) in v2 style', async () => {
    const sandbox = createSandboxStore({ products: [{ name: 'Mug', inventory_level: 5 }] });
    sandbox.injectFault({ kind: 'commit-then-status' }, match);
    sandbox.injectFault({ kind: 'commit-then-status', status: 504 }, match);
    const first = await postOrder(sandbox);
    expect(first.status).toBe(500);
    expect(await first.json()).toEqual([{ status: 500, message: expect.any(String) }]);
    expect((await postOrder(sandbox)).status).toBe(504);
    expect(sandbox.orders.size).toBe(2);
  });

  it('commit-then-hang: the order exists, the answer never comes until the caller aborts', async () => {
    const sandbox = createSandboxStore({ products: [{ name: 'Mug', inventory_level: 5 }] });
    sandbox.injectFault({ kind: 'commit-then-hang' }, match);
    await expect(postOrder(sandbox, AbortSignal.timeout(30))).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(sandbox.orders.size).toBe(1);
  });

  it('refuses a bad status for commit-then-status', () => {
    const sandbox = createSandboxStore();
    expect(() => sandbox.injectFault({ kind: 'commit-then-status', status: 99 })).toThrow(/status must be an integer/);
  });
});
