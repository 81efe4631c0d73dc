import { afterEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  BigCommerceSource,
  ConfigError,
  createApiKeyAuth,
  createOAuth2Auth,
  createOAuthApp,
  type SourceEvent,
} from '../../src/index';
import { loopbackServer } from '../helpers/loopback';
import { scriptedFetch } from '../helpers/scripted-fetch';

const TOKEN = 'tok-SECRET-1a2b3c4d5e';
const CLIENT_SECRET = 'client-SECRET-6f7a8b';
const CODE = 'code-SECRET-9c0d1e';

/** Every way an error reaches a log: its string, JSON, stack, body, and each cause's. */
function everything(error: unknown, events: readonly SourceEvent[] = []): string {
  const parts = [String(error), JSON.stringify(error), (error as Error).stack ?? '', JSON.stringify((error as ApiError).body ?? null), JSON.stringify(events)];
  for (let cause = (error as Error).cause; cause; cause = (cause as Error).cause) parts.push(String(cause), (cause as Error).stack ?? '', JSON.stringify(cause));
  return parts.join('\n');
}

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function sourceWith(fetch: typeof globalThis.fetch, events: SourceEvent[] = []) {
  return new BigCommerceSource({ storeHash: 'abc123', auth: createApiKeyAuth({ clientId: 'client-1', accessToken: TOKEN }), fetch, maxRetries: 0, onEvent: (event) => events.push(event) });
}

describe('secrets in what the store echoes back', () => {
  it('a v3 errors key and value', async () => {
    const store = scriptedFetch([{ status: 422, body: { status: 422, title: 'Invalid', type: 'about:blank', errors: { [TOKEN]: `bad ${TOKEN}` } } }]);
    const events: SourceEvent[] = [];
    const error = await sourceWith(store.fetch, events).verifyConnection().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 422, fieldErrors: [{ path: '[redacted]', message: 'bad [redacted]' }] });
    expect(everything(error, events)).not.toContain(TOKEN);
  });

  it('a v2 details key', async () => {
    const store = scriptedFetch([{ status: 400, body: [{ status: 400, message: 'Bad request', details: { [TOKEN]: 'is invalid' } }] }]);
    const error = await sourceWith(store.fetch).verifyConnection().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, fieldErrors: [{ path: '[redacted]', message: 'is invalid' }] });
    expect(everything(error)).not.toContain(TOKEN);
  });

  it('the reason phrase and X-Request-Id, over real HTTP', async () => {
    const store = await loopbackServer((_, response) => {
      response.writeHead(401, `Token ${TOKEN} refused`, { 'x-request-id': `req-${TOKEN}`, 'content-type': 'application/json' }).end('[]');
    });
    servers.push(store);
    const source = new BigCommerceSource({ storeHash: 'abc123', auth: createApiKeyAuth({ accessToken: TOKEN }), apiBaseUrl: store.url });
    const error = (await source.verifyConnection().catch((caught: unknown) => caught)) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain('failed with 401 Token [redacted] refused');
    expect(error.requestId).toBe('req-[redacted]');
    expect(everything(error)).not.toContain(TOKEN);
  });

  it("redacts values, never the SDK's own wording: a token that is a word of the message", async () => {
    const store = scriptedFetch([{ status: 401, body: [{ status: 401, message: 'The token is wrong' }] }]);
    const source = new BigCommerceSource({ storeHash: 'abc123', auth: createApiKeyAuth({ accessToken: 'wrong' }), fetch: store.fetch });
    const error = (await source.verifyConnection().catch((caught: unknown) => caught)) as Error;
    expect(error.message).toBe(
      '[bigcommerce-source] GET /v2/store failed with 401: The token is [redacted]. Check the access token: it is missing, wrong or revoked.',
    );
  });
});

describe('secrets that a header cannot carry are never sent or shown', () => {
  it('a token with a line break from getAccessToken: ConfigError naming the header, nothing sent, over real fetch', async () => {
    const store = await loopbackServer((_, response) => {
      response.writeHead(200).end('{}');
    });
    servers.push(store);
    const source = new BigCommerceSource({
      storeHash: 'abc123',
      auth: createOAuth2Auth({ clientId: 'app-1', getAccessToken: () => `${TOKEN}\nX-Injected: yes` }),
      apiBaseUrl: store.url,
    });
    const error = (await source.verifyConnection().catch((caught: unknown) => caught)) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.issues).toMatchObject([{ path: 'X-Auth-Token' }]);
    expect(store.received).toHaveLength(0);
    expect(everything(error)).not.toContain(TOKEN);
  });

  it('a token with a non-ASCII letter from getAccessToken is refused too (fetch would send it mangled)', async () => {
    const store = scriptedFetch([]);
    const source = new BigCommerceSource({ storeHash: 'abc123', auth: createOAuth2Auth({ clientId: 'app-1', getAccessToken: () => `${TOKEN}é` }), fetch: store.fetch });
    await expect(source.verifyConnection()).rejects.toBeInstanceOf(ConfigError);
    expect(store.requests).toHaveLength(0);
  });

  it('a fixed token with a line break: ConfigError from the factory, without the token', () => {
    for (const make of [() => createApiKeyAuth({ accessToken: `${TOKEN}\r\nX: y` }), () => createOAuth2Auth({ clientId: 'app-1', accessToken: `${TOKEN}\u0000` })]) {
      let caught: unknown;
      try {
        make();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConfigError);
      expect((caught as ConfigError).issues).toMatchObject([{ path: 'accessToken' }]);
      expect(everything(caught)).not.toContain(TOKEN);
    }
  });

  it('the token registered is the token sent: surrounding whitespace is trimmed, then redacted', async () => {
    const store = scriptedFetch([{ status: 401, body: [{ status: 401, message: `bad ${TOKEN}` }] }]);
    const source = new BigCommerceSource({ storeHash: 'abc123', auth: createOAuth2Auth({ clientId: 'app-1', getAccessToken: () => `  ${TOKEN}\r\n` }), fetch: store.fetch });
    const error = await source.verifyConnection().catch((caught: unknown) => caught);
    expect(store.requests[0]!.headers.get('x-auth-token')).toBe(TOKEN);
    expect(everything(error)).not.toContain(TOKEN);
  });
});

describe("exchangeCode's client secret and code", () => {
  const app = (loginBaseUrl: string) => createOAuthApp({ clientId: 'app-1', clientSecret: CLIENT_SECRET, redirectUri: 'https://app.example.com/auth', loginBaseUrl });

  it('echoed as an error key, in the reason phrase and in X-Request-Id', async () => {
    const login = await loopbackServer((_, response) => {
      response
        .writeHead(400, `Bad secret ${CLIENT_SECRET}`, { 'x-request-id': CODE, 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'invalid_request', errors: { [CLIENT_SECRET]: CODE } }));
    });
    servers.push(login);
    const error = await app(login.url)
      .exchangeCode({ code: CODE, scope: 'store_v2_orders', context: 'stores/abc123' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(everything(error)).not.toMatch(/SECRET/);
  });

  it('in the runtime fetch error of a request that cannot be sent', async () => {
    const error = await app('http://127.0.0.1:1')
      .exchangeCode({ code: CODE, scope: 'store_v2_orders', context: 'stores/abc123' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ConnectionError' });
    expect(everything(error)).not.toMatch(/SECRET/);
  });
});
