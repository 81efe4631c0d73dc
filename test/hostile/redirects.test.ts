import { afterEach, describe, expect, it } from 'vitest';
import { BigCommerceSource, createApiKeyAuth, createOAuthApp, RedirectError, type SourceEvent } from '../../src/index';
import { loopbackServer } from '../helpers/loopback';

const TOKEN = 'tok-REDIRECT-5e4d3c2b1a';
const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A store whose every answer is a redirect to another host, and that host. */
async function redirectingStore(status: number) {
  const elsewhere = await loopbackServer((_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"name":"not the store"}');
  });
  const store = await loopbackServer((request, response) => {
    response.writeHead(status, { location: `${elsewhere.url}/stolen${request.url}` }).end();
  });
  servers.push(elsewhere, store);
  return { store, elsewhere };
}

describe('credentials never follow a redirect', () => {
  it.each([301, 302, 303, 307, 308])('a %i is a RedirectError naming the other origin; nothing reaches it; not retried', async (status) => {
    const { store, elsewhere } = await redirectingStore(status);
    const events: SourceEvent[] = [];
    const source = new BigCommerceSource({
      storeHash: 'abc123',
      auth: createApiKeyAuth({ clientId: 'client-1', accessToken: TOKEN }),
      apiBaseUrl: store.url,
      onEvent: (event) => events.push(event),
    });
    const error = (await source.verifyConnection().catch((caught: unknown) => caught)) as RedirectError;
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status, targetOrigin: elsewhere.url, method: 'GET', path: '/v2/store' });
    expect(error.message).toContain(`redirected to ${elsewhere.url}`);
    expect(elsewhere.received).toHaveLength(0);
    expect(store.received).toHaveLength(1);
    expect(events.filter((event) => event.type === 'retry')).toHaveLength(0);
  });

  it("a POST's body (an order) and token stay with the store on a 307", async () => {
    const { store, elsewhere } = await redirectingStore(307);
    const source = new BigCommerceSource({ storeHash: 'abc123', auth: createApiKeyAuth({ accessToken: TOKEN }), apiBaseUrl: store.url });
    const error = await source.request({ method: 'POST', path: '/v2/orders', body: { external_order_id: 'PO-1' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RedirectError);
    expect(elsewhere.received).toHaveLength(0);
    expect(store.received.map((request) => request.body)).toEqual(['{"external_order_id":"PO-1"}']);
  });

  it('a custom fetch that follows redirects anyway: the answer of the other host is refused', async () => {
    const { store, elsewhere } = await redirectingStore(302);
    const following: typeof fetch = (input, init) => fetch(input, { ...init, redirect: 'follow' });
    const source = new BigCommerceSource({ storeHash: 'abc123', auth: createApiKeyAuth({ accessToken: TOKEN }), apiBaseUrl: store.url, fetch: following, maxRetries: 3 });
    const error = (await source.verifyConnection().catch((caught: unknown) => caught)) as RedirectError;
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.targetOrigin).toBe(elsewhere.url);
    // The custom fetch did go there (the SDK cannot stop it), but exactly once and its answer was not used.
    expect(elsewhere.received).toHaveLength(1);
    expect(store.received).toHaveLength(1);
  });

  it('an opaque redirect (status 0, as browsers give) is a RedirectError too', async () => {
    const opaque = Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
    Object.defineProperty(opaque, 'status', { value: 0 });
    const source = new BigCommerceSource({ storeHash: 'abc123', auth: createApiKeyAuth({ accessToken: TOKEN }), fetch: async () => opaque });
    const error = (await source.verifyConnection().catch((caught: unknown) => caught)) as RedirectError;
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 0, targetOrigin: undefined });
  });

  it("exchangeCode's client secret and code never reach the other host", async () => {
    const { store, elsewhere } = await redirectingStore(307);
    const app = createOAuthApp({ clientId: 'app-1', clientSecret: 'app-SECRET-0f1e2d', redirectUri: 'https://app.example.com/auth', loginBaseUrl: store.url });
    const error = await app.exchangeCode({ code: 'code-SECRET-9a8b', scope: 'store_v2_orders', context: 'stores/abc123' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RedirectError);
    expect(elsewhere.received).toHaveLength(0);
    expect(JSON.stringify(error)).not.toMatch(/SECRET/);
  });
});
