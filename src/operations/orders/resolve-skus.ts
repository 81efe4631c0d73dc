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
 * 1. `GET /v3/inventory/items?sku:in=…` (≤ 50 SKUs each): the only batch filter on variant SKUs;
 *    `/v3/catalog/variants` filters by one `sku` at a time. Needs `store_inventory_read_only`.
 * 2. For SKUs still missing, `GET /v3/catalog/products?sku:in=…`, which matches a product's main
 *    SKU only: a simple product's SKU resolves to its `base_variant_id`.
 * 3. `GET /v3/catalog/variants?product_id:in=…` (≤ 50 products each) for `purchasing_disabled`,
 *    which inventory items do not carry.
 *
 * So n SKUs of distinct products cost 2 × ⌈n / 50⌉ requests, plus ⌈m / 50⌉ for m SKUs found only
 * as a product's main SKU. SKUs compare case-insensitively: BigCommerce keeps them "unique
 * regardless of the letter case", and its filters match them that way; the answers are matched
 * back to the lines case-insensitively too.
 *
 * @throws {@link UnknownSkuError} naming every SKU the store does not have.
 * @throws {@link ValidationError} naming every SKU that cannot be bought.
 * @see https://developer.bigcommerce.com/docs/rest-management/inventory/items
 * @see https://developer.bigcommerce.com/docs/rest-catalog/product-variants#get-all-variants
 */
export async function resolveSkus(http: HttpClient, po: ValidPurchaseOrder, options: RequestOptions): Promise<ResolvedLine[]> {
  // Keyed by the lower-cased SKU; the filters get the PO's own spelling (the first one seen).
  const wanted = new Map<string, string>();
  for (const item of po.items) if (!wanted.has(item.sku.toLowerCase())) wanted.set(item.sku.toLowerCase(), item.sku);
  const found = new Map<string, Identity>();

  const inventoryPages = await Promise.all(
    chunk([...wanted.values()], LOOKUP_BATCH_SIZE).map((skus) =>
      readAllV3Pages(http, { path: '/v3/inventory/items', query: { 'sku:in': skus, limit: 250 }, schema: inventoryItemListResponseSchema }, options),
    ),
  );
  for (const item of inventoryPages.flat()) {
    found.set(item.identity.sku.toLowerCase(), { productId: item.identity.product_id, variantId: item.identity.variant_id });
  }

  const parentSkus = new Set<string>();
  const missing = [...wanted].filter(([lower]) => !found.has(lower)).map(([, spelt]) => spelt);
  const productPages = await Promise.all(
    chunk(missing, LOOKUP_BATCH_SIZE).map((skus) =>
      readAllV3Pages(http, { path: '/v3/catalog/products', query: { 'sku:in': skus, include_fields: ['sku', 'base_variant_id'], limit: 250 }, schema: productListResponseSchema }, options),
    ),
  );
  for (const product of productPages.flat()) {
    const sku = product.sku.toLowerCase();
    if (typeof product.base_variant_id === 'number') found.set(sku, { productId: product.id, variantId: product.base_variant_id });
    else parentSkus.add(sku);
  }
  throwIfUnknown(po, (sku) => found.has(sku) || parentSkus.has(sku));

  const productIds = [...new Set([...found.values()].map((identity) => identity.productId))];
  const variantPages = await Promise.all(
    chunk(productIds, LOOKUP_BATCH_SIZE).map((ids) =>
      readAllV3Pages(http, { path: '/v3/catalog/variants', query: { 'product_id:in': ids, include_fields: ['product_id', 'sku', 'purchasing_disabled'], limit: 250 }, schema: variantListResponseSchema }, options),
    ),
  );
  const purchasable = new Map(variantPages.flat().map((variant) => [variant.id, variant.purchasing_disabled !== true]));
  // A variant deleted between the lookups is as unknown as one that never existed.
  throwIfUnknown(po, (sku) => parentSkus.has(sku) || purchasable.has(found.get(sku)?.variantId ?? -1));
  throwIfNotPurchasable(po, parentSkus, (sku) => purchasable.get(found.get(sku)?.variantId ?? -1) === true);

  return po.items.map((item) => {
    const identity = found.get(item.sku.toLowerCase())!;
    return { sku: item.sku, productId: identity.productId, variantId: identity.variantId, quantity: item.quantity, unitPrice: item.unitPrice };
  });
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

