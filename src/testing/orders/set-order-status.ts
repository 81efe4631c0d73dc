import type { SandboxState } from '../sandbox-state';
import { v2Timestamp, type SandboxOrder } from './order-model';
import { ORDER_STATUSES, orderStatusName } from './order-statuses';

/**
 * Changes an order's status as the merchant does in the control panel (Orders › change status):
 * the status id and name change and `date_modified` is bumped, so pollers using
 * `min_date_modified` see it. Nothing else changes (a cancelled order keeps its lines).
 * @throws {TypeError} for an unknown order or a status id that is not 0 to 14.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-status
 */
export function setOrderStatus(state: SandboxState, orderId: number, statusId: number): SandboxOrder {
  const order = state.orders.get(orderId);
  if (!order) throw new TypeError(`[bigcommerce-source/testing] setOrderStatus: no order ${orderId}.`);
  if (!Number.isInteger(statusId) || orderStatusName(statusId) === undefined) {
    throw new TypeError(`[bigcommerce-source/testing] setOrderStatus: statusId must be an order status id from 0 to ${ORDER_STATUSES.length - 1}, got ${String(statusId)}.`);
  }
  order.status_id = statusId;
  order.status = orderStatusName(statusId)!;
  order.date_modified = v2Timestamp();
  return order;
}
