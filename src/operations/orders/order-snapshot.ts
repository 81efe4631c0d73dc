import * as z from 'zod/mini';
import { orderDateMs } from '../checkpoint/engine-run';
import { orderStatusOf, type OrderStatus } from './order-status';

/**
 * An order's state when it was read: what {@link OrderOperations.get} returns and
 * {@link OrderOperations.changes} yields. BigCommerce keeps no status history: a snapshot is the
 * state now, not the steps that led to it.
 */
export interface OrderSnapshot {
  /** The order's id in the supplier's store. */
  readonly orderId: number;
  /** The PO number (`external_order_id`); `null` on an order without one. */
  readonly poNumber: string | null;
  /** `external_source`: the system that created the order; `null` when unset. */
  readonly externalSource: string | null;
  /** The status id, 0 to 14 on BigCommerce (kept as it is when unknown). */
  readonly statusId: number;
  /** The status's label as the store shows it (`status`); merchants may rename labels. */
  readonly statusName: string;
  /** The status, normalized from `statusId`: `'cancelled'`, `'shipped'`, … or `'unknown'`. */
  readonly status: OrderStatus;
  /** Units ordered (`items_total`). */
  readonly itemsTotal: number;
  /** Units shipped so far (`items_shipped`). */
  readonly itemsShipped: number;
  /**
   * Money refunded so far, in the order's currency (`refunded_amount`). `null` when the order is
   * Refunded or Partially Refunded but the store reports `0`: BigCommerce's spec describes the field
   * as "always returns `0`", so on such a store the amount is unknown here, never a made-up 0 (read
   * it from `GET /v3/orders/{id}/payment_actions/refunds` with `source.request`, scope
   * `store_v2_transactions_read_only`). The status says that a refund happened either way.
   */
  readonly refundedAmount: number | null;
  /** Whether the supplier archived the order (`is_deleted`). */
  readonly archived: boolean;
  /** When the order last changed (`date_modified`), ISO 8601 UTC: `2026-11-26T10:05:00.000Z`. */
  readonly dateModified: string;
}

/** v2 money: a decimal string such as `"4.5000"`. */
const money = z.string().check(z.regex(/^-?\d+(\.\d+)?$/, 'expected a decimal amount such as "4.5000"'));

/**
 * The fields of a v2 order a snapshot reads (`order_Resp`). Loose: new fields pass.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders#get-an-order
 */
export const orderSnapshotSchema = z.looseObject({
  id: z.int(),
  status_id: z.int(),
  status: z.string(),
  date_modified: z.string(),
  items_total: z.number(),
  items_shipped: z.number(),
  refunded_amount: money,
  external_order_id: z.optional(z.nullable(z.string())),
  external_source: z.optional(z.nullable(z.string())),
  is_deleted: z.optional(z.boolean()),
});

/** `GET /v2/orders`: a bare array (204 with no body when empty). */
export const orderSnapshotListSchema = z.array(orderSnapshotSchema);

/** A v2 order as read. */
export type V2OrderState = z.infer<typeof orderSnapshotSchema>;

/**
 * The snapshot of a v2 order.
 * @throws {@link ResponseValidationError} when `date_modified` is not an RFC 2822 date.
 */
export function snapshotOf(order: V2OrderState, dateMs: number = orderDateMs(order)): OrderSnapshot {
  return {
    orderId: order.id,
    poNumber: order.external_order_id || null,
    externalSource: order.external_source ?? null,
    statusId: order.status_id,
    statusName: order.status,
    status: orderStatusOf(order.status_id),
    itemsTotal: order.items_total,
    itemsShipped: order.items_shipped,
    refundedAmount: refundedAmountOf(order),
    archived: order.is_deleted === true,
    dateModified: new Date(dateMs).toISOString(),
  };
}

/** Refunded (4) and Partially Refunded (14): a refund of more than 0 happened. */
const REFUND_STATUSES: ReadonlySet<number> = new Set([4, 14]);

/**
 * `refunded_amount` as a number; `null` where the status says a refund happened and the field
 * says 0, as orders.v2.oas2.yml describes it ("always returns `0`").
 * @see https://developer.bigcommerce.com/docs/rest-management/orders#get-an-order
 */
function refundedAmountOf(order: V2OrderState): number | null {
  const amount = Number(order.refunded_amount);
  return amount === 0 && REFUND_STATUSES.has(order.status_id) ? null : amount;
}
