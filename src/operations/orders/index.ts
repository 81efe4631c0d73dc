import type { HttpClient } from '../../internal/http-client';

/** Send Orders: purchase orders into the store. (Being built.) */
export interface OrderOperations {}

/** Builds the order operations on a source's HTTP core. */
export function createOrderOperations(_http: HttpClient): OrderOperations {
  return {};
}
