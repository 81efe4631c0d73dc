import * as z from 'zod/mini';
import { ResponseValidationError } from '../../errors/response-validation-error';
import type { HttpClient } from '../../internal/http-client';
import { parseOperationOptions, requestOptionsShape } from '../../internal/parse-request-options';
import { serializeQuery, type QueryParams } from '../../internal/query';
import type { RequestOptions } from '../../internal/request-options';
import { V2_MAX_PAGE_SIZE } from '../../internal/v2-pages';
import { apiPathSchema, querySchema, zodSchema } from './raw-request';

/** Options of {@link BigCommerceSource.paginate}. */
export interface PaginateOptions<T = unknown> extends RequestOptions {
  /**
   * A list below the store: a v2 list (`/v2/orders`, a bare array, 204 when empty) or a v3 list
   * (`/v3/catalog/brands`, `{ data, meta.pagination }`).
   */
  readonly path: string;
  /** Filters, as for {@link BigCommerceSource.request}; `page` and `limit` are the paginator's own. */
  readonly query?: QueryParams | undefined;
  /**
   * Items per request, 1 to 250. Some v3 lists take fewer; BigCommerce answers 413 above an
   * endpoint's maximum.
   * @default 250
   */
  readonly pageSize?: number | undefined;
  /** A zod schema each item must match; its output is what is yielded. */
  readonly itemSchema?: z.core.$ZodType<T> | undefined;
}

const paginateOptionsSchema = z.strictObject({
  ...requestOptionsShape,
  path: apiPathSchema,
  query: z.optional(
    z.pipe(
      querySchema,
      z.transform((query, context) => {
        if (query && ('page' in query || 'limit' in query)) {
          context.issues.push({ code: 'custom', message: "'page' and 'limit' are set by the paginator (use pageSize)", input: query });
        }
        return query;
      }),
    ),
  ),
  pageSize: z._default(z.int().check(z.minimum(1), z.maximum(V2_MAX_PAGE_SIZE)), V2_MAX_PAGE_SIZE),
  itemSchema: z.optional(zodSchema),
});

const v3PageSchema = (item: z.core.$ZodType) =>
  z.looseObject({
    data: z.array(item),
    meta: z.looseObject({ pagination: z.looseObject({ current_page: z.int(), total_pages: z.int() }) }),
  });

/**
 * Every item of a v2 or v3 list, one by one, a page at a time (never the whole list in memory).
 * A v2 list ends on a short page, an empty one or a 204 (and a list that ignores paging is read
 * once); a v3 list when `meta.pagination` says its last page was read.
 * @see https://developer.bigcommerce.com/docs/start/about/common-query-params
 */
export function paginate<T>(http: HttpClient, rawOptions: PaginateOptions<T>): AsyncIterable<T> {
  // Checked at the call, so a bad option throws before iteration, as the other operations do.
  const options = parseOperationOptions('source.paginate', paginateOptionsSchema, rawOptions);
  const request: RequestOptions = { signal: options.signal, timeoutMs: options.timeoutMs, maxRetries: options.maxRetries };
  const item = (options.itemSchema ?? z.unknown()) as z.core.$ZodType<T>;
  const v3 = options.path.startsWith('/v3/');
  const schema = v3 ? v3PageSchema(item) : z.array(item);
  return {
    async *[Symbol.asyncIterator]() {
      for (let page = 1; ; page += 1) {
        const query = { ...options.query, page, limit: options.pageSize };
        const response = await http.request<unknown>({ method: 'GET', path: options.path, query, schema, priority: 'bulk' }, request);
        if (response.data === undefined) return;
        if (!v3) {
          const items = response.data as T[];
          yield* items;
          // More than asked for: the list ignores paging (`/v2/order_statuses` answers whole), so
          // the next page would repeat it.
          if (items.length !== options.pageSize) return;
          continue;
        }
        const body = response.data as { data: T[]; meta: { pagination: { current_page: number; total_pages: number } } };
        yield* body.data;
        const { current_page: current, total_pages: total } = body.meta.pagination;
        if (body.data.length === 0 || current >= total) return;
        if (current !== page) {
          throw new ResponseValidationError(`GET ${options.path}${serializeQuery(query)} answered page ${current} for page ${page}.`, {
            method: 'GET',
            path: `${options.path}${serializeQuery(query)}`,
            issues: [{ path: 'meta.pagination.current_page', message: `expected ${page}` }],
          });
        }
      }
    },
  };
}
