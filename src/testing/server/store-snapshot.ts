import type { SandboxCatalogSnapshot } from '../catalog/catalog-state';
import type { SandboxCustomersSnapshot } from '../customers/customer-state';
import type { SandboxOrdersSnapshot } from '../orders/order-state';
import type { SandboxStore } from '../sandbox-store';
import type { SandboxShipmentsSnapshot } from '../shipments/shipment-state';

/** One store's data as plain JSON-safe data: what `--state FILE` keeps. */
export interface SandboxStoreSnapshot {
  /** The store it was taken from. */
  readonly storeHash: string;
  readonly catalog: SandboxCatalogSnapshot;
  readonly orders: SandboxOrdersSnapshot;
  readonly customers: SandboxCustomersSnapshot;
  readonly shipments: SandboxShipmentsSnapshot;
}

/** What a state file holds: every store a server serves. */
export interface SandboxStateFile {
  /** The format's version. */
  readonly version: 1;
  readonly stores: readonly SandboxStoreSnapshot[];
}

/** A copy of the store's data: catalog, orders, customers, shipments (not its request log, faults or quota). */
export function snapshotStore(store: SandboxStore): SandboxStoreSnapshot {
  return {
    storeHash: store.storeHash,
    catalog: store.catalog.snapshot(),
    orders: store.orders.snapshot(),
    customers: store.customers.snapshot(),
    shipments: store.shipments.snapshot(),
  };
}

/** Replaces the store's data with a snapshot's. */
export function restoreStore(store: SandboxStore, snapshot: SandboxStoreSnapshot): void {
  store.catalog.restore(snapshot.catalog);
  store.orders.restore(snapshot.orders);
  store.customers.restore(snapshot.customers);
  store.shipments.restore(snapshot.shipments);
}

/**
 * Reads a state file's text.
 * @throws {TypeError} when it is not a state file, or lacks a part of a store.
 */
export function parseStateFile(text: string): SandboxStateFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const file = value as Partial<SandboxStateFile> | undefined;
  const valid =
    typeof file === 'object' &&
    file !== null &&
    file.version === 1 &&
    Array.isArray(file.stores) &&
    file.stores.every(
      (store) =>
        typeof store?.storeHash === 'string' &&
        Array.isArray(store.catalog?.products) &&
        Array.isArray(store.orders?.orders) &&
        Array.isArray(store.customers?.customers) &&
        Array.isArray(store.shipments?.shipments),
    );
  if (!valid) throw new TypeError('[bigcommerce-source/testing] not a sandbox state file (version 1).');
  return file as SandboxStateFile;
}
