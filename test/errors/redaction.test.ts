import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BigCommerceSource,
  ConfigError,
  ConnectionError,
  createApiKeyAuth,
  createOAuth2Auth,
  isBigCommerceError,
  type SourceEvent,
} from '../../src/index';
import { scriptedFetch } from '../helpers/scripted-fetch';

const TOKEN = 'tok-SECRET-9f8e7d6c5b4a';

function everything(error: unknown, events: SourceEvent[]): string {
  const parts = [String(error), JSON.stringify(error), (error as Error).stack ?? '', JSON.stringify(events)];
  let cause = (error as Error).cause;
  while (cause) {
    parts.push(String(cause), JSON.stringify(cause));
    cause = (cause as Error).cause;
  }
  return parts.join('\n');
}

describe('secrets never leak', () => {
  it('not from a 401 whose body echoes the token, nor from the events', async () => {
    const store = scriptedFetch([{ status: 401, body: [{ status: 401, message: `Token ${TOKEN} is invalid` }] }]);
    const events: SourceEvent[] = [];
    const source = new BigCommerceSource({
      storeHash: 'abc123',
      auth: createApiKeyAuth({ clientId: 'client-1', accessToken: TOKEN }),
      fetch: store.fetch,
      onEvent: (event) => events.push(event),
    });
    const error = await source.verifyConnection().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(store.requests[0]!.headers.get('x-auth-token')).toBe(TOKEN);
    expect(everything(error, events)).not.toContain(TOKEN);
    expect((error as AuthenticationError).message).toContain('Token [redacted] is invalid');
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: 'AuthenticationError', status: 401, method: 'GET', path: '/v2/store' });
  });

  it('not from a connection failure', async () => {
    const store = scriptedFetch([{ error: new TypeError('fetch failed') }]);
    const source = new BigCommerceSource({ storeHash: 'abc123', auth: createApiKeyAuth({ accessToken: TOKEN }), fetch: store.fetch, maxRetries: 0 });
    const error = await source.verifyConnection().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(everything(error, [])).not.toContain(TOKEN);
  });

  it('not from serialized sources and strategies', () => {
    const apiKey = createApiKeyAuth({ clientId: 'client-1', accessToken: TOKEN });
    const oauth = createOAuth2Auth({ clientId: 'app-1', accessToken: TOKEN });
    const source = new BigCommerceSource({ storeHash: 'abc123', auth: apiKey });
    for (const value of [apiKey, oauth, source]) expect(JSON.stringify(value)).not.toContain(TOKEN);
    expect(JSON.parse(JSON.stringify(oauth))).toEqual({ type: 'oauth2', clientId: 'app-1' });
  });

  it('not from option errors', () => {
    const attempt = () => createApiKeyAuth({ accessToken: TOKEN, clientId: 42 as unknown as string, extra: TOKEN } as never);
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect(everything(error, [])).not.toContain(TOKEN);
      expect((error as ConfigError).issues.map((issue) => issue.path)).toEqual(['clientId', '']);
    }
  });

  it('isBigCommerceError recognises the SDK errors by brand, also across copies', () => {
    const error = new ConfigError('x');
    expect(isBigCommerceError(error)).toBe(true);
    expect(isBigCommerceError(new Error('[bigcommerce-source] imitation'))).toBe(false);
    const foreign = Object.assign(Object.create({ [Symbol.for('bigcommerce-source.error')]: true }), { message: 'copy' });
    expect(isBigCommerceError(foreign)).toBe(true);
    expect(isBigCommerceError(null)).toBe(false);
  });
});
