import type { FieldIssue } from '../../errors/field-issue';
import { UnknownSkuError } from '../../errors/unknown-sku-error';
import { ValidationError } from '../../errors/validation-error';
import type { HttpClient } from '../../internal/http-client';
import { readAllV3Pages } from '../../internal/v3-pages';
import type { RequestOptions } from '../../internal/request-options';
import { chunk } from '../../internal/chunk';
import type { ValidPurchaseOrder } from './purchase-order';
import {
  inventoryItemListResponseSchema,
  productListResponseSchema,
  variantListResponseSchema,
} from './response-schemas';

/**
 * The most SKUs (or product ids) in one lookup. BigCommerce documents no limit for `:in` lists,
 * but a URL past ~8 KB is refused by proxies; 50 SKUs of up to 255 characters stay well below.
 */
export const LOOKUP_BATCH_SIZE = 50;

/**
 * The most SKUs of one purchase order looked up one at a time (`/v3/catalog/variants?sku=`) after
 * the batches missed them. More than that still missing is an {@link UnknownSkuError} naming them.
 */
export const MAX_SINGLE_SKU_LOOKUPS = 10;

/** A purchase order line with the catalog ids an order line needs. */
export interface ResolvedLine {
  /** The SKU as the purchase order spelt it. */
  readonly sku: string;
  readonly productId: number;
  readonly variantId: number;
  readonly quantity: number;
  readonly unitPrice: number | undefined;
}

interface Identity {
  readonly productId: number;
  readonly variantId: number;
}

/**
 * Resolves every SKU of the purchase order to `product_id` + `variant_id`, in batches:
 *
 * 1. `GET /v3/inventory/items?sku:in=…` (≤ 50 SKUs each): the only batch filter on variant SKUs.
 *    Needs `store_inventory_read_only`. The common case ends here, plus step 5.
 * 2. For SKUs still missing, `GET /v3/catalog/products?sku:in=…`, which matches a product's main
 *    SKU only: a simple product's SKU resolves to its `base_variant_id`. Inventory items may list
 *    only variants tracked by variant, so a simple product tracked by product or not at all is
 *    found here.
 * 3. For SKUs still missing, their all-upper and all-lower case forms through both filters again:
 *    the case of the filters is undocumented, and on a store whose filters compare case-sensitively
 *    `tee-s` must still find `TEE-S`.
 * 4. For each SKU still missing (at most {@link MAX_SINGLE_SKU_LOOKUPS}), `GET
 *    /v3/catalog/variants?sku=…`, then its case forms the same way for those still missing: a
 *    variant of a product that does not track by variant may be absent from inventory items, and
 *    a SKU holding `,` cannot go in an `:in` list at all (BigCommerce decodes the query before it
 *    splits lists on commas).
 * 5. `GET /v3/catalog/variants?product_id:in=…` (≤ 50 products each) for `purchasing_disabled`,
 *    which inventory items do not carry.
 *
 * n SKUs found by step 1 cost 2 × ⌈n / 50⌉ requests, as before; the worst case is
 * 3 × ⌈n / 50⌉ + 2 × ⌈n / 25⌉ + 30 (see `docs/orders.md`). Answers are matched back to the lines
 * case-insensitively: BigCommerce keeps SKUs "unique regardless of the letter case".
 *
 * @throws {@link UnknownSkuError} naming every SKU the store does not have.
 * @throws {@link ValidationError} naming every SKU that cannot be bought.
 * @see https://developer.bigcommerce.com/docs/rest-management/inventory/items
 * @see https://developer.bigcommerce.com/docs/rest-catalog/product-variants#get-all-variants
 * @see https://developer.bigcommerce.com/docs/start/about/common-query-params
 */
export async function resolveSkus(http: HttpClient, po: ValidPurchaseOrder, options: RequestOptions): Promise<ResolvedLine[]> {
  // Keyed by the lower-cased SKU; the filters get the PO's own spelling (the first one seen).
  const wanted = new Map<string, string>();
  for (const item of po.items) if (!wanted.has(item.sku.toLowerCase())) wanted.set(item.sku.toLowerCase(), item.sku);
  const found = new Map<string, Identity>();
  const parentSkus = new Set<string>();
  const missing = () => [...wanted].filter(([lower]) => !found.has(lower) && !parentSkus.has(lower)).map(([, spelt]) => spelt);
  // A value holding a comma would be split by the store; such SKUs go to the single-SKU lookup.
  const listable = (skus: readonly string[]) => skus.filter((sku) => !sku.includes(','));

  const byInventory = async (skus: readonly string[]) => {
    const items = await batched(skus, (batch) =>
      readAllV3Pages(http, { path: '/v3/inventory/items', query: { 'sku:in': batch, limit: 250 }, schema: inventoryItemListResponseSchema }, options),
    );
    for (const item of items) found.set(item.identity.sku.toLowerCase(), { productId: item.identity.product_id, variantId: item.identity.variant_id });
  };
  const byMainSku = async (skus: readonly string[]) => {
    const products = await batched(skus, (batch) =>
      readAllV3Pages(http, { path: '/v3/catalog/products', query: { 'sku:in': batch, include_fields: ['sku', 'base_variant_id'], limit: 250 }, schema: productListResponseSchema }, options),
    );
    for (const product of products) {
      const sku = product.sku.toLowerCase();
      if (typeof product.base_variant_id === 'number') found.set(sku, { productId: product.id, variantId: product.base_variant_id });
      else parentSkus.add(sku);
    }
  };

  await byInventory(listable([...wanted.values()]));
  await byMainSku(listable(missing()));
  const caseForms = listable(missing()).flatMap((sku) => [...new Set([sku.toUpperCase(), sku.toLowerCase()])].filter((form) => form !== sku));
  await Promise.all([byInventory(caseForms), byMainSku(caseForms)]);

  if (missing().length > MAX_SINGLE_SKU_LOOKUPS) throwIfUnknown(po, (sku) => found.has(sku) || parentSkus.has(sku));
  const bySku = async (skus: readonly string[]) => {
    const singles = await Promise.all(
      skus.map((sku) =>
        readAllV3Pages(http, { path: '/v3/catalog/variants', query: { sku, include_fields: ['product_id', 'sku', 'purchasing_disabled'], limit: 250 }, schema: variantListResponseSchema }, options),
      ),
    );
    for (const variant of singles.flat()) {
      if (typeof variant.sku === 'string') found.set(variant.sku.toLowerCase(), { productId: variant.product_id, variantId: variant.id });
    }
  };
  await bySku(missing());
  // The case forms of what is still missing, one by one: a SKU holding a comma never went in a batch.
  await bySku(missing().flatMap((sku) => [...new Set([sku.toUpperCase(), sku.toLowerCase()])].filter((form) => form !== sku)));
  throwIfUnknown(po, (sku) => found.has(sku) || parentSkus.has(sku));

  const productIds = [...new Set([...found.values()].map((identity) => identity.productId))];
  const variants = await batched(productIds, (ids) =>
    readAllV3Pages(http, { path: '/v3/catalog/variants', query: { 'product_id:in': ids, include_fields: ['product_id', 'sku', 'purchasing_disabled'], limit: 250 }, schema: variantListResponseSchema }, options),
  );
  const purchasable = new Map(variants.map((variant) => [variant.id, variant.purchasing_disabled !== true]));
  // A variant deleted between the lookups is as unknown as one that never existed.
  throwIfUnknown(po, (sku) => parentSkus.has(sku) || purchasable.has(found.get(sku)?.variantId ?? -1));
  throwIfNotPurchasable(po, parentSkus, (sku) => purchasable.get(found.get(sku)?.variantId ?? -1) === true);

  return po.items.map((item) => {
    const identity = found.get(item.sku.toLowerCase())!;
    return { sku: item.sku, productId: identity.productId, variantId: identity.variantId, quantity: item.quantity, unitPrice: item.unitPrice };
  });
}

/** Runs `lookup` on slices of at most {@link LOOKUP_BATCH_SIZE} values, in parallel; nothing for no values. */
async function batched<V, T>(values: readonly V[], lookup: (batch: V[]) => Promise<T[]>): Promise<T[]> {
  const pages = await Promise.all(chunk(values, LOOKUP_BATCH_SIZE).map(lookup));
  return pages.flat();
}

function throwIfUnknown(po: ValidPurchaseOrder, known: (lowerSku: string) => boolean): void {
  const issues: FieldIssue[] = [];
  const skus: string[] = [];
  const seen = new Set<string>();
  po.items.forEach((item, index) => {
    const lower = item.sku.toLowerCase();
    if (known(lower)) return;
    issues.push({ path: `items[${index}].sku`, message: `unknown SKU ${JSON.stringify(item.sku)}` });
    if (!seen.has(lower)) skus.push(item.sku);
    seen.add(lower);
  });
  if (skus.length === 0) return;
  const list = skus.map((sku) => JSON.stringify(sku)).join(', ');
  throw new UnknownSkuError(`Purchase order ${JSON.stringify(po.poNumber)} names SKUs the store does not have: ${list}. Nothing was sent.`, skus, issues);
}

function throwIfNotPurchasable(po: ValidPurchaseOrder, parentSkus: ReadonlySet<string>, purchasable: (lowerSku: string) => boolean): void {
  const issues: FieldIssue[] = [];
  po.items.forEach((item, index) => {
    const lower = item.sku.toLowerCase();
    if (parentSkus.has(lower)) {
      issues.push({ path: `items[${index}].sku`, message: `${JSON.stringify(item.sku)} is the main SKU of a product with options; order one of its variant SKUs` });
    } else if (!purchasable(lower)) {
      issues.push({ path: `items[${index}].sku`, message: `${JSON.stringify(item.sku)} cannot be purchased (purchasing_disabled)` });
    }
  });
  if (issues.length === 0) return;
  throw new ValidationError(
    `Purchase order ${JSON.stringify(po.poNumber)} has lines that cannot be ordered: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}. Nothing was sent.`,
    issues,
  );
}
