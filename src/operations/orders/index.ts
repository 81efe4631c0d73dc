import type { HttpClient } from '../../internal/http-client';
import { parseOperationOptions } from '../../internal/parse-request-options';
import type { PurchaseOrder } from './purchase-order';
import { sendAll, type SendManyResult } from './send-many';
import { sendManyOptionsSchema, sendOrderOptionsSchema, type ResolvedSendOrderOptions, type SendManyOptions, type SendOrderOptions } from './send-options';
import { sendValidOrder } from './send-order';
import type { SentOrder } from './sent-order';
import { validateSend, type ValidSendInput } from './validate-send';
import { PurchaseOrderConflictError } from '../../errors/purchase-order-conflict-error';

/** Send Orders: purchase orders into the supplier's store, exactly once. */
export interface OrderOperations {
  /**
   * Turns a purchase order into one order in the store, under the customer policy chosen, and
   * never twice: a PO number already on an order (`external_order_id`) returns that order with
   * `created: false`; a lost answer is looked up over `settleMs` before the order is sent again
   * (`recovered: true` when it was found); and sends of the same PO at the same time in this
   * process, from any source on the same store, share one send: exactly one caller gets
   * `created: true`, the others the same order with `created: false`.
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
   * @throws {@link PurchaseOrderConflictError} when the same PO number is being sent right now with
   * another purchase order or options; nothing is sent for this call.
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
  function send(operation: string, po: unknown, options: unknown): Promise<SentOrder> {
    try {
      const input = validateSend(operation, po, options, sendOrderOptionsSchema);
      const sent = fingerprintOf(input);
      // One send of a PO at a time per store in this process, whichever source it comes from:
      // two lookups at once could both find nothing and both create an order.
      return http.inFlight
        .run(input.po.poNumber, {
          fingerprint: JSON.stringify(sent),
          signal: input.options.signal,
          start: (signal) => sendValidOrder(http, { ...input, options: { ...input.options, signal } }),
          conflict: (running) => conflictError(input.po.poNumber, JSON.parse(running) as typeof sent, sent),
        })
        .then(({ value, claimed }) => (claimed ? value : { ...value, created: false, customerCreated: false }));
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

/** What makes two sends of one PO the same send: the validated PO and the options that shape the order. */
function fingerprintOf(input: ValidSendInput<ResolvedSendOrderOptions>) {
  const { customerPolicy, statusId, externalSource, channelId, pricing } = input.options;
  return { po: input.po as Record<string, unknown>, options: { customerPolicy, statusId, externalSource, channelId, pricing } as Record<string, unknown> };
}

function conflictError(poNumber: string, running: ReturnType<typeof fingerprintOf>, refused: ReturnType<typeof fingerprintOf>): PurchaseOrderConflictError {
  const differ = (left: Record<string, unknown>, right: Record<string, unknown>, prefix: string) =>
    [...new Set([...Object.keys(left), ...Object.keys(right)])]
      .filter((key) => JSON.stringify(left[key]) !== JSON.stringify(right[key]))
      .map((key) => `${prefix}${key}`);
  const differences = [...differ(running.po, refused.po, ''), ...differ(running.options, refused.options, 'options.')];
  return new PurchaseOrderConflictError(
    `Purchase order ${JSON.stringify(poNumber)} is being sent right now with a different ${differences.join(', ')}; this send was refused and nothing was sent for it. Once the running send ends, sending again finds its order.`,
    poNumber,
    differences,
  );
}
