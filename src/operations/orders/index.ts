import type { HttpClient } from '../../internal/http-client';
import { parseOperationOptions } from '../../internal/parse-request-options';
import type { PurchaseOrder } from './purchase-order';
import { sendAll, type SendManyResult } from './send-many';
import { sendManyOptionsSchema, sendOrderOptionsSchema, type SendManyOptions, type SendOrderOptions } from './send-options';
import { sendValidOrder } from './send-order';
import type { SentOrder } from './sent-order';
import { validateSend } from './validate-send';

/** Send Orders: purchase orders into the supplier's store, exactly once. */
export interface OrderOperations {
  /**
   * Turns a purchase order into one order in the store, under the customer policy chosen, and
   * never twice: a PO number already on an order (`external_order_id`) returns that order with
   * `created: false`, and a lost answer is checked before the order is sent again.
   *
   * @example
   * ```ts
   * const result = await source.orders.send(po, { customerPolicy: 'create-if-missing' });
   * // { orderId: 1042, created: true, customerId: 88, customerCreated: true, statusId: 11, poNumber: 'PO-1', lines: [...] }
   * ```
   * @throws {@link ValidationError} for an invalid purchase order or options, before any request;
   * also for SKUs that cannot be bought.
   * @throws {@link UnknownSkuError} naming every SKU the store does not have; nothing is written.
   * @throws {@link CustomerNotFoundError} under `require-existing`; nothing is written.
   * @throws {@link ApiError}, {@link ConnectionError} or {@link TimeoutError} when the store fails.
   */
  send(po: PurchaseOrder, options?: SendOrderOptions): Promise<SentOrder>;
  /**
   * Sends many purchase orders, `concurrency` at a time, and yields one {@link SendManyResult}
   * per purchase order in input order: `ok: true` with its {@link SentOrder}, or `ok: false` with
   * the error `send` would have thrown. One failing purchase order does not stop the others.
   * Invalid options throw at the first iteration; aborting `signal` ends the iteration with the
   * signal's reason.
   *
   * @example
   * ```ts
   * for await (const result of source.orders.sendMany(pos, { customerPolicy: 'guest' })) {
   *   if (result.ok) console.log(result.poNumber, '→', result.order.orderId);
   *   else console.error(result.poNumber, result.error.message);
   * }
   * ```
   */
  sendMany(pos: Iterable<PurchaseOrder> | AsyncIterable<PurchaseOrder>, options?: SendManyOptions): AsyncIterable<SendManyResult>;
}

/** Builds the order operations on a source's HTTP core. */
export function createOrderOperations(http: HttpClient): OrderOperations {
  // Two sends of one PO at once in this process share one attempt: two lookups could both find
  // nothing and both create. Keyed by store and PO number.
  const inFlight = new Map<string, Promise<SentOrder>>();

  function send(operation: string, po: unknown, options: unknown): Promise<SentOrder> {
    try {
      const input = validateSend(operation, po, options, sendOrderOptionsSchema);
      const key = `${http.storeHash}\u0000${input.po.poNumber}`;
      const running = inFlight.get(key);
      if (running) return running;
      const attempt = sendValidOrder(http, input).finally(() => inFlight.delete(key));
      inFlight.set(key, attempt);
      return attempt;
    } catch (error) {
      return Promise.reject(error);
    }
  }

  return {
    send: (po, options) => send('orders.send', po, options),
    sendMany(pos, options) {
      return {
        [Symbol.asyncIterator]() {
          const { concurrency, ...sendOptions } = parseOperationOptions('orders.sendMany', sendManyOptionsSchema, options);
          // Each send gets the caller's options as given, less the batch's own.
          const { concurrency: _batchOnly, ...perOrder } = options ?? {};
          return sendAll(pos, concurrency ?? http.maxConcurrency, (po) => send('orders.sendMany', po, perOrder), sendOptions.signal);
        },
      };
    },
  };
}

export { purchaseOrderSchema, type PurchaseOrder, type PurchaseOrderAddress, type PurchaseOrderItem } from './purchase-order';
export type { SendOrderOptions, SendManyOptions, CustomerPolicy, OrderPricing } from './send-options';
export type { SentOrder, SentOrderLine } from './sent-order';
export type { SendManyResult, SendManySuccess, SendManyFailure } from './send-many';
