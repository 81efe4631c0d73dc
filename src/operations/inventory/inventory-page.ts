import type { InventoryItem } from './inventory-item';
import type { InventoryProgress } from './inventory-options';

/** One page of a sync, as yielded by `source.inventory.pages()`. */
export interface InventoryPage {
  /** The items of the page's products: one per variant. */
  readonly items: InventoryItem[];
  /**
   * Resume point: pass it as the `cursor` option to continue after this page. Opaque; it holds
   * the filters, so it only resumes a sync with the same `skipHiddenProducts` and `modifiedSince`.
   */
  readonly cursor: string;
  /** How many products the page's items come from. */
  readonly productCount: number;
  /** The sync's progress after this page. */
  readonly progress: InventoryProgress;
}
