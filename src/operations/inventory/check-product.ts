import { ResponseValidationError } from '../../errors/response-validation-error';
import { describeIssues, toFieldIssues, withMessages } from '../../internal/zod-issues';
import { catalogProductSchema, type CatalogProduct } from './catalog-schemas';

/**
 * Checks one product of a page. A malformed product fails the sync with an error naming it and the
 * field (`product 77: variants[2].price: …`), never a silent skip: a feed missing a SKU looks
 * exactly like a SKU the supplier stopped selling.
 *
 * The common case (a well-formed product) goes through {@link isWellFormedProduct}, a hand-written
 * check of the same fields that is several times cheaper than zod on a 250-product page. It accepts
 * only what {@link catalogProductSchema} accepts; anything it rejects is handed to the schema, so
 * the result and the error (issues, paths, messages) are exactly the schema's.
 * @throws {@link ResponseValidationError}; `issues` paths start at the body (`data[4].variants[2].price`).
 */
export function checkProduct(raw: unknown, index: number, request: { method: string; path: string }): CatalogProduct {
  // The checked fields are read in place: the normalizer reads nothing else.
  if (isWellFormedProduct(raw)) return raw;
  const result = catalogProductSchema.safeParse(raw, withMessages);
  if (result.success) return result.data;
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  const which = typeof id === 'number' ? `product ${id}` : `the product at data[${index}]`;
  throw new ResponseValidationError(
    `${request.method} ${request.path} returned an invalid ${which}: ${describeIssues(toFieldIssues(result.error))}`,
    { ...request, issues: toFieldIssues(result.error, `data[${index}]`) },
  );
}

type Fields = Record<string, unknown>;

const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isInteger = (value: unknown): value is number => Number.isSafeInteger(value);
const isNullableNumber = (value: unknown) => value === null || isNumber(value);
const isOptionalText = (value: unknown) => value === undefined || value === null || typeof value === 'string';

/** The last `date_modified` that parsed: a page's products often share one, and `Date.parse` is not free. */
let lastValidDate: string | undefined;

/** True only when {@link catalogProductSchema} accepts `raw` as it is (stricter is fine: the schema decides then). */
export function isWellFormedProduct(raw: unknown): raw is CatalogProduct {
  if (!isRecord(raw)) return false;
  const p = raw;
  if (
    !(
      isInteger(p.id) &&
      typeof p.name === 'string' &&
      typeof p.sku === 'string' &&
      isInteger(p.brand_id) &&
      (p.inventory_tracking === 'none' || p.inventory_tracking === 'product' || p.inventory_tracking === 'variant') &&
      isNumber(p.inventory_level) &&
      typeof p.is_visible === 'boolean' &&
      (p.availability === 'available' || p.availability === 'disabled' || p.availability === 'preorder') &&
      isNumber(p.price) &&
      isNumber(p.sale_price) &&
      isNumber(p.retail_price) &&
      isNumber(p.map_price) &&
      isNumber(p.cost_price) &&
      isNumber(p.weight) &&
      isNumber(p.width) &&
      isNumber(p.height) &&
      isNumber(p.depth) &&
      isOptionalText(p.upc) &&
      isOptionalText(p.gtin) &&
      isOptionalText(p.mpn) &&
      (p.base_variant_id === undefined || p.base_variant_id === null || isInteger(p.base_variant_id))
    )
  ) {
    return false;
  }
  const date = p.date_modified;
  if (typeof date !== 'string') return false;
  if (date !== lastValidDate) {
    if (Number.isNaN(Date.parse(date))) return false;
    lastValidDate = date;
  }
  const variants = p.variants;
  if (!Array.isArray(variants) || variants.length === 0) return false;
  for (let index = 0; index < variants.length; index += 1) {
    if (!isWellFormedVariant(variants[index])) return false;
  }
  return true;
}

function isWellFormedVariant(raw: unknown): boolean {
  if (!isRecord(raw)) return false;
  const v = raw;
  if (
    !(
      isInteger(v.id) &&
      typeof v.sku === 'string' &&
      isNullableNumber(v.price) &&
      isNullableNumber(v.sale_price) &&
      isNullableNumber(v.retail_price) &&
      isNullableNumber(v.cost_price) &&
      isNullableNumber(v.weight) &&
      isNullableNumber(v.width) &&
      isNullableNumber(v.height) &&
      isNullableNumber(v.depth) &&
      isNullableNumber(v.inventory_level) &&
      typeof v.purchasing_disabled === 'boolean' &&
      isOptionalText(v.upc) &&
      isOptionalText(v.gtin) &&
      isOptionalText(v.mpn) &&
      isOptionalText(v.image_url)
    )
  ) {
    return false;
  }
  const options = v.option_values;
  if (!Array.isArray(options)) return false;
  for (let index = 0; index < options.length; index += 1) {
    const option: unknown = options[index];
    if (!isRecord(option) || typeof option.label !== 'string' || typeof option.option_display_name !== 'string') return false;
  }
  return true;
}
