import ky, { isKyError } from 'ky';
import { throwIfAborted } from './abort';

/** What one attempt tells the ky instance beyond the request itself. */
export interface SendContext {
  /** The attempt's signal: the caller's, combined with the attempt's deadline. */
  readonly signal: AbortSignal;
  /** Called once the request is built, just before it goes out (ky's `beforeRequest` hook). */
  readonly onRequest?: () => void;
  /** Called with the response's status line and headers as they arrive, before the body is read. */
  readonly onResponse?: (response: Response) => void;
}

/** One request, as an operation describes it to the store's ky instance. */
export interface SendRequest {
  readonly method: string;
  /** Below the prefix, starting with `/`. */
  readonly path: string;
  /**
   * The query as the HTTP core serialized it (`serializeQuery`, without the `?`): BigCommerce's
   * operators stay readable in keys (`id:greater`), lists are comma-joined, and the wire query is
   * exactly what events and errors show. Serialized once per request, not per attempt.
   */
  readonly search?: string | undefined;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Per-attempt headers (authentication), merged over the instance's own. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** Sends one request under a prefix; the response is returned whatever its status, body unread. */
export type Send = (request: SendRequest, context: SendContext) => Promise<Response>;

export interface StoreKyConfig {
  /** Every request goes below this URL, e.g. `https://api.bigcommerce.com/stores/abc123`. */
  readonly prefix: string;
  /** The user's fetch; `globalThis.fetch` (looked up per request) when absent. */
  readonly fetch: typeof globalThis.fetch | undefined;
  /** Headers of every request (Accept, User-Agent). */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The ky instance of one store (or of the OAuth login service): it builds every request (the
 * prefix, the query, the JSON body, headers merged over the instance's), and calls the user's fetch.
 *
 * - `prefix`, not `baseUrl`: ky joins the input to the prefix as a string, so no input, not even an
 *   absolute URL, can leave the store's path.
 * - `retry: 0`: p-retry owns attempts (see `attempts.ts`), so nothing is retried twice over.
 * - `throwHttpErrors: false`: every status comes back as a response, and the HTTP core's
 *   status-to-class map stays the one place errors are made.
 * - `timeout: false`: the HTTP core's per-attempt deadline covers fetching the token and reading
 *   the whole body, which ky's timeout does not; and ky can only abort through `AbortSignal.any`,
 *   which some runtimes lack (the edge runtime our tests run in).
 * - Its `beforeRequest` hook is where a request leaves (the request event). The response is
 *   observed as ky returns it, not in an `afterResponse` hook (see below).
 *
 * No ky error leaves here: each keeps the `Request` with its authentication headers, so a failure
 * is rethrown as the runtime's own error (ky's `NetworkError` carries it as `cause`) for the HTTP
 * core to map.
 */
export function createStoreKy(config: StoreKyConfig): Send {
  // The context of each request ky built, for the fetch wrapper: ky calls fetch with its Request.
  const contexts = new WeakMap<Request, SendContext>();

  /**
   * Calls the user's fetch as documented: `fetch(url, init)`, unbound (Workers throw "Illegal
   * invocation" for fetch called as a method of another object, and ky calls it as a method of
   * its options), with `globalThis.fetch` looked up per request (test doubles install it late).
   * The attempt's own signal is passed, not the Request's: undici links a Request's signal to the
   * one it was made from through a weak reference, which a garbage collection can cut.
   * `redirect: 'manual'`: on a redirect fetch would drop only `Authorization` and `Cookie`, and
   * send `X-Auth-Token` (and, on 307/308, the body) to the other host.
   */
  const fetchAsDocumented = async (request: Request): Promise<Response> => {
    const context = contexts.get(request);
    const signal = context?.signal ?? request.signal;
    // An abort that came while ky built the request: a fetch given an aborted signal may wait for
    // an abort event that already fired.
    throwIfAborted(signal);
    const body = request.body === null ? undefined : await request.text();
    return (config.fetch ?? globalThis.fetch)(request.url, {
      method: request.method,
      headers: request.headers,
      body,
      signal,
      redirect: 'manual',
    });
  };

  const api = ky.create({
    prefix: config.prefix,
    headers: config.headers,
    retry: 0,
    throwHttpErrors: false,
    timeout: false,
    fetch: fetchAsDocumented as typeof globalThis.fetch,
    hooks: {
      beforeRequest: [
        ({ request, options }) => {
          const context = options.context as unknown as SendContext;
          contexts.set(request, context);
          context.onRequest?.();
        },
      ],
    },
  });

  return async (request, context) => {
    let response: Response;
    try {
      response = await api(request.path.replace(/^\/+/, ''), {
        method: request.method,
        searchParams: request.search ?? '',
        json: request.body,
        // Only when given: `headers: undefined` would replace the instance's own.
        ...(request.headers ? { headers: request.headers } : {}),
        signal: context.signal,
        context: context as unknown as Record<string, unknown>,
      });
    } catch (error) {
      throw isKyError(error) ? (error.cause ?? new Error(error.name)) : error;
    }
    // Here rather than in ky's `afterResponse` hook: ky hands that hook a clone of the response,
    // and cloning tees the body into two branches for every page. Only the status line and
    // headers are needed here, so the tee is work with no purpose (its cost was within run-to-run
    // noise in the inventory benchmark, so this is tidiness, not a measured gain).
    context.onResponse?.(response);
    return response;
  };
}
