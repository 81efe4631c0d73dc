import { BigCommerceError } from './bigcommerce-error';

/**
 * The `require-existing` customer policy found no customer with the purchase order's email.
 * Nothing was written: no customer and no order.
 */
export class CustomerNotFoundError extends BigCommerceError {
  /** The class name, `'CustomerNotFoundError'`; it survives minification. */
  override name = 'CustomerNotFoundError';
  /** The email that matched no customer, as the purchase order gave it. */
  readonly email: string;

  constructor(message: string, email: string) {
    super(message);
    this.email = email;
  }
}
