import { ApiError } from '../../errors/api-error';
import { ConnectionError } from '../../errors/connection-error';
import { ResponseValidationError } from '../../errors/response-validation-error';
import { TimeoutError } from '../../errors/timeout-error';
import { wasNotSent } from '../../internal/failures';
import type { HttpClient } from '../../internal/http-client';
import type { RequestOptions } from '../../internal/request-options';
import { sleep } from '../../internal/sleep';
import { findOrderByPoNumber } from './find-order';
import type { OrderBody } from './order-body';
import { orderResponseSchema } from './response-schemas';
import type { SentOrder } from './sent-order';

/** How many times the order POST is sent at most, when earlier answers were lost. */
export const MAX_ORDER_POSTS = 3;
/** The first wait between two settle lookups, doubled after each. */
const FIRST_SETTLE_GAP_MS = 1_000;

/** The new order, or the existing one when an attempt's answer was lost but the order was made. */
export type CreateOrderOutcome = { readonly kind: 'created'; readonly orderId: number; readonly statusId: number; readonly customerId: number } | { readonly kind: 'existing'; readonly order: SentOrder };

/**
 * `POST /v2/orders`, exactly once. BigCommerce has no idempotency key, so the POST is never
 * retried blindly (the HTTP core repeats it only on 429, which BigCommerce answers before doing
 * anything, and when the request never left). When the answer is lost after the request went out
 * (timeout, dropped connection, 5xx, or a 2xx with an unreadable body), the order may exist, now or
 * a little later (a store may commit after the connection gave up): the PO number is looked up
 * over `settleMs` (at 0, 1, 3, 7, 15 s…), and only if no order has it by then is the POST sent
 * again, at most {@link MAX_ORDER_POSTS} times in all.
 * @see https://developer.bigcommerce.com/docs/start/about/status-codes
 */
export async function createOrderOnce(
  http: HttpClient,
  body: OrderBody,
  options: RequestOptions & { settleMs: number; beforeCreate: (attempt: { repeat: boolean }) => Promise<void> },
): Promise<CreateOrderOutcome> {
  const { settleMs, beforeCreate, ...requestOptions } = options;
  let lastError: unknown;
  for (let attempt = 1; attempt <= MAX_ORDER_POSTS; attempt += 1) {
    try {
      // A holder that lost its lease (a stall, a gate that forgot it) must not send: another may
      // be. Checked inside the POST's gate slot, right before each attempt leaves.
      const response = await http.request({ method: 'POST', path: '/v2/orders', body, schema: orderResponseSchema, beforeSend: () => beforeCreate({ repeat: attempt > 1 }) }, requestOptions);
      if (response.data) {
        return { kind: 'created', orderId: response.data.id, statusId: response.data.status_id, customerId: response.data.customer_id };
      }
      // A 2xx with no body: the order exists but its id is unknown. Find it.
      lastError = new ResponseValidationError('POST /v2/orders answered with an empty body.', {
        method: 'POST',
        path: '/v2/orders',
        issues: [{ path: '', message: 'expected the created order' }],
      });
    } catch (error) {
      // A request that never left created nothing: no lookup can find what was not sent.
      if (!answerMayBeLost(error) || wasNotSent(error) || requestOptions.signal?.aborted) throw error;
      lastError = error;
    }
    const existing = await lookUpWhileSettling(http, body.external_order_id, requestOptions, settleMs);
    if (existing) return { kind: 'existing', order: { ...existing, recovered: true } };
  }
  throw lastError;
}

/** The order of the PO, looked up at once and then at growing gaps until `settleMs` has passed. */
async function lookUpWhileSettling(http: HttpClient, poNumber: string, options: RequestOptions, settleMs: number): Promise<SentOrder | undefined> {
  const started = Date.now();
  for (let gapMs = FIRST_SETTLE_GAP_MS; ; gapMs *= 2) {
    const found = await findOrderByPoNumber(http, poNumber, options);
    const leftMs = settleMs - (Date.now() - started);
    if (found || leftMs <= 0) return found;
    await sleep(Math.min(gapMs, leftMs), options.signal);
  }
}

/** Whether the POST may have created the order although no usable answer came back. */
function answerMayBeLost(error: unknown): boolean {
  if (error instanceof ApiError) return error.status >= 500;
  return error instanceof TimeoutError || error instanceof ConnectionError || error instanceof ResponseValidationError;
}
