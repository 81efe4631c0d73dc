import type { SandboxState } from '../sandbox-state';
import { v2Money, v2Timestamp, type SandboxOrder } from './order-model';
import { orderStatusName } from './order-statuses';

/** Refunded in full, and in part: the statuses BigCommerce moves an order to on a refund. */
const REFUNDED = 4;
const PARTIALLY_REFUNDED = 14;

/**
 * Changes an order's status as the merchant would in the control panel (or `PUT /v2/orders/{id}`
 * with `status_id`): the id and its name change and `date_modified` moves. Statuses are BigCommerce's
 * fixed ids 0 to 14; merchants rename their labels but cannot add one.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-status
 */
export function setOrderStatus(state: SandboxState, orderId: number, statusId: number): SandboxOrder {
  const order = requireOrder(state, 'setOrderStatus', orderId);
  const name = Number.isInteger(statusId) ? orderStatusName(statusId) : undefined;
  if (name === undefined) throw new TypeError(`[bigcommerce-source/testing] setOrderStatus: no status ${String(statusId)} (BigCommerce's status ids are 0 to 14).`);
  order.status_id = statusId;
  order.status = name;
  order.date_modified = v2Timestamp();
  return order;
}

/**
 * Refunds an order as the merchant would in the control panel: `refunded_amount` grows by `amount`
 * (default: everything not yet refunded of `total_inc_tax`), the status becomes Refunded (4) once
 * the whole total is refunded and Partially Refunded (14) before, and `date_modified` moves. A full
 * refund marks every line's units refunded.
 * @see https://developer.bigcommerce.com/docs/store-operations/orders/refunds
 */
export function refundOrder(state: SandboxState, orderId: number, amount?: number): SandboxOrder {
  const order = requireOrder(state, 'refundOrder', orderId);
  const total = Number(order.total_inc_tax);
  const refunded = Number(order.refunded_amount);
  // In cents, so 0.1 + 0.2 refunds exactly 0.30.
  const leftCents = Math.round((total - refunded) * 100);
  const amountCents = amount === undefined ? leftCents : Math.round(amount * 100);
  if (!Number.isFinite(amountCents) || amountCents <= 0 || amountCents > leftCents) {
    throw new TypeError(
      `[bigcommerce-source/testing] refundOrder: order ${orderId} can be refunded between 0.01 and ${(leftCents / 100).toFixed(2)}, not ${String(amount)}.`,
    );
  }
  const refundedCents = Math.round(refunded * 100) + amountCents;
  const whole = amountCents === leftCents;
  order.refunded_amount = v2Money(refundedCents / 100);
  order.status_id = whole ? REFUNDED : PARTIALLY_REFUNDED;
  order.status = orderStatusName(order.status_id)!;
  order.payment_status = whole ? 'refunded' : 'partially refunded';
  if (whole) for (const line of order.products) line.quantity_refunded = line.quantity;
  order.date_modified = v2Timestamp();
  return order;
}

function requireOrder(state: SandboxState, action: string, orderId: number): SandboxOrder {
  const order = state.orders.get(orderId);
  if (!order) throw new TypeError(`[bigcommerce-source/testing] ${action}: no order ${orderId}.`);
  return order;
}
