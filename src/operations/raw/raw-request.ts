import * as z from 'zod/mini';
import type { HttpClient, HttpResponse } from '../../internal/http-client';
import type { QueryParams, QueryValue } from '../../internal/query';
import { parseOperationOptions, parseRequestOptions } from '../../internal/parse-request-options';
import type { RequestOptions } from '../../internal/request-options';
import { apiPathProblem } from './api-path';

/** A request for {@link BigCommerceSource.request}: any BigCommerce REST call on the store. */
export interface RawRequest<T = unknown> {
  /** HTTP method. */
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /**
   * The path below the store, starting with `/v2/` or `/v3/`, e.g. `/v3/catalog/brands`. Build it
   * with the {@link path} tag when it holds values: `path\`/v2/orders/${id}/products\``.
   */
  readonly path: string;
  /**
   * Query parameters; arrays become BigCommerce's comma lists (`{ 'id:in': [1, 2] }` →
   * `id:in=1,2`); `undefined` and `null` are left out.
   */
  readonly query?: QueryParams | undefined;
  /** Sent as JSON. */
  readonly body?: unknown;
  /**
   * A zod schema the 2xx body must match; its output is `data`. Without it, `data` is the parsed
   * JSON as it came.
   */
  readonly schema?: z.core.$ZodType<T> | undefined;
  /**
   * Set on a write that can be repeated without effect (a PUT of the same values, a DELETE). Other
   * writes are retried only on 429, because a timeout or a 5xx may come after BigCommerce already
   * did the work.
   * @default false
   */
  readonly repeatable?: boolean | undefined;
}

/** What {@link BigCommerceSource.request} returns for a 2xx. */
export interface RawResponse<T = unknown> {
  /** The HTTP status, e.g. 200, 201 or 204. */
  readonly status: number;
  /** The body: parsed JSON (checked by `schema` if given); `undefined` for 204 and empty bodies. */
  readonly data: T | undefined;
  /** The response headers (`X-Rate-Limit-Requests-Left`, …). */
  readonly headers: Headers;
}

const isQueryValue = (value: unknown): value is QueryValue =>
  value === undefined ||
  value === null ||
  ['string', 'number', 'boolean'].includes(typeof value) ||
  (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number'));

/**
 * A zod schema (classic or mini, any copy of zod 4): every one carries its internals on `_zod`.
 * Duck-typed: `instanceof z.core.$ZodType` would pull all of zod's core into the bundle.
 */
export const zodSchema = z.custom<z.core.$ZodType>(
  (value) => typeof value === 'object' && value !== null && typeof (value as { _zod?: unknown })._zod === 'object',
  'expected a zod schema',
);

/** The `path` option's check, shared with `paginate`. */
export const apiPathSchema = z.string().check(
  z.superRefine((value, context) => {
    const problem = apiPathProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem, input: value });
  }),
);

/** The `query` option's check, shared with `paginate` (a predicate per key: `z.record` weighs more). */
export const querySchema = z.optional(
  z.custom<QueryParams>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'expected an object').check(
    z.superRefine((query, context) => {
      for (const [key, value] of Object.entries(query)) {
        if (!isQueryValue(value)) {
          context.addIssue({ code: 'custom', path: [key], message: 'expected a string, number, boolean, null, or an array of strings and numbers', input: value });
        }
      }
    }),
  ),
);

const rawRequestSchema = z.strictObject({
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE']),
  path: apiPathSchema,
  query: querySchema,
  body: z.optional(z.unknown()),
  schema: z.optional(zodSchema),
  repeatable: z.optional(z.boolean()),
});

/**
 * Sends one request through the source's HTTP core, so it gets everything an operation gets:
 * authentication, the limiter, 429 handling, retries, timeouts, error classes, redaction, events.
 * @throws {@link ValidationError} for a bad request (a path that could leave the store, an unknown
 * method…) before anything is sent.
 */
export async function sendRawRequest<T>(http: HttpClient, request: RawRequest<T>, options: RequestOptions | undefined): Promise<RawResponse<T>> {
  const valid = parseOperationOptions('source.request', rawRequestSchema, request, 'request');
  const requestOptions = parseRequestOptions('source.request', options);
  const response: HttpResponse<T> = await http.request<T>(
    {
      method: valid.method,
      path: valid.path,
      query: valid.query,
      body: valid.body,
      schema: valid.schema as z.core.$ZodType<T> | undefined,
      repeatable: valid.repeatable,
    },
    requestOptions,
  );
  return { status: response.status, data: response.data, headers: response.headers };
}
