import type { HttpClient } from '../../internal/http-client';
import { createOrderOnce } from './create-order';
import { resolveCustomer } from './customer-policy';
import { findOrderByPoNumber } from './find-order';
import { buildOrderBody } from './order-body';
import { resolveSkus } from './resolve-skus';
import { requestOptionsOf, type ResolvedSendOrderOptions } from './send-options';
import type { SentOrder } from './sent-order';
import type { ValidSendInput } from './validate-send';
import type { PurchaseOrderLease } from '../../internal/gate/rate-gate';
import { PurchaseOrderLeaseError } from '../../errors/purchase-order-lease-error';

/**
 * Sends one validated purchase order: take the PO's lease from the gate (no other holder sends it
 * meanwhile, in this process or another), look the PO number up (an existing order is returned as
 * is), resolve the SKUs, apply the customer policy, confirm the lease is still held, and create the
 * order exactly once. Nothing is written before every SKU resolved and the customer is settled.
 */
export async function sendValidOrder(http: HttpClient, input: ValidSendInput<ResolvedSendOrderOptions>): Promise<SentOrder> {
  const { po, options } = input;
  // How long the lease outlives its holder's last sign of life: a create sent just before the
  // holder stopped may still be committed up to `timeoutMs` later, and the next holder's lookups
  // (over the settle window) must see it. Holders renew their lease while alive.
  const ttlMs = (options.timeoutMs ?? http.timeoutMs) + options.settleMs;
  const lease = await failClosed(po.poNumber, 'acquire', options.signal, () => http.gate.leasePurchaseOrder(http.gateStore, po.poNumber, { ttlMs, signal: options.signal }));
  try {
    return await sendUnderLease(http, input, lease);
  } finally {
    await lease.release();
  }
}

async function sendUnderLease(http: HttpClient, input: ValidSendInput<ResolvedSendOrderOptions>, lease: PurchaseOrderLease): Promise<SentOrder> {
  const { po, options, email } = input;
  const requestOptions = requestOptionsOf(options);
  const existing = await findOrderByPoNumber(http, po.poNumber, requestOptions);
  if (existing) return existing;

  const lines = await resolveSkus(http, po, requestOptions);
  const customer = await resolveCustomer(http, options.customerPolicy, po, email, requestOptions);
  const body = buildOrderBody(po, lines, customer.customerId, email, options);
  const outcome = await createOrderOnce(http, body, {
    ...requestOptions,
    settleMs: options.settleMs,
    beforeCreate: ({ repeat }) => failClosed(po.poNumber, repeat ? 'confirm-repeat' : 'confirm', options.signal, () => lease.confirm()),
  });
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

/**
 * Runs a lease step of the gate; any failure but the caller's own abort becomes a
 * {@link PurchaseOrderLeaseError}: without the lease, another holder may be sending the PO, so the
 * send stops before anything is created.
 */
async function failClosed<T>(poNumber: string, step: 'acquire' | 'confirm' | 'confirm-repeat', signal: AbortSignal | undefined, leaseStep: () => Promise<T>): Promise<T> {
  try {
    return await leaseStep();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    const why = error instanceof Error ? error.message.slice(0, 200) : 'no reason given';
    const po = JSON.stringify(poNumber);
    const message =
      step === 'acquire'
        ? `The rate gate could not lease PO ${po} (${why}). Nothing was sent: without the lease another process could send the same PO. Send it again once the gate is reachable.`
        : step === 'confirm'
          ? `The lease of PO ${po} was lost before its order was created (${why}). The order was not sent: another process may be sending it. Send it again to find or create it.`
          : `The lease of PO ${po} was lost before the order was sent again (${why}). That repeat was not sent; the earlier POST's answer was lost and no order had the PO after the settle window, but if the store commits it later still, its order exists. Send the PO again to find or create it.`;
    const phase = step === 'acquire' ? 'acquire' : 'confirm';
    throw new PurchaseOrderLeaseError(message, { poNumber, phase, cause: error });
  }
}
