/**
 * An order's status, normalized from its status id: the same on every store, whatever the merchant
 * renamed the labels to. `'unknown'` for an id outside BigCommerce's 0 to 14 (the id is kept on the
 * snapshot as `statusId`).
 */
export type OrderStatus =
  | 'incomplete'
  | 'pending'
  | 'shipped'
  | 'partially-shipped'
  | 'refunded'
  | 'cancelled'
  | 'declined'
  | 'awaiting-payment'
  | 'awaiting-pickup'
  | 'awaiting-shipment'
  | 'completed'
  | 'awaiting-fulfillment'
  | 'manual-verification-required'
  | 'disputed'
  | 'partially-refunded'
  | 'unknown';

/**
 * BigCommerce's fixed status ids, in order: the id is the index. Keyed on the id because merchants
 * rename the labels (`custom_label`) and a label is no key.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-status
 */
const STATUS_BY_ID: readonly OrderStatus[] = [
  'incomplete',
  'pending',
  'shipped',
  'partially-shipped',
  'refunded',
  'cancelled',
  'declined',
  'awaiting-payment',
  'awaiting-pickup',
  'awaiting-shipment',
  'completed',
  'awaiting-fulfillment',
  'manual-verification-required',
  'disputed',
  'partially-refunded',
];

/**
 * The normalized status of a status id: 0 `incomplete`, 1 `pending`, 2 `shipped`, 3
 * `partially-shipped`, 4 `refunded`, 5 `cancelled`, 6 `declined`, 7 `awaiting-payment`, 8
 * `awaiting-pickup`, 9 `awaiting-shipment`, 10 `completed`, 11 `awaiting-fulfillment`, 12
 * `manual-verification-required`, 13 `disputed`, 14 `partially-refunded`; anything else `unknown`.
 * @example
 * ```ts
 * orderStatusOf(5); // 'cancelled'
 * ```
 */
export function orderStatusOf(statusId: number): OrderStatus {
  return (Number.isInteger(statusId) && STATUS_BY_ID[statusId]) || 'unknown';
}
