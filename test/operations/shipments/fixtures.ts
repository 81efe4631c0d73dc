import type { BigCommerceSource, BigCommerceSourceOptions, PurchaseOrder } from '../../../src/index';
import { sourceFor } from '../../helpers/sandbox-source';
import { createSandboxStore, type SandboxStore, type SandboxStoreOptions } from '../../../src/testing/index';

/** A simple product (MUG-1) and a product with variants (TEE-S, TEE-M). */
export const CATALOG: NonNullable<SandboxStoreOptions['products']> = [
  { name: 'Mug', sku: 'MUG-1', price: 9.5, inventory_level: 100_000 },
  { name: 'Tee', sku: 'TEE', price: 20, variants: [{ sku: 'TEE-S', inventory_level: 100_000 }, { sku: 'TEE-M', inventory_level: 100_000 }] },
];

export function setup(options: SandboxStoreOptions = {}, sourceOptions: Partial<BigCommerceSourceOptions> = {}) {
  const sandbox = createSandboxStore({ products: CATALOG, ...options });
  return { sandbox, source: sourceFor(sandbox, sourceOptions) };
}

export function purchaseOrder(poNumber: string, items: PurchaseOrder['items'] = [{ sku: 'MUG-1', quantity: 2 }, { sku: 'TEE-M', quantity: 1 }]): PurchaseOrder {
  return {
    poNumber,
    email: 'buyer@retailer.example',
    items,
    shippingAddress: { firstName: 'Ann', lastName: 'Lee', street1: '1 Main St', city: 'Austin', state: 'Texas', zip: '78701', country: 'US' },
  };
}

/** Sends POs and returns their order ids, in order. */
export async function sendOrders(source: BigCommerceSource, poNumbers: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const poNumber of poNumbers) ids.push((await source.orders.send(purchaseOrder(poNumber))).orderId);
  return ids;
}

/** The requests the sandbox saw, as `METHOD /path` without the query. */
export function requestLines(sandbox: SandboxStore): string[] {
  return sandbox.requests.map((request) => `${request.method} ${request.path}`);
}
