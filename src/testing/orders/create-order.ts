import type { SandboxState } from '../sandbox-state';
import type { SandboxProduct, SandboxVariant } from '../catalog/catalog-model';
import { v2Money, v2Timestamp, type SandboxOrder, type SandboxOrderAddress } from './order-model';
import type { SandboxOrderDraft } from './order-state';
import { orderStatusName } from './order-statuses';

/** Why an order body was refused: v2's 400 `{ status, message, details }`. */
export interface OrderBodyProblem {
  /** The v2 message. */
  readonly message: string;
  /** `details.invalid_reason`. */
  readonly reason: string;
}

type Body = Record<string, unknown>;

interface PlannedLine {
  readonly product: SandboxProduct | undefined;
  readonly variant: SandboxVariant | undefined;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly name: string;
  readonly sku: string;
}

/**
 * Creates an order from a `POST /v2/orders` body, as BigCommerce would: checks the fields the
 * sandbox models, prices lines from the catalog unless the body overrides the price (ex and inc
 * tax together), refuses lines that cannot be bought or lack stock, and takes the ordered units
 * out of stock. Nothing changes when the body is refused.
 * @see https://developer.bigcommerce.com/docs/store-operations/orders#create-an-order
 */
export function createOrder(state: SandboxState, body: unknown): { order: SandboxOrder } | { problem: OrderBodyProblem } {
  if (!isRecord(body)) return refuse('The request body is invalid.', 'expected a JSON object');
  if ('external_id' in body) return refuse("The field 'external_id' is read-only.", 'use external_order_id');
  if ('consignments' in body) return refuse("The field 'consignments' is not supported by the sandbox.", 'send products and shipping_addresses');
  const billing = body.billing_address;
  if (!isRecord(billing)) return refuse("The field 'billing_address' is invalid.", 'billing_address is required');
  if (typeof billing.zip !== 'string' || billing.zip.trim().length < 2) {
    return refuse("The field 'billing_address.zip' is invalid.", 'zip must be two or more characters');
  }
  const customerId = body.customer_id ?? 0;
  if (typeof customerId !== 'number' || (customerId !== 0 && !state.customers.get(customerId))) {
    return refuse("The field 'customer_id' is invalid.", `no customer ${String(customerId)}`);
  }
  const statusId = body.status_id ?? 1;
  if (typeof statusId !== 'number' || orderStatusName(statusId) === undefined) {
    return refuse("The field 'status_id' is invalid.", 'status_id must be 0 to 14');
  }
  const channelId = body.channel_id ?? 1;
  // The sandbox has one channel: BigCommerce refuses a channel that is not valid and enabled.
  if (channelId !== 1) return refuse("The field 'channel_id' is invalid.", 'the sandbox has only channel 1');
  for (const name of ['external_order_id', 'external_source', 'staff_notes', 'customer_message'] as const) {
    const value = body[name];
    if (value !== undefined && value !== null && typeof value !== 'string') return refuse(`The field '${name}' is invalid.`, 'expected a string');
  }

  const shippingInputs = body.shipping_addresses ?? [];
  if (!Array.isArray(shippingInputs) || !shippingInputs.every(isRecord)) {
    return refuse("The field 'shipping_addresses' is invalid.", 'expected an array of addresses');
  }
  const products = body.products;
  if (!Array.isArray(products) || products.length === 0) return refuse("The field 'products' is invalid.", 'at least one product is required');
  const lines: PlannedLine[] = [];
  for (const [index, input] of products.entries()) {
    const line = planLine(state, input, index);
    if ('problem' in line) return line;
    lines.push(line);
  }
  const stockProblem = checkStock(lines);
  if (stockProblem) return { problem: stockProblem };

  const shippingCost = money(body.shipping_cost_ex_tax);
  const shippingCostIncTax = money(body.shipping_cost_inc_tax ?? body.shipping_cost_ex_tax);
  if (shippingCost === undefined || shippingCostIncTax === undefined) {
    return refuse("The field 'shipping_cost_ex_tax' is invalid.", 'expected a decimal amount');
  }
  const subtotal = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  const now = v2Timestamp();
  const billingAddress = orderAddress(billing);
  const draft: SandboxOrderDraft = {
    customer_id: customerId,
    date_created: now,
    date_modified: now,
    date_shipped: '',
    status_id: statusId,
    status: orderStatusName(statusId)!,
    subtotal_ex_tax: v2Money(subtotal),
    subtotal_inc_tax: v2Money(subtotal),
    subtotal_tax: v2Money(0),
    base_shipping_cost: v2Money(shippingCost),
    shipping_cost_ex_tax: v2Money(shippingCost),
    shipping_cost_inc_tax: v2Money(shippingCostIncTax),
    shipping_cost_tax: v2Money(shippingCostIncTax - shippingCost),
    base_handling_cost: v2Money(0),
    handling_cost_ex_tax: v2Money(0),
    handling_cost_inc_tax: v2Money(0),
    base_wrapping_cost: v2Money(0),
    wrapping_cost_ex_tax: v2Money(0),
    wrapping_cost_inc_tax: v2Money(0),
    total_ex_tax: v2Money(subtotal + shippingCost),
    total_inc_tax: v2Money(subtotal + shippingCostIncTax),
    total_tax: v2Money(shippingCostIncTax - shippingCost),
    items_total: units,
    items_shipped: 0,
    payment_method: 'Manual',
    payment_status: '',
    refunded_amount: v2Money(0),
    discount_amount: v2Money(0),
    currency_code: 'USD',
    default_currency_code: 'USD',
    billing_address: billingAddress,
    external_source: typeof body.external_source === 'string' ? body.external_source : null,
    external_id: null,
    external_order_id: typeof body.external_order_id === 'string' ? body.external_order_id : '',
    staff_notes: typeof body.staff_notes === 'string' ? body.staff_notes : '',
    customer_message: typeof body.customer_message === 'string' ? body.customer_message : '',
    is_deleted: false,
    channel_id: 1,
    order_source: 'external',
    shipping_address_count: Math.max(1, shippingInputs.length),
    order_is_digital: false,
    // Without shipping addresses, BigCommerce ships to the billing address.
    shipping_addresses: (shippingInputs.length > 0 ? shippingInputs : [billing]).map((input) => ({
      ...orderAddress(input),
      shipping_method: typeof input.shipping_method === 'string' ? input.shipping_method : '',
      items_total: units,
      items_shipped: 0,
    })),
    products: lines.map((line) => ({
      product_id: line.product?.id ?? 0,
      variant_id: line.variant?.id ?? 0,
      address_index: 0,
      name: line.name,
      sku: line.sku,
      type: line.product?.type ?? 'physical',
      base_price: v2Money(line.unitPrice),
      price_ex_tax: v2Money(line.unitPrice),
      price_inc_tax: v2Money(line.unitPrice),
      price_tax: v2Money(0),
      base_total: v2Money(line.unitPrice * line.quantity),
      total_ex_tax: v2Money(line.unitPrice * line.quantity),
      total_inc_tax: v2Money(line.unitPrice * line.quantity),
      total_tax: v2Money(0),
      quantity: line.quantity,
      quantity_shipped: 0,
      quantity_refunded: 0,
      product_options: [],
      upc: line.variant?.upc ?? line.product?.upc ?? '',
    })),
  };
  for (const line of lines) takeStock(state, line);
  return { order: state.orders.add(draft) };
}

function planLine(state: SandboxState, input: unknown, index: number): PlannedLine | { problem: OrderBodyProblem } {
  const field = `products[${index}]`;
  if (!isRecord(input)) return refuse(`The field '${field}' is invalid.`, 'expected an object');
  const quantity = input.quantity;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
    return refuse(`The field '${field}.quantity' is invalid.`, 'quantity must be a positive integer');
  }
  const { price_ex_tax: exTax, price_inc_tax: incTax } = input;
  if ((exTax === undefined) !== (incTax === undefined)) {
    return refuse(`The field '${field}.price_inc_tax' is invalid.`, 'price_ex_tax and price_inc_tax go together');
  }
  if (exTax !== undefined && (typeof exTax !== 'number' || exTax < 0)) return refuse(`The field '${field}.price_ex_tax' is invalid.`, 'expected a number');
  const override = typeof exTax === 'number' ? exTax : undefined;

  if (input.product_id === undefined) {
    // A custom line (orderCustomProduct_Post): not in the catalog, so it needs a name and prices.
    if (typeof input.name !== 'string' || override === undefined) {
      return refuse(`The field '${field}.product_id' is invalid.`, 'a catalog line needs product_id; a custom line needs name and prices');
    }
    return { product: undefined, variant: undefined, quantity, unitPrice: override, name: input.name, sku: typeof input.sku === 'string' ? input.sku : '' };
  }
  const product = typeof input.product_id === 'number' ? state.catalog.getProduct(input.product_id) : undefined;
  if (!product) return refuse(`The field '${field}.product_id' is invalid.`, `no product ${String(input.product_id)}`);
  let variant: SandboxVariant | undefined;
  if (input.variant_id !== undefined) {
    variant = typeof input.variant_id === 'number' ? state.catalog.getVariant(input.variant_id) : undefined;
    if (!variant || variant.product_id !== product.id) {
      return refuse(`The field '${field}.variant_id' is invalid.`, `no variant ${String(input.variant_id)} of product ${product.id}`);
    }
  } else if (product.base_variant_id !== null) {
    variant = state.catalog.getVariant(product.base_variant_id);
  } else {
    return refuse(`The field '${field}.product_options' is invalid.`, 'the product has options: send variant_id or product_options');
  }
  if (!variant) return refuse(`The field '${field}.variant_id' is invalid.`, 'no such variant');
  if (variant.purchasing_disabled || product.availability === 'disabled') {
    return refuse(`The product '${variant.sku}' cannot be purchased.`, 'purchasing is disabled');
  }
  return { product, variant, quantity, unitPrice: override ?? variant.calculated_price, name: product.name, sku: variant.sku };
}

/** Refuses lines that ask for more than the stock they draw on, summed over lines of one item. */
function checkStock(lines: readonly PlannedLine[]): OrderBodyProblem | undefined {
  const wanted = new Map<string, { available: number; quantity: number; sku: string }>();
  for (const line of lines) {
    if (!line.product || !line.variant || line.product.inventory_tracking === 'none') continue;
    const byVariant = line.product.inventory_tracking === 'variant';
    const key = byVariant ? `v${line.variant.id}` : `p${line.product.id}`;
    const available = byVariant ? (line.variant.inventory_level ?? 0) : line.product.inventory_level;
    const entry = wanted.get(key) ?? { available, quantity: 0, sku: line.sku };
    entry.quantity += line.quantity;
    wanted.set(key, entry);
  }
  for (const entry of wanted.values()) {
    if (entry.quantity > entry.available) {
      return { message: `The product '${entry.sku}' does not have enough stock.`, reason: `${entry.quantity} wanted, ${entry.available} in stock` };
    }
  }
  return undefined;
}

/** Takes the line's units out of the stock it draws on, as a store does when an order is placed. */
function takeStock(state: SandboxState, line: PlannedLine): void {
  const { product, variant } = line;
  if (!product || !variant || product.inventory_tracking === 'none') return;
  if (product.inventory_tracking === 'variant') {
    state.catalog.updateVariant(variant.id, { inventory_level: (variant.inventory_level ?? 0) - line.quantity });
    return;
  }
  const level = product.inventory_level - line.quantity;
  state.catalog.updateProduct(product.id, { inventory_level: level });
  // A simple product's base variant mirrors the product's stock.
  if (product.base_variant_id !== null) state.catalog.updateVariant(product.base_variant_id, { inventory_level: level });
}

function orderAddress(input: Body): SandboxOrderAddress {
  const text = (name: string) => (typeof input[name] === 'string' ? (input[name] as string) : '');
  const iso2 = text('country_iso2').toUpperCase();
  return {
    first_name: text('first_name'),
    last_name: text('last_name'),
    company: text('company'),
    street_1: text('street_1'),
    street_2: text('street_2'),
    city: text('city'),
    state: text('state'),
    zip: text('zip'),
    // BigCommerce fills whichever of the two is missing.
    country: text('country') || regionName(iso2),
    country_iso2: iso2,
    phone: text('phone'),
    email: text('email'),
  };
}

function money(value: unknown): number | undefined {
  if (value === undefined || value === null) return 0;
  const amount = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(amount) && amount >= 0 ? amount : undefined;
}

function regionName(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return '';
  try {
    return new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function refuse(message: string, reason: string): { problem: OrderBodyProblem } {
  return { problem: { message, reason } };
}

function isRecord(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
