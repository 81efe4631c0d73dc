import type { InventoryItem } from './inventory-item';
import type { InventoryProgress } from './inventory-options';

/**
 * A product whose SKUs left the sync's scope since `modifiedSince`: hidden (`is_visible: false`)
 * in a delta sync with `skipHiddenProducts`. Remove its SKUs from your feed.
 */
export interface InventoryRemoval {
  /** The product's id. */
  readonly productId: number;
  /** Every SKU the product has now: its variants' (a product without options: its own). */
  readonly skus: readonly string[];
  /** Why it left: `'hidden'`, the merchant hid it from the storefront. */
  readonly reason: 'hidden';
}

/** One page of a sync, as yielded by `source.inventory.pages()`. */
export interface InventoryPage {
  /** The items of the page's products: one per variant. */
  readonly items: InventoryItem[];
  /**
   * The products of `items`, in the order their items come. A product's variants always arrive
   * together in one page, so the page's items of a product are that product's complete set of
   * SKUs: replace what you hold for each of these products, and a variant deleted from a listed
   * product disappears too.
   */
  readonly productIds: readonly number[];
  /**
   * Products hidden since `modifiedSince`, in a delta sync with `skipHiddenProducts` (empty
   * otherwise): remove their SKUs. A deleted product cannot be listed after the fact; a full sync's
   * `complete` page is where those are caught (see `docs/inventory.md`).
   */
  readonly removed: readonly InventoryRemoval[];
  /**
   * `true` on the last page of a sync without `modifiedSince` that read everything, resumed or
   * not: every SKU matching the filters has been yielded by this sync, on this page or an earlier
   * one since it started, so any SKU you hold that the sync did not yield is gone. `false` on every
   * other page and on every page of a delta sync. The last page may have no items (an empty
   * catalog, or a sync resumed from its last cursor).
   */
  readonly complete: boolean;
  /**
   * Resume point: pass it as the `cursor` option to continue after this page. Opaque; it holds
   * the filters, so it only resumes a sync with the same `skipHiddenProducts` and `modifiedSince`.
   */
  readonly cursor: string;
  /** How many products the page's items come from (`productIds.length`). */
  readonly productCount: number;
  /** The sync's progress after this page. */
  readonly progress: InventoryProgress;
}
