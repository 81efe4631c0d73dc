import type { HttpClient } from '../../internal/http-client';
import { createOrderOnce } from './create-order';
import { resolveCustomer } from './customer-policy';
import { findOrderByPoNumber } from './find-order';
import { buildOrderBody } from './order-body';
import { resolveSkus } from './resolve-skus';
import { requestOptionsOf, type ResolvedSendOrderOptions } from './send-options';
import type { SentOrder } from './sent-order';
import type { ValidSendInput } from './validate-send';

/**
 * Sends one validated purchase order, in the order the issue lays down: look the PO number up
 * (an existing order is returned as is), resolve the SKUs, apply the customer policy, create the
 * order exactly once. Nothing is written before every SKU resolved and the customer is settled.
 */
export async function sendValidOrder(http: HttpClient, input: ValidSendInput<ResolvedSendOrderOptions>): Promise<SentOrder> {
  const { po, options, email } = input;
  const requestOptions = requestOptionsOf(options);
  const existing = await findOrderByPoNumber(http, po.poNumber, requestOptions);
  if (existing) return existing;

  const lines = await resolveSkus(http, po, requestOptions);
  const customer = await resolveCustomer(http, options.customerPolicy, po, email, requestOptions);
  const body = buildOrderBody(po, lines, customer.customerId, email, options);
  const outcome = await createOrderOnce(http, body, { ...requestOptions, settleMs: options.settleMs });
  if (outcome.kind === 'existing') return { ...outcome.order, customerCreated: customer.customerCreated };
  return {
    orderId: outcome.orderId,
    created: true,
    recovered: false,
    customerId: outcome.customerId,
    customerCreated: customer.customerCreated,
    statusId: outcome.statusId,
    poNumber: po.poNumber,
    archived: false,
    lines: lines.map(({ sku, productId, variantId, quantity }) => ({ sku, productId, variantId, quantity })),
  };
}
