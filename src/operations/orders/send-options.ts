import * as z from 'zod/mini';
import { requestOptionsShape } from '../../internal/parse-request-options';
import type { RequestOptions } from '../../internal/request-options';

/**
 * Whose order it is in the supplier's store.
 * - `'guest'`: a guest order (`customer_id: 0`), the email on the billing address.
 * - `'create-if-missing'`: the customer with the PO's email, created from the PO when there is none.
 * - `'require-existing'`: the customer with the PO's email; none is a {@link CustomerNotFoundError}.
 */
export type CustomerPolicy = 'guest' | 'create-if-missing' | 'require-existing';

/** Who sets line prices: the store's pricing (price lists, groups) or the PO's `unitPrice`. */
export type OrderPricing = 'store' | 'po';

/** Options of {@link OrderOperations.send}. */
export interface SendOrderOptions extends RequestOptions {
  /** @default 'guest' */
  readonly customerPolicy?: CustomerPolicy | undefined;
  /**
   * The order's status id; see `GET /v2/order_statuses`.
   * @default 11 (Awaiting Fulfillment)
   */
  readonly statusId?: number | undefined;
  /**
   * The order's `external_source`: names the system that created it, e.g. `'ERP (Acme)'`.
   * Marketplace apps must put their app id here. `orders.changes({ externalSource })` reports only
   * the orders carrying it, which tells the orders you sent from those another channel gave a
   * PO number (`external_order_id`) too. `null` leaves it unset.
   * @default 'bigcommerce-source'
   */
  readonly externalSource?: string | null | undefined;
  /** The channel the order belongs to. @default the store's default channel (1) */
  readonly channelId?: number | undefined;
  /**
   * `'store'`: BigCommerce prices each line. `'po'`: each line's `unitPrice` is sent as both
   * `price_ex_tax` and `price_inc_tax`; a line without one is a {@link ValidationError}.
   * @default 'store'
   */
  readonly pricing?: OrderPricing | undefined;
  /**
   * How long to keep looking for the order after a POST whose outcome is unknown (a timeout, a
   * dropped connection, a 5xx) before sending it again, in milliseconds. A store can commit an
   * order after the connection gave up; lookups are spaced out over this window (at 0, 1, 3, 7,
   * 15 s…). `0` looks once, at once.
   * @default 15000
   */
  readonly settleMs?: number | undefined;
}

/** Options of {@link OrderOperations.sendMany}. */
export interface SendManyOptions extends SendOrderOptions {
  /**
   * How many purchase orders are sent at once. Requests still go through the source's limiter.
   * @default the source's `maxConcurrency`
   */
  readonly concurrency?: number | undefined;
}

/** The `external_source` of the orders `send` creates unless told otherwise. */
export const DEFAULT_EXTERNAL_SOURCE = 'bigcommerce-source';

const orderOptionsShape = {
  ...requestOptionsShape,
  customerPolicy: z._default(z.enum(['guest', 'create-if-missing', 'require-existing']), 'guest'),
  // orders.v2.oas2.yml / GET /v2/order_statuses: ids 0 to 14.
  statusId: z._default(z.int().check(z.minimum(0), z.maximum(14)), 11),
  externalSource: z._default(z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(255))), DEFAULT_EXTERNAL_SOURCE),
  channelId: z.optional(z.int().check(z.positive())),
  pricing: z._default(z.enum(['store', 'po']), 'store'),
  settleMs: z._default(z.int().check(z.minimum(0), z.maximum(600_000)), 15_000),
};

export const sendOrderOptionsSchema = z.strictObject(orderOptionsShape);

export const sendManyOptionsSchema = z.strictObject({
  ...orderOptionsShape,
  concurrency: z.optional(z.int().check(z.minimum(1), z.maximum(64))),
});

/** {@link SendOrderOptions} after validation, defaults applied. */
export type ResolvedSendOrderOptions = z.output<typeof sendOrderOptionsSchema>;

/** The per-request part of the options. */
export function requestOptionsOf(options: ResolvedSendOrderOptions): RequestOptions {
  return { signal: options.signal, timeoutMs: options.timeoutMs, maxRetries: options.maxRetries };
}
