import { ApiError } from '../../errors/api-error';
import { ConnectionError } from '../../errors/connection-error';
import { ResponseValidationError } from '../../errors/response-validation-error';
import { TimeoutError } from '../../errors/timeout-error';
import type { HttpClient } from '../../internal/http-client';
import type { RequestOptions } from '../../internal/request-options';
import { findOrderByPoNumber } from './find-order';
import type { OrderBody } from './order-body';
import { orderResponseSchema } from './response-schemas';
import type { SentOrder } from './sent-order';

/** How many times the order POST is sent at most, when earlier answers were lost. */
export const MAX_ORDER_POSTS = 3;

/** The new order, or the existing one when an attempt's answer was lost but the order was made. */
export type CreateOrderOutcome = { readonly kind: 'created'; readonly orderId: number; readonly statusId: number; readonly customerId: number } | { readonly kind: 'existing'; readonly order: SentOrder };

/**
 * `POST /v2/orders`, exactly once. BigCommerce has no idempotency key, so the POST is never
 * retried blindly (the HTTP core repeats it only on 429, which BigCommerce answers before doing
 * anything). When the answer is lost after the request went out (timeout, dropped connection,
 * 5xx, or a 2xx with an unreadable body), the order may exist: the PO number is looked up (a GET,
 * retried as reads are), and only if no order has it is the POST sent again, at most
 * {@link MAX_ORDER_POSTS} times in all.
 * @see https://developer.bigcommerce.com/docs/start/about/status-codes
 */
export async function createOrderOnce(http: HttpClient, body: OrderBody, options: RequestOptions): Promise<CreateOrderOutcome> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= MAX_ORDER_POSTS; attempt += 1) {
    try {
      const response = await http.request({ method: 'POST', path: '/v2/orders', body, schema: orderResponseSchema }, options);
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
      if (!answerMayBeLost(error) || options.signal?.aborted) throw error;
      lastError = error;
    }
    const existing = await findOrderByPoNumber(http, body.external_order_id, options);
    if (existing) return { kind: 'existing', order: existing };
  }
  throw lastError;
}

/** Whether the POST may have created the order although no usable answer came back. */
function answerMayBeLost(error: unknown): boolean {
  if (error instanceof ApiError) return error.status >= 500;
  return error instanceof TimeoutError || error instanceof ConnectionError || error instanceof ResponseValidationError;
}
