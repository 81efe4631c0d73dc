import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/index';
import { ADDRESS, failureOf, purchaseOrder, setup } from '../operations/orders/fixtures';

describe('order body: the country', () => {
  it('goes as country_iso2 alone, never a name that can disagree with the code', async () => {
    const { sandbox, source } = setup();
    const address = { ...ADDRESS, country: 'tr', state: undefined };
    await source.orders.send(purchaseOrder({ shippingAddress: address, billingAddress: { ...address, country: 'CZ' } }));
    const body = sandbox.requests.find((request) => request.method === 'POST')!.body as Record<string, any>;
    expect(body.billing_address).toMatchObject({ country_iso2: 'CZ' });
    expect(body.billing_address).not.toHaveProperty('country');
    expect(body.shipping_addresses[0]).toMatchObject({ country_iso2: 'TR' });
    expect(body.shipping_addresses[0]).not.toHaveProperty('country');
    // The store fills the name from the code.
    expect(sandbox.orders.get(100)!.shipping_addresses[0]!.country_iso2).toBe('TR');
  });
});

describe('order body: state or province under create-if-missing', () => {
  it('is required for a new customer in a country whose addresses need one, before anything is sent', async () => {
    const { sandbox, source } = setup();
    const error = await failureOf(
      source.orders.send(purchaseOrder({ shippingAddress: { ...ADDRESS, state: undefined }, billingAddress: { ...ADDRESS, country: 'CA', state: undefined } }), { customerPolicy: 'create-if-missing' }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: 'billingAddress.state', message: expect.stringContaining('CA') }]);
    expect(sandbox.requests).toEqual([]);
  });

  it('is not required where the country has no states, for guest orders, or when the customer exists', async () => {
    const { sandbox, source } = setup({ customers: [{ email: 'buyer@retailer.example', first_name: 'Ann', last_name: 'Lee' }] });
    const noState = { ...ADDRESS, state: undefined };
    await expect(source.orders.send(purchaseOrder({ poNumber: 'A', shippingAddress: { ...noState, country: 'GB' } }), { customerPolicy: 'create-if-missing' })).resolves.toMatchObject({ created: true });
    await expect(source.orders.send(purchaseOrder({ poNumber: 'B', shippingAddress: noState }))).resolves.toMatchObject({ created: true });
    await expect(source.orders.send(purchaseOrder({ poNumber: 'C', shippingAddress: noState }), { customerPolicy: 'require-existing' })).resolves.toMatchObject({ created: true });
    expect(sandbox.orders.size).toBe(3);
  });
});
