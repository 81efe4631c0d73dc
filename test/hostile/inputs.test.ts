import { describe, expect, it } from 'vitest';
import {
  BigCommerceSource,
  ConnectionError,
  createApiKeyAuth,
  createOAuth2Auth,
  path,
  TimeoutError,
  ValidationError,
  type SourceEvent,
} from '../../src/index';
import { createSandboxStore } from '../../src/testing/index';
import { sourceFor } from '../helpers/sandbox-source';
import { purchaseOrder, setup } from '../operations/orders/fixtures';
import { scriptedFetch, storeProfile } from '../helpers/scripted-fetch';

const LONE = 'PO-\uD800-1';

describe('errors that can never succeed are not retried', () => {
  it.each([
    ['a port fetch refuses', 'http://127.0.0.1:1', /bad port/],
    ['a port fetch refuses (6000, X11)', 'http://127.0.0.1:6000', /bad port/],
  ])('%s: one attempt, no retry event, the message says why', async (_, apiBaseUrl, reason) => {
    const events: SourceEvent[] = [];
    const source = new BigCommerceSource({ storeHash: 'abc123', auth: createApiKeyAuth({ accessToken: 'tok-abcdef' }), apiBaseUrl, maxRetries: 2, onEvent: (event) => events.push(event) });
    const error = (await source.verifyConnection().catch((caught: unknown) => caught)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(reason);
    expect(error.message).toContain('not retried');
    expect(events.filter((event) => event.type === 'request')).toHaveLength(1);
    expect(events.filter((event) => event.type === 'retry')).toHaveLength(0);
  });

  it('a dropped connection is still retried', async () => {
    const store = scriptedFetch([{ error: new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }) }, { status: 200, body: storeProfile }]);
    const source = new BigCommerceSource({ storeHash: 'abc123', auth: createApiKeyAuth({ accessToken: 'tok-abcdef' }), fetch: store.fetch });
    await expect(source.verifyConnection()).resolves.toMatchObject({ name: 'Acme Supply' });
    expect(store.requests).toHaveLength(2);
  });
});

describe('a hung token provider', () => {
  it('is bounded by the attempt deadline and gives its slot back', async () => {
    const store = scriptedFetch([], { status: 200, body: storeProfile });
    let calls = 0;
    const source = new BigCommerceSource({
      storeHash: 'abc123',
      // The first call never answers (and ignores the signal); later ones answer at once.
      auth: createOAuth2Auth({ clientId: 'app-1', getAccessToken: () => (++calls === 1 ? new Promise<string>(() => {}) : 'tok-abcdef') }),
      fetch: store.fetch,
      maxConcurrency: 1,
      maxRetries: 0,
      timeoutMs: 200,
    });
    const guard = <T>(promise: Promise<T>) => Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('still held after 5 s')), 5000))]);
    const first = source.verifyConnection().catch((caught: unknown) => caught);
    const second = source.verifyConnection();
    const error = (await guard(first)) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toContain('was not sent: the auth strategy gave no headers within 200 ms');
    await expect(guard(second)).resolves.toMatchObject({ name: 'Acme Supply' });
    expect(store.requests).toHaveLength(1);
  });

  it('a write whose token timed out was never sent, so it is retried like a 429', async () => {
    const store = scriptedFetch([], { status: 200, body: { id: 7 } });
    let calls = 0;
    const events: SourceEvent[] = [];
    const source = new BigCommerceSource({
      storeHash: 'abc123',
      auth: createOAuth2Auth({ clientId: 'app-1', getAccessToken: () => (++calls === 1 ? new Promise<string>(() => {}) : 'tok-abcdef') }),
      fetch: store.fetch,
      timeoutMs: 100,
      onEvent: (event) => events.push(event),
    });
    await expect(source.request({ method: 'POST', path: '/v2/orders', body: {} })).resolves.toMatchObject({ status: 200 });
    expect(store.requests).toHaveLength(1);
    expect(events.filter((event) => event.type === 'retry')).toMatchObject([{ reason: 'timeout', method: 'POST' }]);
  });
});

describe('lone surrogates are refused before anything is sent', () => {
  it('in a PO number, a SKU and an email', async () => {
    const { sandbox, source } = setup();
    const error = (await source.orders
      .send(purchaseOrder({ poNumber: LONE, email: 'a\uDC00@b.example', items: [{ sku: 'MUG-\uDBFF', quantity: 1 }] }), { customerPolicy: 'create-if-missing' })
      .catch((caught: unknown) => caught)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect([...new Set(error.issues.map((issue) => issue.path))].sort()).toEqual(['email', 'items[0].sku', 'poNumber']);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('in shipments.forPurchaseOrder, a query value and a path parameter', async () => {
    const sandbox = createSandboxStore();
    const source = sourceFor(sandbox);
    await expect(source.shipments.forPurchaseOrder(LONE)).rejects.toBeInstanceOf(ValidationError);
    await expect(source.request({ method: 'GET', path: '/v2/orders', query: { external_order_id: LONE } })).rejects.toBeInstanceOf(ValidationError);
    expect(() => path`/v2/orders/${LONE}`).toThrow(ValidationError);
    expect(sandbox.requests).toHaveLength(0);
  });
});

describe('checkpoint dates mean one instant', () => {
  it.each(['2026-02-31T12:00:00Z', '2026-11-26T10:00:00', '2026-11-26T10:00'])('modifiedSince %s is a ValidationError, nothing sent', (modifiedSince) => {
    const sandbox = createSandboxStore();
    expect(() => sourceFor(sandbox).inventory.pages({ modifiedSince })).toThrow(ValidationError);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('a date alone is midnight UTC, for inventory and shipments alike', async () => {
    const sandbox = createSandboxStore();
    const source = sourceFor(sandbox);
    for await (const _ of source.inventory.pages({ modifiedSince: '2026-11-26' }));
    for await (const _ of source.shipments.pages({ since: '2026-11-26' }));
    const sent = sandbox.requests.map((request) => request.query.get('date_modified:min') ?? request.query.get('min_date_modified'));
    expect(sent.filter(Boolean).every((value) => value!.startsWith('2026-11-2'))).toBe(true);
    expect(sent).toContain('2026-11-26T00:00:00Z');
  });

  it('shipments refuse an impossible date and a date-time without an offset', async () => {
    const sandbox = createSandboxStore();
    const source = sourceFor(sandbox);
    for (const since of ['2026-02-31T12:00:00Z', '2026-11-26T10:00:00']) {
      const error = await (async () => {
        for await (const _ of source.shipments.pages({ since }));
      })().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
    }
    expect(sandbox.requests).toHaveLength(0);
  });
});
