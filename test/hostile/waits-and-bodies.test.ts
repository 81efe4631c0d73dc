import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, BigCommerceSource, createApiKeyAuth, ResponseTooLargeError, ServerError, type SourceEvent } from '../../src/index';
import { loopbackServer } from '../helpers/loopback';
import { scriptedFetch, storeProfile } from '../helpers/scripted-fetch';

const TOKEN = 'tok-HOSTILE-7a6b5c4d';

describe('no response header can freeze a source', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([['a day', '86400000'], ['1e12 ms (past what setTimeout can hold)', '1000000000000']])(
    'a 200 with no requests left and a reset of %s pauses the next request for 60 s at most',
    async (_, resetMs) => {
      const store = scriptedFetch([
        { status: 200, body: storeProfile, headers: { 'X-Rate-Limit-Requests-Left': '0', 'X-Rate-Limit-Time-Reset-Ms': resetMs } },
        { status: 200, body: storeProfile },
      ]);
      const events: SourceEvent[] = [];
      const source = new BigCommerceSource({ storeHash: 'abc123', auth: createApiKeyAuth({ accessToken: TOKEN }), fetch: store.fetch, onEvent: (event) => events.push(event) });
      await source.verifyConnection();
      const second = source.verifyConnection();
      await vi.advanceTimersByTimeAsync(59_999);
      expect(store.requests).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      await second;
      expect(store.requests).toHaveLength(2);
      expect(events.filter((event) => event.type === 'throttle')).toEqual([{ type: 'throttle', waitMs: 60_000, reason: 'quota-exhausted' }]);
    },
  );

  it('a 429 asking for a day waits 60 s, and the RateLimitError reports the clamped wait', async () => {
    const store = scriptedFetch([{ status: 429, headers: { 'X-Rate-Limit-Time-Reset-Ms': '86400000', 'X-Retry-After': '999999' } }]);
    const source = new BigCommerceSource({ storeHash: 'abc123', auth: createApiKeyAuth({ accessToken: TOKEN }), fetch: store.fetch, maxRetries: 0 });
    const error = await source.verifyConnection().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'RateLimitError', resetMs: 60_000 });
  });
});

describe('no body can exhaust memory', () => {
  const servers: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  it('an endless 200 body stops at maxResponseBytes with ResponseTooLargeError, not retried', async () => {
    const endless = await loopbackServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      response.write('{"data":["');
      pump();
    });
    servers.push(endless);
    const events: SourceEvent[] = [];
    const source = new BigCommerceSource({
      storeHash: 'abc123',
      auth: createApiKeyAuth({ accessToken: TOKEN }),
      apiBaseUrl: endless.url,
      maxResponseBytes: 2 * 1024 * 1024,
      onEvent: (event) => events.push(event),
    });
    const error = await source.request({ method: 'GET', path: '/v3/catalog/products' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ maxResponseBytes: 2 * 1024 * 1024, method: 'GET', path: '/v3/catalog/products' });
    expect(endless.received).toHaveLength(1);
    expect(events.filter((event) => event.type === 'retry')).toHaveLength(0);
  });

  it('a 50 MB error title: a short message, at most 64 KiB of body on the error', async () => {
    const huge = await loopbackServer((_, response) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(`{"status":400,"title":"${'x'.repeat(50 * 1024 * 1024)}","type":"about:blank"}`);
    });
    servers.push(huge);
    const source = new BigCommerceSource({ storeHash: 'abc123', auth: createApiKeyAuth({ accessToken: TOKEN }), apiBaseUrl: huge.url });
    const error = (await source.verifyConnection().catch((caught: unknown) => caught)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.message.length).toBeLessThan(600);
    expect(typeof error.body).toBe('string');
    expect((error.body as string).length).toBeLessThanOrEqual(64 * 1024);
  });
});

describe('a deeply nested error body', () => {
  const deep = (depth: number) => `${'['.repeat(depth)}"tok"${']'.repeat(depth)}`;

  it('a 503 nested 100 000 deep is a ServerError and is retried, never a RangeError', async () => {
    const store = scriptedFetch([{ status: 503, body: deep(100_000) }, { status: 200, body: storeProfile }]);
    const source = new BigCommerceSource({ storeHash: 'abc123', auth: createApiKeyAuth({ accessToken: TOKEN }), fetch: store.fetch });
    await expect(source.verifyConnection()).resolves.toMatchObject({ name: 'Acme Supply' });
    expect(store.requests).toHaveLength(2);
  });

  it('the error keeps a bounded copy (this body is under 64 KiB, so it is kept parsed): serializing it cannot overflow the stack', async () => {
    const store = scriptedFetch([{ status: 503, body: `{"status":503,"title":"down","errors":{"x":${deep(20_000)}}}` }]);
    const source = new BigCommerceSource({ storeHash: 'abc123', auth: createApiKeyAuth({ accessToken: TOKEN }), fetch: store.fetch, maxRetries: 0 });
    const error = await source.verifyConnection().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    expect(() => JSON.stringify(error)).not.toThrow();
    expect(JSON.stringify(error)).toContain('[nested too deeply]');
  });
});
