import { describe, expect, it } from 'vitest';
import { createSandboxStore } from '../../src/testing/index';
import { API, get } from './sandbox-fixtures';

describe('authentication', () => {
  it.each([
    ['missing', {}],
    ['wrong', { 'X-Auth-Token': 'not-the-token' }],
  ])('answers a %s X-Auth-Token with 401 in v2 style on v2 paths', async (_, headers) => {
    const sandbox = createSandboxStore();
    const response = await sandbox.fetch(`${API}/v2/store`, { headers });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual([{ status: 401, message: expect.any(String) }]);
  });

  it('answers 401 in v3 style on v3 paths', async () => {
    const sandbox = createSandboxStore();
    const response = await sandbox.fetch(`${API}/v3/catalog/products`, { headers: { 'X-Auth-Token': 'nope' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      status: 401,
      title: expect.any(String),
      type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
    });
  });

  it('spends no quota on unauthenticated requests, but still reports it', async () => {
    const sandbox = createSandboxStore({ rateLimit: { quota: 2 } });
    const response = await sandbox.fetch(`${API}/v2/store`);
    expect(response.headers.get('x-rate-limit-requests-left')).toBe('2');
    expect((await get(sandbox, '/v2/store')).headers.get('x-rate-limit-requests-left')).toBe('1');
  });

  it('answers 403 for a store hash the token does not belong to', async () => {
    const sandbox = createSandboxStore();
    const other = await sandbox.fetch('https://api.bigcommerce.com/stores/otherstore/v2/store', {
      headers: { 'X-Auth-Token': 'sandbox-token' },
    });
    expect(other.status).toBe(403);
    expect(await other.json()).toEqual([{ status: 403, message: expect.stringContaining('store hash') }]);
  });
});

describe('scopes', () => {
  it('answers 403 when the token lacks the route\'s scope', async () => {
    const sandbox = createSandboxStore({ scopes: ['store_v2_orders'] });
    const response = await get(sandbox, '/v2/store');
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual([{ status: 403, message: "You don't have a required scope to access the endpoint." }]);
  });

  it.each([['store_v2_information_read_only'], ['store_v2_information']])('lets %s read the store profile', async (scope) => {
    const sandbox = createSandboxStore({ scopes: [scope] });
    expect((await get(sandbox, '/v2/store')).status).toBe(200);
  });

  it('gives the token every scope by default', async () => {
    const sandbox = createSandboxStore();
    expect((await get(sandbox, '/v2/time')).status).toBe(200);
  });
});

describe('unknown routes', () => {
  it('answers an unknown v2 path with BigCommerce\'s v2 404', async () => {
    const sandbox = createSandboxStore();
    const response = await get(sandbox, '/v2/orders/999');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual([{ status: 404, message: 'The requested resource was not found.' }]);
  });

  it('answers an unknown v3 path with a v3 404', async () => {
    const sandbox = createSandboxStore();
    const response = await get(sandbox, '/v3/nothing/here');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ status: 404, title: expect.any(String), type: expect.any(String) });
  });

  it('answers a URL without /stores/{hash} with 403, as BigCommerce answers a wrong API path', async () => {
    const sandbox = createSandboxStore();
    const response = await sandbox.fetch('https://api.bigcommerce.com/v3/catalog', { headers: { 'X-Auth-Token': 'sandbox-token' } });
    expect(response.status).toBe(403);
  });

  it('answers a known path with another method with 405 and Allow', async () => {
    const sandbox = createSandboxStore();
    const response = await get(sandbox, '/v2/store', { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(await response.json()).toEqual([{ status: 405, message: expect.any(String) }]);
  });
});
