import type { HttpClient } from '../../internal/http-client';
import { decodeCursor, type CursorFilters } from './inventory-cursor';
import type { InventoryItem } from './inventory-item';
import { parseInventoryOptions, type InventoryOptions } from './inventory-options';
import type { InventoryPage } from './inventory-page';
import { InventoryPager, productsRead, type PagerStart, type ReadyPage } from './inventory-pager';
import { attachResumeCursor } from '../../internal/resume-cursor';

export { inventoryItemSchema, type InventoryItem, type InventoryLocationStock, type InventoryOptionValue } from './inventory-item';
export type { InventoryOptions, InventoryProgress } from './inventory-options';
export type { InventoryPage, InventoryRemoval } from './inventory-page';
export { resumeCursorOf, type WithResumeCursor } from '../../internal/resume-cursor';

/**
 * Get Inventory: every sellable SKU of the store, streamed. Both methods validate their options
 * before the first request; a bad option is a {@link ValidationError} and nothing is sent.
 */
export interface InventoryOperations {
  /**
   * Every item (one per variant of every product matching the filters), yielded as pages arrive.
   * `break` stops the requests still in flight. Items only: what left the store (removals, and the
   * sweep a complete sync allows) is on {@link InventoryOperations.pages}.
   * @throws {@link ValidationError} for a bad option or cursor, before any request.
   * @throws the request's error (e.g. {@link ServerError}, {@link TimeoutError}) once its retries
   * run out, or {@link ResponseValidationError} naming a malformed product; either carries a
   * `cursor` to resume from ({@link resumeCursorOf}).
   * @example
   * ```ts
   * for await (const item of source.inventory.items({ skipHiddenProducts: true })) {
   *   console.log(item.sku, item.quantity);
   * }
   * ```
   */
  items(options?: InventoryOptions): AsyncIterable<InventoryItem>;
  /**
   * The same items, a page of products at a time, each page with a `cursor` to resume after it,
   * the `productIds` its items come from (a product's variants always arrive together), the
   * products hidden since `modifiedSince` (`removed`, with `skipHiddenProducts`), and `complete` on
   * the last page of a full sync. Pages come in the order they complete (several id ranges are read
   * at once), not in id order.
   * @throws as {@link InventoryOperations.items}.
   * @example
   * ```ts
   * for await (const page of source.inventory.pages({ modifiedSince: lastRun, skipHiddenProducts: true, cursor: saved })) {
   *   await save(page.items);
   *   await remove(page.removed.flatMap((removal) => removal.skus));
   *   await checkpoint(page.cursor);
   * }
   * ```
   */
  pages(options?: InventoryOptions): AsyncIterable<InventoryPage>;
}

/** Builds the inventory operations on a source's HTTP core. */
export function createInventoryOperations(http: HttpClient): InventoryOperations {
  return {
    items(options) {
      const pages = startPages(http, 'inventory.items', options);
      return {
        async *[Symbol.asyncIterator]() {
          for await (const page of pages) yield* page.items;
        },
      };
    },
    pages(options) {
      return startPages(http, 'inventory.pages', options);
    },
  };
}

/** Validates now (so a bad option throws at the call, before iteration), then pages lazily. */
function startPages(http: HttpClient, operation: string, options: InventoryOptions | undefined): AsyncIterable<InventoryPage> {
  const resolved = parseInventoryOptions(operation, options);
  const filters: CursorFilters = { skipHiddenProducts: resolved.skipHiddenProducts, modifiedSince: resolved.modifiedSince };
  let start: PagerStart = { open: [[0, null]], maxId: undefined, productsDone: 0, productsTotal: undefined, itemsYielded: 0 };
  if (resolved.cursor !== undefined) {
    const state = decodeCursor(resolved.cursor, http.storeHash, filters, operation);
    start = { open: state.open, maxId: state.maxId, productsDone: state.productsDone, productsTotal: state.productsTotal, itemsYielded: state.itemsYielded };
  }
  // Only a sync without modifiedSince can be complete: its last page says so, which takes knowing
  // that no page follows, so each page is held until the next one (or the end) is known.
  const full = resolved.modifiedSince === null;
  return {
    async *[Symbol.asyncIterator]() {
      const pager = new InventoryPager({
        http,
        storeHash: http.storeHash,
        filters,
        pageSize: resolved.pageSize,
        locations: resolved.locations,
        request: resolved.request,
        start,
      });
      /**
       * The page the caller sees, `page` and the empty pages taken after it committed: its cursor
       * then covers them, so a sync's last cursor leaves nothing to read. `onProgress` runs first:
       * if it throws, nothing of the page is committed and the error's cursor repeats it.
       */
      const emit = (page: ReadyPage | undefined, complete: boolean, emptyAfter: readonly ReadyPage[]): InventoryPage => {
        const items = page?.items ?? [];
        const productIds = page?.productIds ?? [];
        const before = pager.progress();
        const productsDone = before.productsDone + (page ? productsRead(page) : 0);
        const progress = {
          ...before,
          productsDone,
          // Until the first request's count arrives (or if products were added since), no less than done.
          productsTotal: Math.max(before.productsTotal, productsDone),
          itemsYielded: before.itemsYielded + items.length,
        };
        resolved.onProgress?.(progress);
        for (const taken of page ? [page, ...emptyAfter] : emptyAfter) pager.commit(taken);
        return { items, productIds, removed: page?.removed ?? [], complete, cursor: pager.committedCursor(), productCount: productIds.length, progress };
      };
      let held: ReadyPage | undefined;
      let emptyAfterHeld: ReadyPage[] = [];
      try {
        pager.start();
        for (;;) {
          const page = await pager.next();
          if (!page) break;
          if (page.items.length === 0 && page.removed.length === 0) {
            // A range's last request may find nothing: committed, but not worth a page.
            if (held) emptyAfterHeld.push(page);
            else pager.commit(page);
            continue;
          }
          if (!full) {
            yield emit(page, false, []);
            continue;
          }
          if (held) {
            const previous = held;
            const skipped = emptyAfterHeld;
            [held, emptyAfterHeld] = [page, []];
            yield emit(previous, false, skipped);
          } else held = page;
        }
        if (full) yield emit(held, true, emptyAfterHeld);
      } catch (error) {
        throw attachResumeCursor(error, pager.committedCursor());
      } finally {
        pager.stop();
      }
    },
  };
}
