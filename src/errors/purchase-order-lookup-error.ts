import { BigCommerceError } from './bigcommerce-error';

/**
 * A purchase-order lookup (`GET /v2/orders?external_order_id=…`) read as many pages as the SDK
 * allows and the store still had more orders to list, so the SDK cannot tell which order carries
 * the PO number. Nothing was written: `orders.send` sends no order after it.
 */
export class PurchaseOrderLookupError extends BigCommerceError {
  /** The class name, `'PurchaseOrderLookupError'`; it survives minification. */
  override name = 'PurchaseOrderLookupError';
  /** The PO number that was looked up. */
  readonly poNumber: string;
  /** How many orders the lookup read before it stopped. */
  readonly ordersRead: number;

  constructor(message: string, poNumber: string, ordersRead: number) {
    super(message);
    this.poNumber = poNumber;
    this.ordersRead = ordersRead;
  }
}
