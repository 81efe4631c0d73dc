import type { HttpClient } from '../../internal/http-client';
import { parseOperationOptions } from '../../internal/parse-request-options';
import type { PurchaseOrder } from './purchase-order';
import { sendAll, type SendManyResult } from './send-many';
import { sendManyOptionsSchema, sendOrderOptionsSchema, type ResolvedSendOrderOptions, type SendManyOptions, type SendOrderOptions } from './send-options';
import { sendValidOrder } from './send-order';
import type { SentOrder } from './sent-order';
import { validateSend, type ValidSendInput } from './validate-send';
import { PurchaseOrderConflictError } from '../../errors/purchase-order-conflict-error';
import type { RequestOptions } from '../../internal/request-options';
import { getOrder, type OrderReference } from './get-order';
import { listOrderChangePages, listOrderChanges, type OrderChangePage, type OrderChangesOptions } from './order-changes';
import type { OrderSnapshot } from './order-snapshot';

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
  /**
   * The current state of one order: by PO number (exact match, every page of the lookup, the lowest
   * id when several orders carry it, as every PO lookup) or by the store's order id. One request
   * (a PO lookup of a loosely matching store may take more).
   * @example
   * ```ts
   * const order = await source.orders.get({ poNumber: 'PO-2291' });
   * if (order.status === 'cancelled' || order.status === 'declined') reopenPurchaseOrder(order.poNumber);
   * ```
   * @throws {@link ValidationError} unless exactly one of `poNumber` and `orderId` is given, before any request.
   * @throws {@link NotFoundError} when no order has the PO number (or the id).
   * @throws {@link PurchaseOrderLookupError} when the PO lookup reaches its bound.
   */
  get(reference: OrderReference, options?: RequestOptions): Promise<OrderSnapshot>;
  /**
   * Every order modified since `since` (or since a cursor), as its current state: once per order
   * per modification, exactly once across pages and resumed runs, modifications in the checkpoint's
   * own second included. By default the orders with a PO number (`external_order_id`); narrow with
   * `externalSource` and `statusIds`. BigCommerce keeps no status history, so a change and its
   * reversal between two polls are not both seen: each snapshot is the order's state when read.
   * @throws {@link ValidationError} for bad options, before any request. A failure mid-run carries
   * `cursor` (the last complete page's) so the caller can resume.
   * @example
   * ```ts
   * for await (const order of source.orders.changes({ since: lastPoll, statusIds: [4, 5, 6, 14] })) {
   *   console.log(order.poNumber, order.status, order.refundedAmount);
   * }
   * ```
   */
  changes(options: OrderChangesOptions): AsyncIterable<OrderSnapshot>;
  /**
   * The same as {@link OrderOperations.changes}, a page at a time, each with the `cursor` to resume
   * after it.
   * @example
   * ```ts
   * for await (const page of source.orders.changePages({ cursor: saved })) {
   *   await save(page.items);
   *   await checkpoint(page.cursor);
   * }
   * ```
   */
  changePages(options: OrderChangesOptions): AsyncIterable<OrderChangePage>;
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
    get: (reference, options) => getOrder(http, reference, options),
    changes: (options) => listOrderChanges(http, options),
    changePages: (options) => listOrderChangePages(http, options),
  };
}

export { purchaseOrderSchema, type PurchaseOrder, type PurchaseOrderAddress, type PurchaseOrderItem } from './purchase-order';
export type { SendOrderOptions, SendManyOptions, CustomerPolicy, OrderPricing } from './send-options';
export type { SentOrder, SentOrderLine } from './sent-order';
export type { SendManyResult, SendManySuccess, SendManyFailure } from './send-many';
export type { OrderReference } from './get-order';
export type { OrderChangesOptions, OrderChangePage } from './order-changes';
export type { OrderSnapshot } from './order-snapshot';
export { orderStatusOf, type OrderStatus } from './order-status';

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
