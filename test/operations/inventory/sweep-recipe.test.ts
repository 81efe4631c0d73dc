// Runs the sweep recipe of docs/inventory.md as it is written there (the ```ts block after the
// `sweep-recipe` marker), against the sandbox: delta syncs and full syncs with sweep, stopped after
// every page and resumed, with products hidden, un-hidden, edited, losing a variant and deleted
// between runs. The recipe must retire the deleted SKUs, and nothing else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BigCommerceSource, InventoryItem } from '../../../src/index';
import type { SandboxStore } from '../../../src/testing/index';
import { ROOT } from '../../docs/doc-examples';
import { setup, skusOf } from './inventory-fixtures';

interface Feed {
  replaceProducts(productIds: readonly number[], items: readonly InventoryItem[], runId: string): Promise<void>;
  removeProducts(productIds: readonly number[]): Promise<void>;
  retireUnmarked(runId: string): Promise<void>;
}
type SyncState = Record<string, unknown>;
interface StateStore {
  load(): Promise<SyncState>;
  save(state: SyncState): Promise<void>;
}
type SyncInventory = (
  source: BigCommerceSource,
  feed: Feed,
  store: StateStore,
  kind: 'delta' | 'full',
  stop?: { maxPages?: number; signal?: AbortSignal },
) => Promise<'complete' | 'stopped'>;

/** The recipe's code, compiled from the guide. */
function loadRecipe(): SyncInventory {
  const markdown = readFileSync(join(ROOT, 'docs/inventory.md'), 'utf8');
  const match = /<!-- sweep-recipe[^\n]*-->\n```ts\n([\s\S]*?)\n```/.exec(markdown);
  if (!match) throw new Error('docs/inventory.md has no sweep-recipe block');
  const { outputText } = ts.transpileModule(match[1]!, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const exports: Record<string, unknown> = {};
  new Function('exports', 'require', outputText)(exports, (name: string) => {
    throw new Error(`the recipe imports ${name} at run time; it should import types only`);
  });
  return exports.syncInventory as SyncInventory;
}

/** A feed in memory: one row per SKU, with its product and the run that last marked it. */
class MemoryFeed implements Feed {
  readonly rows = new Map<string, { item: InventoryItem; runId: string }>();
  async replaceProducts(productIds: readonly number[], items: readonly InventoryItem[], runId: string) {
    const products = new Set(productIds);
    for (const [sku, row] of this.rows) if (products.has(row.item.productId)) this.rows.delete(sku);
    for (const item of items) this.rows.set(item.sku, { item, runId });
  }
  async removeProducts(productIds: readonly number[]) {
    const products = new Set(productIds);
    for (const [sku, row] of this.rows) if (products.has(row.item.productId)) this.rows.delete(sku);
  }
  async retireUnmarked(runId: string) {
    for (const [sku, row] of this.rows) if (row.runId !== runId) this.rows.delete(sku);
  }
  skus(): string[] {
    return [...this.rows.keys()].sort();
  }
}

class MemoryState implements StateStore {
  state: SyncState = {};
  saves = 0;
  async load() {
    return structuredClone(this.state);
  }
  async save(state: SyncState) {
    this.saves += 1;
    this.state = structuredClone(state);
  }
}

afterEach(() => {
  vi.useRealTimers();
});

const visibleSkus = (sandbox: SandboxStore) => skusOf(sandbox, (product) => product.is_visible);

describe('the sweep recipe of docs/inventory.md', () => {
  it('keeps the feed equal to the visible SKUs: removals and per-product replacement in delta syncs, the sweep retiring deleted SKUs and nothing else', async () => {
    const syncInventory = loadRecipe();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-26T10:00:00Z'));
    const { sandbox, source } = setup({
      products: [
        { name: 'Kept', sku: 'KEEP' },
        { name: 'To hide', sku: 'HIDE', variants: [{ sku: 'HIDE-S' }, { sku: 'HIDE-M' }] },
        { name: 'To un-hide', sku: 'UNHIDE', is_visible: false },
        { name: 'To disable', sku: 'DIS', variants: [{ sku: 'DIS-S' }, { sku: 'DIS-M' }] },
        { name: 'To delete', sku: 'DEL', variants: [{ sku: 'DEL-S' }, { sku: 'DEL-M' }] },
        { name: 'Losing a variant', sku: 'VG', variants: [{ sku: 'VG-S' }, { sku: 'VG-M' }] },
        { name: 'Hidden all along', sku: 'OLD-HIDDEN', is_visible: false },
        ...Array.from({ length: 9 }, (_, index) => ({ name: `Filler ${index}`, sku: `FILL-${index}` })),
      ],
    });
    // Two products a page, so a sync spans many pages (and runs).
    const paged = { inventory: { pages: (options: object) => source.inventory.pages({ ...options, pageSize: 2 }) } } as unknown as BigCommerceSource;
    const feed = new MemoryFeed();
    const store = new MemoryState();
    /** One sync, one page per run: every run after the first resumes from the stored state. */
    async function runUntilComplete(kind: 'delta' | 'full'): Promise<number> {
      let runs = 0;
      for (;;) {
        runs += 1;
        if ((await syncInventory(paged, feed, store, kind, { maxPages: 1 })) === 'complete') return runs;
        expect(runs).toBeLessThan(100);
      }
    }

    // The first sync is a full one, whatever is asked.
    expect(await runUntilComplete('delta')).toBeGreaterThan(5);
    expect(feed.skus()).toEqual(visibleSkus(sandbox));

    vi.setSystemTime(new Date('2026-11-26T11:00:00Z'));
    sandbox.catalog.updateProduct(2, { is_visible: false });
    sandbox.catalog.updateProduct(3, { is_visible: true });
    sandbox.catalog.updateVariant(sandbox.catalog.findVariantBySku('DIS-M')!.id, { purchasing_disabled: true });
    sandbox.catalog.deleteProduct(5);
    sandbox.catalog.deleteVariant(sandbox.catalog.findVariantBySku('VG-M')!.id);
    vi.setSystemTime(new Date('2026-11-26T11:10:00Z'));

    // A delta sync: the hidden product leaves, the un-hidden one comes, the deleted variant goes,
    // the disabled variant stays flagged; the deleted product is still there (it cannot be listed).
    sandbox.clearRequests();
    await runUntilComplete('delta');
    expect(sandbox.requests.every((request) => request.query.get('date_modified:min') === '2026-11-26T09:59:00Z')).toBe(true);
    expect(feed.skus()).toEqual([...visibleSkus(sandbox), 'DEL-M', 'DEL-S'].sort());
    expect(feed.rows.get('DIS-M')!.item.purchasingDisabled).toBe(true);

    // A full sync with sweep: exactly the deleted product's SKUs are retired.
    const before = feed.skus();
    await runUntilComplete('full');
    expect(feed.skus()).toEqual(visibleSkus(sandbox));
    expect(before.filter((sku) => !feed.rows.has(sku))).toEqual(['DEL-M', 'DEL-S']);

    // A store where hiding does not move date_modified: the delta sync cannot see it, the sweep retires it.
    vi.setSystemTime(new Date('2026-11-26T11:30:00Z'));
    sandbox.catalog.getProduct(1)!.is_visible = false; // the store's own object: no date_modified bump
    await runUntilComplete('delta');
    expect(feed.rows.has('KEEP')).toBe(true);
    await runUntilComplete('full');
    expect(feed.rows.has('KEEP')).toBe(false);
    expect(feed.skus()).toEqual(visibleSkus(sandbox));

    // Nothing changed: another delta and another full sync leave the feed as it is.
    vi.setSystemTime(new Date('2026-11-26T12:00:00Z'));
    await runUntilComplete('delta');
    await runUntilComplete('full');
    expect(feed.skus()).toEqual(visibleSkus(sandbox));
  });

  it('sweeps again, with no request, after a crash between the sweep and the end of the run', async () => {
    const syncInventory = loadRecipe();
    const { sandbox, source } = setup({ products: [{ name: 'A', sku: 'A' }, { name: 'B', sku: 'B' }] });
    const feed = new MemoryFeed();
    const store = new MemoryState();
    expect(await syncInventory(source, feed, store, 'full')).toBe('complete');
    expect(feed.skus()).toEqual(['A', 'B']);
    sandbox.catalog.deleteProduct(2);
    // The run sweeps on the complete page, saves its cursor, then dies before it records the sync as done.
    const save = store.save.bind(store);
    store.save = async (state) => {
      if (!('running' in state) || state.running === undefined) throw new Error('crash');
      await save(state);
    };
    await expect(syncInventory(source, feed, store, 'full')).rejects.toThrow('crash');
    expect(feed.skus()).toEqual(['A']);
    store.save = save;
    // The next run resumes from the last cursor: no request, the complete page again, and the sync is done.
    feed.rows.set('B', { item: { ...feed.rows.get('A')!.item, sku: 'B', productId: 2 }, runId: 'an older run' });
    sandbox.clearRequests();
    expect(await syncInventory(source, feed, store, 'full')).toBe('complete');
    expect(sandbox.requests).toHaveLength(0);
    expect(feed.skus()).toEqual(['A']);
    expect(store.state).toEqual({ since: expect.any(String) });
  });
});
