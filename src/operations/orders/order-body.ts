import { toOrderAddress, withoutUndefined, type OrderAddressBody } from './addresses';
import type { ValidPurchaseOrder } from './purchase-order';
import type { ResolvedLine } from './resolve-skus';
import type { ResolvedSendOrderOptions } from './send-options';

/** The body of `POST /v2/orders` (the part of `order_Post` the SDK sends). */
export interface OrderBody {
  customer_id: number;
  status_id: number;
  external_order_id: string;
  external_source?: string;
  channel_id?: number;
  billing_address: OrderAddressBody;
  shipping_addresses: Array<OrderAddressBody & { shipping_method?: string }>;
  products: Array<{ product_id: number; variant_id: number; quantity: number; price_ex_tax?: number; price_inc_tax?: number }>;
  shipping_cost_ex_tax?: string;
  shipping_cost_inc_tax?: string;
  staff_notes?: string;
  customer_message?: string;
}

/**
 * Builds `POST /v2/orders`. The PO number goes to `external_order_id`, the field that is writable
 * and filterable (`external_id` is read-only), which is what makes {@link OrderOperations.send}
 * idempotent. Prices and costs come in pairs (ex and inc tax) or not at all, as BigCommerce asks.
 * @see https://developer.bigcommerce.com/docs/store-operations/orders#create-an-order
 */
export function buildOrderBody(
  po: ValidPurchaseOrder,
  lines: readonly ResolvedLine[],
  customerId: number,
  email: string | undefined,
  options: ResolvedSendOrderOptions,
): OrderBody {
  const billing = po.billingAddress ?? po.shippingAddress;
  // orders.v2.oas2.yml types the shipping cost fields as decimal strings, unlike line prices.
  const shippingCost = po.shippingCost === undefined ? undefined : po.shippingCost.toFixed(4);
  return withoutUndefined({
    customer_id: customerId,
    status_id: options.statusId,
    external_order_id: po.poNumber,
    // `external_source` is nullable, but sending null and leaving it out mean the same.
    external_source: options.externalSource ?? undefined,
    channel_id: options.channelId,
    billing_address: toOrderAddress(billing, email),
    shipping_addresses: [withoutUndefined({ ...toOrderAddress(po.shippingAddress), shipping_method: po.shippingMethod })],
    products: lines.map((line) =>
      withoutUndefined({
        product_id: line.productId,
        variant_id: line.variantId,
        quantity: line.quantity,
        price_ex_tax: options.pricing === 'po' ? line.unitPrice : undefined,
        price_inc_tax: options.pricing === 'po' ? line.unitPrice : undefined,
      }),
    ),
    shipping_cost_ex_tax: shippingCost,
    shipping_cost_inc_tax: shippingCost,
    staff_notes: po.notes,
    customer_message: po.customerMessage,
  });
}
