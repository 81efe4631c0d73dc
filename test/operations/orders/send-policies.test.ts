import { describe, expect, it } from 'vitest';
import { CustomerNotFoundError } from '../../../src/errors/customer-not-found-error';
import { ADDRESS, failureOf, purchaseOrder, requestLines, setup } from './fixtures';

describe('orders.send: guest policy (default)', () => {
  it('creates one guest order with the PO number, addresses, lines and status 11', async () => {
    const { sandbox, source } = setup();
    const result = await source.orders.send(
      purchaseOrder({ shippingMethod: 'UPS Ground', shippingCost: 12.5, notes: 'Dropship PO', customerMessage: 'Leave at door' }),
    );

    expect(result).toEqual({
      orderId: 100,
      created: true,
      customerId: 0,
      customerCreated: false,
      recovered: false,
      statusId: 11,
      poNumber: 'PO-1001',
      archived: false,
      lines: [
        { sku: 'MUG-1', productId: 1, variantId: 1, quantity: 2 },
        { sku: 'TEE-M', productId: 2, variantId: 3, quantity: 1 },
      ],
    });
    const order = sandbox.orders.get(100)!;
    expect(order).toMatchObject({
      customer_id: 0,
      status_id: 11,
      status: 'Awaiting Fulfillment',
      external_order_id: 'PO-1001',
      staff_notes: 'Dropship PO',
      customer_message: 'Leave at door',
      shipping_cost_ex_tax: '12.5000',
      subtotal_ex_tax: '39.0000',
      total_inc_tax: '51.5000',
    });
    expect(order.billing_address).toMatchObject({ email: 'buyer@retailer.example', country: 'United States', country_iso2: 'US', zip: '78701' });
    expect(order.shipping_addresses[0]).toMatchObject({ shipping_method: 'UPS Ground', street_1: '1 Main St' });
    expect(sandbox.customers.size).toBe(0);
    expect(requestLines(sandbox)).toEqual([
      'GET /v2/orders',
      'GET /v3/inventory/items',
      'GET /v3/catalog/variants',
      'POST /v2/orders',
    ]);
  });

  it('takes the ordered units out of stock', async () => {
    const { sandbox, source } = setup();
    await source.orders.send(purchaseOrder());
    expect(sandbox.catalog.getProduct(1)!.inventory_level).toBe(998);
    expect(sandbox.catalog.getVariant(3)!.inventory_level).toBe(999);
  });

  it('uses the billing address when given, and the options statusId, externalSource and channelId', async () => {
    const { sandbox, source } = setup();
    const billing = { ...ADDRESS, firstName: 'Bob', company: 'Retail Co', street1: '9 Pay Rd', country: 'gb', email: 'ap@retail.example' };
    await source.orders.send(purchaseOrder({ email: undefined, billingAddress: billing }), {
      statusId: 1,
      externalSource: 'ERP (Acme)',
      channelId: 1,
    });
    const order = sandbox.orders.get(100)!;
    expect(order).toMatchObject({ status_id: 1, external_source: 'ERP (Acme)', channel_id: 1 });
    expect(order.billing_address).toMatchObject({ first_name: 'Bob', company: 'Retail Co', country: 'United Kingdom', country_iso2: 'GB', email: 'ap@retail.example' });
    expect(order.shipping_addresses[0]).toMatchObject({ first_name: 'Ann', country_iso2: 'US' });
  });

  it("sends the PO's unit prices with pricing: 'po', and lets the store price lines otherwise", async () => {
    const { sandbox, source } = setup();
    await source.orders.send(purchaseOrder({ items: [{ sku: 'MUG-1', quantity: 2, unitPrice: 7.25 }] }), { pricing: 'po' });
    await source.orders.send(purchaseOrder({ poNumber: 'PO-2', items: [{ sku: 'MUG-1', quantity: 2, unitPrice: 7.25 }] }));
    expect(sandbox.orders.get(100)!.products[0]).toMatchObject({ price_ex_tax: '7.2500', price_inc_tax: '7.2500' });
    expect(sandbox.orders.get(101)!.products[0]).toMatchObject({ price_ex_tax: '9.5000' });
    const posted = sandbox.requests.filter((request) => request.method === 'POST').map((request) => request.body as { products: unknown[] });
    expect(posted[0]!.products[0]).toEqual({ product_id: 1, variant_id: 1, quantity: 2, price_ex_tax: 7.25, price_inc_tax: 7.25 });
    expect(posted[1]!.products[0]).toEqual({ product_id: 1, variant_id: 1, quantity: 2 });
  });
});

describe("orders.send: 'create-if-missing'", () => {
  it('creates the customer from the PO when none has the email, then the order under it', async () => {
    const { sandbox, source } = setup();
    const result = await source.orders.send(
      purchaseOrder({ billingAddress: { ...ADDRESS, company: 'Retail Co', phone: '555-0100' } }),
      { customerPolicy: 'create-if-missing' },
    );
    expect(result).toMatchObject({ created: true, customerId: 1, customerCreated: true });
    expect(sandbox.customers.get(1)).toMatchObject({
      email: 'buyer@retailer.example',
      first_name: 'Ann',
      last_name: 'Lee',
      company: 'Retail Co',
      phone: '555-0100',
      addresses: [expect.objectContaining({ address1: '1 Main St', postal_code: '78701', state_or_province: 'Texas', country_code: 'US' })],
    });
    expect(sandbox.orders.get(result.orderId)!.customer_id).toBe(1);
    expect(requestLines(sandbox)).toContain('POST /v3/customers');
  });

  it('reuses an existing customer, matching the email case-insensitively', async () => {
    const { sandbox, source } = setup({ customers: [{ email: 'Buyer@Retailer.example', first_name: 'Ann', last_name: 'Lee' }] });
    const result = await source.orders.send(purchaseOrder({ email: 'BUYER@retailer.EXAMPLE' }), { customerPolicy: 'create-if-missing' });
    expect(result).toMatchObject({ customerId: 1, customerCreated: false });
    expect(sandbox.customers.size).toBe(1);
    expect(requestLines(sandbox)).not.toContain('POST /v3/customers');
  });

  it('uses the customer a concurrent call created when its own create meets the duplicate email (422)', async () => {
    const { sandbox, source } = setup({
      // The other writer creates the customer between our lookup and our create.
      latencyMs: (request) => {
        if (request.method === 'POST' && request.path === '/v3/customers' && !sandbox.customers.findByEmail('buyer@retailer.example')) {
          sandbox.customers.add({ email: 'buyer@retailer.example', first_name: 'Other', last_name: 'Writer' });
        }
        return 0;
      },
    });
    const result = await source.orders.send(purchaseOrder(), { customerPolicy: 'create-if-missing' });
    expect(result).toMatchObject({ created: true, customerId: 1, customerCreated: false });
    expect(sandbox.customers.size).toBe(1);
    expect(sandbox.orders.get(result.orderId)!.customer_id).toBe(1);
    expect(requestLines(sandbox).filter((line) => line === 'GET /v3/customers')).toHaveLength(2);
  });

  it("finds the customer its own create made when that create's answer was lost", async () => {
    const { sandbox, source } = setup();
    sandbox.injectFault({ kind: 'commit-then-drop' }, { match: { method: 'POST', path: '/v3/customers' } });
    const result = await source.orders.send(purchaseOrder(), { customerPolicy: 'create-if-missing' });
    expect(result).toMatchObject({ created: true, customerId: 1, customerCreated: true });
    expect(sandbox.customers.size).toBe(1);
    expect(requestLines(sandbox).filter((line) => line === 'POST /v3/customers')).toHaveLength(1);
  });

  it('creates one customer when two different POs of one new buyer are sent at once', async () => {
    const { sandbox, source } = setup();
    const [first, second] = await Promise.all([
      source.orders.send(purchaseOrder({ poNumber: 'PO-A' }), { customerPolicy: 'create-if-missing' }),
      source.orders.send(purchaseOrder({ poNumber: 'PO-B' }), { customerPolicy: 'create-if-missing' }),
    ]);
    expect(sandbox.customers.size).toBe(1);
    expect(first.customerId).toBe(1);
    expect(second.customerId).toBe(1);
    expect([first.customerCreated, second.customerCreated].sort()).toEqual([false, true]);
    expect(sandbox.orders.size).toBe(2);
  });
});

describe("orders.send: 'require-existing'", () => {
  it('sends the order under the existing customer', async () => {
    const { sandbox, source } = setup({ customers: [{ email: 'buyer@retailer.example' }] });
    const result = await source.orders.send(purchaseOrder(), { customerPolicy: 'require-existing' });
    expect(result).toMatchObject({ created: true, customerId: 1, customerCreated: false });
    expect(sandbox.orders.get(result.orderId)!.customer_id).toBe(1);
  });

  it('throws CustomerNotFoundError with the email and leaves the store unchanged', async () => {
    const { sandbox, source } = setup();
    const error = await failureOf(source.orders.send(purchaseOrder(), { customerPolicy: 'require-existing' }));
    expect(error).toBeInstanceOf(CustomerNotFoundError);
    expect(error).toMatchObject({ name: 'CustomerNotFoundError', email: 'buyer@retailer.example' });
    expect((error as Error).message).toContain('buyer@retailer.example');
    expect(sandbox.orders.size).toBe(0);
    expect(sandbox.customers.size).toBe(0);
    expect(sandbox.catalog.getProduct(1)!.inventory_level).toBe(1000);
    expect(sandbox.requests.every((request) => request.method === 'GET')).toBe(true);
  });
});
