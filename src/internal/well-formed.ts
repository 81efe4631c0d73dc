import * as z from 'zod/mini';

/** A lone UTF-16 surrogate: half of a pair, which no UTF-8 (and so no URL) can carry. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `text` can be encoded as UTF-8: it holds no lone surrogate. */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** The message of {@link wellFormed}. */
export const WELL_FORMED_RULE = 'expected text without lone UTF-16 surrogates (half of an emoji or other character outside the BMP)';

/**
 * A zod check that text holds no lone surrogate: `encodeURIComponent` throws on one, and a PO number
 * or SKU is sent in a URL.
 */
export const wellFormed = () => z.refine<string>(isWellFormed, WELL_FORMED_RULE);
