import type { HttpClient } from '../../internal/http-client';

/** Get Inventory: every sellable SKU of the store. (Being built.) */
export interface InventoryOperations {}

/** Builds the inventory operations on a source's HTTP core. */
export function createInventoryOperations(_http: HttpClient): InventoryOperations {
  return {};
}
