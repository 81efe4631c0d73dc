import * as z from 'zod/mini';
import { ValidationError } from '../../errors/validation-error';
import type { HttpClient } from '../../internal/http-client';
import { anySignal } from '../../internal/any-signal';
import { attachResumeCursor } from '../../internal/resume-cursor';
import { parseInstant } from '../../internal/iso-datetime';
import { isoSeconds } from '../../internal/rfc2822';
import { V2_MAX_PAGE_SIZE } from '../../internal/v2-pages';
import { parseOperationOptions } from '../../internal/parse-request-options';
import type { RequestOptions } from '../../internal/request-options';
import { normalizeStatusIds } from '../checkpoint/checkpoint-cursor';
import { checkpointOptionsShape, sinceOrCursor } from '../checkpoint/checkpoint-options';
import { readModifiedOrders, type Checkpoint } from '../checkpoint/modified-orders';
import { minIdIgnored } from '../checkpoint/crowded-second';
import { decodeShipmentCursor, encodeShipmentCursor, type ShipmentCursor } from './cursor';
import { shipmentsOfOrder } from './order-shipments';
import { v2OrderListSchema, type V2Order } from './response-schemas';
import type { Shipment } from './shipment';

/**
 * Order statuses whose orders carry shipments: Shipped (2), Partially Shipped (3), Completed (10).
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-status
 */
export const SHIPPED_STATUS_IDS: readonly number[] = [2, 3, 10];

/** Partially Shipped: the status whose orders the `recheckDays` safety net reads again. */
const PARTIALLY_SHIPPED = 3;

/** Progress of a {@link ShipmentOperations.list} run, after each page. */
export interface ShipmentListProgress {
  /** Orders read so far (including ones filtered out by status). */
  readonly ordersDone: number;
  /** Shipments yielded so far. */
  readonly shipmentsYielded: number;
  /** Requests sent so far (retries not counted). */
  readonly requests: number;
}

/** Options of {@link ShipmentOperations.list} and {@link ShipmentOperations.pages}. */
export interface ShipmentListOptions extends RequestOptions {
  /**
   * Orders modified since then (`min_date_modified`, whole seconds): a `Date`, a date (midnight UTC)
   * or a date-time with `Z` or an offset. Required unless `cursor` is given.
   */
  readonly since?: Date | string | undefined;
  /**
   * Order statuses to read shipments of; `'all'` lifts the filter.
   * @default [2, 3, 10] (Shipped, Partially Shipped, Completed)
   */
  readonly statusIds?: readonly number[] | 'all' | undefined;
  /** Resume from a page's `cursor`; it carries `since` and `statusIds`. */
  readonly cursor?: string | undefined;
  /**
   * Orders per request, 1 to 250. Smaller pages give more frequent cursors (handy in a function
   * with a short time budget), at the cost of more requests.
   * @default 250
   */
  readonly pageSize?: number | undefined;
  /** Called after each page. */
  readonly onProgress?: ((progress: ShipmentListProgress) => void) | undefined;
  /**
   * A safety net for stores where a new shipment does not change its order's `date_modified`
   * (undocumented; the status change to Shipped does). After the run, the Partially Shipped orders
   * modified in the last `recheckDays` days are read again and their shipments not yielded in this
   * run are yielded (on pages carrying the run's cursor): a second shipment of a Partially Shipped
   * order is then found even if the order's date did not move. Costs one list request per
   * `pageSize` such orders (250 by default) and two per order. Shipments it yields may have been
   * yielded by an earlier run: upsert by `id`. 1 to 365.
   */
  readonly recheckDays?: number | undefined;
}

/** One page of a shipments run: what it yielded and where to resume after it. */
export interface ShipmentPage {
  /** Shipments of the orders in this page, in order-modification order. */
  readonly items: Shipment[];
  /** Resume here in a later run: every shipment after this page, none of this page's again. */
  readonly cursor: string;
}

const listOptionsSchema = z
  .strictObject({
    ...checkpointOptionsShape,
    onProgress: z.optional(z.custom<(progress: ShipmentListProgress) => void>((value) => typeof value === 'function', 'expected a function')),
    recheckDays: z.optional(z.int().check(z.minimum(1), z.maximum(365))),
  })
  .check(sinceOrCursor);

/**
 * Yields every shipment of the orders modified since a checkpoint, page by page, on the engine all
 * "since a checkpoint" reads of orders share ({@link readModifiedOrders}: paging by checkpoint, one
 * second before it, exactly once across pages and resumed runs). See `docs/shipments.md` for the
 * guarantees. What is yielded once is a shipment (by id); an order is read again within a run only
 * when its `date_modified` moved.
 */
export async function* listShipmentPages(http: HttpClient, rawOptions: ShipmentListOptions | undefined): AsyncGenerator<ShipmentPage> {
  const options = parseOperationOptions('shipments.list', listOptionsSchema, rawOptions);
  const start = startingPoint(options);
  const statusFilter = start.statusIds === 'all' ? undefined : new Set(start.statusIds);
  const pageSize = options.pageSize ?? V2_MAX_PAGE_SIZE;

  const run = new AbortController();
  const signal = options.signal ? anySignal([options.signal, run.signal]) : run.signal;
  // Paging through orders is bulk work: sends and single-order reads on the same store go first.
  const requestOptions = { signal, timeoutMs: options.timeoutMs, maxRetries: options.maxRetries, onRequest: () => (requests += 1), priority: 'bulk' as const };
  let requests = 0;
  let ordersDone = 0;
  let shipmentsYielded = 0;
  const cursorOf = (checkpoint: Checkpoint<number>) =>
    encodeShipmentCursor({
      ...start,
      since: isoSeconds(checkpoint.sinceMs),
      seen: [...checkpoint.seen].sort((a, b) => a - b),
      afterId: checkpoint.afterId,
    });
  let cursor = encodeShipmentCursor(start);
  const yielded = new Set<number>();

  try {
    const pages = readModifiedOrders<V2Order, Shipment, number>(
      http,
      {
        schema: v2OrderListSchema,
        pageSize,
        options: requestOptions,
        countRequest: () => (requests += 1),
        selects: (order) => !statusFilter || statusFilter.has(order.status_id),
        // A shipment within the second the order was read in leaves its date as it was, but changes
        // its items_shipped or status: either makes the order be read again when listed again.
        stamp: (order, dateMs) => `${dateMs}/${order.status_id}/${order.items_shipped ?? ''}`,
        read: async (order) => (await shipmentsOfOrder(http, order, requestOptions)).map((shipment) => ({ key: shipment.id, item: shipment })),
        cursorOf,
      },
      { sinceMs: Date.parse(start.since), seen: start.seen, afterId: start.afterId },
      yielded,
    );
    for await (const page of pages) {
      cursor = page.cursor;
      ordersDone += page.ordersListed;
      shipmentsYielded += page.items.length;
      yield { items: page.items, cursor };
      options.onProgress?.({ ordersDone, shipmentsYielded, requests });
    }

    if (options.recheckDays === undefined || (statusFilter && !statusFilter.has(PARTIALLY_SHIPPED))) return;
    // The safety net: Partially Shipped orders of the last recheckDays days, read by id (their
    // date_modified is what may not have moved), their shipments not yielded in this run. Paged by
    // `min_id`, not page numbers: an order that leaves Partially Shipped mid-read would move every
    // later one up a page, and one would be skipped. (`min_id` inclusive or exclusive: both list
    // every later id; the id itself, listed again, is skipped. At least two orders per request, so
    // a page always gets past it.)
    const recheckFrom = isoSeconds(Math.floor((Date.now() - options.recheckDays * 86_400_000) / 1000) * 1000);
    const limit = Math.max(pageSize, 2);
    let afterId: number | undefined;
    for (;;) {
      let orders: V2Order[];
      let done: boolean;
      const items: Shipment[] = [];
      try {
        requests += 1;
        const response = await http.request(
          {
            method: 'GET',
            path: '/v2/orders',
            query: { status_id: PARTIALLY_SHIPPED, min_date_modified: recheckFrom, sort: 'id:asc', ...(afterId !== undefined && { min_id: afterId }), limit },
            schema: v2OrderListSchema,
            priority: 'bulk',
          },
          requestOptions,
        );
        orders = response.data ?? [];
        const lastId = Math.max(afterId ?? 0, ...orders.map((order) => order.id));
        done = orders.length < limit;
        if (!done && lastId === afterId) throw minIdIgnored(afterId);
        const toRead = orders.filter((order) => order.status_id === PARTIALLY_SHIPPED && (afterId === undefined || order.id > afterId));
        afterId = lastId;
        const shipmentsPerOrder = await Promise.all(toRead.map((order) => shipmentsOfOrder(http, order, requestOptions)));
        for (const shipment of shipmentsPerOrder.flat()) {
          if (yielded.has(shipment.id)) continue;
          yielded.add(shipment.id);
          items.push(shipment);
        }
      } catch (error) {
        throw attachResumeCursor(error, cursor);
      }
      ordersDone += orders.length;
      shipmentsYielded += items.length;
      if (items.length > 0) yield { items, cursor };
      options.onProgress?.({ ordersDone, shipmentsYielded, requests });
      if (done) return;
    }
  } finally {
    // A consumer that stops early (break, return, throw) cancels whatever is still in flight.
    run.abort();
  }
}

/** Yields the shipments of {@link listShipmentPages} one by one. */
export async function* listShipments(http: HttpClient, options: ShipmentListOptions | undefined): AsyncGenerator<Shipment> {
  for await (const page of listShipmentPages(http, options)) yield* page.items;
}

function startingPoint(options: z.infer<typeof listOptionsSchema>): ShipmentCursor {
  if (options.cursor !== undefined) {
    const cursor = decodeShipmentCursor(options.cursor);
    const statusIds = options.statusIds ?? cursor.statusIds;
    if (JSON.stringify(normalizeStatusIds(statusIds)) !== JSON.stringify(normalizeStatusIds(cursor.statusIds))) {
      const message = 'the cursor was made with other statusIds; resume with the same filters or start anew with since';
      throw new ValidationError(`shipments.list: invalid options. cursor: ${message}.`, [{ path: 'cursor', message }]);
    }
    return cursor;
  }
  const sinceMs = parseInstant(options.since)!;
  return {
    v: 1,
    kind: 'shipments',
    // BigCommerce compares whole seconds; rounding down never skips an order.
    since: isoSeconds(Math.floor(sinceMs / 1000) * 1000),
    statusIds: options.statusIds === undefined ? [...SHIPPED_STATUS_IDS] : normalizeStatusIds(options.statusIds),
    seen: [],
  };
}
