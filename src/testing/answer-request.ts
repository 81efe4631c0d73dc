import { apiVersionOf } from './api-version';
import type { RateLimiter } from './rate-limiter';
import { defaultErrorMessage, errorResponse } from './responses/error-body';
import { bytesResponse, heldBodyOf } from './responses/bytes-response';
import { jsonResponse } from './responses/json-response';
import { rateLimitedBody } from './responses/rate-limited-body';
import type { SandboxRouter } from './router';
import type { SandboxRequest } from './sandbox-request';
import type { SandboxState } from './sandbox-state';
import { hasScope } from './scopes';
import { listParam } from './responses/list-param';

/** What the store needs to answer a request. */
export interface StoreContext {
  readonly state: SandboxState;
  readonly accessToken: string;
  readonly scopes: ReadonlySet<string> | undefined;
  readonly router: SandboxRouter;
  readonly rateLimiter: RateLimiter;
}

/**
 * The store's own answer, in BigCommerce's order of checks: the token (401), the store hash the
 * token belongs to (403), the quota (429), the route (404/405), the route's scope (403), then the
 * route itself. Every answer carries the `X-Rate-Limit-*` headers; only requests with the store's
 * token spend quota, since an anonymous request cannot be charged to a store.
 * @see https://developer.bigcommerce.com/docs/start/about/status-codes
 */
export async function answerRequest(request: SandboxRequest, store: StoreContext): Promise<Response> {
  const version = apiVersionOf(request.path);
  const fail = (status: number, headers: Record<string, string>, message = defaultErrorMessage(status)) =>
    errorResponse(version, status, { message, headers });

  if (request.headers['x-auth-token'] !== store.accessToken) return fail(401, store.rateLimiter.headers());
  if (request.storeHash !== store.state.storeHash) {
    return fail(403, store.rateLimiter.headers(), 'The store hash in the URL does not belong to this token.');
  }
  const quota = store.rateLimiter.consume();
  if (!quota.allowed) return jsonResponse(rateLimitedBody(), 429, quota.headers);

  const match = store.router.match(request.method, request.path);
  if (match.kind === 'not-found') return fail(404, quota.headers);
  if (match.kind === 'method-not-allowed') return fail(405, { ...quota.headers, Allow: match.allowed.join(', ') });
  if (!hasScope(store.scopes, match.route.scope)) return fail(403, quota.headers);

  let response: Response;
  try {
    response = await match.route.handler({
      request,
      params: match.params,
      query: request.query,
      version,
      state: store.state,
      list: (name) => listParam(request, name, store.state.quirks.decodeBeforeSplit),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(500, quota.headers, `Sandbox route ${match.route.method} ${match.route.path} threw: ${reason}`);
  }
  return withHeaders(response, quota.headers);
}

/** The response with extra headers; the route's own headers win. */
function withHeaders(response: Response, headers: Record<string, string>): Response {
  const merged = new Headers(headers);
  response.headers.forEach((value, name) => merged.set(name, value));
  const held = heldBodyOf(response);
  if (held) return bytesResponse(held, { status: response.status, statusText: response.statusText, headers: merged });
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}
