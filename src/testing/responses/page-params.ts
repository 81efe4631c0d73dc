import type { ApiVersion } from '../api-version';
import { errorResponse } from './error-body';

/** How a list route pages. */
export interface ListOptions {
  /**
   * Items per page when the request sends no `limit`.
   * @default 50
   */
  readonly defaultLimit?: number;
  /**
   * The largest `limit` accepted; a larger one is answered with 413, as BigCommerce does.
   * @default 250
   */
  readonly maxLimit?: number;
}

/** A page requested with `page` (1-based) and `limit`. */
export interface PageRequest {
  readonly page: number;
  readonly limit: number;
}

/** The default of {@link ListOptions.defaultLimit}: BigCommerce's `limit` default on v2 and v3. */
export const DEFAULT_PAGE_LIMIT = 50;

/**
 * The default of {@link ListOptions.maxLimit}. products_catalog.v3.yml declares `maximum: 250` for
 * `limit`; v2 declares none, but answers 413 above 250 in practice.
 * @see https://github.com/bigcommerce/bigcommerce-api-python/issues/59
 */
export const MAX_PAGE_LIMIT = 250;

const POSITIVE_INTEGER = /^[1-9]\d{0,8}$/;

/**
 * Reads `page` and `limit` from a query, or the error response BigCommerce would give: 413 for a
 * `limit` above the maximum (v2 with `details.max_limit`, as BigCommerce sends it), and, the
 * sandbox's own choice, 400 (v2) or 422 (v3) for a value that is not a positive integer, so that a
 * client sending junk fails loudly instead of silently getting page 1.
 */
export function readPageRequest(
  query: URLSearchParams,
  version: ApiVersion,
  options: ListOptions = {},
): { readonly page: PageRequest } | { readonly error: Response } {
  const defaultLimit = options.defaultLimit ?? DEFAULT_PAGE_LIMIT;
  const maxLimit = options.maxLimit ?? MAX_PAGE_LIMIT;
  const invalid: Record<string, string> = {};
  const read = (name: 'page' | 'limit', fallback: number): number => {
    const raw = query.get(name);
    if (raw === null) return fallback;
    if (!POSITIVE_INTEGER.test(raw)) {
      invalid[name] = `The field '${name}' must be a positive integer.`;
      return fallback;
    }
    return Number(raw);
  };
  const page = read('page', 1);
  const limit = read('limit', defaultLimit);
  const [firstField, firstMessage] = Object.entries(invalid)[0] ?? [];
  if (firstField !== undefined && firstMessage !== undefined) {
    return version === 'v2'
      ? { error: errorResponse('v2', 400, { message: firstMessage }) }
      : { error: errorResponse('v3', 422, { message: 'Invalid query parameters.', errors: invalid }) };
  }
  if (limit > maxLimit) {
    const message = 'The specified limit exceeds the maximum allowed.';
    return {
      error:
        version === 'v2'
          ? errorResponse('v2', 413, { message, details: { max_limit: maxLimit } })
          : errorResponse('v3', 413, { message, errors: { limit: `The maximum is ${maxLimit}.` } }),
    };
  }
  return { page: { page, limit } };
}

/** The items of one page. */
export function sliceItems<T>(items: readonly T[], request: PageRequest): T[] {
  const start = (request.page - 1) * request.limit;
  return items.slice(start, start + request.limit);
}
