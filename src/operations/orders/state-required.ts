/**
 * Countries whose addresses need a state or province: the ones for which BigCommerce lists states
 * (`GET /v2/countries/{id}/states`, the `states` of `GET /v2/countries`). A customer address in
 * one of them without `state_or_province` is refused (422), which under `create-if-missing` would
 * otherwise look like a taken email; so it is checked before anything is sent.
 *
 * Source: the `states` of BigCommerce's own country list as its WordPress plugin ships it
 * (bigcommerce/bigcommerce-for-wordpress, `assets/data/countries.json`, a copy of
 * `GET /v2/countries` with states): Argentina, Australia, Austria, Canada, Germany, India,
 * Indonesia, Ireland, Malaysia, Mexico, Myanmar, South Africa, Spain, Switzerland, the United
 * Arab Emirates and the United States.
 * @see https://github.com/bigcommerce/bigcommerce-for-wordpress/blob/0d90f6bc3f8c1bcc1a724f0ff905dfe447907af5/assets/data/countries.json
 * @see https://developer.bigcommerce.com/docs/rest-management/customers#create-customers
 */
export const STATE_REQUIRED_COUNTRIES: ReadonlySet<string> = new Set(['AR', 'AU', 'AT', 'CA', 'DE', 'IN', 'ID', 'IE', 'MY', 'MX', 'MM', 'ZA', 'ES', 'CH', 'AE', 'US']);

/** Whether an address in this country (ISO 3166-1 alpha-2, upper case) needs a state or province. */
export function stateRequired(countryCode: string): boolean {
  return STATE_REQUIRED_COUNTRIES.has(countryCode);
}
