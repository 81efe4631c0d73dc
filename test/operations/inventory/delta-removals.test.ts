import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InventoryPage } from '../../../src/index';
import type { SandboxStore } from '../../../src/testing/index';
import { collect, productRequests, setup } from './inventory-fixtures';

afterEach(() => {
  vi.useRealTimers();
});

const CREATED = '2026-11-26T10:00:00Z';
const CHECKPOINT = '2026-11-26T10:30:00Z';
const CHANGED = '2026-11-26T11:00:00Z';

/**
 * A catalog created at 10:00, then changed by the merchant at 11:00: product 2 hidden, product 3
 * un-hidden, a variant of product 4 no longer purchasable, product 5 deleted, a variant of product
 * 6 deleted, product 7's price edited. Products 1, 8 (hidden all along) and the fillers do not change.
 */
function merchantAtWork() {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(CREATED));
  const fillers = Array.from({ length: 6 }, (_, index) => ({ name: `Filler ${index}`, sku: `FILL-${index}` }));
  const { sandbox, source } = setup({
    products: [
      { name: 'Kept', sku: 'KEEP' },
      { name: 'To hide', sku: 'HIDE', variants: [{ sku: 'HIDE-S' }, { sku: 'HIDE-M' }] },
      { name: 'To un-hide', sku: 'UNHIDE', is_visible: false },
      { name: 'To disable', sku: 'DIS', variants: [{ sku: 'DIS-S' }, { sku: 'DIS-M' }] },
      { name: 'To delete', sku: 'DEL' },
      { name: 'Losing a variant', sku: 'VG', variants: [{ sku: 'VG-S' }, { sku: 'VG-M' }, { sku: 'VG-L' }] },
      { name: 'Edited', sku: 'EDIT', price: 10 },
      { name: 'Hidden all along', sku: 'OLD-HIDDEN', is_visible: false },
      ...fillers,
    ],
  });
  vi.setSystemTime(new Date(CHANGED));
  sandbox.catalog.updateProduct(2, { is_visible: false });
  sandbox.catalog.updateProduct(3, { is_visible: true });
  sandbox.catalog.updateVariant(variantOf(sandbox, 'DIS-M'), { purchasing_disabled: true });
  sandbox.catalog.deleteProduct(5);
  sandbox.catalog.deleteVariant(variantOf(sandbox, 'VG-M'));
  sandbox.catalog.updateProduct(7, { price: 12 });
  sandbox.clearRequests();
  return { sandbox, source };
}

function variantOf(sandbox: SandboxStore, sku: string): number {
  return sandbox.catalog.findVariantBySku(sku)!.id;
}

/** What a page tells a feed, one entry per SKU yielded and per product removed. */
function outputOf(pages: readonly InventoryPage[]): string[] {
  return pages.flatMap((page) => [
    ...page.items.map((item) => `item ${item.sku}${item.purchasingDisabled ? ' (purchasing disabled)' : ''}${item.isVisible ? '' : ' (hidden)'}`),
    ...page.removed.map((removal) => `removed ${removal.productId} ${removal.reason} ${removal.skus.join(',')}`),
  ]);
}

const EXPECTED_WITH_SKIP = [
  'item DIS-M (purchasing disabled)',
  'item DIS-S',
  'item EDIT',
  'item UNHIDE',
  'item VG-L',
  'item VG-S',
  'removed 2 hidden HIDE-S,HIDE-M',
];

describe('a delta sync (modifiedSince) with skipHiddenProducts', () => {
  it.each([1, 2, 250])(
    'reports the hidden product as a removal with its SKUs, yields the un-hidden, disabled and edited ones, and nothing of the deleted one (pageSize %i)',
    async (pageSize) => {
      const { sandbox, source } = merchantAtWork();
      const pages = await collect(source.inventory.pages({ modifiedSince: CHECKPOINT, skipHiddenProducts: true, pageSize }));
      expect(outputOf(pages).sort()).toEqual(EXPECTED_WITH_SKIP);
      expect(pages.flatMap((page) => page.removed)).toEqual([{ productId: 2, skus: ['HIDE-S', 'HIDE-M'], reason: 'hidden' }]);
      // Every product read is either on productIds (its items) or removed, never both.
      expect(pages.flatMap((page) => page.productIds).sort((a, b) => a - b)).toEqual([3, 4, 6, 7]);
      for (const page of pages) {
        expect([...new Set(page.items.map((item) => item.productId))]).toEqual(page.productIds);
        expect(page.productCount).toBe(page.productIds.length);
        expect(page.complete).toBe(false);
      }
      // Hidden products come from the store and are sorted out here: no is_visible in the query.
      const requests = productRequests(sandbox);
      expect(requests.length).toBeGreaterThan(0);
      for (const request of requests) {
        expect(request.query.get('is_visible')).toBeNull();
        expect(request.query.get('date_modified:min')).toBe(CHECKPOINT);
      }
    },
  );

  it('yields every output exactly once when resumed from every page’s cursor', async () => {
    const { source } = merchantAtWork();
    const options = { modifiedSince: CHECKPOINT, skipHiddenProducts: true, pageSize: 1 } as const;
    const pages = await collect(source.inventory.pages(options));
    expect(pages.length).toBe(EXPECTED_WITH_SKIP.length - 2); // DIS and VG bring two items each in one page
    for (const [index, page] of pages.entries()) {
      const before = outputOf(pages.slice(0, index + 1));
      const after = outputOf(await collect(source.inventory.pages({ ...options, cursor: page.cursor })));
      const all = [...before, ...after];
      expect(new Set(all).size).toBe(all.length);
      expect(all.sort()).toEqual(EXPECTED_WITH_SKIP);
    }
  });

  it('reports a hidden product edited again as a removal again; one hidden and untouched since the checkpoint, not at all', async () => {
    const { sandbox, source } = merchantAtWork();
    vi.setSystemTime(new Date('2026-11-26T12:00:00Z'));
    sandbox.catalog.updateProduct(2, { price: 99 }); // still hidden
    const pages = await collect(source.inventory.pages({ modifiedSince: '2026-11-26T11:30:00Z', skipHiddenProducts: true }));
    expect(outputOf(pages)).toEqual(['removed 2 hidden HIDE-S,HIDE-M']);
  });
});

describe('a delta sync without skipHiddenProducts', () => {
  it('yields hidden products as items with isVisible: false and reports no removals', async () => {
    const { source } = merchantAtWork();
    const pages = await collect(source.inventory.pages({ modifiedSince: CHECKPOINT, pageSize: 2 }));
    expect(outputOf(pages).sort()).toEqual(
      ['item HIDE-M (hidden)', 'item HIDE-S (hidden)', ...EXPECTED_WITH_SKIP.filter((line) => !line.startsWith('removed'))].sort(),
    );
    expect(pages.every((page) => page.removed.length === 0 && !page.complete)).toBe(true);
  });
});

describe('per-product replacement', () => {
  it('a variant deleted from a listed product disappears from a feed that replaces per product', async () => {
    const { sandbox, source } = merchantAtWork();
    // The feed as a full sync at 10:00 left it: every SKU visible then, by product.
    const feed = new Map<string, number>();
    for (const product of sandbox.catalog.products()) if (product.id !== 3 && product.id !== 8) for (const variant of product.variants) feed.set(variant.sku, product.id);
    feed.set('VG-M', 6);
    feed.set('DEL', 5);
    for await (const page of source.inventory.pages({ modifiedSince: CHECKPOINT, skipHiddenProducts: true, pageSize: 1 })) {
      const listed = new Set(page.productIds);
      for (const [sku, productId] of feed) if (listed.has(productId)) feed.delete(sku);
      for (const item of page.items) feed.set(item.sku, item.productId);
      for (const removal of page.removed) for (const sku of removal.skus) feed.delete(sku);
    }
    expect(feed.has('VG-M')).toBe(false);
    expect(['VG-S', 'VG-L'].every((sku) => feed.get(sku) === 6)).toBe(true);
    expect(feed.has('HIDE-S') || feed.has('HIDE-M')).toBe(false);
    expect(feed.get('UNHIDE')).toBe(3);
    // The deleted product is still there: only a complete full sync can tell (see the sweep recipe).
    expect(feed.get('DEL')).toBe(5);
  });
});
