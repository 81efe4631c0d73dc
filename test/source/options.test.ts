import { describe, expect, it } from 'vitest';
import { BigCommerceSource, ConfigError, createApiKeyAuth, type BigCommerceSourceOptions } from '../../src/index';
import { scriptedFetch } from '../helpers/scripted-fetch';

const auth = createApiKeyAuth({ accessToken: 'tok-123456' });

function configErrorOf(options: unknown): ConfigError {
  try {
    new BigCommerceSource(options as BigCommerceSourceOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('BigCommerceSource options', () => {
  it('reports every problem at once in one ConfigError', () => {
    const error = configErrorOf({
      storeHash: 'https://shop.acme.com',
      auth: { token: 'x' },
      apiBaseUrl: 'http://api.example.com',
      timeoutMs: 0,
      maxRetries: -1,
      maxConcurrency: 1.5,
      fetch: 'nope',
      surprise: true,
    });
    expect(error.message.startsWith('[bigcommerce-source] BigCommerceSource: invalid options.')).toBe(true);
    const paths = error.issues.map((issue) => issue.path).sort();
    expect(paths).toEqual(['', 'apiBaseUrl', 'auth', 'fetch', 'maxConcurrency', 'maxRetries', 'storeHash', 'timeoutMs']);
    for (const path of paths.filter(Boolean)) expect(error.message).toContain(`${path}:`);
    expect(error.message).toMatch(/Unrecognized key.*surprise/);
  });

  it('names the missing required options', () => {
    const error = configErrorOf({});
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['auth', 'storeHash']);
  });

  it('rejects a non-object', () => {
    expect(configErrorOf(undefined).message).toMatch(/expected an options object/);
  });

  it.each([
    ['https://api.bigcommerce.com', true],
    ['http://localhost:8080', true],
    ['http://127.0.0.1:9999/', true],
    ['http://[::1]:4000', true],
    ['http://api.bigcommerce.com', false],
    ['not a url', false],
    ['https://api.bigcommerce.com/?x=1', false],
  ])('apiBaseUrl %s accepted: %s', (apiBaseUrl, accepted) => {
    const create = () => new BigCommerceSource({ storeHash: 'abc123', auth, apiBaseUrl });
    if (accepted) expect(create).not.toThrow();
    else expect(create).toThrow(/apiBaseUrl:/);
  });

  it('applies the documented defaults and parses the store hash', async () => {
    const store = scriptedFetch([{ status: 200, body: {} }]);
    const source = new BigCommerceSource({ storeHash: ' https://store-ABC123.mybigcommerce.com/ ', auth, fetch: store.fetch });
    expect(source.storeHash).toBe('abc123');
    expect(JSON.parse(JSON.stringify(source))).toEqual({
      storeHash: 'abc123',
      apiBaseUrl: 'https://api.bigcommerce.com',
      auth: { type: 'api-key' },
    });
  });

  it('keeps the connection name', () => {
    const source = new BigCommerceSource({ storeHash: 'abc123', auth, connectionName: 'Acme supplier' });
    expect(source.connectionName).toBe('Acme supplier');
  });

  it('rejects bad per-call options before sending anything', async () => {
    const store = scriptedFetch([]);
    const source = new BigCommerceSource({ storeHash: 'abc123', auth, fetch: store.fetch });
    await expect(source.verifyConnection({ timeoutMs: -5, maxRetries: 1.5 } as never)).rejects.toThrow(
      /verifyConnection: invalid options\. timeoutMs: .*; maxRetries: /,
    );
    expect(store.requests).toHaveLength(0);
  });
});
