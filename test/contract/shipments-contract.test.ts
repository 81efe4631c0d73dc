import { expect, it } from 'vitest';
import { v2OrderProductListSchema, v2OrderSchema, v2ShipmentListSchema } from '../../src/operations/shipments/response-schemas';
import { describeWithSpecs, requestBodyValidator, responseExamples, responseValidator } from '../helpers/openapi';
import { sendOrders, setup } from '../operations/shipments/fixtures';

describeWithSpecs('shipments against orders.v2.oas2.yml', () => {
  it('every response the shipments operation reads from the sandbox validates against the spec', async () => {
    const { sandbox, source } = setup();
    const [orderId] = await sendOrders(source, ['PO-C1']);
    sandbox.shipOrder(orderId!, { items: [{ sku: 'MUG-1', quantity: 1 }], shippingProvider: 'usps', trackingNumber: '9400' });
    sandbox.shipOrder(orderId!, { trackingCarrier: 'dhl', trackingNumber: 'JD1', trackingLink: 'https://track.example/JD1', comments: 'rest' });
    sandbox.clearRequests();
    await source.shipments.forOrder(orderId!);
    await source.shipments.forPurchaseOrder('PO-C1');
    for await (const _ of source.shipments.list({ since: '2020-01-01T00:00:00Z' })) void _;

    const validators = {
      '/v2/orders': await responseValidator('orders.v2', 'get', '/orders', 200),
      order: await responseValidator('orders.v2', 'get', '/orders/{order_id}', 200),
      shipments: await responseValidator('orders.v2', 'get', '/orders/{order_id}/shipments', 200),
      products: await responseValidator('orders.v2', 'get', '/orders/{order_id}/products', 200),
    };
    let checked = 0;
    for (const request of sandbox.requests) {
      const response = await sandbox.fetch(request.url, { headers: { 'X-Auth-Token': sandbox.accessToken } });
      const body: unknown = await response.json();
      const validate =
        request.path === '/v2/orders'
          ? validators['/v2/orders']
          : request.path.endsWith('/shipments')
            ? validators.shipments
            : request.path.endsWith('/products')
              ? validators.products
              : validators.order;
      expect(validate(body), `${request.method} ${request.url}`).toEqual([]);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it("the sandbox's shipment create (as a merchant sends it) matches the spec's request and 201 response", async () => {
    const { sandbox, source } = setup();
    const [orderId] = await sendOrders(source, ['PO-C2']);
    const order = sandbox.orders.get(orderId!)!;
    const body = {
      order_address_id: order.shipping_addresses[0]!.id,
      tracking_number: 'EJ958083578US',
      shipping_provider: 'usps',
      items: [{ order_product_id: order.products[0]!.id, quantity: 1 }],
    };
    expect((await requestBodyValidator('orders.v2', 'post', '/orders/{order_id}/shipments'))(body)).toEqual([]);
    const response = await sandbox.fetch(`https://api.bigcommerce.com/stores/${sandbox.storeHash}/v2/orders/${orderId}/shipments`, {
      method: 'POST',
      headers: { 'X-Auth-Token': sandbox.accessToken, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    expect((await responseValidator('orders.v2', 'post', '/orders/{order_id}/shipments', 201))(await response.json())).toEqual([]);
  });

  it("the spec's own examples pass the SDK's response schemas", async () => {
    const shipmentExamples = await responseExamples('orders.v2', 'get', '/orders/{order_id}/shipments', 200);
    const productExamples = await responseExamples('orders.v2', 'get', '/orders/{order_id}/products', 200);
    const orderExamples = await responseExamples('orders.v2', 'get', '/orders/{order_id}', 200);
    expect(shipmentExamples.length + productExamples.length + orderExamples.length).toBeGreaterThan(0);
    for (const example of shipmentExamples) expect(v2ShipmentListSchema.safeParse(example).error?.issues).toBeUndefined();
    for (const example of productExamples) expect(v2OrderProductListSchema.safeParse(example).error?.issues).toBeUndefined();
    for (const example of orderExamples) expect(v2OrderSchema.safeParse(example).error?.issues).toBeUndefined();
  });
});
