import * as z from 'zod/mini';
import { INSTANT_RULE, parseInstant } from '../../internal/iso-datetime';
import { reject } from '../../internal/zod-issues';
import { parseOperationOptions, requestOptionsShape } from '../../internal/parse-request-options';
import type { RequestOptions } from '../../internal/request-options';

/** Progress of a sync, given to {@link InventoryOptions.onProgress} after each page. */
export interface InventoryProgress {
  /** Products read so far (those of the items and those reported removed), counting earlier runs resumed with a cursor. */
  readonly productsDone: number;
  /**
   * Products matching the filters when the sync started (BigCommerce's `meta.pagination.total`).
   * Products added or deleted during the sync can make `productsDone` end a little off.
   */
  readonly productsTotal: number;
  /** Items (SKUs) yielded so far, counting earlier runs resumed with a cursor. */
  readonly itemsYielded: number;
  /** HTTP requests this call sent (retries not counted). */
  readonly requests: number;
}

/** Options of `source.inventory.items()` and `source.inventory.pages()`. */
export interface InventoryOptions extends RequestOptions {
  /**
   * Leave out hidden products (`is_visible: false`). In a full sync the store filters them
   * (`is_visible=true`), so they are never downloaded. In a delta sync (`modifiedSince`) the
   * products hidden since then are downloaded and reported on the page's `removed`, never as items.
   * @default false
   */
  readonly skipHiddenProducts?: boolean | undefined;
  /**
   * Products per request, 1 to 250 (BigCommerce's maximum). Each product brings all its variants.
   * @default 250
   */
  readonly pageSize?: number | undefined;
  /**
   * Only products changed at or after this time (`date_modified:min`, to the second): a `Date`, a
   * date (`2026-11-26`, midnight UTC) or a date-time with `Z` or an offset. A date-time without an
   * offset, or an impossible date (`2026-02-31`), is a {@link ValidationError}.
   */
  readonly modifiedSince?: Date | string | undefined;
  /**
   * Resume a sync: a page's `cursor`, or the `cursor` of an error thrown mid-sync. Only valid with
   * the `skipHiddenProducts` and `modifiedSince` it was made with; `pageSize` may change.
   */
  readonly cursor?: string | undefined;
  /**
   * Attach each item's stock per inventory location (`GET /v3/inventory/items`, one request per
   * 250 variants of a page), for stores with several locations.
   * @default false
   */
  readonly locations?: boolean | undefined;
  /** Called after each page, before it is yielded. An error thrown here ends the sync. */
  readonly onProgress?: ((progress: InventoryProgress) => void) | undefined;
}

/** The options after validation. */
export interface ResolvedInventoryOptions {
  readonly skipHiddenProducts: boolean;
  readonly pageSize: number;
  /** ISO 8601 in whole seconds (rounded down, so nothing changed in that second is missed). */
  readonly modifiedSince: string | null;
  readonly cursor: string | undefined;
  readonly locations: boolean;
  readonly onProgress: ((progress: InventoryProgress) => void) | undefined;
  readonly request: RequestOptions;
}

const modifiedSinceSchema = z.pipe(
  z.unknown(),
  z.transform((value, context) => {
    const epochMs = parseInstant(value);
    if (epochMs === undefined) return reject(context, INSTANT_RULE);
    // BigCommerce compares to the second; rounding down never misses a change.
    return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  }),
);

const inventoryOptionsSchema = z.strictObject({
  ...requestOptionsShape,
  skipHiddenProducts: z._default(z.boolean(), false),
  pageSize: z._default(z.int().check(z.minimum(1), z.maximum(250)), 250),
  modifiedSince: z.optional(modifiedSinceSchema),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(100_000))),
  locations: z._default(z.boolean(), false),
  onProgress: z.optional(z.custom<(progress: InventoryProgress) => void>((value) => typeof value === 'function', 'expected a function')),
});

/**
 * Validates the options before anything is sent.
 * @throws {@link ValidationError} naming every bad option.
 */
export function parseInventoryOptions(operation: string, options: unknown): ResolvedInventoryOptions {
  const parsed = parseOperationOptions(operation, inventoryOptionsSchema, options);
  return {
    skipHiddenProducts: parsed.skipHiddenProducts,
    pageSize: parsed.pageSize,
    modifiedSince: parsed.modifiedSince ?? null,
    cursor: parsed.cursor,
    locations: parsed.locations,
    onProgress: parsed.onProgress,
    request: { signal: parsed.signal, timeoutMs: parsed.timeoutMs, maxRetries: parsed.maxRetries },
  };
}
