import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { path, ResponseValidationError, ServerError, ValidationError, type SourceEvent } from '../../src/index';
import { createSandboxStore } from '../../src/testing/index';
import { sourceFor } from '../helpers/sandbox-source';
import { purchaseOrder, setup } from '../operations/orders/fixtures';

const customers = Array.from({ length: 7 }, (_, index) => ({ email: `buyer${index + 1}@retailer.example`, first_name: 'Ann', last_name: `Lee ${index + 1}` }));

describe('source.request', () => {
  it('sends any call through the core and returns status, data and headers', async () => {
    const sandbox = createSandboxStore({ customers });
    const source = sourceFor(sandbox);
    const response = await source.request({
      method: 'GET',
      path: '/v3/customers',
      query: { 'email:in': ['buyer2@retailer.example', 'buyer5@retailer.example'] },
      schema: z.looseObject({ data: z.array(z.looseObject({ id: z.int(), email: z.string() })) }),
    });
    expect(response.status).toBe(200);
    expect(response.data?.data.map((customer) => customer.email)).toEqual(['buyer2@retailer.example', 'buyer5@retailer.example']);
    expect(response.headers.get('x-rate-limit-requests-left')).toMatch(/^\d+$/);
    expect(sandbox.requests.map((request) => [request.method, request.path, request.query.get('email:in')])).toEqual([
      ['GET', '/v3/customers', 'buyer2@retailer.example,buyer5@retailer.example'],
    ]);
  });

  it('encodes path parameters with the path tag', async () => {
    const sandbox = createSandboxStore();
    const error = await sourceFor(sandbox)
      .request({ method: 'GET', path: path`/v2/orders/${'7/../../v3/customers'}` })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 404 });
    expect(sandbox.requests[0]!.path).toBe('/v2/orders/7%2F..%2F..%2Fv3%2Fcustomers');
  });

  it('waits out a 429 and then succeeds', async () => {
    const sandbox = createSandboxStore();
    sandbox.injectFault({ kind: 'status', status: 429, headers: { 'X-Rate-Limit-Time-Reset-Ms': '300', 'X-Rate-Limit-Requests-Left': '0' } });
    const events: SourceEvent[] = [];
    const response = await sourceFor(sandbox, { onEvent: (event) => events.push(event) }).request({ method: 'GET', path: '/v2/store' });
    expect(response.status).toBe(200);
    expect(sandbox.requests).toHaveLength(2);
    expect(sandbox.requests[1]!.receivedAtMs - sandbox.requests[0]!.receivedAtMs).toBeGreaterThanOrEqual(300);
    const [retry] = events.filter((event) => event.type === 'retry');
    // The larger of the pause (300 ms) and the first backoff (250 to 500 ms).
    expect(retry).toMatchObject({ reason: 'status 429' });
    expect(retry?.type === 'retry' && retry.delayMs).toBeGreaterThanOrEqual(300);
    expect(retry?.type === 'retry' && retry.delayMs).toBeLessThanOrEqual(500);
  });

  it('does not retry a POST on 500 (the store may have done the work), unless it is marked repeatable', async () => {
    const sandbox = createSandboxStore();
    sandbox.injectFault({ kind: 'status', status: 500 }, { times: 2 });
    const source = sourceFor(sandbox);
    const body = [{ email: 'new@retailer.example', first_name: 'New', last_name: 'Buyer' }];
    await expect(source.request({ method: 'POST', path: '/v3/customers', body })).rejects.toBeInstanceOf(ServerError);
    expect(sandbox.requests).toHaveLength(1);
    expect(sandbox.customers.size).toBe(0);

    sandbox.clearRequests();
    const response = await source.request({ method: 'PUT', path: '/v2/store', body: {}, repeatable: true }).catch((caught: unknown) => caught);
    expect(sandbox.requests.length).toBeGreaterThanOrEqual(2);
    expect(response).not.toBeInstanceOf(ServerError);
  });

  it.each([
    ['no version', '/catalog/products'],
    ['v1', '/v1/catalog/products'],
    ['an absolute URL', 'https://evil.example/v3/catalog/products'],
    ['a protocol-relative URL', '//evil.example/v3/x'],
    ['a .. segment', '/v3/catalog/../../other-store/v3/customers'],
    ['an encoded .. segment', '/v3/catalog/%2e%2E/customers'],
    ['a . segment', '/v3/./customers'],
    ['//', '/v3//customers'],
    ['a backslash', '/v3/catalog\\..\\customers'],
    ['a query in the path', '/v3/customers?email:in=a@b.c'],
    ['a fragment', '/v3/customers#x'],
    ['a space', '/v3/catalog/products name'],
    ['a newline', '/v3/customers\n'],
  ])('refuses %s as a path, before anything is sent', async (_, badPath) => {
    const sandbox = createSandboxStore();
    const error = await sourceFor(sandbox)
      .request({ method: 'GET', path: badPath })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]).toMatchObject({ path: 'path' });
    expect((error as ValidationError).message).toMatch(/^\[bigcommerce-source\] source\.request: invalid request\. path: expected a path below the store/);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('refuses an unknown method or a query it cannot send, naming the field', async () => {
    const sandbox = createSandboxStore();
    const source = sourceFor(sandbox);
    const badMethod = await source.request({ method: 'PATCH' as 'PUT', path: '/v2/store' }).catch((caught: unknown) => caught);
    expect((badMethod as ValidationError).issues).toMatchObject([{ path: 'method' }]);
    const badQuery = await source.request({ method: 'GET', path: '/v2/store', query: { nested: { a: 1 } as never } }).catch((caught: unknown) => caught);
    expect((badQuery as ValidationError).issues).toMatchObject([{ path: 'query.nested' }]);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('never shows the token in an error, even when the store echoes it', async () => {
    const sandbox = createSandboxStore();
    sandbox.injectFault({ kind: 'status', status: 400, body: { status: 400, title: `bad token ${sandbox.accessToken}`, errors: { token: sandbox.accessToken } } });
    const error = await sourceFor(sandbox)
      .request({ method: 'GET', path: '/v3/customers' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400 });
    expect(JSON.stringify(error)).not.toContain(sandbox.accessToken);
    expect(String((error as Error).message)).not.toContain(sandbox.accessToken);
  });

  it('checks the body with the schema given', async () => {
    const sandbox = createSandboxStore();
    const error = await sourceFor(sandbox)
      .request({ method: 'GET', path: '/v2/store', schema: z.looseObject({ name: z.number() }) })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toMatchObject([{ path: 'name' }]);
  });
});

describe('source.paginate', () => {
  it('reads a v3 list page by page and yields every item once', async () => {
    const sandbox = createSandboxStore({ customers });
    const emails: string[] = [];
    for await (const customer of sourceFor(sandbox).paginate({ path: '/v3/customers', pageSize: 3, itemSchema: z.looseObject({ email: z.string() }) })) {
      emails.push(customer.email);
    }
    expect(emails).toEqual(customers.map((customer) => customer.email));
    expect(sandbox.requests.map((request) => `${request.query.get('page')}/${request.query.get('limit')}`)).toEqual(['1/3', '2/3', '3/3']);
  });

  it('reads a v2 list until a short page, and a 204 as the end', async () => {
    const { sandbox, source } = setup();
    for (let number = 1; number <= 7; number += 1) await source.orders.send(purchaseOrder({ poNumber: `PO-${number}` }));
    sandbox.clearRequests();
    const poNumbers: string[] = [];
    for await (const order of source.paginate({ path: '/v2/orders', pageSize: 3, itemSchema: z.looseObject({ external_order_id: z.string() }) })) {
      poNumbers.push(order.external_order_id);
    }
    expect(poNumbers).toEqual(['PO-1', 'PO-2', 'PO-3', 'PO-4', 'PO-5', 'PO-6', 'PO-7']);
    expect(sandbox.requests.map((request) => request.query.get('page'))).toEqual(['1', '2', '3']);

    sandbox.clearRequests();
    const none: unknown[] = [];
    for await (const order of source.paginate({ path: '/v2/orders', query: { status_id: 5 } })) none.push(order);
    expect(none).toEqual([]);
    expect(sandbox.requests).toHaveLength(1);
  });

  it('reads a v2 list that ignores paging (more items than asked) once, not forever', async () => {
    const sandbox = createSandboxStore();
    const statuses: unknown[] = [];
    for await (const status of sourceFor(sandbox).paginate({ path: '/v2/order_statuses', pageSize: 5 })) statuses.push(status);
    expect(statuses).toHaveLength(15);
    expect(sandbox.requests).toHaveLength(1);
  });

  it('throws at the call for bad options, sending nothing', () => {
    const sandbox = createSandboxStore();
    const source = sourceFor(sandbox);
    expect(() => source.paginate({ path: '/v3/customers', query: { page: 2 } })).toThrow(ValidationError);
    expect(() => source.paginate({ path: '../v3/customers' })).toThrow(ValidationError);
    expect(() => source.paginate({ path: '/v3/customers', pageSize: 0 })).toThrow(ValidationError);
    expect(sandbox.requests).toHaveLength(0);
  });
});
