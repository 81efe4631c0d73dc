import * as z from 'zod/mini';
import { ResponseValidationError } from '../../errors/response-validation-error';
import { ValidationError } from '../../errors/validation-error';
import type { HttpClient } from '../../internal/http-client';
import { anySignal } from '../../internal/any-signal';
import { attachResumeCursor } from '../../internal/resume-cursor';
import { INSTANT_RULE, parseInstant } from '../../internal/iso-datetime';
import { isoSeconds, parseRfc2822 } from '../../internal/rfc2822';
import { V2_MAX_PAGE_SIZE } from '../../internal/v2-pages';
import { parseOperationOptions, requestOptionsShape } from '../../internal/parse-request-options';
import type { RequestOptions } from '../../internal/request-options';
import { decodeShipmentCursor, encodeShipmentCursor, isStatusId, type ShipmentCursor } from './cursor';
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
   * order is then found even if the order's date did not move. Costs one list request per 250 such
   * orders and two per order. Shipments it yields may have been yielded by an earlier run: upsert by
   * `id`. 1 to 365.
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

// Predicates rather than unions: one message that says what is expected (a union's is 'Invalid input'),
// and no union in the bundle.
const listOptionsSchema = z
  .strictObject({
    ...requestOptionsShape,
    since: z.optional(z.custom<Date | string>((value) => parseInstant(value) !== undefined, INSTANT_RULE)),
    statusIds: z.optional(
      z.custom<'all' | number[]>(
        (value) => value === 'all' || (Array.isArray(value) && value.length > 0 && value.every(isStatusId)),
        "expected 'all' or a non-empty array of order status ids (integers ≥ 0)",
      ),
    ),
    cursor: z.optional(z.string().check(z.minLength(1))),
    pageSize: z.optional(z.int().check(z.minimum(1), z.maximum(V2_MAX_PAGE_SIZE))),
    onProgress: z.optional(z.custom<(progress: ShipmentListProgress) => void>((value) => typeof value === 'function', 'expected a function')),
    recheckDays: z.optional(z.int().check(z.minimum(1), z.maximum(365))),
  })
  .check(
    z.superRefine((options, context) => {
      if (options.since === undefined && options.cursor === undefined) {
        context.addIssue({ code: 'custom', path: ['since'], message: 'give since (a Date or an ISO 8601 string) or a cursor' });
      }
    }),
  );

/**
 * Yields every shipment of the orders modified since a checkpoint, page by page. See
 * `docs/shipments.md` for the guarantees.
 *
 * Paging: orders are read by `min_date_modified` in ascending order, moving the checkpoint to the
 * last order's second after each page, so orders modified during a run are not skipped the way
 * page-number paging would skip them. Orders modified in the checkpoint's second are read again
 * next time; the cursor remembers which of their shipments were already yielded.
 *
 * Whether `min_date_modified` is inclusive or exclusive is undocumented, so each request asks for
 * one second before the checkpoint: an inclusive store then lists the previous second too (those
 * orders were read before and are skipped here), an exclusive one lists the checkpoint's second,
 * and neither loses an order.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders#get-all-orders
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

  let checkpoint: ShipmentCursor = start;
  let sinceMs = Date.parse(start.since);
  let pageNumber = 1;
  const yielded = new Set<number>(start.seen);
  /** The date_modified each order had when we read its shipments, and what they were. */
  const processed = new Map<number, { dateMs: number; shipmentIds: number[] }>();

  try {
    for (;;) {
      let orders: V2Order[];
      let items: Shipment[];
      try {
        requests += 1;
        const response = await http.request(
          {
            method: 'GET',
            path: '/v2/orders',
            query: { min_date_modified: isoSeconds(sinceMs - 1000), sort: 'date_modified:asc', page: pageNumber, limit: pageSize },
            schema: v2OrderListSchema,
            priority: 'bulk',
          },
          requestOptions,
        );
        orders = response.data ?? [];
        // Orders before the checkpoint (the extra second an inclusive store lists) were read already.
        const dated = orders.map((order) => ({ order, dateMs: orderDateMs(order) })).filter(({ dateMs }) => dateMs >= sinceMs);
        const toRead = dated.filter(
          ({ order, dateMs }) => (!statusFilter || statusFilter.has(order.status_id)) && processed.get(order.id)?.dateMs !== dateMs,
        );
        // In parallel; the source's limiter bounds how many are in flight.
        const shipmentsPerOrder = await Promise.all(toRead.map(({ order }) => shipmentsOfOrder(http, order, requestOptions)));
        items = [];
        toRead.forEach(({ order, dateMs }, index) => {
          const shipments = shipmentsPerOrder[index]!;
          processed.set(order.id, { dateMs, shipmentIds: shipments.map((shipment) => shipment.id) });
          for (const shipment of shipments) {
            if (yielded.has(shipment.id)) continue;
            yielded.add(shipment.id);
            items.push(shipment);
          }
        });
        if (orders.length === 0) break;
        const pageMaxMs = Math.max(sinceMs, ...dated.map(({ dateMs }) => dateMs));
        checkpoint = nextCheckpoint(checkpoint, pageMaxMs, dated, processed);
        if (pageMaxMs === sinceMs) pageNumber += 1;
        else [sinceMs, pageNumber] = [pageMaxMs, 1];
      } catch (error) {
        // Every failure, also the caller's own abort, says where to carry on.
        throw attachResumeCursor(error, encodeShipmentCursor(checkpoint));
      }
      ordersDone += orders.length;
      shipmentsYielded += items.length;
      yield { items, cursor: encodeShipmentCursor(checkpoint) };
      options.onProgress?.({ ordersDone, shipmentsYielded, requests });
      if (orders.length < pageSize) break;
    }

    if (options.recheckDays === undefined || (statusFilter && !statusFilter.has(PARTIALLY_SHIPPED))) return;
    // The safety net: Partially Shipped orders of the last recheckDays days, read by id (their
    // date_modified is what may not have moved), their shipments not yielded in this run.
    const recheckFrom = isoSeconds(Math.floor((Date.now() - options.recheckDays * 86_400_000) / 1000) * 1000);
    const cursor = encodeShipmentCursor(checkpoint);
    for (let page = 1; ; page += 1) {
      let orders: V2Order[];
      const items: Shipment[] = [];
      try {
        requests += 1;
        const response = await http.request(
          {
            method: 'GET',
            path: '/v2/orders',
            query: { status_id: PARTIALLY_SHIPPED, min_date_modified: recheckFrom, sort: 'id:asc', page, limit: pageSize },
            schema: v2OrderListSchema,
            priority: 'bulk',
          },
          requestOptions,
        );
        orders = response.data ?? [];
        const toRead = orders.filter((order) => order.status_id === PARTIALLY_SHIPPED);
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
      if (orders.length < pageSize) return;
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

/**
 * The checkpoint after a page: the page's last second, and every shipment already yielded for
 * orders modified in that second (also those read on earlier pages or runs in the same second).
 */
function nextCheckpoint(
  previous: ShipmentCursor,
  pageMaxMs: number,
  dated: ReadonlyArray<{ order: V2Order; dateMs: number }>,
  processed: ReadonlyMap<number, { dateMs: number; shipmentIds: number[] }>,
): ShipmentCursor {
  const seen = new Set<number>(Date.parse(previous.since) === pageMaxMs ? previous.seen : []);
  for (const { order, dateMs } of dated) {
    if (dateMs !== pageMaxMs) continue;
    for (const id of processed.get(order.id)?.shipmentIds ?? []) seen.add(id);
  }
  return { ...previous, since: isoSeconds(pageMaxMs), seen: [...seen].sort((a, b) => a - b) };
}

function orderDateMs(order: V2Order): number {
  const dateMs = parseRfc2822(order.date_modified);
  if (dateMs === undefined) {
    const message = `expected an RFC 2822 date, got ${JSON.stringify(order.date_modified)}`;
    throw new ResponseValidationError(`GET /v2/orders returned an unexpected body: order ${order.id}: date_modified: ${message}`, {
      method: 'GET',
      path: '/v2/orders',
      issues: [{ path: `order ${order.id}: date_modified`, message }],
    });
  }
  return dateMs;
}

function normalizeStatusIds(statusIds: readonly number[] | 'all'): number[] | 'all' {
  return statusIds === 'all' ? 'all' : [...new Set(statusIds)].sort((a, b) => a - b);
}
