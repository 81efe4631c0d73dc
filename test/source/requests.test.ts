import { afterEach, describe, expect, it, vi } from 'vitest';
import { BigCommerceSource, createApiKeyAuth, createOAuth2Auth, ValidationError, VERSION } from '../../src/index';
import { path } from '../../src/internal/path';
import { serializeQuery } from '../../src/internal/query';
import { scriptedFetch, storeProfile } from '../helpers/scripted-fetch';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('requests the source sends', () => {
  it('sends the API key headers, Accept and User-Agent to the v2 store path', async () => {
    const store = scriptedFetch([{ status: 200, body: storeProfile }]);
    const source = new BigCommerceSource({
      storeHash: 'abc123',
      auth: createApiKeyAuth({ clientId: 'client-1', accessToken: 'tok-abcdef' }),
      fetch: store.fetch,
    });
    const info = await source.verifyConnection();

    expect(store.requests).toHaveLength(1);
    const [request] = store.requests;
    expect(request!.method).toBe('GET');
    expect(request!.url.href).toBe('https://api.bigcommerce.com/stores/abc123/v2/store');
    expect(request!.headers.get('x-auth-token')).toBe('tok-abcdef');
    expect(request!.headers.get('x-auth-client')).toBe('client-1');
    expect(request!.headers.get('accept')).toBe('application/json');
    expect(request!.headers.get('user-agent')).toBe(`bigcommerce-source/${VERSION}`);
    expect(request!.body).toBeUndefined();
    expect(info).toEqual({
      storeHash: 'abc123',
      name: 'Acme Supply',
      domain: 'acme-supply.example',
      secureUrl: 'https://acme-supply.example',
      controlPanelUrl: 'https://store-abc123.mybigcommerce.com',
      status: 'live',
      countryCode: 'US',
      currency: 'USD',
      timezone: 'America/Chicago',
      planName: 'Standard',
      storeId: 1001,
      defaultChannelId: 1,
    });
  });

  it('omits X-Auth-Client when the API account has no client id', async () => {
    const store = scriptedFetch([{ status: 200, body: storeProfile }]);
    const source = new BigCommerceSource({ storeHash: 'abc123', auth: createApiKeyAuth({ accessToken: 'tok-abcdef' }), fetch: store.fetch });
    await source.verifyConnection();
    expect(store.requests[0]!.headers.has('x-auth-client')).toBe(false);
  });

  it('asks getAccessToken before every attempt, so a rotated token is used at once', async () => {
    const store = scriptedFetch([
      { status: 200, body: storeProfile },
      { status: 200, body: storeProfile },
    ]);
    let version = 0;
    const getAccessToken = vi.fn(({ storeHash }: { storeHash: string }) => `token-${storeHash}-${++version}`);
    const source = new BigCommerceSource({
      storeHash: 'abc123',
      auth: createOAuth2Auth({ clientId: 'app-1', getAccessToken }),
      fetch: store.fetch,
    });
    await source.verifyConnection();
    await source.verifyConnection();
    expect(store.requests.map((request) => request.headers.get('x-auth-token'))).toEqual(['token-abc123-1', 'token-abc123-2']);
    expect(store.requests[0]!.headers.get('x-auth-client')).toBe('app-1');
  });

  it('looks up globalThis.fetch per request, never at construction', async () => {
    const source = new BigCommerceSource({ storeHash: 'abc123', auth: createApiKeyAuth({ accessToken: 'tok-abcdef' }) });
    const store = scriptedFetch([{ status: 200, body: storeProfile }]);
    vi.stubGlobal('fetch', store.fetch);
    await source.verifyConnection();
    expect(store.requests).toHaveLength(1);
  });

  it('uses apiBaseUrl for a local store', async () => {
    const store = scriptedFetch([{ status: 200, body: storeProfile }]);
    const source = new BigCommerceSource({
      storeHash: 'abc123',
      auth: createApiKeyAuth({ accessToken: 'tok-abcdef' }),
      apiBaseUrl: 'http://127.0.0.1:4010/',
      fetch: store.fetch,
    });
    await source.verifyConnection();
    expect(store.requests[0]!.url.href).toBe('http://127.0.0.1:4010/stores/abc123/v2/store');
  });
});

describe('path and query encoding', () => {
  it('percent-encodes path parameters so they stay one segment', () => {
    expect(path`/v2/orders/${'12/../../v3'}/shipments`).toBe('/v2/orders/12%2F..%2F..%2Fv3/shipments');
    expect(path`/v3/catalog/products/${77}`).toBe('/v3/catalog/products/77');
    expect(() => path`/v2/orders/${'..'}`).toThrow(ValidationError);
    expect(() => path`/v2/orders/${''}`).toThrow(ValidationError);
  });

  it('keeps BigCommerce operators readable and encodes values and list items', () => {
    expect(
      serializeQuery({ 'id:min': 5, 'sku:in': ['A,B', 'C&D', 'É'], include: 'variants', skip: undefined, none: null, is_visible: true }),
    ).toBe('?id:min=5&sku:in=A%2CB,C%26D,%C3%89&include=variants&is_visible=true');
    expect(serializeQuery({})).toBe('');
  });
});
