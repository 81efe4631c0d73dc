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
 *
 * Emails are unique regardless of case, but whether the `email:in` filter compares
 * case-insensitively is undocumented: every lookup also asks for the lower-case form (in the same
 * request), so `Ada@x.com` finds `ada@x.com` on either kind of store and never becomes a second
 * customer. A store that refuses the create as a duplicate while no lookup can read the customer
 * (stored as `ADA@x.com`, filter case-sensitive) gets a {@link CustomerNotFoundError} saying so.
 * @throws {@link CustomerNotFoundError} under `require-existing` when no customer has the email,
 * and under `create-if-missing` when the email is taken by a customer no lookup can read.
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
    if (found === undefined && error instanceof ApiError && error.status === 422 && refusesEmail(error)) {
      throw new CustomerNotFoundError(
        `The store refused to create a customer with the email ${JSON.stringify(address)} because the email is in use, but no customer could be read with it or its lower-case form: ` +
          "the store's email filter compares case-sensitively and the stored address differs in case. Send the PO with the email as the store has it, or with customerPolicy 'guest'. " +
          `Purchase order ${JSON.stringify(po.poNumber)} was not sent.`,
        address,
      );
    }
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

/**
 * The id of the customer with this email, compared case-insensitively, if any. The lower-case form
 * goes in the same `email:in` list, for stores whose filter compares case-sensitively (an email
 * holds no comma: validation refuses one, so the list cannot split it).
 */
async function findCustomerId(http: HttpClient, email: string, options: RequestOptions): Promise<number | undefined> {
  const forms = [...new Set([email, email.toLowerCase()])];
  const response = await http.request(
    { method: 'GET', path: '/v3/customers', query: { 'email:in': forms }, schema: customerListResponseSchema },
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

/** Whether a 422 from the customer create is about the email (BigCommerce keys its errors like `0.email`). */
function refusesEmail(error: ApiError): boolean {
  return error.fieldErrors.some((issue) => /email/i.test(issue.path)) || /email/i.test(error.message);
}

function sameEmail(left: string, right: string): boolean {
  return left.trim().toLowerCase() === right.trim().toLowerCase();
}
