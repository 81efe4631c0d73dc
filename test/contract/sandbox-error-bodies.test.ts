import { expect, it } from 'vitest';
import { createSandboxStore } from '../../src/testing/index';
import { respondV3List } from '../../src/testing/responses/v3-list';
import {
  componentResponseValidator,
  componentSchemaValidator,
  describeWithSpecs,
  responseExamples,
  responseValidator,
} from '../helpers/openapi';

const API = 'https://api.bigcommerce.com/stores/sandbox1';
const AUTH = { 'X-Auth-Token': 'sandbox-token' };

describeWithSpecs('sandbox error bodies match the specs', () => {
  it('v2 404 (an order the sandbox does not know) matches orders.v2 GET /orders/{order_id} 404 and 404_Resp', async () => {
    const sandbox = createSandboxStore();
    const response = await sandbox.fetch(`${API}/v2/orders/999`, { headers: AUTH });
    expect(response.status).toBe(404);
    const body: unknown = await response.json();

    // GET /orders/{order_id} declares its 404 with an empty schema; the shared 404_Resp has the shape.
    expect((await responseValidator('orders.v2', 'get', '/orders/{order_id}', 404))(body)).toEqual([]);
    expect((await componentResponseValidator('orders.v2', '404_Resp'))(body)).toEqual([]);
    expect((await responseValidator('orders.v2', 'get', '/orders/{order_id}/consignments', 404))(body)).toEqual([]);
    // Word for word what the spec shows.
    expect(await responseExamples('orders.v2', 'get', '/orders/{order_id}/consignments', 404)).toContainEqual(body);
  });

  it('v3 429 matches customers.v3 POST /customers/validate-credentials 429, the one v3 operation declaring a 429', async () => {
    const sandbox = createSandboxStore({ rateLimit: { quota: 1 } });
    await sandbox.fetch(`${API}/v3/customers`, { headers: AUTH });
    const response = await sandbox.fetch(`${API}/v3/customers`, { headers: AUTH });
    expect(response.status).toBe(429);
    const body: unknown = await response.json();

    expect((await responseValidator('customers.v3', 'post', '/customers/validate-credentials', 429))(body)).toEqual([]);
    const [example] = await responseExamples('customers.v3', 'post', '/customers/validate-credentials', 429);
    // The example adds an empty `errors`; everything else is the same.
    expect({ ...(body as object), errors: {} }).toEqual(example);
  });

  it('v3 401, 403 and 404 bodies match customers.v3 ErrorResponse and products_catalog.v3 404', async () => {
    const errorResponse = await componentSchemaValidator('customers.v3', 'ErrorResponse');
    const notFound = await responseValidator('products_catalog.v3', 'get', '/catalog/products/{product_id}', 404);

    const sandbox = createSandboxStore();
    const unauthorized = await sandbox.fetch(`${API}/v3/catalog/products/1`);
    const wrongStore = await sandbox.fetch('https://api.bigcommerce.com/stores/otherstore/v3/catalog/products/1', { headers: AUTH });
    const missing = await sandbox.fetch(`${API}/v3/catalog/products/1`, { headers: AUTH });
    expect([unauthorized.status, wrongStore.status, missing.status]).toEqual([401, 403, 404]);

    for (const response of [unauthorized, wrongStore, missing]) {
      expect(errorResponse(await response.clone().json())).toEqual([]);
    }
    expect(notFound(await missing.json())).toEqual([]);
  });

  it('the v3 list helper\'s 413 and 422 match products_catalog.v3 error schemas', async () => {
    const tooLarge = respondV3List([], new URLSearchParams('limit=251'));
    expect(tooLarge.status).toBe(413);
    expect((await responseValidator('products_catalog.v3', 'put', '/catalog/products', 413))(await tooLarge.json())).toEqual([]);

    const invalid = respondV3List([], new URLSearchParams('page=zero'));
    expect(invalid.status).toBe(422);
    expect((await responseValidator('products_catalog.v3', 'post', '/catalog/products', 422))(await invalid.json())).toEqual([]);
  });
});
