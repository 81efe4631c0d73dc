import { describe, expect, it } from 'vitest';
import { seedCatalog } from '../../../src/testing/catalog/catalog-generator';
import { collect, productRequests, setup, skusOf } from './inventory-fixtures';

describe('resuming with a cursor', () => {
  it('yields every remaining item exactly once from every page’s cursor', async () => {
    const { sandbox, source } = setup();
    seedCatalog(sandbox.catalog, { products: 80, seed: 5 });
    const all = skusOf(sandbox);
    const pages = await collect(source.inventory.pages({ pageSize: 6 }));
    expect(pages.length).toBeGreaterThan(10);
    const seen: string[] = [];
    for (const page of pages) {
      seen.push(...page.items.map((item) => item.sku));
      const rest = (await collect(source.inventory.items({ cursor: page.cursor, pageSize: 6 }))).map((item) => item.sku);
      expect(new Set(rest).size).toBe(rest.length);
      expect(rest.filter((sku) => seen.includes(sku))).toEqual([]);
      expect([...seen, ...rest].sort()).toEqual(all);
    }
    // The last cursor leaves nothing to read: resuming from it sends nothing and says the sync is complete.
    sandbox.clearRequests();
    const again = await collect(source.inventory.pages({ cursor: pages.at(-1)!.cursor }));
    expect(again).toEqual([expect.objectContaining({ items: [], productIds: [], removed: [], complete: true, cursor: pages.at(-1)!.cursor })]);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('continues progress across resumes', async () => {
    const { sandbox, source } = setup();
    seedCatalog(sandbox.catalog, { products: 30, seed: 6 });
    const [first] = await collect(source.inventory.pages({ pageSize: 10 }));
    const progress: number[] = [];
    await collect(source.inventory.pages({ pageSize: 10, cursor: first!.cursor, onProgress: (p) => progress.push(p.productsDone) }));
    expect(first!.progress).toMatchObject({ productsDone: 10, productsTotal: 30 });
    expect(progress.at(-1)).toBe(30);
  });

  it('a cursor resumes after the caller’s own failure: a serverless function stopped mid-sync', async () => {
    const { sandbox, source } = setup();
    seedCatalog(sandbox.catalog, { products: 50, seed: 7 });
    const saved: string[] = [];
    let checkpoint: string | undefined;
    const run = async (limit: number) => {
      let handled = 0;
      for await (const page of source.inventory.pages({ pageSize: 4, cursor: checkpoint })) {
        if (handled++ === limit) throw new Error('function timed out');
        saved.push(...page.items.map((item) => item.sku));
        checkpoint = page.cursor;
      }
    };
    await expect(run(3)).rejects.toThrow('function timed out');
    await expect(run(2)).rejects.toThrow('function timed out');
    await run(Infinity);
    expect(saved.sort()).toEqual(skusOf(sandbox));
  });
});

describe('break', () => {
  it('stops further requests and aborts those in flight', async () => {
    const { sandbox, source } = setup({ latencyMs: 20 });
    seedCatalog(sandbox.catalog, { products: 300, seed: 8 });
    for await (const item of source.inventory.items({ pageSize: 10 })) {
      expect(item.sku).toBeTruthy();
      break;
    }
    const sent = sandbox.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(sandbox.requests.length).toBe(sent);
    expect(productRequests(sandbox).length).toBeLessThan(30);
  });

  it('the caller’s signal stops the sync with a cursor on the error', async () => {
    const { sandbox, source } = setup({ latencyMs: 10 });
    seedCatalog(sandbox.catalog, { products: 200, seed: 9 });
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await (async () => {
      try {
        for await (const page of source.inventory.pages({ pageSize: 10, signal: controller.signal })) {
          seen.push(...page.items.map((item) => item.sku));
          if (seen.length > 40) controller.abort();
        }
      } catch (caught) {
        return caught as { cursor?: string };
      }
      return undefined;
    })();
    expect(error?.cursor).toEqual(expect.any(String));
    const rest = await collect(source.inventory.items({ cursor: error!.cursor! }));
    expect([...seen, ...rest.map((item) => item.sku)].sort()).toEqual(skusOf(sandbox));
  });
});
