import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  BigCommerceSource,
  ConflictError,
  ConnectionError,
  createApiKeyAuth,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
  type BigCommerceSourceOptions,
} from '../../src/index';
import { createSandboxStore, type SandboxListener, type SandboxStore, type SandboxStoreOptions } from '../../src/testing/index';

function sourceFor(sandbox: SandboxStore, options: Partial<BigCommerceSourceOptions> = {}): BigCommerceSource {
  return new BigCommerceSource({
    storeHash: 'sandbox1',
    auth: createApiKeyAuth({ accessToken: 'sandbox-token' }),
    fetch: sandbox.fetch,
    maxRetries: 0,
    ...options,
  });
}

function setup(options?: SandboxStoreOptions) {
  const sandbox = createSandboxStore(options);
  return { sandbox, source: sourceFor(sandbox) };
}

/** The error `verifyConnection()` fails with. */
async function failureOf(source: BigCommerceSource, options?: { timeoutMs?: number }): Promise<unknown> {
  return source.verifyConnection(options).then(
    () => expect.unreachable('verifyConnection() should fail'),
    (error: unknown) => error,
  );
}

describe('BigCommerceSource against the sandbox store (fetch)', () => {
  it('docs/testing.md quick start', async () => {
    const sandbox = createSandboxStore();
    const source = new BigCommerceSource({
      storeHash: sandbox.storeHash,
      auth: createApiKeyAuth({ accessToken: sandbox.accessToken }),
      fetch: sandbox.fetch,
    });
    await expect(source.verifyConnection()).resolves.toMatchObject({ storeHash: 'sandbox1', name: 'Sandbox Supply Co.' });
  });

  it('verifyConnection() returns the store profile', async () => {
    const { sandbox, source } = setup({ profile: { name: 'Acme Wholesale' } });
    await expect(source.verifyConnection()).resolves.toEqual({
      storeHash: 'sandbox1',
      name: 'Acme Wholesale',
      domain: 'sandbox-supply.example',
      secureUrl: 'https://sandbox-supply.example',
      controlPanelUrl: 'https://store-sandbox1.mybigcommerce.com',
      status: 'live',
      countryCode: 'US',
      currency: 'USD',
      timezone: 'America/Chicago',
      planName: 'Sandbox',
      storeId: 1000001,
      defaultChannelId: 1,
    });
    expect(sandbox.requests).toHaveLength(1);
    expect(sandbox.requests[0]).toMatchObject({
      method: 'GET',
      path: '/v2/store',
      headers: { 'x-auth-token': 'sandbox-token', accept: 'application/json', 'user-agent': expect.stringMatching(/^bigcommerce-source\//) },
    });
  });

  it('401 → AuthenticationError', async () => {
    const sandbox = createSandboxStore();
    const source = sourceFor(sandbox, { auth: createApiKeyAuth({ accessToken: 'revoked-token' }) });
    const error = await failureOf(source);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, method: 'GET', path: '/v2/store' });
    expect(JSON.stringify(error)).not.toContain('revoked-token');
  });

  it('403 for a missing scope → PermissionError', async () => {
    const { source } = setup({ scopes: ['store_v2_products_read_only'] });
    const error = await failureOf(source);
    expect(error).toBeInstanceOf(PermissionError);
    expect((error as PermissionError).message).toContain('required scope');
  });

  it('403 for another store\'s hash → PermissionError', async () => {
    const sandbox = createSandboxStore();
    const error = await failureOf(sourceFor(sandbox, { storeHash: 'otherstore' }));
    expect(error).toBeInstanceOf(PermissionError);
  });

  it('404 → NotFoundError', async () => {
    const { sandbox, source } = setup();
    sandbox.injectFault({ kind: 'status', status: 404 });
    const error = await failureOf(source);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toContain('The requested resource was not found.');
  });

  it('409 → ConflictError', async () => {
    const { sandbox, source } = setup();
    sandbox.injectFault({ kind: 'status', status: 409 });
    expect(await failureOf(source)).toBeInstanceOf(ConflictError);
  });

  it('422 with v3 errors → UnprocessableEntityError with fieldErrors', async () => {
    const { sandbox, source } = setup();
    sandbox.injectFault({
      kind: 'status',
      status: 422,
      body: {
        status: 422,
        title: 'Missing Required Fields',
        type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
        errors: { name: 'Please provide a name.', 'billing_address.zip': 'Please provide a zip.' },
      },
    });
    const error = await failureOf(source);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).fieldErrors).toEqual([
      { path: 'name', message: 'Please provide a name.' },
      { path: 'billing_address.zip', message: 'Please provide a zip.' },
    ]);
  });

  it('429 once the quota is spent and no retries are left → RateLimitError with resetMs', async () => {
    const sandbox = createSandboxStore({ rateLimit: { quota: 1, windowMs: 30_000 } });
    // Another app on the store spends the quota: it is the store's, not the source's.
    await sandbox.fetch('https://api.bigcommerce.com/stores/sandbox1/v2/time', { headers: { 'X-Auth-Token': 'sandbox-token' } });
    const error = await failureOf(sourceFor(sandbox));
    expect(error).toBeInstanceOf(RateLimitError);
    const { resetMs } = error as RateLimitError;
    expect(resetMs).toBeGreaterThan(25_000);
    expect(resetMs).toBeLessThanOrEqual(30_000);
  });

  it('retries a 429 after the reset the store asked for, then succeeds', async () => {
    const sandbox = createSandboxStore();
    sandbox.injectFault({ kind: 'status', status: 429, headers: { 'X-Rate-Limit-Time-Reset-Ms': '20', 'X-Rate-Limit-Requests-Left': '0' } });
    const source = sourceFor(sandbox, { maxRetries: 1 });
    await expect(source.verifyConnection()).resolves.toMatchObject({ storeHash: 'sandbox1' });
    expect(sandbox.requests).toHaveLength(2);
  });

  it.each([500, 503])('%i → ServerError', async (status) => {
    const { sandbox, source } = setup();
    sandbox.injectFault({ kind: 'status', status });
    const error = await failureOf(source);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status });
  });

  it('recovers from a 503 with a retry', async () => {
    const sandbox = createSandboxStore();
    sandbox.injectFault({ kind: 'status', status: 503 });
    await expect(sourceFor(sandbox, { maxRetries: 1 }).verifyConnection()).resolves.toMatchObject({ storeHash: 'sandbox1' });
    expect(sandbox.requests).toHaveLength(2);
  });

  it('dropped connection → ConnectionError', async () => {
    const { sandbox, source } = setup();
    sandbox.injectFault({ kind: 'drop' });
    const error = await failureOf(source);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toContain('other side closed');
  });

  it('hung request with timeoutMs 50 → TimeoutError', async () => {
    const { sandbox, source } = setup();
    sandbox.injectFault({ kind: 'hang' });
    const error = await failureOf(source, { timeoutMs: 50 });
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 50 });
  });

  it('malformed JSON → ResponseValidationError', async () => {
    const { sandbox, source } = setup();
    sandbox.injectFault({ kind: 'malformed-json' });
    expect(await failureOf(source)).toBeInstanceOf(ResponseValidationError);
  });

  it('HTML error page 502 → ServerError whose message has no HTML', async () => {
    const { sandbox, source } = setup();
    sandbox.injectFault({ kind: 'html-error', status: 502 });
    const error = await failureOf(source);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ServerError).message).not.toMatch(/<|html|nginx/i);
  });
});

describe('BigCommerceSource against the sandbox store over HTTP (listen)', () => {
  let sandbox: SandboxStore;
  let server: SandboxListener;
  let source: BigCommerceSource;

  beforeEach(async () => {
    sandbox = createSandboxStore();
    server = await sandbox.listen();
    source = new BigCommerceSource({
      storeHash: 'sandbox1',
      auth: createApiKeyAuth({ accessToken: 'sandbox-token' }),
      apiBaseUrl: server.url,
      maxRetries: 0,
    });
  });
  afterEach(async () => {
    await server.close();
  });

  it('verifyConnection() works with apiBaseUrl = url', async () => {
    await expect(source.verifyConnection()).resolves.toMatchObject({ storeHash: 'sandbox1', name: 'Sandbox Supply Co.' });
    expect(sandbox.requests[0]).toMatchObject({ path: '/v2/store', headers: { 'x-auth-token': 'sandbox-token' } });
  });

  it('a dropped socket → ConnectionError', async () => {
    sandbox.injectFault({ kind: 'drop' });
    expect(await failureOf(source)).toBeInstanceOf(ConnectionError);
  });

  it('a hung request → TimeoutError', async () => {
    sandbox.injectFault({ kind: 'hang' });
    expect(await failureOf(source, { timeoutMs: 50 })).toBeInstanceOf(TimeoutError);
  });
});
