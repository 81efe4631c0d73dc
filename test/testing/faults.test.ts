import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createSandboxStore } from '../../src/testing/index';
import { get } from './sandbox-fixtures';

describe('status faults', () => {
  it('answers the next N requests with the status, then recovers', async () => {
    const sandbox = createSandboxStore();
    const fault = sandbox.injectFault({ kind: 'status', status: 503 }, { times: 2 });

    expect((await get(sandbox, '/v2/store')).status).toBe(503);
    expect(fault).toMatchObject({ hits: 1, remaining: 1 });
    const second = await get(sandbox, '/v2/store');
    expect(second.status).toBe(503);
    expect(await second.json()).toEqual([{ status: 503, message: expect.any(String) }]);
    expect((await get(sandbox, '/v2/store')).status).toBe(200);
    expect(fault).toMatchObject({ hits: 2, remaining: 0 });
  });

  it('uses the path\'s error style by default, or the body and headers given', async () => {
    const sandbox = createSandboxStore();
    sandbox.injectFault({ kind: 'status', status: 409 });
    const v3 = await get(sandbox, '/v3/catalog/products');
    expect(await v3.json()).toMatchObject({ status: 409, title: expect.any(String), type: expect.any(String) });

    const body = { status: 422, title: 'Invalid fields', type: 'x', errors: { sku: 'The sku is taken.' } };
    sandbox.injectFault({ kind: 'status', status: 422, body, headers: { 'X-Request-Id': 'req-1' } });
    const custom = await get(sandbox, '/v3/catalog/products');
    expect(custom.headers.get('x-request-id')).toBe('req-1');
    expect(await custom.json()).toEqual(body);

    sandbox.injectFault({ kind: 'status', status: 500, body: null });
    const empty = await get(sandbox, '/v2/store');
    expect(await empty.text()).toBe('');
  });

  it('sends a 429 without rate-limit headers unless given, as platform-level throttling does', async () => {
    const sandbox = createSandboxStore();
    sandbox.injectFault({ kind: 'status', status: 429 });
    sandbox.injectFault({ kind: 'status', status: 429, headers: { 'X-Rate-Limit-Time-Reset-Ms': '1500', 'X-Retry-After': '2' } });

    const bare = await get(sandbox, '/v2/store');
    expect(bare.status).toBe(429);
    expect(bare.headers.get('x-rate-limit-time-reset-ms')).toBeNull();
    expect(await bare.json()).toEqual({ status: 429, title: 'Too many requests', type: '/api-docs/getting-started/api-status-codes' });

    const withHeaders = await get(sandbox, '/v2/store');
    expect(withHeaders.headers.get('x-rate-limit-time-reset-ms')).toBe('1500');
    expect(withHeaders.headers.get('x-retry-after')).toBe('2');
  });

  it('spends no quota on faulted requests', async () => {
    const sandbox = createSandboxStore({ rateLimit: { quota: 5 } });
    sandbox.injectFault({ kind: 'status', status: 503 });
    await get(sandbox, '/v2/store');
    expect((await get(sandbox, '/v2/store')).headers.get('x-rate-limit-requests-left')).toBe('4');
  });
});

describe('fault matching and order', () => {
  it('applies a fault to matching requests only', async () => {
    const sandbox = createSandboxStore();
    sandbox.injectFault({ kind: 'status', status: 500 }, { match: { method: 'get', path: '/v2/time' } });
    expect((await get(sandbox, '/v2/store')).status).toBe(200);
    expect((await get(sandbox, '/v2/time', { method: 'POST' })).status).toBe(405);
    expect((await get(sandbox, '/v2/time')).status).toBe(500);
    expect((await get(sandbox, '/v2/time')).status).toBe(200);
  });

  it('matches a RegExp against the path below the store', async () => {
    const sandbox = createSandboxStore();
    sandbox.injectFault({ kind: 'status', status: 502 }, { match: { path: /^\/v2\/orders\/\d+$/ }, times: Infinity });
    expect((await get(sandbox, '/v2/orders/7')).status).toBe(502);
    expect((await get(sandbox, '/v2/orders/8')).status).toBe(502);
    expect((await get(sandbox, '/v2/orders/8/shipments')).status).toBe(404);
  });

  it('consumes faults in order of injection', async () => {
    const sandbox = createSandboxStore();
    sandbox.injectFault({ kind: 'status', status: 500 });
    sandbox.injectFault({ kind: 'status', status: 502 });
    sandbox.injectFault({ kind: 'status', status: 503 });
    const statuses = [];
    for (let index = 0; index < 4; index += 1) statuses.push((await get(sandbox, '/v2/store')).status);
    expect(statuses).toEqual([500, 502, 503, 200]);
  });

  it('withdraws faults with cancel(), clearFaults() and reset()', async () => {
    const sandbox = createSandboxStore();
    sandbox.injectFault({ kind: 'status', status: 500 }).cancel();
    expect((await get(sandbox, '/v2/store')).status).toBe(200);
    sandbox.injectFault({ kind: 'status', status: 500 }, { times: Infinity });
    sandbox.clearFaults();
    expect((await get(sandbox, '/v2/store')).status).toBe(200);
    sandbox.injectFault({ kind: 'drop' });
    sandbox.reset();
    expect((await get(sandbox, '/v2/store')).status).toBe(200);
  });

  it('rejects unknown faults and bad options', () => {
    const sandbox = createSandboxStore();
    // @ts-expect-error an unknown kind
    expect(() => sandbox.injectFault({ kind: 'explode' })).toThrowError(TypeError);
    expect(() => sandbox.injectFault({ kind: 'status', status: 99 })).toThrowError(/status/);
    expect(() => sandbox.injectFault({ kind: 'drop' }, { times: 0 })).toThrowError(/times/);
  });
});

describe('connection faults through fetch', () => {
  it('drop: rejects like undici, with TypeError("fetch failed")', async () => {
    const sandbox = createSandboxStore();
    sandbox.injectFault({ kind: 'drop' });
    const failure = await get(sandbox, '/v2/store').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect(failure).toMatchObject({ message: 'fetch failed', cause: { code: 'UND_ERR_SOCKET' } });
    expect(sandbox.requests).toHaveLength(1);
  });

  it('hang: answers nothing until the request\'s signal aborts, then rejects with its reason', async () => {
    const sandbox = createSandboxStore();
    sandbox.injectFault({ kind: 'hang' });
    const controller = new AbortController();
    const pending = get(sandbox, '/v2/store', { signal: controller.signal });
    let settled = false;
    void pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(settled).toBe(false);
    const reason = new Error('gave up');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('hang: the caller\'s abort still ends it after garbage collections (no weakly linked signal copy)', async () => {
    // undici links a Request's signal to its source through a WeakRef: waiting on the copy's signal
    // hung for good once a GC collected the copy (20 s test timeouts on a loaded CI machine).
    v8.setFlagsFromString('--expose-gc');
    const collectGarbage = vm.runInNewContext('gc') as () => void;
    const sandbox = createSandboxStore();
    sandbox.injectFault({ kind: 'hang' });
    const controller = new AbortController();
    const pending = get(sandbox, '/v2/store', { signal: controller.signal });
    for (let round = 0; round < 3; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      collectGarbage();
    }
    const reason = new Error('gave up');
    controller.abort(reason);
    const outcome = await Promise.race([pending.then(() => 'answered', (error: unknown) => error), new Promise((resolve) => setTimeout(() => resolve('still hanging'), 1_000))]);
    expect(outcome).toBe(reason);
  });

  it('rejects at once for a signal aborted before the call', async () => {
    const sandbox = createSandboxStore();
    await expect(get(sandbox, '/v2/store', { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(sandbox.requests).toHaveLength(0);
  });

  it('malformed-json: a 200 JSON response cut off mid-body', async () => {
    const sandbox = createSandboxStore();
    sandbox.injectFault({ kind: 'malformed-json' });
    const response = await get(sandbox, '/v2/store');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    await expect(response.json()).rejects.toThrowError(SyntaxError);
  });

  it('html-error: an HTML error page as a proxy sends it, 502 by default', async () => {
    const sandbox = createSandboxStore();
    sandbox.injectFault({ kind: 'html-error' });
    sandbox.injectFault({ kind: 'html-error', status: 504 });
    const badGateway = await get(sandbox, '/v2/store');
    expect(badGateway.status).toBe(502);
    expect(badGateway.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await badGateway.text()).toContain('<title>502 Bad Gateway</title>');
    expect((await get(sandbox, '/v2/store')).status).toBe(504);
  });
});
