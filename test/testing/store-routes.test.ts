import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSandboxStore } from '../../src/testing/index';
import { API, AUTH, get } from './sandbox-fixtures';

afterEach(() => {
  vi.useRealTimers();
});

describe('GET /v2/store', () => {
  it('answers a store profile in BigCommerce\'s shape, with the store hash as id', async () => {
    const sandbox = createSandboxStore();
    const response = await get(sandbox, '/v2/store');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const profile = await response.json();
    expect(profile).toMatchObject({
      id: 'sandbox1',
      domain: expect.any(String),
      secure_url: expect.stringMatching(/^https:\/\//),
      control_panel_base_url: 'https://store-sandbox1.mybigcommerce.com',
      status: 'live',
      name: 'Sandbox Supply Co.',
      country_code: 'US',
      currency: 'USD',
      timezone: { name: 'America/Chicago', raw_offset: -21600 },
      plan_name: expect.any(String),
      store_id: expect.any(Number),
      default_channel_id: 1,
    });
  });

  it('applies profile overrides and a custom store hash and token', async () => {
    const sandbox = createSandboxStore({
      storeHash: 'abc123',
      accessToken: 'other-token',
      profile: { name: 'Acme Wholesale', currency: 'EUR', extra_field: true },
    });
    expect(sandbox.storeHash).toBe('abc123');
    expect(sandbox.accessToken).toBe('other-token');

    const response = await sandbox.fetch('https://api.bigcommerce.com/stores/abc123/v2/store', {
      headers: { 'X-Auth-Token': 'other-token' },
    });
    expect(await response.json()).toMatchObject({ id: 'abc123', name: 'Acme Wholesale', currency: 'EUR', extra_field: true, country_code: 'US' });
  });

  it('routes on the path whatever the host, including a prefix before /stores', async () => {
    const sandbox = createSandboxStore();
    for (const base of ['http://localhost:1234', 'https://proxy.example/bigcommerce']) {
      const response = await sandbox.fetch(`${base}/stores/sandbox1/v2/store`, { headers: AUTH });
      expect(response.status).toBe(200);
    }
  });

  it('accepts a Request object, as a custom fetch wrapper may pass one', async () => {
    const sandbox = createSandboxStore();
    const response = await sandbox.fetch(new Request(`${API}/v2/store`, { headers: AUTH }));
    expect(response.status).toBe(200);
  });
});

describe('GET /v2/time', () => {
  it('answers the store clock in unix seconds, from Date.now()', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-01T12:00:00.750Z') });
    const sandbox = createSandboxStore();
    const response = await get(sandbox, '/v2/time');
    expect(await response.json()).toEqual({ time: Date.UTC(2026, 2, 1, 12, 0, 0) / 1000 });
  });
});

describe('options', () => {
  it('rejects invalid options, naming each', () => {
    expect(() =>
      createSandboxStore({ storeHash: 'Not A Hash', accessToken: '', rateLimit: { quota: 0 }, latencyMs: -1 }),
    ).toThrowError(/storeHash.*accessToken.*rateLimit\.quota.*latencyMs/);
  });

  it('fills rateLimit fields that are not given', async () => {
    const sandbox = createSandboxStore({ rateLimit: { quota: 3 } });
    const response = await get(sandbox, '/v2/time');
    expect(response.headers.get('x-rate-limit-requests-quota')).toBe('3');
    expect(response.headers.get('x-rate-limit-time-window-ms')).toBe('30000');
  });
});
