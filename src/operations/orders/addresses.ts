import type { ValidPurchaseOrderAddress } from './purchase-order';

/**
 * An address as v2 orders take it (`billingAddress_Base` / `shippingAddress_Base`). The country
 * goes as `country_iso2` alone: the spec requires no name (only `zip` is required) and BigCommerce
 * fills `country` from the code, so no name of ours (`Intl`'s "Türkiye" beside BigCommerce's
 * "Turkey") can ever disagree with the code.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders#create-an-order
 */
export interface OrderAddressBody {
  first_name: string;
  last_name: string;
  company?: string;
  street_1: string;
  street_2?: string;
  city: string;
  state?: string;
  zip: string;
  country_iso2: string;
  phone?: string;
  email?: string;
}

/**
 * An address as v3 customers take it (`customerAddresses_CustomerPost`): other names for the same
 * fields (`address1`, `postal_code`, `state_or_province`, `country_code`).
 * @see https://developer.bigcommerce.com/docs/rest-management/customers#create-customers
 */
export interface CustomerAddressBody {
  first_name: string;
  last_name: string;
  company?: string;
  address1: string;
  address2?: string;
  city: string;
  state_or_province?: string;
  postal_code: string;
  country_code: string;
  phone?: string;
}

/** A PO address for a v2 order. Optional fields are left out rather than sent empty. */
export function toOrderAddress(address: ValidPurchaseOrderAddress, email?: string): OrderAddressBody {
  return withoutUndefined({
    first_name: address.firstName,
    last_name: address.lastName,
    company: address.company,
    street_1: address.street1,
    street_2: address.street2,
    city: address.city,
    state: address.state,
    zip: address.zip,
    country_iso2: address.country,
    phone: address.phone,
    email: email ?? address.email,
  });
}

/** A PO address for a v3 customer. */
export function toCustomerAddress(address: ValidPurchaseOrderAddress): CustomerAddressBody {
  return withoutUndefined({
    first_name: address.firstName,
    last_name: address.lastName,
    company: address.company,
    address1: address.street1,
    address2: address.street2,
    city: address.city,
    state_or_province: address.state,
    postal_code: address.zip,
    country_code: address.country,
    phone: address.phone,
  });
}

/** The object without its `undefined` fields, so JSON bodies carry no empty keys. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
