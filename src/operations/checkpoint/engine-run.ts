import type * as z from 'zod/mini';
import { ResponseValidationError } from '../../errors/response-validation-error';
import type { HttpClient } from '../../internal/http-client';
import type { QueryParams } from '../../internal/query';
import type { RequestOptions } from '../../internal/request-options';
import { parseRfc2822 } from '../../internal/rfc2822';

/** Where a run stands: the checkpoint second, and what was already yielded for orders modified in it. */
export interface Checkpoint<K> {
  /** The checkpoint, epoch ms in whole seconds: orders modified at or after it are read next. */
  readonly sinceMs: number;
  /** The keys of what was yielded for orders modified in the checkpoint's second. */
  readonly seen: readonly K[];
  /**
   * Set while a crowded checkpoint second (more orders than a page) is read by id, once that second
   * is over: its orders with ids up to this one were read, and reading carries on after it.
   */
  readonly afterId?: number | undefined;
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

/** An order as listed, with its `date_modified` in epoch ms. */
export interface DatedOrder<O> {
  readonly order: O;
  readonly dateMs: number;
}

/**
 * The state one run of the engine shares between its ways of listing orders: what each order gave
 * when it was read, what was yielded, and the checkpoint of the last page (which an error carries).
 */
export class EngineRun<O extends ModifiedOrder, Item, K> {
  /** The checkpoint of the last page yielded (or the start): where a failed run resumes. */
  checkpoint: Checkpoint<K>;
  /** Per order: its stamp when it was read, and the keys of what it gave. */
  private readonly processed = new Map<number, { stamp: string | number; keys: K[] }>();

  constructor(
    private readonly http: HttpClient,
    readonly reader: ModifiedOrdersReader<O, Item, K>,
    start: Checkpoint<K>,
    private readonly yielded: Set<K>,
  ) {
    this.checkpoint = start;
    for (const key of start.seen) yielded.add(key);
  }

  /** One `GET /v2/orders`, as bulk work; a 204 is an empty list. */
  async list(query: QueryParams): Promise<O[]> {
    this.reader.countRequest?.();
    const response = await this.http.request(
      {
        method: 'GET',
        path: '/v2/orders',
        query,
        schema: this.reader.schema,
        // Paging through orders is bulk work: sends and single-order reads on the same store go first.
        priority: 'bulk',
      },
      this.reader.options,
    );
    return response.data ?? [];
  }

  /**
   * Reads the selected orders (in parallel; the source's limiter bounds how many are in flight) and
   * returns what they gave that was not yielded before. An order read before in this run is read
   * again only when its stamp changed.
   */
  async read(dated: ReadonlyArray<DatedOrder<O>>): Promise<Item[]> {
    const { reader } = this;
    const toRead = dated.filter(({ order, dateMs }) => reader.selects(order) && this.processed.get(order.id)?.stamp !== reader.stamp(order, dateMs));
    const perOrder = await Promise.all(toRead.map(({ order, dateMs }) => reader.read(order, dateMs)));
    const items: Item[] = [];
    toRead.forEach(({ order, dateMs }, index) => {
      const entries = perOrder[index]!;
      this.processed.set(order.id, { stamp: reader.stamp(order, dateMs), keys: entries.map(({ key }) => key) });
      for (const { key, item } of entries) {
        if (this.yielded.has(key)) continue;
        this.yielded.add(key);
        items.push(item);
      }
    });
    return items;
  }

  /** The keys of what the order gave when this run last read it. */
  keysOf(orderId: number): readonly K[] {
    return this.processed.get(orderId)?.keys ?? [];
  }

  /** A page to yield; its checkpoint becomes the one a failure carries. */
  page(items: Item[], checkpoint: Checkpoint<K>, ordersListed: number): ModifiedOrdersPage<Item, K> {
    this.checkpoint = checkpoint;
    return { items, checkpoint, cursor: this.reader.cursorOf(checkpoint), ordersListed };
  }
}

/** Orders with their modification dates. */
export function datedOrders<O extends ModifiedOrder>(orders: readonly O[]): Array<DatedOrder<O>> {
  return orders.map((order) => ({ order, dateMs: orderDateMs(order) }));
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
