import { BigCommerceError } from './bigcommerce-error';

/**
 * The rate gate could not guarantee that no one else is sending this PO, so the order was not
 * sent: the send failed closed rather than risk a second order. With a shared gate
 * (`bigcommerce-source/redis`) this happens when the gate's store (Redis) is unreachable
 * (`phase: 'acquire'`), or when the lease was lost before the order was created: the holder stalled
 * past the lease's lifetime, or the gate's store forgot it (`phase: 'confirm'`). `cause` is the
 * gate's own error. The request it stopped was not sent. In the one case where this send had
 * already sent a POST (its answer was lost, and no order had the PO after the settle window), the
 * message says so: that earlier POST may still be committed. Either way, sending the PO again later
 * finds the order if one exists, or creates it.
 */
export class PurchaseOrderLeaseError extends BigCommerceError {
  /** The class name, `'PurchaseOrderLeaseError'`; it survives minification. */
  override name = 'PurchaseOrderLeaseError';
  /** The PO number. */
  readonly poNumber: string;
  /** `acquire`: the lease could not be taken; `confirm`: it was lost before the order was created. */
  readonly phase: 'acquire' | 'confirm';

  constructor(message: string, details: { poNumber: string; phase: 'acquire' | 'confirm'; cause: unknown }) {
    super(message, { cause: details.cause });
    this.poNumber = details.poNumber;
    this.phase = details.phase;
  }
}
