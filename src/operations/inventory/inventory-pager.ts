import { ResponseValidationError } from '../../errors/response-validation-error';
import { anySignal } from '../../internal/any-signal';
import type { HttpClient } from '../../internal/http-client';
import { serializeQuery, type QueryParams } from '../../internal/query';
import { nextTask } from '../../internal/sleep';
import type { RequestOptions } from '../../internal/request-options';
import { attachLocations } from './attach-locations';
import { PRODUCT_FIELDS, productPageSchema } from './catalog-schemas';
import { checkProduct } from './check-product';
import { IdRange, splitPoint } from './id-range';
import { encodeCursor, type CursorFilters, type CursorState, type OpenRange } from './inventory-cursor';
import type { InventoryItem } from './inventory-item';
import type { InventoryProgress } from './inventory-options';
import type { InventoryRemoval } from './inventory-page';
import { itemsOfProduct } from './normalize-product';

const PRODUCTS_PATH = '/v3/catalog/products';

/** Where a sync starts: fresh, or from a cursor. */
export interface PagerStart {
  readonly open: readonly OpenRange[];
  readonly maxId: number | undefined;
  readonly productsDone: number;
  readonly productsTotal: number | undefined;
  readonly itemsYielded: number;
}

/** What the pager needs. */
export interface PagerConfig {
  readonly http: HttpClient;
  readonly storeHash: string;
  readonly filters: CursorFilters;
  readonly pageSize: number;
  readonly locations: boolean;
  readonly request: RequestOptions;
  readonly start: PagerStart;
}

/** A page fetched and normalized, waiting for the caller. */
export interface ReadyPage {
  readonly range: IdRange;
  readonly lastId: number;
  readonly rangeDone: boolean;
  readonly items: InventoryItem[];
  /** The products of `items`. */
  readonly productIds: number[];
  /** Hidden products sorted out of a delta sync with `skipHiddenProducts`. */
  readonly removed: InventoryRemoval[];
}

/** Products a page read: those of its items and those it reports removed. */
export const productsRead = (page: ReadyPage): number => page.productIds.length + page.removed.length;

/**
 * The engine of `pages()`: reads id ranges in parallel and hands out pages as they complete.
 *
 * - Workers: one request in flight per range, at most `maxConcurrency` in all, through the
 *   source's shared limiter (so retries and 429 pauses are shared too). A range's next request
 *   leaves before its page is checked and normalized.
 * - First round: a fresh sync starts with the page of the highest ids, whose first id and
 *   `meta.pagination.total` give the span and the count (see `#readTopPage`), and with the first
 *   ids in guessed one-page ranges and the first page above them (see `#guessFirstRanges`).
 * - Even ranges: once the top page gives the count, the span is cut into `maxConcurrency` ranges
 *   of whole pages, so they finish together.
 * - Work stealing: when a slot is free and no range is idle, the range with the most pages left is
 *   split by id (see {@link splitPoint}). At most `2 × maxConcurrency` ranges are ever made besides
 *   the top page's (`2 × maxConcurrency - 1` when resuming), and each costs at most one request more
 *   than its share of ceil(products / pageSize): the request budget in docs/inventory.md.
 * - Back-pressure: at most `maxConcurrency + 2` pages are fetched or held ahead of the caller, so
 *   memory stays flat however big the catalog.
 * - Exactly once: a page is "committed" when the caller takes it; the cursor lists, per range, the
 *   ids not yet committed. Pages of one range are committed in id order.
 */
export class InventoryPager {
  readonly #config: PagerConfig;
  readonly #concurrency: number;
  readonly #controller = new AbortController();
  readonly #requestOptions: RequestOptions;
  readonly #ranges: IdRange[];
  readonly #ready: ReadyPage[] = [];
  #maxId: number | undefined;
  #productsTotal: number | undefined;
  #productsDone: number;
  #itemsYielded: number;
  #requests = 0;
  #inFlight = 0;
  #processing = 0;
  #splitsLeft: number;
  #failure: { error: unknown } | undefined;
  #stopped = false;
  #wake: (() => void) | undefined;

  constructor(config: PagerConfig) {
    this.#config = config;
    this.#concurrency = Math.max(1, config.http.maxConcurrency);
    const userSignal = config.request.signal;
    const signal = userSignal ? anySignal([userSignal, this.#controller.signal]) : this.#controller.signal;
    this.#requestOptions = { ...config.request, signal };
    userSignal?.addEventListener('abort', () => this.#fail(userSignal.reason), { once: true, signal: this.#controller.signal });
    this.#ranges = config.start.open.map(([after, upTo]) => new IdRange(after, upTo ?? Infinity));
    this.#maxId = config.start.maxId;
    this.#productsTotal = config.start.productsTotal;
    this.#productsDone = config.start.productsDone;
    this.#itemsYielded = config.start.itemsYielded;
    this.#splitsLeft = Math.max(0, 2 * this.#concurrency - 1 - this.#ranges.length);
  }

  /** Sends the first requests: the page of the highest ids (fresh syncs only) and the first pages. */
  start(): void {
    if (this.#config.request.signal?.aborted) {
      this.#fail(this.#config.request.signal.reason);
      return;
    }
    if (this.#maxId === undefined && this.#ranges.length > 0) {
      // The top page is a full page (or the whole catalog), never a partial one: it pays for one
      // more range within the same request budget.
      this.#splitsLeft += 1;
      this.#guessFirstRanges();
      void this.#readTopPage();
    }
    this.#pump();
  }

  /** The next page, or `undefined` when the sync is complete. Rejects with the sync's error. */
  async next(): Promise<ReadyPage | undefined> {
    for (;;) {
      if (this.#failure) throw this.#failure.error;
      const page = this.#ready.shift();
      if (page) {
        this.#pump();
        return page;
      }
      if (this.#finished()) return undefined;
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }

  /** Marks `page` as handed to the caller. */
  commit(page: ReadyPage): InventoryProgress {
    page.range.committedLo = Math.max(page.range.committedLo, page.lastId);
    if (page.rangeDone) page.range.committedDone = true;
    this.#productsDone += productsRead(page);
    this.#itemsYielded += page.items.length;
    return this.progress();
  }

  /** The cursor of everything committed so far: resuming from it repeats and skips nothing. */
  committedCursor(): string {
    const open: Array<[number, number | null]> = [];
    for (const range of this.#ranges) {
      const from = range.committedLo;
      if (range.committedDone || from >= range.hi) continue;
      const upTo = Number.isFinite(range.hi) ? range.hi : null;
      const last = open[open.length - 1];
      // Adjacent ranges merge, so the cursor stays small.
      if (last && last[1] === from) last[1] = upTo;
      else open.push([from, upTo]);
    }
    const state: CursorState = {
      storeHash: this.#config.storeHash,
      filters: this.#config.filters,
      open,
      maxId: this.#maxId ?? 0,
      productsDone: this.#productsDone,
      productsTotal: this.#productsTotal ?? this.#productsDone,
      itemsYielded: this.#itemsYielded,
    };
    return encodeCursor(state);
  }

  /** Progress so far. */
  progress(): InventoryProgress {
    return {
      productsDone: this.#productsDone,
      productsTotal: Math.max(this.#productsTotal ?? 0, this.#productsDone),
      itemsYielded: this.#itemsYielded,
      requests: this.#requests,
    };
  }

  /** Stops every request in flight and sends no more (the caller broke out, or the sync failed). */
  stop(): void {
    this.#stopped = true;
    this.#controller.abort(new Error('[bigcommerce-source] The inventory sync was stopped.'));
    this.#wake?.();
  }

  #finished(): boolean {
    return this.#inFlight === 0 && this.#processing === 0 && this.#ready.length === 0 && this.#ranges.every((range) => range.done);
  }

  #fail(error: unknown): void {
    if (this.#failure || this.#stopped) return;
    this.#failure = { error };
    this.stop();
  }

  /**
   * Starts requests while a slot is free and the caller is not too far behind. No more than
   * `maxConcurrency`: one more waiting at the limiter saved a few percent of wall time at 100 000
   * products but held another page in memory (about 15 MB more peak RSS, docs/performance.md).
   */
  #pump(): void {
    const limit = this.#concurrency;
    while (
      !this.#failure &&
      !this.#stopped &&
      this.#inFlight < limit &&
      this.#inFlight + this.#processing + this.#ready.length < limit + 2
    ) {
      const idle = this.#ranges.find((candidate) => !candidate.done && !candidate.inFlight);
      const range = idle ?? this.#split();
      if (!range) break;
      void this.#fetchPage(range);
    }
    this.#wake?.();
  }

  /**
   * Cuts the whole id span, as soon as its count is known, into `maxConcurrency`
   * ranges of whole pages (placed by id density, so dense ids cost no extra request), keeping at
   * least one split for the tail. Even ranges finish together; ranges halved one at a time leave a
   * few long ones running alone at the end (measured: two lanes idle for seconds at 100 000).
   */
  #splitEvenly(range: IdRange): void {
    const { pageSize } = this.#config;
    const remaining = range.remaining ?? 0;
    const pages = Math.ceil(remaining / pageSize);
    const parts = Math.min(this.#concurrency, pages, this.#splitsLeft);
    if (parts < 2 || this.#maxId === undefined) return;
    const end = Number.isFinite(range.hi) ? range.hi : Math.max(this.#maxId, range.lo + remaining);
    const boundaries: Array<{ at: number; before: number }> = [];
    for (let part = 1; part < parts; part += 1) {
      const before = pageSize * Math.round((part * pages) / parts);
      const at = range.lo + Math.round((before * (end - range.lo)) / remaining);
      const previous = boundaries[boundaries.length - 1]?.at ?? range.lo;
      if (at > previous && at < end) boundaries.push({ at, before });
    }
    let lower = range;
    let counted = 0;
    for (const { at, before } of boundaries) {
      const upper = new IdRange(at, lower.hi);
      lower.hi = at;
      lower.remaining = before - counted;
      counted = before;
      this.#ranges.push(upper);
      this.#splitsLeft -= 1;
      lower = upper;
    }
    lower.remaining = remaining - counted;
  }

  /** Splits the range with the most pages left, if that saves a round trip. */
  #split(): IdRange | undefined {
    if (this.#splitsLeft <= 0 || this.#maxId === undefined) return undefined;
    let best: { range: IdRange; index: number; at: number; keep: number } | undefined;
    let bestRemaining = -1;
    this.#ranges.forEach((range, index) => {
      const point = splitPoint(range, this.#config.pageSize, this.#maxId!);
      if (point && range.remaining! > bestRemaining) {
        best = { range, index, ...point };
        bestRemaining = range.remaining!;
      }
    });
    if (!best) return undefined;
    const { range, index, at, keep } = best;
    const upper = new IdRange(at, range.hi, range.remaining! - keep);
    range.hi = at;
    range.remaining = keep;
    this.#ranges.splice(index + 1, 0, upper);
    this.#splitsLeft -= 1;
    return upper;
  }

  #filterQuery(): QueryParams {
    const { modifiedSince } = this.#config.filters;
    return {
      // A full sync lets the store filter hidden products, so they are never downloaded. A delta
      // sync asks for them too and sorts them out (see #sortsOutHidden).
      is_visible: this.#storeFiltersHidden() ? true : undefined,
      'date_modified:min': modifiedSince ?? undefined,
    };
  }

  #storeFiltersHidden(): boolean {
    return this.#config.filters.skipHiddenProducts && this.#config.filters.modifiedSince === null;
  }

  /**
   * A delta sync with `skipHiddenProducts` reports the products hidden since `modifiedSince` as
   * removals: with `is_visible=true` in the query the store would leave them out, and a product
   * hidden after a consumer took its SKUs would stay on sale in their feed. Sorting them out here
   * costs no second request; the price is downloading the hidden products modified since then.
   */
  #sortsOutHidden(): boolean {
    return this.#config.filters.skipHiddenProducts && this.#config.filters.modifiedSince !== null;
  }

  /**
   * Before the top page says where the ids end, guesses that they start near 1 and are dense
   * (BigCommerce numbers products in creation order): the first `maxConcurrency - 2` pages' worth
   * of ids, (0, pageSize], (pageSize, 2 × pageSize], …, become ranges of their own, so the first
   * round has a request in every slot. A wrong guess costs a short or empty page, never a product:
   * they are ranges like any other. Not with `modifiedSince`, whose matching products are few and
   * spread over every id.
   */
  #guessFirstRanges(): void {
    const [whole] = this.#ranges;
    if (this.#ranges.length !== 1 || !whole || whole.lo !== 0 || Number.isFinite(whole.hi) || this.#config.filters.modifiedSince) return;
    const { pageSize } = this.#config;
    // As many as fill the first round, but never the splits the even cut and the tail need.
    const guessed = Math.max(0, Math.min(this.#concurrency - 2, this.#splitsLeft - this.#concurrency));
    let lower = whole;
    for (let part = 1; part <= guessed; part += 1) {
      const upper = new IdRange(part * pageSize, Infinity);
      lower.hi = part * pageSize;
      this.#ranges.push(upper);
      this.#splitsLeft -= 1;
      lower = upper;
    }
  }

  /** The query of a page of products: with their variants, and only the fields an item needs. */
  #pageQuery(): QueryParams {
    return { include: 'variants', include_fields: PRODUCT_FIELDS, ...this.#filterQuery(), sort: 'id' };
  }

  /**
   * The first request of a fresh sync, sent with the first page: the page of the highest ids
   * (`direction=desc`). Its first product is the highest id and its `meta.pagination.total` the
   * count, which is what the id span is split by; its products are a page like any other, so the
   * first round of requests carries two pages, not a page and a probe.
   *
   * The span ends at that highest id: products created after it get higher ids (BigCommerce
   * numbers products in creation order) and are picked up by the next sync, like any change made
   * after a sync has read past it.
   */
  async #readTopPage(): Promise<void> {
    const { pageSize } = this.#config;
    const query: QueryParams = { ...this.#pageQuery(), direction: 'desc', limit: pageSize };
    const describe = { method: 'GET', path: `${PRODUCTS_PATH}${serializeQuery(query)}` };
    this.#inFlight += 1;
    this.#requests += 1;
    let data: unknown[];
    let total: number;
    try {
      ({ data, total } = await this.#requestPage(query, describe));
    } catch (error) {
      this.#fail(error);
      return;
    } finally {
      this.#inFlight -= 1;
    }
    if (this.#failure || this.#stopped) return;

    let previousId = Infinity;
    for (let index = 0; index < data.length; index += 1) {
      const id = (data[index] as { id?: unknown } | null)?.id;
      if (typeof id !== 'number' || !Number.isInteger(id) || id >= previousId || id < 1) {
        const expected = Number.isFinite(previousId) ? `expected an integer id below ${previousId}` : 'expected a positive integer id';
        this.#fail(
          new ResponseValidationError(`GET ${describe.path} returned products out of id order or without an id at data[${index}].`, {
            ...describe,
            issues: [{ path: `data[${index}].id`, message: expected }],
          }),
        );
        return;
      }
      previousId = id;
    }
    const ids = data as Array<{ id: number }>;
    this.#maxId = ids[0]?.id ?? 0;
    // The count of the whole sync, unless a cursor brought it from where the sync began.
    this.#productsTotal = this.#config.start.productsTotal ?? total;
    // The open-ended last range: the only one the top page's ids can fall in, apart from the
    // guessed first ranges of a catalog of a page or two, which read those ids themselves.
    const last = this.#ranges[this.#ranges.length - 1];
    if (!last || Number.isFinite(last.hi) || ids.length === 0) {
      this.#pump();
      return;
    }
    // The top page owns the ids above `from`; the last range keeps the rest. Where the last range
    // has already read past the top page's lowest id (a catalog of about one page), the top page
    // keeps only what it has not read, so no product comes twice.
    const from = Math.max(ids[ids.length - 1]!.id - 1, last.lo);
    let kept = 0;
    // A last range already done has read every product there was: the top page adds nothing.
    if (!last.done) while (kept < ids.length && ids[kept]!.id > from) kept += 1;
    if (!last.done) {
      last.hi = from;
      if (last.lo >= from) last.done = true;
      else {
        // Before its first answer, the ids below the last range are guessed dense (see #guessFirstRanges).
        last.remaining = Math.max(0, (last.remaining ?? total - last.lo) - kept);
        // With the count known, the rest of the span is cut now, while its first page is still in flight.
        this.#splitEvenly(last);
      }
    }
    if (kept === 0) {
      this.#pump();
      return;
    }
    const top = new IdRange(from, this.#maxId);
    top.lo = this.#maxId;
    top.done = true;
    this.#ranges.push(top);
    // Products in id order: the response lists them highest first.
    const order = Array.from({ length: kept }, (_, position) => kept - 1 - position);
    await this.#enqueue(top, data, order, this.#maxId, true, describe);
  }

  async #fetchPage(range: IdRange): Promise<void> {
    const { pageSize } = this.#config;
    const lo = range.lo;
    const queryHi = range.hi;
    const query: QueryParams = {
      ...this.#pageQuery(),
      'id:greater': lo,
      'id:max': Number.isFinite(queryHi) ? queryHi : undefined,
      limit: pageSize,
    };
    const describe = { method: 'GET', path: `${PRODUCTS_PATH}${serializeQuery(query)}` };
    range.inFlight = true;
    this.#inFlight += 1;
    this.#requests += 1;
    let data: unknown[];
    let total: number;
    try {
      ({ data, total } = await this.#requestPage(query, describe));
    } catch (error) {
      this.#fail(error);
      return;
    } finally {
      range.inFlight = false;
      this.#inFlight -= 1;
    }
    if (this.#failure || this.#stopped) return;

    // Keep the products of this range only: after a split, the in-flight request may have asked
    // for ids the new range now owns.
    let kept = data.length;
    let lastId = lo;
    let clipped = false;
    for (let index = 0; index < data.length; index += 1) {
      const id = (data[index] as { id?: unknown } | null)?.id;
      if (typeof id !== 'number' || !Number.isInteger(id) || id <= lastId) {
        this.#fail(
          new ResponseValidationError(`GET ${describe.path} returned products out of id order or without an id at data[${index}].`, {
            ...describe,
            issues: [{ path: `data[${index}].id`, message: `expected an integer id above ${lastId}` }],
          }),
        );
        return;
      }
      if (id > range.hi) {
        kept = index;
        clipped = true;
        break;
      }
      lastId = id;
    }
    // A short page ends the range only when the store's own count agrees: BigCommerce documents
    // `limit` as a maximum, and a store (or a proxy) that sends fewer must not make SKUs vanish.
    // `total` counts the ids this request asked for; a store that fills its pages costs nothing more.
    const storeCountsMore = total > data.length;
    const rangeDone =
      clipped || data.length === 0 || lastId >= range.hi || (data.length < pageSize && !storeCountsMore) || (queryHi === range.hi && total <= data.length);
    if (rangeDone) range.done = true;
    else {
      range.lo = lastId;
      range.remaining = queryHi === range.hi ? total - data.length : Math.max(0, (range.remaining ?? 0) - kept);
    }
    // Only an unbounded request's total counts every product (a guessed first range has an id:max).
    if (lo === 0 && !Number.isFinite(queryHi) && this.#productsTotal === undefined) this.#productsTotal = total;

    await this.#enqueue(range, data, Array.from({ length: kept }, (_, index) => index), lastId, rangeDone, describe);
  }

  /**
   * Checks and normalizes the products of a page (`order`: their indexes in `data`, in id order)
   * and queues the page for the caller after the range's earlier pages.
   */
  async #enqueue(range: IdRange, data: unknown[], order: readonly number[], lastId: number, rangeDone: boolean, describe: { method: string; path: string }): Promise<void> {
    // The range's next request goes out before this page is checked and normalized.
    this.#processing += 1;
    this.#pump();
    const previous = range.tail;
    let release!: () => void;
    range.tail = new Promise<void>((resolve) => (release = resolve));
    try {
      // The requests just started leave before this page's CPU-heavy checking.
      await nextTask();
      if (this.#failure || this.#stopped) return;
      let items: InventoryItem[] = [];
      const productIds: number[] = [];
      const removed: InventoryRemoval[] = [];
      const sortsOutHidden = this.#sortsOutHidden();
      for (const index of order) {
        const product = checkProduct(data[index], index, describe);
        if (sortsOutHidden && !product.is_visible) {
          removed.push({ productId: product.id, skus: product.variants.map((variant) => variant.sku), reason: 'hidden' });
        } else {
          productIds.push(product.id);
          itemsOfProduct(product, items);
        }
      }
      if (this.#config.locations && items.length > 0) {
        items = await attachLocations(this.#config.http, items, this.#requestOptions, () => (this.#requests += 1));
      }
      await previous;
      if (this.#failure || this.#stopped) return;
      this.#ready.push({ range, lastId, rangeDone, items, productIds, removed });
    } catch (error) {
      this.#fail(error);
    } finally {
      this.#processing -= 1;
      release();
      this.#wake?.();
    }
  }

  /**
   * One page of products and the count the query matches. A 200 whose JSON is cut off (a
   * connection dropped mid-body) is retried by the HTTP core, as for any read.
   */
  async #requestPage(query: QueryParams, describe: { method: string; path: string }): Promise<{ data: unknown[]; total: number }> {
    const response = await this.#config.http.request({ method: 'GET', path: PRODUCTS_PATH, query, schema: productPageSchema, priority: 'bulk' }, this.#requestOptions);
    if (!response.data) throw new ResponseValidationError(`GET ${describe.path} returned an empty body.`, { ...describe, issues: [{ path: '', message: 'expected a product list' }] });
    return { data: response.data.data, total: response.data.meta.pagination.total };
  }
}
