import type { SandboxOrder, SandboxStore } from '../../src/testing/index';

/**
 * Stores a copy of an existing order under another PO number, without a request: for lookups
 * that need hundreds of lookalike orders.
 */
export function cloneOrder(sandbox: SandboxStore, orderId: number, poNumber: string): SandboxOrder {
  const { id: _id, products, shipping_addresses, ...fields } = sandbox.orders.get(orderId)!;
  return sandbox.orders.add({
    ...fields,
    external_order_id: poNumber,
    products: products.map(({ id: _line, order_id: _order, order_address_id: _address, ...line }) => ({ ...line, quantity_shipped: 0, address_index: 0 })),
    shipping_addresses: shipping_addresses.map(({ id: _address, order_id: _order, ...address }) => ({ ...address, items_shipped: 0 })),
  });
}

/** The requests the sandbox saw, as `METHOD /path` without the query. */
export function requestLines(sandbox: SandboxStore): string[] {
  return sandbox.requests.map((request) => `${request.method} ${request.path}`);
}
