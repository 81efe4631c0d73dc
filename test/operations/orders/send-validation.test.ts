import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import { ValidationError } from '../../../src/index';
import { purchaseOrderSchema, type PurchaseOrder } from '../../../src/operations/orders';
import type { SendOrderOptions } from '../../../src/operations/orders';
import { ADDRESS, failureOf, purchaseOrder, setup } from './fixtures';

const long = (length: number) => 'x'.repeat(length);

/** [what, purchase order, options, the paths the error must name]. */
const CASES: Array<[string, unknown, SendOrderOptions | undefined, string[]]> = [
  ['no items', purchaseOrder({ items: [] }), undefined, ['items']],
  ['quantity 0', purchaseOrder({ items: [{ sku: 'MUG-1', quantity: 0 }] }), undefined, ['items[0].quantity']],
  ['quantity -1', purchaseOrder({ items: [{ sku: 'MUG-1', quantity: -1 }] }), undefined, ['items[0].quantity']],
  ['quantity 1.5', purchaseOrder({ items: [{ sku: 'MUG-1', quantity: 1 }, { sku: 'TEE-M', quantity: 1.5 }] }), undefined, ['items[1].quantity']],
  ['missing zip', purchaseOrder({ shippingAddress: { ...ADDRESS, zip: undefined as unknown as string } }), undefined, ['shippingAddress.zip']],
  ['one-character zip', purchaseOrder({ shippingAddress: { ...ADDRESS, zip: '7' } }), undefined, ['shippingAddress.zip']],
  ['bad country code', purchaseOrder({ shippingAddress: { ...ADDRESS, country: 'USA' } }), undefined, ['shippingAddress.country']],
  ['unknown country code', purchaseOrder({ billingAddress: { ...ADDRESS, country: 'XX' } }), undefined, ['billingAddress.country']],
  ['missing email under create-if-missing', purchaseOrder({ email: undefined }), { customerPolicy: 'create-if-missing' }, ['email']],
  ['missing email under require-existing', purchaseOrder({ email: undefined }), { customerPolicy: 'require-existing' }, ['email']],
  ['bad email', purchaseOrder({ email: 'not-an-email' }), undefined, ['email']],
  [
    "unit price missing under pricing: 'po'",
    purchaseOrder({ items: [{ sku: 'MUG-1', quantity: 1, unitPrice: 3 }, { sku: 'TEE-M', quantity: 1 }] }),
    { pricing: 'po' },
    ['items[1].unitPrice'],
  ],
  ['over-long poNumber', purchaseOrder({ poNumber: long(101) }), undefined, ['poNumber']],
  ['empty poNumber', purchaseOrder({ poNumber: '' }), undefined, ['poNumber']],
  ['over-long first name', purchaseOrder({ shippingAddress: { ...ADDRESS, firstName: long(101) } }), undefined, ['shippingAddress.firstName']],
  ['over-long street', purchaseOrder({ shippingAddress: { ...ADDRESS, street1: long(256) } }), undefined, ['shippingAddress.street1']],
  ['over-long city', purchaseOrder({ shippingAddress: { ...ADDRESS, city: long(101) } }), undefined, ['shippingAddress.city']],
  ['over-long notes', purchaseOrder({ notes: long(65_536) }), undefined, ['notes']],
  ['over-long sku', purchaseOrder({ items: [{ sku: long(256), quantity: 1 }] }), undefined, ['items[0].sku']],
  ['an unknown field', { ...purchaseOrder(), shipping_address: {} }, undefined, ['']],
  ['bad options', purchaseOrder(), { customerPolicy: 'guests', statusId: 99, pricing: 'cost' } as unknown as SendOrderOptions, ['options.customerPolicy', 'options.statusId', 'options.pricing']],
  ['not an object', 'PO-1', undefined, ['']],
];

describe('orders.send validation', () => {
  it.each(CASES)('refuses %s with a ValidationError naming the field, and sends nothing', async (_, po, options, paths) => {
    const { sandbox, source } = setup();
    const error = await failureOf(source.orders.send(po as PurchaseOrder, options));
    expect(error).toBeInstanceOf(ValidationError);
    const issuePaths = (error as ValidationError).issues.map((issue) => issue.path);
    for (const path of paths) expect(issuePaths).toContain(path);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('reports every problem at once, each with its path', async () => {
    const { sandbox, source } = setup();
    const po = {
      poNumber: '',
      items: [{ sku: 'MUG-1', quantity: 1 }, { sku: 'A', quantity: 0 }, { sku: '', quantity: 1.5 }],
      shippingAddress: { ...ADDRESS, zip: undefined, country: 'ZZZ' },
    };
    const error = (await failureOf(source.orders.send(po as unknown as PurchaseOrder, { customerPolicy: 'create-if-missing', pricing: 'po' }))) as ValidationError;
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(
      [
        'email',
        'items[0].unitPrice',
        'items[1].quantity',
        'items[1].unitPrice',
        'items[2].quantity',
        'items[2].sku',
        'items[2].unitPrice',
        'poNumber',
        'shippingAddress.country',
        'shippingAddress.zip',
      ].sort(),
    );
    expect(error.message).toContain('items[2].quantity');
    expect(sandbox.requests).toHaveLength(0);
  });

  it('accepts a guest PO without any email', async () => {
    const { sandbox, source } = setup();
    await expect(source.orders.send(purchaseOrder({ email: undefined }))).resolves.toMatchObject({ created: true, customerId: 0 });
    expect(sandbox.orders.get(100)!.billing_address.email).toBe('');
  });

  it('exports purchaseOrderSchema, whose input type is PurchaseOrder', () => {
    type SchemaInput = z.input<typeof purchaseOrderSchema>;
    expectTypeOf<SchemaInput>().toExtend<PurchaseOrder>();
    expectTypeOf<keyof PurchaseOrder>().toEqualTypeOf<keyof SchemaInput>();
    expectTypeOf<keyof PurchaseOrder['shippingAddress']>().toEqualTypeOf<keyof SchemaInput['shippingAddress']>();
    expectTypeOf<keyof PurchaseOrder['items'][number]>().toEqualTypeOf<keyof SchemaInput['items'][number]>();
    expect(purchaseOrderSchema.safeParse(purchaseOrder()).success).toBe(true);
  });
});
