import type { ApiVersion } from './api-version';
import type { SandboxRequest } from './sandbox-request';
import type { SandboxState } from './sandbox-state';

/** The methods routes can answer. */
export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What a route handler gets. */
export interface RouteContext {
  /** The request, as logged. */
  readonly request: SandboxRequest;
  /** The values of the pattern's `:name` segments, percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** Shortcut for `request.query`. */
  readonly query: URLSearchParams;
  /** The API version of the path, for the error body style. */
  readonly version: ApiVersion;
  /** The store's data. */
  readonly state: SandboxState;
  /**
   * A comma-list filter (`sku:in=a,b`), split as the store's `decodeBeforeSplit` quirk says;
   * `undefined` when absent.
   */
  readonly list: (name: string) => string[] | undefined;
}

/** Answers one matched request. May throw: the store then answers 500 with the error's message. */
export type RouteHandler = (context: RouteContext) => Response | Promise<Response>;

/** One endpoint of the sandbox store. */
export interface RouteDefinition {
  readonly method: RouteMethod;
  /**
   * The path below `/stores/{hash}`, with `:name` for a parameter segment, e.g.
   * `/v2/orders/:order_id/shipments`. A literal segment wins over a parameter, so
   * `/v2/orders/count` and `/v2/orders/:order_id` can both be registered.
   */
  readonly path: `/v2/${string}` | `/v3/${string}`;
  /**
   * The OAuth scope the endpoint needs, as BigCommerce names it. A read-only scope
   * (`…_read_only`) is also satisfied by its modify scope. Omit for an endpoint open to any token.
   * @see https://developer.bigcommerce.com/docs/start/authentication/api-accounts#oauth-scopes
   */
  readonly scope?: string;
  readonly handler: RouteHandler;
}

/** The outcome of {@link SandboxRouter.match}. */
export type RouteMatch =
  | { readonly kind: 'found'; readonly route: RouteDefinition; readonly params: Record<string, string> }
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly RouteMethod[] }
  | { readonly kind: 'not-found' };

interface CompiledRoute {
  readonly route: RouteDefinition;
  readonly segments: readonly Segment[];
}

type Segment = { readonly literal: string } | { readonly param: string };

/**
 * Maps method and path to a route. Route files register on it (see `routes/index.ts`).
 * @example
 * ```ts
 * router.add({ method: 'GET', path: '/v2/orders/:order_id', scope: 'store_v2_orders_read_only', handler });
 * ```
 */
export class SandboxRouter {
  readonly #routes: CompiledRoute[] = [];

  /** Registers a route. @throws {Error} when the same method and pattern is registered twice. */
  add(route: RouteDefinition): this {
    const segments = compile(route.path);
    const key = signature(segments);
    if (this.#routes.some((other) => other.route.method === route.method && signature(other.segments) === key)) {
      throw new Error(`[bigcommerce-source/testing] route ${route.method} ${route.path} is registered twice.`);
    }
    this.#routes.push({ route, segments });
    return this;
  }

  /** Every registered route, in the order registered (docs/testing.md lists them; a test compares). */
  routes(): readonly RouteDefinition[] {
    return this.#routes.map((compiled) => compiled.route);
  }

  /** Finds the route for a path below the store (percent-encoded, without the query). */
  match(method: string, path: string): RouteMatch {
    const parts = path.split('/').slice(1);
    let best: { compiled: CompiledRoute; params: Record<string, string> } | undefined;
    const allowed = new Set<RouteMethod>();
    for (const compiled of this.#routes) {
      const params = matchSegments(compiled.segments, parts);
      if (!params) continue;
      allowed.add(compiled.route.method);
      if (compiled.route.method !== method) continue;
      if (!best || moreSpecific(compiled.segments, best.compiled.segments)) best = { compiled, params };
    }
    if (best) return { kind: 'found', route: best.compiled.route, params: best.params };
    return allowed.size > 0 ? { kind: 'method-not-allowed', allowed: [...allowed] } : { kind: 'not-found' };
  }
}

function compile(path: string): Segment[] {
  return path
    .split('/')
    .slice(1)
    .map((part) => (part.startsWith(':') ? { param: part.slice(1) } : { literal: part }));
}

function signature(segments: readonly Segment[]): string {
  return segments.map((segment) => ('literal' in segment ? segment.literal : ':')).join('/');
}

function matchSegments(segments: readonly Segment[], parts: readonly string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    const part = parts[index] ?? '';
    if ('literal' in segment) {
      if (segment.literal !== part) return undefined;
      continue;
    }
    if (part === '') return undefined;
    try {
      params[segment.param] = decodeURIComponent(part);
    } catch {
      return undefined;
    }
  }
  return params;
}

// The first segment where the two differ decides: a literal beats a parameter.
function moreSpecific(candidate: readonly Segment[], current: readonly Segment[]): boolean {
  for (const [index, segment] of candidate.entries()) {
    const other = current[index];
    if (!other) return false;
    const literal = 'literal' in segment;
    if (literal !== 'literal' in other) return literal;
  }
  return false;
}
