import { ApiError } from '../../errors/api-error';
import { ConnectionError } from '../../errors/connection-error';
import { CustomerNotFoundError } from '../../errors/customer-not-found-error';
import { ResponseValidationError } from '../../errors/response-validation-error';
import { TimeoutError } from '../../errors/timeout-error';
import type { HttpClient } from '../../internal/http-client';
import type { RequestOptions } from '../../internal/request-options';
import { toCustomerAddress, withoutUndefined } from './addresses';
import type { ValidPurchaseOrder } from './purchase-order';
import { customerListResponseSchema } from './response-schemas';
import type { CustomerPolicy } from './send-options';

/** Whose order it is. */
export interface CustomerResolution {
  /** `0` for a guest order. */
  readonly customerId: number;
  readonly customerCreated: boolean;
}

/**
 * Applies the customer policy. `create-if-missing` is safe against races: when the create fails
 * because the email is now taken (422, BigCommerce's answer to a duplicate email), or its answer is
 * lost, the customer is looked up again and used.
 * @throws {@link CustomerNotFoundError} under `require-existing` when no customer has the email.
 * @see https://developer.bigcommerce.com/docs/rest-management/customers#get-all-customers
 * @see https://developer.bigcommerce.com/docs/rest-management/customers#create-customers
 */
export async function resolveCustomer(
  http: HttpClient,
  policy: CustomerPolicy,
  po: ValidPurchaseOrder,
  email: string | undefined,
  options: RequestOptions,
): Promise<CustomerResolution> {
  if (policy === 'guest') return { customerId: 0, customerCreated: false };
  // Validation made sure non-guest policies have an email.
  const address = email!;
  const existing = await findCustomerId(http, address, options);
  if (existing !== undefined) return { customerId: existing, customerCreated: false };
  if (policy === 'require-existing') {
    throw new CustomerNotFoundError(
      `No customer has the email ${JSON.stringify(address)} (customer policy 'require-existing'); purchase order ${JSON.stringify(po.poNumber)} was not sent.`,
      address,
    );
  }
  try {
    const response = await http.request(
      { method: 'POST', path: '/v3/customers', body: [customerBody(po, address)], schema: customerListResponseSchema },
      options,
    );
    const created = response.data?.data.find((customer) => sameEmail(customer.email, address));
    if (created) return { customerId: created.id, customerCreated: true };
  } catch (error) {
    if (!mayExistNow(error)) throw error;
    const found = await findCustomerId(http, address, options);
    if (found === undefined) throw error;
    // A 422 means someone else created it; a lost answer most likely means this call did.
    return { customerId: found, customerCreated: !(error instanceof ApiError && error.status === 422) };
  }
  const found = await findCustomerId(http, address, options);
  if (found === undefined) {
    throw new ResponseValidationError('POST /v3/customers answered without the customer it created.', {
      method: 'POST',
      path: '/v3/customers',
      issues: [{ path: 'data', message: `expected a customer with the email ${address}` }],
    });
  }
  return { customerId: found, customerCreated: true };
}

/** The id of the customer with this email, compared case-insensitively, if any. */
async function findCustomerId(http: HttpClient, email: string, options: RequestOptions): Promise<number | undefined> {
  const response = await http.request(
    { method: 'GET', path: '/v3/customers', query: { 'email:in': [email] }, schema: customerListResponseSchema },
    options,
  );
  return response.data?.data.find((customer) => sameEmail(customer.email, email))?.id;
}

/** A new customer from the PO: the billing person (the buyer), their email, phone and address. */
function customerBody(po: ValidPurchaseOrder, email: string) {
  const billing = po.billingAddress ?? po.shippingAddress;
  return withoutUndefined({
    email,
    first_name: billing.firstName,
    last_name: billing.lastName,
    company: billing.company,
    phone: billing.phone,
    addresses: [toCustomerAddress(billing)],
  });
}

/** Whether the customer may exist although the create failed. */
function mayExistNow(error: unknown): boolean {
  if (error instanceof ApiError) return error.status === 422 || error.status === 409 || error.status >= 500;
  return error instanceof TimeoutError || error instanceof ConnectionError || error instanceof ResponseValidationError;
}

function sameEmail(left: string, right: string): boolean {
  return left.trim().toLowerCase() === right.trim().toLowerCase();
}
