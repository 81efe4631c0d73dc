import { describe, expect, it } from 'vitest';
import { ResponseValidationError, ServerError } from '../../../src/index';
import { resumeCursorOf } from '../../../src/operations/inventory';
import { mutateCatalog, seedCatalog } from '../../../src/testing/catalog/catalog-generator';
import { sourceFor } from '../../helpers/sandbox-source';
import { collect, productRequests, setup, skusOf } from './inventory-fixtures';

const PRODUCTS = { method: 'GET', path: '/v3/catalog/products' } as const;

describe('exactly once under faults', () => {
  it('429s with and without headers, 5xx, dropped and hung requests: every SKU once', async () => {
    const { sandbox, source } = setup({}, { timeoutMs: 300, maxRetries: 5 });
    seedCatalog(sandbox.catalog, { products: 120, seed: 11 });
    const faults = () => {
      // Injected once the workers run in parallel, so their retries overlap.
      sandbox.injectFault({ kind: 'status', status: 429, headers: { 'X-Rate-Limit-Time-Reset-Ms': '30', 'X-Rate-Limit-Requests-Left': '0' } }, { match: PRODUCTS });
      sandbox.injectFault({ kind: 'status', status: 429 }, { match: PRODUCTS });
      sandbox.injectFault({ kind: 'status', status: 503 }, { match: PRODUCTS });
      sandbox.injectFault({ kind: 'drop' }, { match: PRODUCTS });
      sandbox.injectFault({ kind: 'status', status: 500 }, { match: PRODUCTS });
      sandbox.injectFault({ kind: 'hang' }, { match: PRODUCTS });
      sandbox.injectFault({ kind: 'html-error', status: 502 }, { match: PRODUCTS });
      sandbox.injectFault({ kind: 'malformed-json' }, { match: PRODUCTS });
    };
    const items = [];
    for await (const page of source.inventory.pages({ pageSize: 10 })) {
      if (items.length === 0) faults();
      items.push(...page.items);
    }
    expect(items.map((item) => item.sku).sort()).toEqual(skusOf(sandbox));
    // Each of the eight faults cost a retried request on top of the twelve pages.
    expect(productRequests(sandbox).length).toBeGreaterThanOrEqual(Math.ceil(120 / 10) + 8);
  });

  it('when retries run out, throws with the cursor of the last complete page; resuming finishes the sync', async () => {
    const { sandbox, source } = setup({}, { maxRetries: 1 });
    seedCatalog(sandbox.catalog, { products: 60, seed: 12 });
    const seen: string[] = [];
    let pages = 0;
    const error = await (async () => {
      try {
        for await (const page of source.inventory.pages({ pageSize: 5 })) {
          seen.push(...page.items.map((item) => item.sku));
          if (++pages === 3) sandbox.injectFault({ kind: 'status', status: 503 }, { match: PRODUCTS, times: Infinity });
        }
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ServerError);
    const cursor = resumeCursorOf(error);
    expect(cursor).toEqual(expect.any(String));
    expect((error as { toJSON(): Record<string, unknown> }).toJSON()).toHaveProperty('cursor', cursor);
    sandbox.clearFaults();
    const rest = await collect(source.inventory.items({ cursor }));
    expect([...seen, ...rest.map((item) => item.sku)].sort()).toEqual(skusOf(sandbox));
  });

  it('a malformed product is a ResponseValidationError naming the product and field, never a skip', async () => {
    const { sandbox, source } = setup();
    seedCatalog(sandbox.catalog, { products: 10, seed: 13 });
    const product = sandbox.catalog.getProduct(7)!;
    sandbox.catalog.updateVariant(product.variants.at(-1)!.id, { price: 'twelve' as never });
    const failure = await collect(source.inventory.items({ pageSize: 3 })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ResponseValidationError);
    const error = failure as ResponseValidationError;
    expect(error.message).toMatch(new RegExp(`product 7: variants\\[${product.variants.length - 1}\\]\\.price`));
    expect(error.issues[0]?.path).toBe(`data[0].variants[${product.variants.length - 1}].price`);
    expect(resumeCursorOf(error)).toEqual(expect.any(String));
  });
});

describe('drift: the catalog changes while the sync runs', () => {
  it('products added, changed and deleted mid-sync make no other product skipped or repeated', async () => {
    let seed = 100;
    let mutating = false;
    const { sandbox, source } = setup({
      latencyMs: (request) => {
        // A merchant at work: three changes before each page request is answered.
        if (mutating && request.path === '/v3/catalog/products') mutateCatalog(sandbox.catalog, { count: 3, seed: seed++ });
        return 1;
      },
    });
    seedCatalog(sandbox.catalog, { products: 400, seed: 14 });
    const before = new Map([...sandbox.catalog.products()].map((product) => [product.id, product.variants.map((variant) => variant.sku)]));
    mutating = true;
    const items = await collect(source.inventory.items({ pageSize: 7 }));
    mutating = false;
    const variantIds = items.map((item) => item.variantId);
    expect(new Set(variantIds).size).toBe(variantIds.length);
    const survivors = [...before.keys()].filter((id) => sandbox.catalog.getProduct(id));
    expect(survivors.length).toBeLessThan(before.size);
    const yielded = new Set(items.map((item) => item.sku));
    for (const id of survivors) for (const sku of before.get(id)!) expect(yielded.has(sku), `${sku} of product ${id}`).toBe(true);
  });
});

describe('short pages', () => {
  it('reads on when a page is short but the store counts more: every SKU once', async () => {
    const { sandbox } = setup();
    seedCatalog(sandbox.catalog, { products: 1000, seed: 21 });
    // A store (or a proxy) that sends at most half the limit per catalog page, with the true total.
    const halfPages: typeof fetch = async (input, init) => {
      const response = await sandbox.fetch(input, init);
      if (!String(input).includes('/v3/catalog/products')) return response;
      const body = (await response.json()) as { data: unknown[]; meta: unknown };
      const limit = Number(new URL(String(input)).searchParams.get('limit'));
      return Response.json({ ...body, data: body.data.slice(0, Math.ceil(limit / 2)) }, { status: response.status, headers: response.headers });
    };
    const source = sourceFor(sandbox, { fetch: halfPages });
    const skus = (await collect(source.inventory.items({ pageSize: 250 }))).map((item) => item.sku);
    expect(skus.length).toBe(new Set(skus).size);
    expect(skus.sort()).toEqual(skusOf(sandbox));
  });
});
