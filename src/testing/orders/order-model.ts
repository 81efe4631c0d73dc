/**
 * An order address (`billingAddress_Base`; v2 names: `street_1`, `zip`, `country_iso2`).
 * @see https://developer.bigcommerce.com/docs/rest-management/orders#get-an-order
 */
export interface SandboxOrderAddress {
  /** First name. */
  first_name: string;
  /** Last name. */
  last_name: string;
  /** Company. */
  company: string;
  /** First line. */
  street_1: string;
  /** Second line. */
  street_2: string;
  /** City. */
  city: string;
  /** State or province. */
  state: string;
  /** Postal code. */
  zip: string;
  /** Country name. */
  country: string;
  /** ISO 3166-1 alpha-2. */
  country_iso2: string;
  /** Phone. */
  phone: string;
  /** Email. */
  email: string;
}

/**
 * A shipping address of an order (`GET /v2/orders/{id}/shipping_addresses`).
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-shipping-addresses
 */
export interface SandboxOrderShippingAddress extends SandboxOrderAddress {
  /** The order address id that lines and shipments refer to. */
  id: number;
  /** The order. */
  order_id: number;
  /** The shipping method's name. */
  shipping_method: string;
  /** Units shipping to this address. */
  items_total: number;
  /** Units shipped so far. */
  items_shipped: number;
}

/**
 * One line of an order (`orderProducts`, `GET /v2/orders/{id}/products`). Money is v2-style:
 * decimal strings such as `"9.5000"`.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-products
 */
export interface SandboxOrderProduct {
  /** The order product id that shipments refer to. */
  id: number;
  /** The order. */
  order_id: number;
  /** The catalog product; 0 for a custom line. */
  product_id: number;
  /** The catalog variant; 0 for a custom line. */
  variant_id: number;
  /** The shipping address the line ships to. */
  order_address_id: number;
  /** Product name. */
  name: string;
  /** The variant's SKU. */
  sku: string;
  /** `physical` or `digital`. */
  type: 'physical' | 'digital';
  /** Unit price before tax, as the catalog priced it or the order overrode it. */
  base_price: string;
  /** Unit price ex tax. */
  price_ex_tax: string;
  /** Unit price inc tax. */
  price_inc_tax: string;
  /** Unit tax. */
  price_tax: string;
  /** Line total before tax. */
  base_total: string;
  /** Line total ex tax. */
  total_ex_tax: string;
  /** Line total inc tax. */
  total_inc_tax: string;
  /** Line tax. */
  total_tax: string;
  /** Units ordered. */
  quantity: number;
  /** Units shipped. */
  quantity_shipped: number;
  /** Units refunded. */
  quantity_refunded: number;
  /** Chosen options; empty for a variant given by id. */
  product_options: Array<{
    /** Order product option id. */
    id: number;
    /** Catalog option id. */
    option_id: number;
    /** The option's name. */
    display_name: string;
    /** The chosen value's name. */
    display_value: string;
    /** The chosen value's id, as a string. */
    value: string;
  }>;
  /** Universal Product Code. */
  upc: string;
}

/**
 * An order as the sandbox stores it: `order_Resp` fields, with the lines and shipping addresses
 * that the API shows as sub-resources.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders#get-an-order
 */
export interface SandboxOrder {
  /** Order id, unique in the store. */
  id: number;
  /** The customer; 0 for a guest order. */
  customer_id: number;
  /** RFC 2822 creation time, e.g. `Tue, 05 Mar 2019 21:40:11 +0000`. */
  date_created: string;
  /** RFC 2822 time of the last change. */
  date_modified: string;
  /** RFC 2822 time of shipping; `''` until shipped. */
  date_shipped: string;
  /** Status id (see `GET /v2/order_statuses`). */
  status_id: number;
  /** The status's name. */
  status: string;
  /** Sum of the lines ex tax. */
  subtotal_ex_tax: string;
  /** Sum of the lines inc tax. */
  subtotal_inc_tax: string;
  /** Tax on the lines. */
  subtotal_tax: string;
  /** Shipping cost before tax. */
  base_shipping_cost: string;
  /** Shipping cost ex tax. */
  shipping_cost_ex_tax: string;
  /** Shipping cost inc tax. */
  shipping_cost_inc_tax: string;
  /** Tax on shipping. */
  shipping_cost_tax: string;
  /** Handling cost before tax. */
  base_handling_cost: string;
  /** Handling cost ex tax. */
  handling_cost_ex_tax: string;
  /** Handling cost inc tax. */
  handling_cost_inc_tax: string;
  /** Wrapping cost before tax. */
  base_wrapping_cost: string;
  /** Wrapping cost ex tax. */
  wrapping_cost_ex_tax: string;
  /** Wrapping cost inc tax. */
  wrapping_cost_inc_tax: string;
  /** Order total ex tax. */
  total_ex_tax: string;
  /** Order total inc tax. */
  total_inc_tax: string;
  /** Total tax. */
  total_tax: string;
  /** Units ordered. */
  items_total: number;
  /** Units shipped. */
  items_shipped: number;
  /** Payment method name. */
  payment_method: string;
  /** Payment status; `''` for an order created through the API without payment. */
  payment_status: string;
  /** Refunded amount. */
  refunded_amount: string;
  /** Discount. */
  discount_amount: string;
  /** Transaction currency. */
  currency_code: string;
  /** The store's default currency. */
  default_currency_code: string;
  /** The billing address. */
  billing_address: SandboxOrderAddress;
  /** The system that created the order. */
  external_source: string | null;
  /** Read-only external id; the sandbox never sets it. */
  external_id: string | null;
  /** The caller's own reference, e.g. a PO number. */
  external_order_id: string;
  /** Notes only the merchant sees. */
  staff_notes: string;
  /** The customer's comments. */
  customer_message: string;
  /** Whether the order is archived. */
  is_deleted: boolean;
  /** The channel. */
  channel_id: number;
  /** Set by BigCommerce: `external` for API-created orders. */
  order_source: string;
  /** Number of shipping addresses. */
  shipping_address_count: number;
  /** Whether every line is digital. */
  order_is_digital: boolean;
  /** The lines (`GET /v2/orders/{id}/products`). */
  products: SandboxOrderProduct[];
  /** The shipping addresses (`GET /v2/orders/{id}/shipping_addresses`). */
  shipping_addresses: SandboxOrderShippingAddress[];
}

/** RFC 2822 in UTC with `+0000`, as v2 writes dates: `Tue, 05 Mar 2019 21:40:11 +0000`. */
export function v2Timestamp(epochMs: number = Date.now()): string {
  return new Date(epochMs).toUTCString().replace('GMT', '+0000');
}

/** v2 money: a decimal string with four places, e.g. `"225.0000"`. */
export function v2Money(amount: number): string {
  return amount.toFixed(4);
}
