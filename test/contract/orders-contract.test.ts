import { expect, it } from 'vitest';
import type { SandboxRequest } from '../../src/testing/index';
import { ADDRESS, purchaseOrder, setup } from '../operations/orders/fixtures';
import { describeWithSpecs, requestBodyValidator, responseValidator } from '../helpers/openapi';
import { API, AUTH } from '../testing/sandbox-fixtures';

/** Sends a mix of POs covering every optional field, each policy and both pricings; returns the log. */
async function sendVariety(): Promise<{ requests: readonly SandboxRequest[]; sandbox: ReturnType<typeof setup>['sandbox'] }> {
  const { sandbox, source } = setup({ customers: [{ email: 'known@retailer.example' }] });
  const full = {
    ...ADDRESS,
    company: 'Retail Co',
    street2: 'Suite 2',
    phone: '555-0100',
    email: 'ap@retailer.example',
  };
  await source.orders.send(
    purchaseOrder({
      poNumber: 'PO-FULL',
      billingAddress: full,
      shippingAddress: { ...full, country: 'DE', state: undefined },
      shippingMethod: 'UPS Ground',
      shippingCost: 12.5,
      notes: 'Staff only',
      customerMessage: 'Thanks',
      items: [{ sku: 'MUG-1', quantity: 2, unitPrice: 8 }, { sku: 'TEE-S', quantity: 1, unitPrice: 15.25 }],
    }),
    { customerPolicy: 'create-if-missing', pricing: 'po', statusId: 1, externalSource: 'ERP (Acme)', channelId: 1 },
  );
  await source.orders.send(purchaseOrder({ poNumber: 'PO-GUEST', email: undefined }));
  await source.orders.send(purchaseOrder({ poNumber: 'PO-KNOWN', email: 'known@retailer.example' }), { customerPolicy: 'require-existing' });
  // A minimal customer: no company, no phone.
  await source.orders.send(purchaseOrder({ poNumber: 'PO-NEW', email: 'new@retailer.example' }), { customerPolicy: 'create-if-missing' });
  return { requests: sandbox.requests, sandbox };
}

function bodiesOf(requests: readonly SandboxRequest[], method: string, path: string): unknown[] {
  return requests.filter((request) => request.method === method && request.path === path).map((request) => request.body);
}

describeWithSpecs('Send Orders request bodies match the OpenAPI specs', () => {
  it('every POST /v2/orders body validates against orders.v2 order_Post', async () => {
    const validate = await requestBodyValidator('orders.v2', 'post', '/orders');
    const { requests } = await sendVariety();
    const bodies = bodiesOf(requests, 'POST', '/v2/orders');
    expect(bodies).toHaveLength(4);
    for (const body of bodies) expect(validate(body)).toEqual([]);
    // external_id is read-only; the PO number travels in external_order_id.
    for (const body of bodies) expect(body).not.toHaveProperty('external_id');
  });

  it('every POST /v3/customers body validates against customers.v3 createCustomers', async () => {
    const validate = await requestBodyValidator('customers.v3', 'post', '/customers');
    const { requests } = await sendVariety();
    const bodies = bodiesOf(requests, 'POST', '/v3/customers');
    expect(bodies).toHaveLength(2);
    for (const body of bodies) expect(validate(body)).toEqual([]);
  });

  it('the validators are not vacuous', async () => {
    const orders = await requestBodyValidator('orders.v2', 'post', '/orders');
    const customers = await requestBodyValidator('customers.v3', 'post', '/customers');
    expect(orders({ billing_address: { zip: 12345 } })).not.toEqual([]);
    expect(customers([{ email: 'a@b.c', first_name: '' }])).not.toEqual([]);
  });
});

describeWithSpecs('the sandbox order and customer routes answer in the specs shapes', () => {
  const get = async (sandbox: ReturnType<typeof setup>['sandbox'], path: string) => {
    const response = await sandbox.fetch(`${API}${path}`, { headers: AUTH });
    expect(response.status).toBe(200);
    return response.json();
  };

  it('POST and GET /v2/orders, GET /v2/orders/{id}, its products and shipping addresses', async () => {
    const { sandbox } = await sendVariety();
    const created = await sandbox.fetch(`${API}/v2/orders`, {
      method: 'POST',
      headers: { ...AUTH, 'Content-Type': 'application/json' },
      body: JSON.stringify({ billing_address: { zip: '78701', country_iso2: 'US' }, products: [{ product_id: 1, quantity: 1 }] }),
    });
    expect((await responseValidator('orders.v2', 'post', '/orders', 200))(await created.json())).toEqual([]);
    expect((await responseValidator('orders.v2', 'get', '/orders', 200))(await get(sandbox, '/v2/orders?sort=id:desc'))).toEqual([]);
    expect((await responseValidator('orders.v2', 'get', '/orders/{order_id}', 200))(await get(sandbox, '/v2/orders/100'))).toEqual([]);
    expect((await responseValidator('orders.v2', 'get', '/orders/{order_id}/products', 200))(await get(sandbox, '/v2/orders/100/products'))).toEqual([]);
    expect(
      (await responseValidator('orders.v2', 'get', '/orders/{order_id}/shipping_addresses', 200))(await get(sandbox, '/v2/orders/100/shipping_addresses')),
    ).toEqual([]);
    expect((await responseValidator('orders.v2', 'get', '/order_statuses', 200))(await get(sandbox, '/v2/order_statuses'))).toEqual([]);
  });

  it('GET and POST /v3/customers, and the 422 on a taken email', async () => {
    const { sandbox } = await sendVariety();
    expect((await responseValidator('customers.v3', 'get', '/customers', 200))(await get(sandbox, '/v3/customers?include=addresses'))).toEqual([]);
    const post = (body: unknown) =>
      sandbox.fetch(`${API}/v3/customers`, { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const created = await post([{ email: 'fresh@x.example', first_name: 'F', last_name: 'R', addresses: [{ first_name: 'F', last_name: 'R', address1: '1 St', city: 'Austin', country_code: 'US' }] }]);
    expect(created.status).toBe(200);
    expect((await responseValidator('customers.v3', 'post', '/customers', 200))(await created.json())).toEqual([]);
    const taken = await post([{ email: 'FRESH@x.example', first_name: 'F', last_name: 'R' }]);
    expect(taken.status).toBe(422);
    expect((await responseValidator('customers.v3', 'post', '/customers', 422))(await taken.json())).toEqual([]);
  });
});
