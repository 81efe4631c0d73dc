import { ResponseValidationError } from '../../errors/response-validation-error';
import { describeIssues, toFieldIssues } from '../../internal/zod-issues';
import { catalogProductSchema, type CatalogProduct } from './catalog-schemas';

/**
 * Checks one product of a page. A malformed product fails the sync with an error naming it and the
 * field (`product 77: variants[2].price: …`), never a silent skip: a feed missing a SKU looks
 * exactly like a SKU the supplier stopped selling.
 * @throws {@link ResponseValidationError}; `issues` paths start at the body (`data[4].variants[2].price`).
 */
export function checkProduct(raw: unknown, index: number, request: { method: string; path: string }): CatalogProduct {
  const result = catalogProductSchema.safeParse(raw);
  if (result.success) return result.data;
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  const which = typeof id === 'number' ? `product ${id}` : `the product at data[${index}]`;
  throw new ResponseValidationError(
    `${request.method} ${request.path} returned an invalid ${which}: ${describeIssues(toFieldIssues(result.error))}`,
    { ...request, issues: toFieldIssues(result.error, `data[${index}]`) },
  );
}
