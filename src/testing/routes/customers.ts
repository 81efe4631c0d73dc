import type { SandboxCustomer, SandboxCustomerInput } from '../customers/customer-state';
import { errorResponse } from '../responses/error-body';
import { jsonResponse } from '../responses/json-response';
import { respondV3List } from '../responses/v3-list';
import type { SandboxRouter } from '../router';
import { sameText } from '../quirks';
import type { SandboxState } from '../sandbox-state';

/** customers.v3.yml: `POST /customers` takes at most 10 customers; more is a 413. */
const MAX_CUSTOMERS_PER_CREATE = 10;

/**
 * Customers v3: list with `email:in`, `id:in` and `include=addresses`, and create in batches of up
 * to 10. Emails are unique regardless of letter case; a taken email fails the whole batch with
 * 422, as BigCommerce's `Create customers failed.` does.
 * @see https://developer.bigcommerce.com/docs/rest-management/customers
 */
export function registerCustomerRoutes(router: SandboxRouter): void {
  router.add({
    method: 'GET',
    path: '/v3/customers',
    scope: 'store_v2_customers_read_only',
    handler: ({ query, state, list }) => {
      const emails = list('email:in')?.map((email) => email.trim());
      const caseSensitive = state.quirks.emailFilterCaseSensitive;
      const ids = list('id:in')?.map(Number);
      if (ids?.some((id) => !Number.isInteger(id))) return invalidFilter('id:in');
      const includeAddresses = (query.get('include') ?? '').split(',').includes('addresses');
      const customers = [...state.customers.all()].filter(
        (customer) => (!emails || emails.some((email) => sameText(customer.email, email, caseSensitive))) && (!ids || ids.includes(customer.id)),
      );
      return respondV3List(
        customers.map((customer) => customerView(customer, includeAddresses)),
        query,
      );
    },
  });

  router.add({
    method: 'POST',
    path: '/v3/customers',
    scope: 'store_v2_customers',
    handler: ({ request, state }) => {
      const body = request.body;
      if (!Array.isArray(body) || body.length === 0) {
        return errorResponse('v3', 422, { message: 'Create customers failed.', errors: { '.customer_create': 'Expected a non-empty array of customers.' } });
      }
      if (body.length > MAX_CUSTOMERS_PER_CREATE) {
        return errorResponse('v3', 413, { message: 'The request payload is too large.', errors: { '': `At most ${MAX_CUSTOMERS_PER_CREATE} customers per request.` } });
      }
      const problems = checkCustomers(state, body);
      if (Object.keys(problems).length > 0) return errorResponse('v3', 422, { message: 'Create customers failed.', errors: problems });
      const created = (body as SandboxCustomerInput[]).map((input) => state.customers.add(input));
      return jsonResponse({ data: created.map((customer) => customerView(customer, true)), meta: {} });
    },
  });
}

/** Per-field problems of a create batch, keyed like BigCommerce's (`0.email`); empty when valid. */
function checkCustomers(state: SandboxState, body: unknown[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const seen = new Set<string>();
  body.forEach((input, index) => {
    if (typeof input !== 'object' || input === null) {
      problems[`${index}`] = 'Expected a customer object.';
      return;
    }
    const customer = input as Record<string, unknown>;
    const email = customer.email;
    if (typeof email !== 'string' || email.length < 3 || email.length > 250 || !email.includes('@')) {
      problems[`${index}.email`] = 'A valid email of 3 to 250 characters is required.';
    } else if (state.customers.findByEmail(email) || seen.has(email.toLowerCase())) {
      problems[`${index}.email`] = `The email ${email} is already in use.`;
    } else {
      seen.add(email.toLowerCase());
    }
    for (const name of ['first_name', 'last_name']) {
      const value = customer[name];
      if (typeof value !== 'string' || value.length < 1 || value.length > 100) problems[`${index}.${name}`] = `${name} must be 1 to 100 characters.`;
    }
    const addresses = customer.addresses ?? [];
    if (!Array.isArray(addresses) || addresses.length > 10) {
      problems[`${index}.addresses`] = 'At most 10 addresses.';
      return;
    }
    addresses.forEach((address: unknown, at) => {
      const fields = (typeof address === 'object' && address !== null ? address : {}) as Record<string, unknown>;
      for (const name of ['first_name', 'last_name', 'address1', 'city', 'country_code']) {
        if (typeof fields[name] !== 'string' || fields[name] === '') problems[`${index}.addresses.${at}.${name}`] = `${name} is required.`;
      }
      if (typeof fields.country_code === 'string' && !/^[A-Za-z]{2}$/.test(fields.country_code)) {
        problems[`${index}.addresses.${at}.country_code`] = 'country_code must be an ISO 3166-1 alpha-2 code.';
      }
    });
  });
  return problems;
}

/** A customer as the API shows it: `addresses` only with `include=addresses`. */
function customerView(customer: SandboxCustomer, includeAddresses: boolean) {
  const { addresses, ...fields } = customer;
  return includeAddresses ? { ...fields, addresses } : fields;
}

function invalidFilter(name: string): Response {
  return errorResponse('v3', 422, { message: 'The filter is invalid.', errors: { [name]: `Invalid value for ${name}.` } });
}
