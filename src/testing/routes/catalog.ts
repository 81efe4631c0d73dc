import type { SandboxProduct, SandboxVariant } from '../catalog/catalog-model';
import type { CatalogState } from '../catalog/catalog-state';
import { errorResponse } from '../responses/error-body';
import { bytesResponse } from '../responses/bytes-response';
import { jsonResponse } from '../responses/json-response';
import { readPageRequest, type PageRequest } from '../responses/page-params';
import { respondV3List, v3ListBody } from '../responses/v3-list';
import type { RouteContext, SandboxRouter } from '../router';
import { sameText } from '../quirks';

/**
 * The catalog reads: products (optionally with their variants) and variants, with the filters
 * BigCommerce documents for them.
 * @see https://developer.bigcommerce.com/docs/rest-catalog/products#get-all-products
 * @see https://developer.bigcommerce.com/docs/rest-catalog/product-variants#get-all-variants
 */
export function registerCatalogRoutes(router: SandboxRouter): void {
  router.add({
    method: 'GET',
    path: '/v3/catalog/products',
    scope: 'store_v2_products_read_only',
    handler: ({ query, state, list }) => {
      const filter = productFilter(query, list, state.quirks.skuFilterCaseSensitive);
      if ('error' in filter) return filter.error;
      const paging = readPageRequest(query, 'v3');
      if ('error' in paging) return paging.error;
      const view = productViewOptions(query, list);
      const sort = query.get('sort') ?? 'id';
      const direction = query.get('direction') ?? 'asc';
      if (sort === 'id') {
        // Id order is the catalog's own order: find the id range by binary search and read only the
        // requested page, so a 100 000-product store answers as fast as a small one.
        const { total, items } = idOrderedPage(state.catalog, filter, paging.page, direction === 'desc');
        const { data: _none, ...envelope } = pageBody(items, total, paging.page);
        // Same bytes as JSON.stringify of the whole body, from per-product UTF-8 kept between
        // requests: the sandbox neither renders nor re-encodes a product it has sent before, and
        // the page's bytes go to the socket without another copy (see bytesResponse).
        const body = pageParts(
          items.map((product) => productJson(state.catalog, product, view)),
          encoder.encode('{"data":['),
          encoder.encode(`],${JSON.stringify(envelope).slice(1)}`),
        );
        return bytesResponse(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
      }
      const matching = [...state.catalog.products()].filter((product) => filter.test(product));
      sortProducts(matching, sort, direction);
      return jsonResponse(v3ListBody(matching.map((product) => productView(product, view)), paging.page));
    },
  });

  router.add({
    method: 'GET',
    path: '/v3/catalog/products/:product_id',
    scope: 'store_v2_products_read_only',
    handler: ({ params, query, state, list }) => {
      const product = state.catalog.getProduct(Number(params.product_id));
      if (!product) return errorResponse('v3', 404, { message: 'The requested product was not found.' });
      return jsonResponse({ data: productView(product, productViewOptions(query, list)), meta: {} });
    },
  });

  router.add({
    method: 'GET',
    path: '/v3/catalog/variants',
    scope: 'store_v2_products_read_only',
    handler: ({ query, state, list }) => {
      const id = numberParam(query, 'id');
      // `sku` is a single value: never split on commas.
      const sku = query.get('sku') ?? undefined;
      const caseSensitive = state.quirks.skuFilterCaseSensitive;
      const productIds = list('product_id:in')?.map(Number);
      const variants: SandboxVariant[] = [];
      for (const product of state.catalog.products()) {
        if (productIds && !productIds.includes(product.id)) continue;
        for (const variant of product.variants) {
          if (id !== undefined && variant.id !== id) continue;
          if (sku !== undefined && !sameText(variant.sku, sku, caseSensitive)) continue;
          variants.push(variant);
        }
      }
      return respondV3List(variants, query);
    },
  });
}

type ProductTest = (product: SandboxProduct) => boolean;

/** The parsed product filters: an id range, and tests for everything else. */
interface ProductFilter {
  /** Products with an id above this match (exclusive). */
  readonly idAbove: number;
  /** Products with an id up to this match (inclusive). */
  readonly idAtMost: number;
  /** The filters other than the id range; empty when there are none. */
  readonly tests: readonly ProductTest[];
  /** Every filter, the id range included. */
  readonly test: ProductTest;
}

/** The product filters the sandbox honours; an unparseable value is a 422, as on BigCommerce. */
function productFilter(query: URLSearchParams, list: RouteContext['list'], skuCaseSensitive: boolean): ProductFilter | { error: Response } {
  const tests: ProductTest[] = [];
  let idAbove = -Infinity;
  let idAtMost = Infinity;
  // Every id filter narrows one range: `id:min=5` is "above 4", `id:less=9` is "at most 8".
  const idFilters: Array<[string, (bound: number) => void]> = [
    ['id', (bound) => ((idAbove = Math.max(idAbove, bound - 1)), (idAtMost = Math.min(idAtMost, bound)))],
    ['id:min', (bound) => (idAbove = Math.max(idAbove, bound - 1))],
    ['id:max', (bound) => (idAtMost = Math.min(idAtMost, bound))],
    ['id:greater', (bound) => (idAbove = Math.max(idAbove, bound))],
    ['id:less', (bound) => (idAtMost = Math.min(idAtMost, bound - 1))],
  ];
  for (const [name, narrow] of idFilters) {
    const raw = query.get(name);
    if (raw === null) continue;
    const bound = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(bound)) return { error: invalidFilter(name) };
    narrow(bound);
  }
  const ids = list('id:in')?.map(Number);
  if (ids) tests.push((product) => ids.includes(product.id));
  const excludedIds = list('id:not_in')?.map(Number);
  if (excludedIds) tests.push((product) => !excludedIds.includes(product.id));

  const visible = query.get('is_visible');
  if (visible !== null) {
    if (!['true', 'false', '1', '0'].includes(visible)) return { error: invalidFilter('is_visible') };
    const wanted = visible === 'true' || visible === '1';
    tests.push((product) => product.is_visible === wanted);
  }
  for (const [name, compare] of [
    ['date_modified:min', (modifiedMs: number, boundMs: number) => modifiedMs >= boundMs],
    ['date_modified:max', (modifiedMs: number, boundMs: number) => modifiedMs <= boundMs],
  ] as const) {
    const raw = query.get(name);
    if (raw === null) continue;
    const boundMs = Date.parse(raw);
    if (Number.isNaN(boundMs)) return { error: invalidFilter(name) };
    tests.push((product) => compare(Date.parse(product.date_modified), boundMs));
  }
  // `sku` and `sku:in` match the product's main SKU only; case-insensitively unless the quirk says otherwise.
  const skus = list('sku:in') ?? (query.get('sku') === null ? undefined : [query.get('sku')!]);
  if (skus) tests.push((product) => skus.some((sku) => sameText(product.sku, sku, skuCaseSensitive)));
  const [low, high] = [idAbove, idAtMost];
  return {
    idAbove: low,
    idAtMost: high,
    tests,
    test: (product) => product.id > low && product.id <= high && tests.every((test) => test(product)),
  };
}

/** One page of the products matching `filter` in id order, and how many match in all. */
function idOrderedPage(catalog: CatalogState, filter: ProductFilter, request: PageRequest, descending: boolean) {
  const sorted = catalog.productsById();
  const start = catalog.indexAfterId(filter.idAbove);
  const end = filter.idAtMost === Infinity ? sorted.length : catalog.indexAfterId(filter.idAtMost);
  const skip = (request.page - 1) * request.limit;
  if (filter.tests.length === 0) {
    const total = Math.max(0, end - start);
    const items: SandboxProduct[] = [];
    for (let rank = skip; rank < Math.min(total, skip + request.limit); rank += 1) {
      items.push(sorted[descending ? end - 1 - rank : start + rank]!);
    }
    return { total, items };
  }
  const matching: SandboxProduct[] = [];
  for (let index = start; index < end; index += 1) {
    const product = sorted[index]!;
    if (filter.tests.every((test) => test(product))) matching.push(product);
  }
  if (descending) matching.reverse();
  return { total: matching.length, items: matching.slice(skip, skip + request.limit) };
}

/** A v3 list body for one page whose items are already picked: `v3ListBody` without the full list. */
function pageBody<T>(data: T[], total: number, request: PageRequest) {
  const { page, limit } = request;
  const totalPages = Math.ceil(total / limit);
  const link = (target: number) => `?page=${target}&limit=${limit}`;
  return {
    data,
    meta: {
      pagination: {
        total,
        count: data.length,
        per_page: limit,
        current_page: page,
        total_pages: totalPages,
        links: {
          ...(page > 1 ? { previous: link(page - 1) } : {}),
          current: link(page),
          ...(page < totalPages ? { next: link(page + 1) } : {}),
        },
      },
    },
  };
}

const SORT_KEYS: Readonly<Record<string, (product: SandboxProduct) => string | number>> = {
  id: (product) => product.id,
  name: (product) => product.name,
  sku: (product) => product.sku,
  price: (product) => product.price,
  date_modified: (product) => Date.parse(product.date_modified),
};

function sortProducts(products: SandboxProduct[], sort: string, direction: string): void {
  const key = SORT_KEYS[sort] ?? SORT_KEYS.id!;
  const sign = direction === 'desc' ? -1 : 1;
  // Ties broken by id, so a sort is a total order and pages never overlap.
  products.sort((a, b) => {
    const [left, right] = [key(a), key(b)];
    return (left < right ? -1 : left > right ? 1 : a.id - b.id) * sign;
  });
}

/** How to show products: with variants or not, and which fields (`include_fields`; `id` always). */
interface ProductViewOptions {
  readonly includeVariants: boolean;
  readonly fields: ReadonlySet<string> | undefined;
  /** Identifies the view, for the JSON cache. */
  readonly key: string;
}

function productViewOptions(query: URLSearchParams, list: RouteContext['list']): ProductViewOptions {
  const includeFields = list('include_fields');
  const includeVariants = (query.get('include') ?? '').split(',').includes('variants');
  return {
    includeVariants,
    fields: includeFields ? new Set(['id', ...includeFields]) : undefined,
    key: `${includeVariants}:${includeFields?.join(',') ?? '*'}`,
  };
}

/**
 * Rendered product JSON, per product object, view and revision: a 100 000-product benchmark asks
 * for every product once per run, and rendering 250 products with their variants per request would
 * make the sandbox, not the client, the bottleneck.
 */
const renderedProducts = new WeakMap<SandboxProduct, Map<string, { readonly revision: number; readonly json: Uint8Array }>>();
const encoder = new TextEncoder();
const COMMA = encoder.encode(',');

function productJson(catalog: CatalogState, product: SandboxProduct, view: ProductViewOptions): Uint8Array {
  const revision = catalog.revision(product.id);
  let views = renderedProducts.get(product);
  const cached = views?.get(view.key);
  if (cached && cached.revision === revision) return cached.json;
  const json = encoder.encode(JSON.stringify(productView(product, view)));
  if (!views) renderedProducts.set(product, (views = new Map()));
  views.set(view.key, { revision, json });
  return json;
}

/** `head`, then `parts` separated by commas, then `tail`: the arrays themselves, nothing copied. */
function pageParts(parts: readonly Uint8Array[], head: Uint8Array, tail: Uint8Array): Uint8Array[] {
  const all: Uint8Array[] = [head];
  parts.forEach((part, index) => {
    if (index > 0) all.push(COMMA);
    all.push(part);
  });
  all.push(tail);
  return all;
}

/**
 * A product as the API shows it: `variants` only with `include=variants`; with `include_fields`,
 * only `id` and the listed fields ("The ID and the specified fields will be returned").
 * @see https://developer.bigcommerce.com/docs/rest-catalog/products#get-all-products
 */
function productView(product: SandboxProduct, options: ProductViewOptions): Partial<SandboxProduct> {
  const { variants, base_variant_id, ...fields } = product;
  // products_catalog.v3.yml declares base_variant_id a (non-nullable) integer; a product with
  // options has no base variant, so the field is left out rather than sent as null.
  const all: Record<string, unknown> = { ...fields, ...(base_variant_id === null ? {} : { base_variant_id }) };
  let shown = all;
  if (options.fields) {
    shown = {};
    for (const key of options.fields) if (key in all) shown[key] = all[key];
  }
  if (options.includeVariants) shown.variants = variants;
  return shown as Partial<SandboxProduct>;
}

function numberParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  return raw === null ? undefined : Number(raw);
}

function invalidFilter(name: string): Response {
  return errorResponse('v3', 422, { message: 'The filter is invalid.', errors: { [name]: `Invalid value for ${name}.` } });
}
