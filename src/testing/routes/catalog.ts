import type { SandboxProduct, SandboxVariant } from '../catalog/catalog-model';
import { errorResponse } from '../responses/error-body';
import { jsonResponse } from '../responses/json-response';
import { respondV3List } from '../responses/v3-list';
import type { SandboxRouter } from '../router';

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
    handler: ({ query, state }) => {
      const filter = productFilter(query);
      if ('error' in filter) return filter.error;
      const matching = [...state.catalog.products()].filter(filter.test);
      sortProducts(matching, query.get('sort') ?? 'id', query.get('direction') ?? 'asc');
      const includeVariants = (query.get('include') ?? '').split(',').includes('variants');
      return respondV3List(matching.map((product) => productView(product, includeVariants)), query);
    },
  });

  router.add({
    method: 'GET',
    path: '/v3/catalog/products/:product_id',
    scope: 'store_v2_products_read_only',
    handler: ({ params, query, state }) => {
      const product = state.catalog.getProduct(Number(params.product_id));
      if (!product) return errorResponse('v3', 404, { message: 'The requested product was not found.' });
      const includeVariants = (query.get('include') ?? '').split(',').includes('variants');
      return jsonResponse({ data: productView(product, includeVariants), meta: {} });
    },
  });

  router.add({
    method: 'GET',
    path: '/v3/catalog/variants',
    scope: 'store_v2_products_read_only',
    handler: ({ query, state }) => {
      const id = numberParam(query, 'id');
      const sku = query.get('sku')?.toLowerCase();
      const productIds = listParam(query, 'product_id:in')?.map(Number);
      const variants: SandboxVariant[] = [];
      for (const product of state.catalog.products()) {
        if (productIds && !productIds.includes(product.id)) continue;
        for (const variant of product.variants) {
          if (id !== undefined && variant.id !== id) continue;
          if (sku !== undefined && variant.sku.toLowerCase() !== sku) continue;
          variants.push(variant);
        }
      }
      return respondV3List(variants, query);
    },
  });
}

type ProductTest = (product: SandboxProduct) => boolean;

/** The product filters the sandbox honours; an unparseable value is a 422, as on BigCommerce. */
function productFilter(query: URLSearchParams): { test: ProductTest } | { error: Response } {
  const tests: ProductTest[] = [];
  const idFilters: Array<[string, (id: number, bound: number) => boolean]> = [
    ['id', (id, bound) => id === bound],
    ['id:min', (id, bound) => id >= bound],
    ['id:max', (id, bound) => id <= bound],
    ['id:greater', (id, bound) => id > bound],
    ['id:less', (id, bound) => id < bound],
  ];
  for (const [name, compare] of idFilters) {
    const raw = query.get(name);
    if (raw === null) continue;
    const bound = Number(raw);
    if (!Number.isInteger(bound)) return { error: invalidFilter(name) };
    tests.push((product) => compare(product.id, bound));
  }
  const ids = listParam(query, 'id:in')?.map(Number);
  if (ids) tests.push((product) => ids.includes(product.id));
  const excludedIds = listParam(query, 'id:not_in')?.map(Number);
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
  // `sku` and `sku:in` match the product's main SKU only, case-insensitively.
  const skus = listParam(query, 'sku:in') ?? (query.get('sku') === null ? undefined : [query.get('sku')!]);
  if (skus) {
    const wanted = new Set(skus.map((sku) => sku.toLowerCase()));
    tests.push((product) => wanted.has(product.sku.toLowerCase()));
  }
  return { test: (product) => tests.every((test) => test(product)) };
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

/** A product as the API shows it: `variants` only with `include=variants`. */
function productView(product: SandboxProduct, includeVariants: boolean): Omit<SandboxProduct, 'variants' | 'base_variant_id'> & Partial<SandboxProduct> {
  const { variants, base_variant_id, ...fields } = product;
  // products_catalog.v3.yml declares base_variant_id a (non-nullable) integer; a product with
  // options has no base variant, so the field is left out rather than sent as null.
  return {
    ...fields,
    ...(base_variant_id === null ? {} : { base_variant_id }),
    ...(includeVariants ? { variants } : {}),
  };
}

function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.get(name);
  return raw === null ? undefined : raw.split(',').filter((item) => item !== '');
}

function numberParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  return raw === null ? undefined : Number(raw);
}

function invalidFilter(name: string): Response {
  return errorResponse('v3', 422, { message: 'The filter is invalid.', errors: { [name]: `Invalid value for ${name}.` } });
}
