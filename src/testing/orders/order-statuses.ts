/**
 * An order status as `GET /v2/order_statuses` returns it.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-status
 */
export interface SandboxOrderStatus {
  /** Status id, 0 to 14. */
  id: number;
  /** The status's name. */
  name: string;
  /** BigCommerce's name for it. */
  system_label: string;
  /** The merchant's name for it. */
  custom_label: string;
  /** What it means. */
  system_description: string;
  /** Sort order in the control panel. */
  order: number;
}

const NAMES = [
  'Incomplete',
  'Pending',
  'Shipped',
  'Partially Shipped',
  'Refunded',
  'Cancelled',
  'Declined',
  'Awaiting Payment',
  'Awaiting Pickup',
  'Awaiting Shipment',
  'Completed',
  'Awaiting Fulfillment',
  'Manual Verification Required',
  'Disputed',
  'Partially Refunded',
] as const;

/** The fixed statuses, by id (orders.v2.oas2.yml's example of `GET /order_statuses`). */
export const ORDER_STATUSES: readonly SandboxOrderStatus[] = NAMES.map((name, id) => ({
  id,
  name,
  system_label: name,
  custom_label: name,
  system_description: `Orders with the status ${name}.`,
  order: id,
}));

/** The status's name, or `undefined` for an unknown id. */
export function orderStatusName(id: number): string | undefined {
  return NAMES[id];
}
