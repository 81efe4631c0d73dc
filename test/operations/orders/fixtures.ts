import { sourceFor } from '../../helpers/sandbox-source';
export { sourceFor };
import type { BigCommerceSourceOptions } from '../../../src/index';
import type { PurchaseOrder } from '../../../src/operations/orders';
import { createSandboxStore, type SandboxStore, type SandboxStoreOptions } from '../../../src/testing/index';

/** A store with a simple product (MUG-1), a product with two variants (TEE-S, TEE-M) and a disabled variant. */
export const CATALOG: NonNullable<SandboxStoreOptions['products']> = [
  { name: 'Mug', sku: 'MUG-1', price: 9.5, inventory_level: 1000 },
  {
    name: 'Tee',
    sku: 'TEE',
    price: 20,
    variants: [
      { sku: 'TEE-S', inventory_level: 1000 },
      { sku: 'TEE-M', inventory_level: 1000 },
      { sku: 'TEE-XL', inventory_level: 1000, purchasing_disabled: true },
    ],
  },
];

export function setup(options: SandboxStoreOptions = {}, sourceOptions: Partial<BigCommerceSourceOptions> = {}) {
  const sandbox = createSandboxStore({ products: CATALOG, ...options });
  const source = sourceFor(sandbox, sourceOptions);
  return { sandbox, source };
}


export const ADDRESS = {
  firstName: 'Ann',
  lastName: 'Lee',
  street1: '1 Main St',
  city: 'Austin',
  state: 'Texas',
  zip: '78701',
  country: 'US',
} as const;

export function purchaseOrder(overrides: Partial<PurchaseOrder> = {}): PurchaseOrder {
  return {
    poNumber: 'PO-1001',
    email: 'buyer@retailer.example',
    items: [
      { sku: 'MUG-1', quantity: 2 },
      { sku: 'TEE-M', quantity: 1 },
    ],
    shippingAddress: ADDRESS,
    ...overrides,
  };
}

/** The requests the sandbox saw, as `METHOD /path` without the query. */
export function requestLines(sandbox: SandboxStore): string[] {
  return sandbox.requests.map((request) => `${request.method} ${request.path}`);
}

/** The error a promise rejects with. */
export async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}
