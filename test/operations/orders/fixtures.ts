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

/** Creates an order through the store's API, as another channel (or the merchant) would. */
export async function postOrder(sandbox: SandboxStore, fields: Record<string, unknown>): Promise<number> {
  const response = await sandbox.fetch(`https://api.bigcommerce.com/stores/${sandbox.storeHash}/v2/orders`, {
    method: 'POST',
    headers: { 'X-Auth-Token': sandbox.accessToken, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ billing_address: { first_name: 'Al', last_name: 'Bo', zip: '78701', country_iso2: 'US' }, products: [{ product_id: 1, quantity: 1 }], ...fields }),
  });
  if (response.status !== 200) throw new Error(`POST /v2/orders answered ${response.status}`);
  return ((await response.json()) as { id: number }).id;
}
