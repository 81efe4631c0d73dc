/** One line of a {@link SentOrder}. */
export interface SentOrderLine {
  /** The SKU: as the purchase order spelt it for a new order, as the store has it for an existing one. */
  readonly sku: string;
  /** The product's id in the store. */
  readonly productId: number;
  /** The variant's id in the store. */
  readonly variantId: number;
  /** How many. */
  readonly quantity: number;
}

/** What {@link OrderOperations.send} did with a purchase order. */
export interface SentOrder {
  /** The order's id in the supplier's store. */
  readonly orderId: number;
  /**
   * `true` when this call created the order; `false` when it already existed: sent before, or sent
   * at the same time by another call in this process, which then reports `true` (see `docs/orders.md`).
   */
  readonly created: boolean;
  /** The order's customer; `0` for a guest order. */
  readonly customerId: number;
  /** Whether this call created the customer (`create-if-missing` only). */
  readonly customerCreated: boolean;
  /** The order's status id, e.g. 11 (Awaiting Fulfillment). */
  readonly statusId: number;
  /** The purchase order number, stored on the order as `external_order_id`. */
  readonly poNumber: string;
  /**
   * `true` when the order carrying the PO number was archived in the store (`is_deleted`): the PO
   * counts as sent and no second order is made. Only where the store lists archived orders; where
   * it does not, a resend creates a new order (see `docs/real-stores.md`).
   */
  readonly archived: boolean;
  /** The order's lines. */
  readonly lines: readonly SentOrderLine[];
  /**
   * `true` when the order was found by a lookup after a POST whose answer was lost (a timeout, a
   * dropped connection, a 5xx): the store did create it, and it was not sent again.
   */
  readonly recovered: boolean;
}
