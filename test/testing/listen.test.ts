import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxStore, seedCatalog, type SandboxListener, type SandboxStore } from '../../src/testing/index';

let sandbox: SandboxStore;
let server: SandboxListener;

beforeEach(async () => {
  sandbox = createSandboxStore();
  server = await sandbox.listen();
});
afterEach(async () => {
  await server.close();
});

const call = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}/stores/sandbox1${path}`, { ...init, headers: { 'X-Auth-Token': 'sandbox-token', ...init.headers } });

describe('listen()', () => {
  it('serves the store over HTTP on 127.0.0.1 and a free port', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await call('/v2/store');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-rate-limit-requests-quota')).toBe('10000');
    expect(await response.json()).toMatchObject({ id: 'sandbox1' });
  });

  it('sends a catalog page with the same bytes and headers over HTTP as in-process', async () => {
    seedCatalog(sandbox.catalog, { products: 40, seed: 3 });
    const path = '/v3/catalog/products?include=variants&sort=id&limit=25';
    const overHttp = await call(path);
    const inProcess = await sandbox.fetch(`https://api.bigcommerce.com/stores/sandbox1${path}`, { headers: { 'X-Auth-Token': 'sandbox-token' } });
    expect(overHttp.status).toBe(200);
    expect(overHttp.headers.get('content-type')).toBe('application/json');
    expect(overHttp.headers.get('x-rate-limit-requests-left')).not.toBeNull();
    const [httpText, localText] = [await overHttp.text(), await inProcess.text()];
    expect(httpText).toBe(localText);
    const body = JSON.parse(httpText) as { data: Array<{ id: number; variants: unknown[] }>; meta: { pagination: { total: number } } };
    expect(body.data).toHaveLength(25);
    expect(body.meta.pagination.total).toBe(40);
    expect(body.data.every((product) => product.variants.length > 0)).toBe(true);
    // A second read of the same page (cached product bytes) is identical too.
    expect(await (await call(path)).text()).toBe(httpText);
  });

  it('logs requests received over HTTP, with their JSON body', async () => {
    await call('/v3/catalog/products?limit=5', {
      method: 'POST',
      body: JSON.stringify({ name: 'Widget' }),
      headers: { 'Content-Type': 'application/json' },
    });
    const [request] = sandbox.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v3/catalog/products', body: { name: 'Widget' } });
    expect(request?.query.get('limit')).toBe('5');
    expect(request?.headers['x-auth-token']).toBe('sandbox-token');
  });

  it('answers 401 over HTTP too', async () => {
    const response = await fetch(`${server.url}/stores/sandbox1/v2/store`);
    expect(response.status).toBe(401);
  });

  it('can serve on several ports at once', async () => {
    const second = await sandbox.listen();
    try {
      expect(second.url).not.toBe(server.url);
      expect((await fetch(`${second.url}/stores/sandbox1/v2/time`, { headers: { 'X-Auth-Token': 'sandbox-token' } })).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});

describe('faults over HTTP', () => {
  it('status: sends the status and body', async () => {
    sandbox.injectFault({ kind: 'status', status: 503 });
    const response = await call('/v2/store');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual([{ status: 503, message: expect.any(String) }]);
  });

  it('drop: destroys the socket without answering', async () => {
    sandbox.injectFault({ kind: 'drop' });
    const failure = await call('/v2/store').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).cause).toMatchObject({ code: 'UND_ERR_SOCKET' });
    // The server keeps serving other connections.
    expect((await call('/v2/store')).status).toBe(200);
  });

  it('hang: answers nothing until the client gives up', async () => {
    sandbox.injectFault({ kind: 'hang' });
    await expect(call('/v2/store', { signal: AbortSignal.timeout(50) })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect((await call('/v2/store')).status).toBe(200);
  });

  it('hang: close() ends hung requests instead of waiting for them', async () => {
    sandbox.injectFault({ kind: 'hang' });
    const pending = call('/v2/store').catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await server.close();
    expect(await pending).toBeInstanceOf(TypeError);
    server = await sandbox.listen();
  });

  it('malformed-json: a 200 JSON body cut off', async () => {
    sandbox.injectFault({ kind: 'malformed-json' });
    const response = await call('/v2/store');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    await expect(response.json()).rejects.toThrowError(SyntaxError);
  });

  it('html-error: an HTML page with the status', async () => {
    sandbox.injectFault({ kind: 'html-error', status: 503 });
    const response = await call('/v2/store');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('503 Service Unavailable');
  });

  it('latency: the client hanging up ends the wait on the server', async () => {
    const slow = createSandboxStore({ latencyMs: 60_000 });
    const slowServer = await slow.listen();
    const pendingTimers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    try {
      const before = pendingTimers();
      const pending = fetch(`${slowServer.url}/stores/sandbox1/v2/store`, { signal: AbortSignal.timeout(100) });
      await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' });
      // The server's 60 s latency timer is cleared once it sees the connection close.
      await expect.poll(pendingTimers, { timeout: 2_000 }).toBeLessThanOrEqual(before);
    } finally {
      await slowServer.close();
    }
  });
});
