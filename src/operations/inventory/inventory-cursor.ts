import * as z from 'zod/mini';
import { ValidationError } from '../../errors/validation-error';
import { decodeBase64Url, encodeBase64Url } from '../../internal/base64url-text';

/** The filters a cursor belongs to: resuming with other filters would skip or repeat products. */
export interface CursorFilters {
  /** `skipHiddenProducts`. */
  readonly skipHiddenProducts: boolean;
  /** `modifiedSince` as sent (ISO 8601, whole seconds), or `null`. */
  readonly modifiedSince: string | null;
}

/** An id range still to read: ids above `after`, up to `upTo` (`null`: no upper bound). */
export type OpenRange = readonly [after: number, upTo: number | null];

/** What a cursor says: where a sync stands. */
export interface CursorState {
  /** The store it was made for. */
  readonly storeHash: string;
  /** The filters it was made with. */
  readonly filters: CursorFilters;
  /** The id ranges not yet read, ascending and disjoint. Every product outside them was yielded. */
  readonly open: readonly OpenRange[];
  /** The highest matching product id when the sync started, to split the open-ended range. */
  readonly maxId: number;
  /** Products yielded so far, across resumes. */
  readonly productsDone: number;
  /** Matching products when the sync started. */
  readonly productsTotal: number;
  /** Items yielded so far, across resumes. */
  readonly itemsYielded: number;
}

const CURSOR_VERSION = 1;
const id = z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));
const isId = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
// `[after, upTo]` as z.tuple([id, z.nullable(id)]) would check it; a tuple schema costs the size budget more.
const openRange = z.custom<OpenRange>(
  (value) => Array.isArray(value) && value.length === 2 && isId(value[0]) && (value[1] === null || isId(value[1])),
);

const payloadSchema = z.strictObject({
  v: z.literal(CURSOR_VERSION),
  s: z.string(),
  f: z.strictObject({ h: z.boolean(), m: z.nullable(z.string()) }),
  r: z.array(openRange).check(
    z.maxLength(1000),
    z.refine(
      (ranges) =>
        ranges.every(([after, upTo], index) => {
          const previous = ranges[index - 1];
          return (upTo === null || upTo > after) && (previous === undefined || (previous[1] !== null && previous[1] <= after));
        }),
      'ranges must be ascending and disjoint',
    ),
  ),
  x: id,
  n: id,
  t: id,
  i: id,
  c: z.string(),
});

/**
 * Encodes a sync's state as an opaque string: base64url of a versioned JSON with a checksum, so
 * a cut or edited cursor is refused rather than misread.
 */
export function encodeCursor(state: CursorState): string {
  const body = {
    v: CURSOR_VERSION,
    s: state.storeHash,
    f: { h: state.filters.skipHiddenProducts, m: state.filters.modifiedSince },
    r: state.open.map(([after, upTo]) => [after, upTo]),
    x: state.maxId,
    n: state.productsDone,
    t: state.productsTotal,
    i: state.itemsYielded,
  };
  const json = JSON.stringify(body);
  return encodeBase64Url(JSON.stringify({ ...body, c: checksum(json) }));
}

/**
 * Reads a cursor made by {@link encodeCursor} for this store and these filters.
 * @throws {@link ValidationError} on the `cursor` option: not a cursor, damaged, made for another
 * store, or made with other filters.
 */
export function decodeCursor(cursor: string, storeHash: string, filters: CursorFilters, operation: string): CursorState {
  const fail = (message: string): never => {
    throw new ValidationError(`${operation}: invalid options. cursor: ${message}`, [{ path: 'cursor', message }]);
  };
  const text = decodeBase64Url(cursor);
  let raw: unknown;
  try {
    raw = text === undefined ? undefined : JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const parsed = payloadSchema.safeParse(raw);
  if (!parsed.success) return fail('not a cursor from pages() of this SDK version, or damaged');
  const { c, ...body } = parsed.data;
  if (checksum(JSON.stringify(body)) !== c) return fail('damaged (checksum mismatch)');
  if (body.s !== storeHash) return fail(`made for store ${body.s}, not ${storeHash}`);
  if (body.f.h !== filters.skipHiddenProducts || body.f.m !== filters.modifiedSince) {
    return fail(
      `made with other filters (skipHiddenProducts: ${body.f.h}, modifiedSince: ${body.f.m ?? 'none'}); ` +
        'resume with the same skipHiddenProducts and modifiedSince',
    );
  }
  return {
    storeHash: body.s,
    filters,
    open: body.r,
    maxId: body.x,
    productsDone: body.n,
    productsTotal: body.t,
    itemsYielded: body.i,
  };
}

/** FNV-1a, 32 bits, as hex: catches damage, not forgery (a cursor grants nothing). */
function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
