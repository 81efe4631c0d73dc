import { BigCommerceError } from './bigcommerce-error';

/**
 * The same PO number is being sent right now, in this process, with a different purchase order or
 * options. Sends of one PO to one store never overlap (two lookups at once could both find no order
 * and both create one), and joining the running send would give this caller an order it did not
 * ask for. Nothing was sent for this call; once the running send ends, sending again finds its order.
 */
export class PurchaseOrderConflictError extends BigCommerceError {
  /** The class name, `'PurchaseOrderConflictError'`; it survives minification. */
  override name = 'PurchaseOrderConflictError';
  /** The PO number. */
  readonly poNumber: string;
  /** What differs from the send in flight: PO fields (`items`, `shippingAddress`) and `options.…`. */
  readonly differences: readonly string[];

  constructor(message: string, poNumber: string, differences: readonly string[]) {
    super(message);
    this.poNumber = poNumber;
    this.differences = differences;
  }
}
