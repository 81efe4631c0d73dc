import type * as z from 'zod/mini';
import { ResponseValidationError } from '../../errors/response-validation-error';
import type { HttpClient } from '../../internal/http-client';
import { attachResumeCursor } from '../../internal/resume-cursor';
import type { RequestOptions } from '../../internal/request-options';
import { isoSeconds, parseRfc2822 } from '../../internal/rfc2822';

/** Where a run stands: the checkpoint second, and what was already yielded for orders modified in it. */
export interface Checkpoint<K> {
  /** The checkpoint, epoch ms in whole seconds: orders modified at or after it are read next. */
  readonly sinceMs: number;
  /** The keys of what was yielded for orders modified in the checkpoint's second. */
  readonly seen: readonly K[];
}

/** The least of a v2 order the engine reads. */
export interface ModifiedOrder {
  readonly id: number;
  /** RFC 2822, e.g. `Tue, 05 Mar 2019 21:40:11 +0000`. */
  readonly date_modified: string;
}

/** What an operation built on the engine decides: which orders it reads, and what it yields for each. */
export interface ModifiedOrdersReader<O extends ModifiedOrder, Item, K> {
  /** The schema of `GET /v2/orders`'s answer. */
  readonly schema: z.core.$ZodType<O[]>;
  /** Orders per list request, 1 to 250. */
  readonly pageSize: number;
  /** The run's request options; its `signal` stops the run. */
  readonly options: RequestOptions;
  /** Called before each list request (the reader counts its own). */
  countRequest?(): void;
  /** Whether the order is read at all (a status or source filter): the others cost nothing more. */
  selects(order: O): boolean;
  /**
   * The order's state as read, e.g. its modification date: within a run an order listed again is
   * read again only when this changed.
   */
  stamp(order: O, dateMs: number): string | number;
  /** What to yield for one order, each with the key that makes it "yielded" once. Orders are read in parallel. */
  read(order: O, dateMs: number): Promise<ReadonlyArray<{ readonly key: K; readonly item: Item }>>;
  /** The cursor of a checkpoint, for pages and for the error that ends a run. */
  cursorOf(checkpoint: Checkpoint<K>): string;
}

/** One page of a run. */
export interface ModifiedOrdersPage<Item, K> {
  /** What the page's orders yielded, less what was yielded before. */
  readonly items: Item[];
  /** The checkpoint after the page. */
  readonly checkpoint: Checkpoint<K>;
  /** Its cursor. */
  readonly cursor: string;
  /** Orders the page listed (also those not selected). */
  readonly ordersListed: number;
}

/**
 * The engine of every "what changed since a checkpoint" read of orders (shipments, order changes):
 * pages of `GET /v2/orders` in `date_modified` order, each yielding what its orders give, exactly
 * once across pages and resumed runs.
 *
 * - **Paging by checkpoint**: after each page the checkpoint moves to the page's last modification
 *   second and the next request asks for orders modified since it (`min_date_modified`), not for
 *   "page 2": an order modified during the run moves to the end and is read again, where page
 *   numbers would shift under it and skip another order. Only when a whole page shares the
 *   checkpoint's second does the next request ask for the next page number of that second.
 * - **Either reading of `min_date_modified`**: whether the bound is inclusive is undocumented, so
 *   each request starts one second before the checkpoint; orders before it (read already) are
 *   skipped, and neither reading loses an order.
 * - **Exactly once**: `yielded` holds every key yielded in this run (and, from the cursor, those
 *   yielded for orders in the checkpoint's second by earlier runs), so what an order gives is
 *   yielded once even when it is listed again.
 * - **Errors** carry the cursor of the last complete page (or the start), so a run resumed from it
 *   loses nothing.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders#get-all-orders
 */
export async function* readModifiedOrders<O extends ModifiedOrder, Item, K>(
  http: HttpClient,
  reader: ModifiedOrdersReader<O, Item, K>,
  start: Checkpoint<K>,
  yielded: Set<K>,
): AsyncGenerator<ModifiedOrdersPage<Item, K>> {
  let checkpoint = start;
  let sinceMs = start.sinceMs;
  let pageNumber = 1;
  for (const key of start.seen) yielded.add(key);
  /** Per order: its stamp when it was read, and the keys of what it gave. */
  const processed = new Map<number, { stamp: string | number; keys: K[] }>();

  for (;;) {
    let orders: O[];
    let items: Item[];
    try {
      reader.countRequest?.();
      const response = await http.request(
        {
          method: 'GET',
          path: '/v2/orders',
          query: { min_date_modified: isoSeconds(sinceMs - 1000), sort: 'date_modified:asc', page: pageNumber, limit: reader.pageSize },
          schema: reader.schema,
          // Paging through orders is bulk work: sends and single-order reads on the same store go first.
          priority: 'bulk',
        },
        reader.options,
      );
      orders = response.data ?? [];
      // Orders before the checkpoint (the extra second an inclusive store lists) were read already.
      const dated = orders.map((order) => ({ order, dateMs: orderDateMs(order) })).filter(({ dateMs }) => dateMs >= sinceMs);
      const toRead = dated.filter(({ order, dateMs }) => reader.selects(order) && processed.get(order.id)?.stamp !== reader.stamp(order, dateMs));
      // In parallel; the source's limiter bounds how many are in flight.
      const perOrder = await Promise.all(toRead.map(({ order, dateMs }) => reader.read(order, dateMs)));
      items = [];
      toRead.forEach(({ order, dateMs }, index) => {
        const entries = perOrder[index]!;
        processed.set(order.id, { stamp: reader.stamp(order, dateMs), keys: entries.map(({ key }) => key) });
        for (const { key, item } of entries) {
          if (yielded.has(key)) continue;
          yielded.add(key);
          items.push(item);
        }
      });
      if (orders.length === 0) return;
      const pageMaxMs = Math.max(sinceMs, ...dated.map(({ dateMs }) => dateMs));
      checkpoint = nextCheckpoint(checkpoint, pageMaxMs, dated, processed);
      if (pageMaxMs === sinceMs) pageNumber += 1;
      else [sinceMs, pageNumber] = [pageMaxMs, 1];
    } catch (error) {
      // Every failure, also the caller's own abort, says where to carry on.
      throw attachResumeCursor(error, reader.cursorOf(checkpoint));
    }
    yield { items, checkpoint, cursor: reader.cursorOf(checkpoint), ordersListed: orders.length };
    if (orders.length < reader.pageSize) return;
  }
}

/**
 * The checkpoint after a page: the page's last second, and the keys of everything yielded for
 * orders modified in that second (also those read on earlier pages or runs in the same second).
 */
function nextCheckpoint<O extends ModifiedOrder, K>(
  previous: Checkpoint<K>,
  pageMaxMs: number,
  dated: ReadonlyArray<{ order: O; dateMs: number }>,
  processed: ReadonlyMap<number, { keys: K[] }>,
): Checkpoint<K> {
  const seen = new Set<K>(previous.sinceMs === pageMaxMs ? previous.seen : []);
  for (const { order, dateMs } of dated) {
    if (dateMs !== pageMaxMs) continue;
    for (const key of processed.get(order.id)?.keys ?? []) seen.add(key);
  }
  return { sinceMs: pageMaxMs, seen: [...seen] };
}

/**
 * An order's `date_modified` in epoch ms.
 * @throws {@link ResponseValidationError} naming the order when it is not an RFC 2822 date.
 */
export function orderDateMs(order: ModifiedOrder): number {
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
