import type { ApiVersion } from '../api-version';
import { jsonResponse } from './json-response';

/**
 * The `type` link of v3 error bodies, as in the spec's own examples.
 * @see https://developer.bigcommerce.com/docs/start/about/status-codes
 */
export const STATUS_CODES_URL = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

/** One entry of a v2 error body. */
export interface V2ErrorEntry {
  readonly status: number;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** A v3 error body (`ErrorResponse` in customers.v3.yml, `error_Base` in products_catalog.v3.yml). */
export interface V3ErrorBody {
  readonly status: number;
  readonly title: string;
  readonly type: string;
  readonly errors?: Readonly<Record<string, string>>;
}

/**
 * A v2 error body: an array with one `{ status, message, details? }`.
 * @example
 * ```ts
 * v2ErrorBody(404, 'The requested resource was not found.');
 * // [{ status: 404, message: 'The requested resource was not found.' }]
 * ```
 * @see https://developer.bigcommerce.com/docs/rest-management/orders#get-an-order (404_Resp)
 */
export function v2ErrorBody(status: number, message: string, details?: Readonly<Record<string, unknown>>): V2ErrorEntry[] {
  return [details === undefined ? { status, message } : { status, message, details }];
}

/**
 * A v3 error body: `{ status, title, type, errors? }`; `errors` maps a field to its message.
 * @example
 * ```ts
 * v3ErrorBody(422, 'Missing Required Fields', { name: 'Please provide a name.' });
 * ```
 */
export function v3ErrorBody(status: number, title: string, errors?: Readonly<Record<string, string>>): V3ErrorBody {
  return errors === undefined ? { status, title, type: STATUS_CODES_URL } : { status, title, type: STATUS_CODES_URL, errors };
}

/** What an error response says, in the words of either version. */
export interface ErrorResponseInit {
  /** The v2 `message` and the v3 `title`. */
  readonly message: string;
  /** v3 `errors`: per-field messages. In v2 they go to `details`. */
  readonly errors?: Readonly<Record<string, string>>;
  /** v2 `details`, when it is not per-field messages (e.g. `{ max_limit: 250 }`). Overrides `errors` on v2. */
  readonly details?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * An error response in the body style of the path's API version, so a route never has to care.
 * @example
 * ```ts
 * errorResponse('v2', 404, { message: 'The requested resource was not found.' });
 * ```
 */
export function errorResponse(version: ApiVersion, status: number, init: ErrorResponseInit): Response {
  const body =
    version === 'v2'
      ? v2ErrorBody(status, init.message, init.details ?? init.errors)
      : v3ErrorBody(status, init.message, init.errors);
  return jsonResponse(body, status, init.headers);
}

/**
 * The sandbox's wording per status. 404 is BigCommerce's own v2 text (orders.v2.oas2.yml
 * `404_Resp`), 403 the text BigCommerce gives for a missing scope, 429 the title of the
 * customers.v3.yml example; the others are the sandbox's own words.
 */
export const DEFAULT_ERROR_MESSAGES: Readonly<Record<number, string>> = {
  400: 'The request is invalid.',
  401: 'No valid credentials were found in this request.',
  403: "You don't have a required scope to access the endpoint.",
  404: 'The requested resource was not found.',
  405: 'The requested method is not supported for this resource.',
  409: 'The request conflicts with the current state of the resource.',
  413: 'The specified limit exceeds the maximum allowed.',
  422: 'The request contains invalid fields.',
  429: 'Too many requests',
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'Service unavailable.',
  504: 'Gateway timeout.',
};

/** {@link DEFAULT_ERROR_MESSAGES} for `status`, or a generic text. */
export function defaultErrorMessage(status: number): string {
  return DEFAULT_ERROR_MESSAGES[status] ?? `The request failed with status ${status}.`;
}
