import * as z from 'zod/mini';
import { ValidationError } from '../../errors/validation-error';
import { anySignal } from '../../internal/any-signal';
import type { HttpClient } from '../../internal/http-client';
import { isoDateTime, parseInstant } from '../../internal/iso-datetime';
import { parseOperationOptions } from '../../internal/parse-request-options';
import type { RequestOptions } from '../../internal/request-options';
import { isoSeconds } from '../../internal/rfc2822';
import { V2_MAX_PAGE_SIZE } from '../../internal/v2-pages';
import { decodeCheckpointCursor, encodeCheckpointCursor, isStatusId, normalizeStatusIds } from '../checkpoint/checkpoint-cursor';
import { checkpointOptionsShape, sinceOrCursor } from '../checkpoint/checkpoint-options';
import { readModifiedOrders, type Checkpoint } from '../checkpoint/modified-orders';
import { orderSnapshotListSchema, snapshotOf, type OrderSnapshot, type V2OrderState } from './order-snapshot';

/** Options of {@link OrderOperations.changes} and {@link OrderOperations.changePages}. */
export interface OrderChangesOptions extends RequestOptions {
  /**
   * Orders modified since then (`min_date_modified`, whole seconds): a `Date`, a date (midnight
   * UTC) or a date-time with `Z` or an offset. Required unless `cursor` is given.
   */
  readonly since?: Date | string | undefined;
  /** Resume from a page's `cursor`; it carries `since`, `statusIds` and `externalSource`. */
  readonly cursor?: string | undefined;
  /**
   * Only orders now in these statuses, e.g. `[4, 5, 6, 14]` for refunded, cancelled, declined and
   * partially refunded; `'all'` reads every status.
   * @default 'all'
   */
  readonly statusIds?: readonly number[] | 'all' | undefined;
  /**
   * Only orders whose `external_source` is exactly this, e.g. the `externalSource` your sends use
   * (`'bigcommerce-source'` unless you set another). Without it, every order with a PO number
   * (`external_order_id`) is reported, whichever system set it: a marketplace channel may set it too.
   */
  readonly externalSource?: string | undefined;
  /**
   * Orders per request, 1 to 250. Smaller pages give more frequent cursors.
   * @default 250
   */
  readonly pageSize?: number | undefined;
}

/** One page of order changes: the snapshots and where to resume after them. */
export interface OrderChangePage {
  /** The current state of each order modified since the checkpoint, in modification order. */
  readonly items: OrderSnapshot[];
  /** Resume here in a later run: every change after this page, none of this page's again. */
  readonly cursor: string;
}

const optionsSchema = z
  .strictObject({
    ...checkpointOptionsShape,
    externalSource: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(255))),
  })
  .check(sinceOrCursor);

/** What an order-changes cursor holds: the checkpoint, the filters, and the changes already yielded in its second. */
const cursorSchema = z.strictObject({
  v: z.literal(1),
  kind: z.literal('order-changes'),
  since: isoDateTime(true),
  statusIds: z.custom<'all' | number[]>((value) => value === 'all' || (Array.isArray(value) && value.every(isStatusId))),
  externalSource: z.nullable(z.string()),
  /** Snapshot keys (order id and state) yielded for orders modified in the checkpoint's second. */
  seen: z.array(z.string()),
  /** While a crowded checkpoint second is read by id: the last order id read in it. */
  afterId: z.optional(z.int().check(z.minimum(0))),
});
type OrderChangesCursor = z.infer<typeof cursorSchema>;

/**
 * Every order modified since a checkpoint, as its current state, page by page, on the engine all
 * "since a checkpoint" reads of orders share ({@link readModifiedOrders}). What is yielded once is a
 * modification: an order's snapshot together with its `date_modified`. An order changed again in
 * the same second is yielded again when its state differs, so a change in the checkpoint's own
 * second after a run read it is not lost.
 */
export async function* listOrderChangePages(http: HttpClient, rawOptions: OrderChangesOptions | undefined): AsyncGenerator<OrderChangePage> {
  const options = parseOperationOptions('orders.changes', optionsSchema, rawOptions);
  const start = startingPoint(options);
  const statusFilter = start.statusIds === 'all' ? undefined : new Set(start.statusIds);
  const run = new AbortController();
  const signal = options.signal ? anySignal([options.signal, run.signal]) : run.signal;
  const requestOptions = { signal, timeoutMs: options.timeoutMs, maxRetries: options.maxRetries };
  try {
    const pages = readModifiedOrders<V2OrderState, OrderSnapshot, string>(
      http,
      {
        schema: orderSnapshotListSchema,
        pageSize: options.pageSize ?? V2_MAX_PAGE_SIZE,
        options: requestOptions,
        // An order carries a PO number (`external_order_id`) when a send made it, or another
        // system that sets the field; `externalSource` tells them apart.
        selects: (order) =>
          !!order.external_order_id &&
          (start.externalSource === null || order.external_source === start.externalSource) &&
          (!statusFilter || statusFilter.has(order.status_id)),
        stamp: snapshotKey,
        read: async (order, dateMs) => [{ key: snapshotKey(order, dateMs), item: snapshotOf(order, dateMs) }],
        cursorOf: (checkpoint: Checkpoint<string>) =>
          encodeCheckpointCursor({
            ...start,
            since: isoSeconds(checkpoint.sinceMs),
            seen: [...checkpoint.seen].sort(),
            afterId: checkpoint.afterId,
          } satisfies OrderChangesCursor),
      },
      { sinceMs: Date.parse(start.since), seen: start.seen, afterId: start.afterId },
      new Set(),
    );
    for await (const page of pages) yield { items: page.items, cursor: page.cursor };
  } finally {
    // A consumer that stops early (break, return, throw) cancels whatever is still in flight.
    run.abort();
  }
}

/** Yields the snapshots of {@link listOrderChangePages} one by one. */
export async function* listOrderChanges(http: HttpClient, options: OrderChangesOptions | undefined): AsyncGenerator<OrderSnapshot> {
  for await (const page of listOrderChangePages(http, options)) yield* page.items;
}

/**
 * One modification of one order: its id with a checksum of its date and of every field a snapshot
 * reports. Two reads of an unchanged order give the same key; a change within the same second
 * (which `date_modified` cannot show) still gives another.
 */
function snapshotKey(order: V2OrderState, dateMs: number): string {
  const state = JSON.stringify([dateMs, order.status_id, order.items_total, order.items_shipped, order.refunded_amount, order.is_deleted, order.external_source, order.external_order_id]);
  let hash = 0x811c9dc5;
  for (let index = 0; index < state.length; index += 1) hash = Math.imul(hash ^ state.charCodeAt(index), 0x01000193);
  return `${order.id}.${(hash >>> 0).toString(36)}`;
}

function startingPoint(options: z.infer<typeof optionsSchema>): OrderChangesCursor {
  const statusIds = options.statusIds === undefined ? undefined : normalizeStatusIds(options.statusIds);
  if (options.cursor !== undefined) {
    const cursor = decodeCheckpointCursor(options.cursor, cursorSchema, 'orders.changes', 'expected a cursor from a page of orders.changes() or orders.changePages()');
    const differs =
      (statusIds !== undefined && JSON.stringify(statusIds) !== JSON.stringify(cursor.statusIds)) ||
      (options.externalSource !== undefined && options.externalSource !== cursor.externalSource);
    if (differs) {
      const message = 'the cursor was made with other statusIds or externalSource; resume with the same filters or start anew with since';
      throw new ValidationError(`orders.changes: invalid options. cursor: ${message}.`, [{ path: 'cursor', message }]);
    }
    return cursor;
  }
  return {
    v: 1,
    kind: 'order-changes',
    // BigCommerce compares whole seconds; rounding down never skips an order.
    since: isoSeconds(Math.floor(parseInstant(options.since)! / 1000) * 1000),
    statusIds: statusIds ?? 'all',
    externalSource: options.externalSource ?? null,
    seen: [],
  };
}
