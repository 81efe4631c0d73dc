/**
 * A range of product ids one worker reads in id order: ids above `lo`, up to `hi` (inclusive;
 * `Infinity` for the last range until the page of the highest ids says where the ids end).
 *
 * Paging by id instead of page number is what makes a sync drift-safe: a product added or deleted
 * while the sync runs shifts every later page number, but never changes which range another
 * product's id falls in.
 * @see https://developer.bigcommerce.com/docs/start/about/common-query-params
 */
export class IdRange {
  /** Every product of the range up to this id has been fetched. */
  lo: number;
  /** The range's last id, inclusive; shrinks when the range is split. */
  hi: number;
  /** Every product of the range up to this id has been yielded to the caller. */
  committedLo: number;
  /** No product of the range is left to fetch. */
  done = false;
  /** No product of the range is left to yield. */
  committedDone = false;
  /** A request for this range is in flight. */
  inFlight = false;
  /** Products left in (lo, hi], from the last response's `meta.pagination.total`; an estimate after a split. */
  remaining: number | undefined;
  /** Resolves when the range's latest page is queued, so its pages are yielded in order. */
  tail: Promise<void> = Promise.resolve();

  constructor(lo: number, hi: number, remaining?: number) {
    this.lo = lo;
    this.hi = hi;
    this.committedLo = lo;
    this.remaining = remaining;
  }
}

/**
 * Where to split `range` so a free worker can take its upper part, or `undefined` when splitting
 * would not save a round trip. The owner keeps its in-flight page and half of the pages after it;
 * the split id is placed by the range's id density, so with dense ids both parts are whole pages
 * and the split costs no extra request.
 */
export function splitPoint(range: IdRange, pageSize: number, maxId: number): { at: number; keep: number } | undefined {
  const { remaining, lo } = range;
  if (range.done || remaining === undefined || remaining <= 0) return undefined;
  const pagesAfterInFlight = Math.ceil(remaining / pageSize) - (range.inFlight ? 1 : 0);
  if (pagesAfterInFlight < (range.inFlight ? 1 : 2)) return undefined;
  const keep = pageSize * Math.max(1, (range.inFlight ? 1 : 0) + Math.floor(pagesAfterInFlight / 2));
  const end = Number.isFinite(range.hi) ? range.hi : Math.max(maxId, lo + remaining);
  const at = lo + Math.round((keep * (end - lo)) / remaining);
  if (at <= lo || at >= end) return undefined;
  return { at, keep };
}
