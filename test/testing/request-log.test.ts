import { describe, expect, it } from 'vitest';
import { createSandboxStore } from '../../src/testing/index';
import { API, get } from './sandbox-fixtures';

describe('request log', () => {
  it('records method, path below the store, query, headers and JSON body', async () => {
    const sandbox = createSandboxStore();
    await sandbox.fetch(`${API}/v2/orders?limit=5&status_id=11`, {
      method: 'POST',
      headers: { 'X-Auth-Token': 'sandbox-token', 'Content-Type': 'application/json', 'User-Agent': 'test/1.0' },
      body: JSON.stringify({ customer_id: 0 }),
    });

    expect(sandbox.requests).toHaveLength(1);
    const [request] = sandbox.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v2/orders',
      storeHash: 'sandbox1',
      body: { customer_id: 0 },
      url: `${API}/v2/orders?limit=5&status_id=11`,
      receivedAtMs: expect.any(Number),
    });
    expect(Object.fromEntries(request!.query)).toEqual({ limit: '5', status_id: '11' });
    expect(request!.headers).toMatchObject({
      'x-auth-token': 'sandbox-token',
      'content-type': 'application/json',
      'user-agent': 'test/1.0',
    });
  });

  it('keeps a non-JSON body as text and no body as undefined', async () => {
    const sandbox = createSandboxStore();
    await get(sandbox, '/v2/store', { method: 'PUT', body: 'not json' });
    await get(sandbox, '/v2/store');
    expect(sandbox.requests.map((request) => request.body)).toEqual(['not json', undefined]);
  });

  it('records rejected and faulted requests too', async () => {
    const sandbox = createSandboxStore();
    sandbox.injectFault({ kind: 'status', status: 500 });
    await get(sandbox, '/v2/store');
    await sandbox.fetch(`${API}/v2/store`);
    expect(sandbox.requests).toHaveLength(2);
  });

  it('returns a snapshot and empties with clearRequests()', async () => {
    const sandbox = createSandboxStore();
    await get(sandbox, '/v2/store');
    const snapshot = sandbox.requests;
    await get(sandbox, '/v2/time');
    expect(snapshot).toHaveLength(1);
    sandbox.clearRequests();
    expect(sandbox.requests).toEqual([]);
  });
});
