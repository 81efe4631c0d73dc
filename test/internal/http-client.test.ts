import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ConnectionError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  type SourceEvent,
} from '../../src/index';
import * as z from 'zod/mini';
import { createHttpClient, type HttpClientConfig } from '../../src/internal/http-client';
import { httpClientConfig } from '../helpers/http-client-config';
import { scriptedFetch, type ScriptStep } from '../helpers/scripted-fetch';

function clientWith(steps: ScriptStep[], overrides: Partial<HttpClientConfig> = {}) {
  const store = scriptedFetch(steps);
  const events: SourceEvent[] = [];
  const http = createHttpClient(httpClientConfig({ fetch: store.fetch, onEvent: (event) => events.push(event), ...overrides }));
  const retries = () => events.filter((event) => event.type === 'retry');
  return { http, store, events, retries };
}

const ok: ScriptStep = { status: 200, body: { ok: true } };
const tooMany = (headers: Record<string, string> = {}): ScriptStep => ({
  status: 429,
  body: { status: 429, title: 'Too many requests', type: '/api-docs/getting-started/api-status-codes' },
  headers,
});

beforeEach(() => {
  vi.useFakeTimers();
  // Jitter at its low end: each backoff is exactly half its cap (250 ms, 500 ms, 1 000 ms, …).
  vi.spyOn(Math, 'random').mockReturnValue(0);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('retries', () => {
  it('waits X-Rate-Limit-Time-Reset-Ms after a 429, then succeeds', async () => {
    const { http, store, retries } = clientWith([tooMany({ 'X-Rate-Limit-Time-Reset-Ms': '1500', 'X-Rate-Limit-Requests-Left': '0' }), ok]);
    const result = http.request({ method: 'GET', path: '/v3/catalog/products' });
    await vi.advanceTimersByTimeAsync(1499);
    expect(store.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toMatchObject({ status: 200, data: { ok: true } });
    expect(store.requests).toHaveLength(2);
    expect(retries()).toEqual([
      { type: 'retry', method: 'GET', path: '/v3/catalog/products', attempt: 1, delayMs: 1500, reason: 'status 429' },
    ]);
  });

  it('waits X-Retry-After (seconds) when it is longer than the reset', async () => {
    const { http, store, retries } = clientWith([tooMany({ 'X-Rate-Limit-Time-Reset-Ms': '1000', 'X-Retry-After': '3' }), ok]);
    const result = http.request({ method: 'GET', path: '/v2/store' });
    await vi.advanceTimersByTimeAsync(2999);
    expect(store.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await result;
    expect(retries()[0]).toMatchObject({ delayMs: 3000 });
  });

  it('waits the reset when it is longer than X-Retry-After', async () => {
    const { http, retries } = clientWith([tooMany({ 'X-Rate-Limit-Time-Reset-Ms': '5000', 'X-Retry-After': '2' }), ok]);
    const result = http.request({ method: 'GET', path: '/v2/store' });
    await vi.advanceTimersByTimeAsync(5000);
    await result;
    expect(retries()[0]).toMatchObject({ delayMs: 5000 });
  });

  it('clamps a very long rate-limit wait to 60 s', async () => {
    const { http, retries } = clientWith([tooMany({ 'X-Rate-Limit-Time-Reset-Ms': '600000' }), ok]);
    const result = http.request({ method: 'GET', path: '/v2/store' });
    await vi.advanceTimersByTimeAsync(60_000);
    await result;
    expect(retries()[0]).toMatchObject({ delayMs: 60_000 });
  });

  it('backs off exponentially after a 429 without headers', async () => {
    const { http, retries } = clientWith([tooMany(), tooMany(), ok]);
    const result = http.request({ method: 'GET', path: '/v2/store' });
    await vi.advanceTimersByTimeAsync(750);
    await result;
    expect(retries().map((event) => event.type === 'retry' && event.delayMs)).toEqual([250, 500]);
  });

  it('retries 500, 502, 503, 504 and 408 with capped exponential backoff', async () => {
    const { http, store, retries } = clientWith([
      { status: 500 },
      { status: 502 },
      { status: 503 },
      { status: 504 },
      { status: 408 },
      ok,
    ]);
    const result = http.request({ method: 'GET', path: '/v2/store' });
    await vi.advanceTimersByTimeAsync(250 + 500 + 1000 + 2000 + 4000);
    await expect(result).resolves.toMatchObject({ status: 200 });
    expect(store.requests).toHaveLength(6);
    expect(retries().map((event) => event.type === 'retry' && [event.delayMs, event.reason])).toEqual([
      [250, 'status 500'],
      [500, 'status 502'],
      [1000, 'status 503'],
      [2000, 'status 504'],
      [4000, 'status 408'],
    ]);
  });

  it('caps the backoff at 30 s and uses jitter of up to half the delay', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const { http, retries } = clientWith(Array.from({ length: 8 }, () => ({ status: 503 })), { maxRetries: 7 });
    const result = http.request({ method: 'GET', path: '/v2/store' }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(200_000);
    expect(await result).toBeInstanceOf(ServerError);
    const delays = retries().map((event) => (event.type === 'retry' ? event.delayMs : 0));
    const capsMs = [500, 1000, 2000, 4000, 8000, 16_000, 30_000];
    expect(delays).toHaveLength(capsMs.length);
    delays.forEach((delayMs, index) => {
      expect(delayMs).toBeGreaterThan(capsMs[index]! * 0.99);
      expect(delayMs).toBeLessThanOrEqual(capsMs[index]!);
    });
  });

  it('gives up after maxRetries and throws the last error', async () => {
    const { http, store } = clientWith(Array.from({ length: 5 }, () => ({ status: 503 })), { maxRetries: 2 });
    const result = http.request({ method: 'GET', path: '/v2/store' }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(10_000);
    const error = await result;
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).status).toBe(503);
    expect(store.requests).toHaveLength(3);
  });

  it('honours a per-call maxRetries', async () => {
    const { http, store } = clientWith(Array.from({ length: 5 }, () => ({ status: 503 })));
    const error = await http.request({ method: 'GET', path: '/v2/store' }, { maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    expect(store.requests).toHaveLength(1);
  });

  it('throws RateLimitError with resetMs once retries run out', async () => {
    const { http } = clientWith([tooMany({ 'X-Rate-Limit-Time-Reset-Ms': '2500' })], { maxRetries: 0 });
    const error = await http.request({ method: 'GET', path: '/v2/store' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).resetMs).toBe(2500);
  });

  it('retries a network error as a ConnectionError', async () => {
    const { http, store, retries } = clientWith([{ error: new TypeError('fetch failed', { cause: new Error('ECONNRESET') }) }, ok]);
    const result = http.request({ method: 'GET', path: '/v2/store' });
    await vi.advanceTimersByTimeAsync(250);
    await expect(result).resolves.toMatchObject({ status: 200 });
    expect(store.requests).toHaveLength(2);
    expect(retries()[0]).toMatchObject({ reason: 'connection', delayMs: 250 });
  });

  it('reports a network error that outlasts the retries as ConnectionError naming the cause', async () => {
    const { http } = clientWith([{ error: new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') }) }], { maxRetries: 0 });
    const error = await http.request({ method: 'GET', path: '/v2/store' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/^\[bigcommerce-source\] GET \/v2\/store failed before a response arrived: .*fetch failed: ECONNREFUSED$/);
  });

  it('times out a hung attempt after timeoutMs and retries it', async () => {
    const { http, store, retries } = clientWith([{ hang: true }, ok], { timeoutMs: 1000 });
    const result = http.request({ method: 'GET', path: '/v2/store' });
    await vi.advanceTimersByTimeAsync(1000 + 250);
    await expect(result).resolves.toMatchObject({ status: 200 });
    expect(store.requests).toHaveLength(2);
    expect(retries()[0]).toMatchObject({ reason: 'timeout' });
  });

  it('throws TimeoutError when every attempt hangs', async () => {
    const { http } = clientWith([{ hang: true }], { timeoutMs: 1000, maxRetries: 0 });
    const result = http.request({ method: 'GET', path: '/v2/store' }).catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(1000);
    const error = await result;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(1000);
  });

  it('does not retry 400, 401, 403, 404, 409, 422, 501', async () => {
    for (const status of [400, 401, 403, 404, 409, 422, 501]) {
      const { http, store } = clientWith([{ status }, ok]);
      await expect(http.request({ method: 'GET', path: '/v2/store' })).rejects.toMatchObject({ status });
      expect(store.requests).toHaveLength(1);
    }
  });
});

describe('writes', () => {
  const order = { method: 'POST', path: '/v2/orders', body: { customer_id: 0 } } as const;

  it('sends the body as JSON with Content-Type', async () => {
    const { http, store } = clientWith([ok]);
    await http.request(order);
    expect(store.requests[0]!.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(store.requests[0]!.body!)).toEqual({ customer_id: 0 });
  });

  it('does not retry a POST on 5xx: the store may have created the order', async () => {
    const { http, store, retries } = clientWith([{ status: 500 }, ok]);
    await expect(http.request(order)).rejects.toBeInstanceOf(ServerError);
    expect(store.requests).toHaveLength(1);
    expect(retries()).toHaveLength(0);
  });

  it('does not retry a POST after a network error or a timeout', async () => {
    const dropped = clientWith([{ error: new TypeError('fetch failed') }, ok]);
    await expect(dropped.http.request(order)).rejects.toBeInstanceOf(ConnectionError);
    expect(dropped.store.requests).toHaveLength(1);

    const hung = clientWith([{ hang: true }, ok], { timeoutMs: 500 });
    const result = hung.http.request(order).catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(500);
    expect(await result).toBeInstanceOf(TimeoutError);
    expect(hung.store.requests).toHaveLength(1);
  });

  it('retries a POST on 429: the store did nothing with it', async () => {
    const { http, store, retries } = clientWith([tooMany({ 'X-Rate-Limit-Time-Reset-Ms': '100' }), ok]);
    const result = http.request(order);
    // A pause shorter than the backoff: the retry waits the backoff (250 ms at the low end).
    await vi.advanceTimersByTimeAsync(249);
    expect(store.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toMatchObject({ status: 200 });
    expect(store.requests).toHaveLength(2);
    expect(retries()).toEqual([{ type: 'retry', method: 'POST', path: '/v2/orders', attempt: 1, delayMs: 250, reason: 'status 429' }]);
  });

  it('retries a write the caller marked repeatable on 5xx', async () => {
    const { http, store } = clientWith([{ status: 503 }, ok]);
    const result = http.request({ ...order, repeatable: true });
    await vi.advanceTimersByTimeAsync(250);
    await expect(result).resolves.toMatchObject({ status: 200 });
    expect(store.requests).toHaveLength(2);
  });
});

describe('bodies', () => {
  it('retries a read whose 2xx body is cut-off JSON (a connection dropped mid-body), not a write', async () => {
    const read = clientWith([{ status: 200, body: '{"data":[{"id":1' }, ok]);
    const result = read.http.request({ method: 'GET', path: '/v3/catalog/products' });
    await vi.advanceTimersByTimeAsync(250);
    await expect(result).resolves.toMatchObject({ data: { ok: true } });
    expect(read.retries()[0]).toMatchObject({ reason: 'malformed body' });

    const write = clientWith([{ status: 200, body: '{"id":' }, ok]);
    await expect(write.http.request({ method: 'POST', path: '/v2/orders', body: {} })).rejects.toBeInstanceOf(ResponseValidationError);
    expect(write.store.requests).toHaveLength(1);
  });

  it('names the field and what was expected and received when a body does not match its schema', async () => {
    const { http } = clientWith([{ status: 200, body: { id: 7, name: 42 } }]);
    const schema = z.looseObject({ id: z.number(), name: z.string() });
    const error = await http.request({ method: 'GET', path: '/v2/store', schema }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).message).toBe('[bigcommerce-source] GET /v2/store returned an unexpected body: name: Invalid input: expected string, received number');
    expect((error as ResponseValidationError).issues).toEqual([{ path: 'name', message: 'Invalid input: expected string, received number' }]);
  });

  it('never parses a 204 or an empty 200 as JSON', async () => {
    const { http } = clientWith([{ status: 204 }, { status: 200, body: '' }]);
    await expect(http.request({ method: 'GET', path: '/v2/orders' })).resolves.toMatchObject({ status: 204, data: undefined });
    await expect(http.request({ method: 'GET', path: '/v2/orders' })).resolves.toMatchObject({ status: 200, data: undefined });
  });
});

describe('decoding', () => {
  it('decodes unicode bodies, and replaces invalid UTF-8 instead of failing', async () => {
    vi.useRealTimers();
    const valid = clientWith([{ status: 200, body: { name: 'Café ✓ 製品' } }]);
    await expect(valid.http.request({ method: 'GET', path: '/v2/store' })).resolves.toMatchObject({ data: { name: 'Café ✓ 製品' } });

    const invalidBytes = new Uint8Array([...new TextEncoder().encode('{"name":"a'), 0xff, ...new TextEncoder().encode('b"}')]);
    const http = createHttpClient(
      httpClientConfig({
        fetch: (async () => new Response(invalidBytes, { status: 200, headers: { 'content-type': 'application/json' } })) as typeof fetch,
        maxRetries: 0,
      }),
    );
    await expect(http.request({ method: 'GET', path: '/v2/store' })).resolves.toMatchObject({ data: { name: 'a\uFFFDb' } });
  });
});

describe('the stack: ky builds and sends, p-retry repeats', () => {
  it("calls the user's fetch as fetch(url, init), unbound, with redirects not followed", async () => {
    const calls: Array<{ self: unknown; input: unknown; init: RequestInit | undefined }> = [];
    const userFetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      calls.push({ self: this, input, init });
      return Promise.resolve(new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } }));
    };
    const { http } = clientWith([], { fetch: userFetch as typeof fetch });
    await http.request({ method: 'POST', path: '/v2/orders', query: { 'id:in': [1, 2] }, body: { a: 1 } });
    expect(calls).toHaveLength(1);
    const [{ self, input, init }] = calls as [(typeof calls)[number]];
    expect(self).toBeUndefined();
    expect(input).toBe('https://api.bigcommerce.com/stores/abc123/v2/orders?id:in=1,2');
    expect(init).toMatchObject({ method: 'POST', body: '{"a":1}', redirect: 'manual' });
    expect(init!.signal).toBeInstanceOf(AbortSignal);
    expect(new Headers(init!.headers).get('x-auth-token')).toBe('tok-abcdef');
    expect(new Headers(init!.headers).get('content-type')).toBe('application/json');
  });

  it('keeps every request below the store, whatever the path', async () => {
    const { http, store } = clientWith([ok]);
    await http.request({ method: 'GET', path: '//evil.example/v3/x' });
    expect(store.requests[0]!.url.href).toBe('https://api.bigcommerce.com/stores/abc123/evil.example/v3/x');
  });

  it("lets no ky error out: a network failure is a ConnectionError caused by the runtime's own error", async () => {
    const runtimeError = new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') });
    const { http } = clientWith([{ error: runtimeError }], { maxRetries: 0 });
    const error = (await http.request({ method: 'GET', path: '/v2/store' }).catch((caught: unknown) => caught)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    // A redacted copy of the runtime's error and its causes: name, message, code, stack, nothing else.
    expect(error.cause).toMatchObject({ name: 'TypeError', message: 'fetch failed', cause: { name: 'Error', message: 'ECONNREFUSED' } });
    for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
      expect(cause.name).not.toMatch(/^(NetworkError|HTTPError|TimeoutError|KyError)$/);
      expect(cause).not.toHaveProperty('request');
    }
  });

  it("rejects with the caller's abort reason during a backoff, without another attempt", async () => {
    const { http, store } = clientWith([{ status: 503 }, ok]);
    const controller = new AbortController();
    const result = http.request({ method: 'GET', path: '/v2/store' }, { signal: controller.signal }).catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(100);
    const reason = new Error('caller gave up');
    controller.abort(reason);
    expect(await result).toBe(reason);
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.requests).toHaveLength(1);
  });

  it('reports the larger of the pause a 429 asks for and the backoff as the retry delay', async () => {
    const { http, retries } = clientWith([tooMany({ 'X-Rate-Limit-Time-Reset-Ms': '40' }), tooMany({ 'X-Rate-Limit-Time-Reset-Ms': '4000' }), ok]);
    const result = http.request({ method: 'GET', path: '/v2/store' });
    await vi.advanceTimersByTimeAsync(250 + 4000);
    await result;
    expect(retries().map((event) => event.type === 'retry' && event.delayMs)).toEqual([250, 4000]);
  });
});
