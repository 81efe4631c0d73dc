import { sourceFor } from '../../helpers/sandbox-source';
export { sourceFor };
import type { BigCommerceSourceOptions } from '../../../src/index';
import type { InventoryItem } from '../../../src/operations/inventory';
import { createSandboxStore, type SandboxStore, type SandboxStoreOptions } from '../../../src/testing/index';


/** A sandbox and a source on it. */
export function setup(options?: SandboxStoreOptions, sourceOptions?: Partial<BigCommerceSourceOptions>) {
  const sandbox = createSandboxStore(options);
  return { sandbox, source: sourceFor(sandbox, sourceOptions) };
}

/** Every item of an async iterable. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const value of iterable) all.push(value);
  return all;
}

/** The catalog requests in the sandbox's log. */
export function productRequests(sandbox: SandboxStore) {
  return sandbox.requests.filter((request) => request.path === '/v3/catalog/products');
}

/** Every variant SKU of the sandbox's catalog whose product passes `keep`. */
export function skusOf(sandbox: SandboxStore, keep: (product: { is_visible: boolean }) => boolean = () => true): string[] {
  const skus: string[] = [];
  for (const product of sandbox.catalog.products()) if (keep(product)) for (const variant of product.variants) skus.push(variant.sku);
  return skus.sort();
}

/** The SKUs of items, sorted. */
export function skusOfItems(items: readonly InventoryItem[]): string[] {
  return items.map((item) => item.sku).sort();
}
