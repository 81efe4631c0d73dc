import * as z from 'zod/mini';
import type { AuthStrategy } from '../internal/auth-strategy';
import { ConfigError } from '../errors/config-error';
import { describeIssues, reject, toFieldIssues, withMessages } from '../internal/zod-issues';
import type { SourceEvent } from '../internal/events';
import { maxRetriesSchema, timeoutMsSchema } from '../internal/parse-request-options';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../internal/exchange';
import { createMemoryGate } from '../internal/gate/memory-gate';
import type { RateGate } from '../internal/gate/rate-gate';
import { readStoreHash } from './store-hash';

/** Options of {@link BigCommerceSource}. */
export interface BigCommerceSourceOptions {
  /** The store, in any form {@link parseStoreHash} reads: `'abc123'`, a store URL or an API path. */
  readonly storeHash: string;
  /** How requests are authenticated: {@link createApiKeyAuth}, {@link createOAuth2Auth} or your own {@link AuthStrategy}. */
  readonly auth: AuthStrategy;
  /** A name for this connection in your logs, e.g. the supplier's name. */
  readonly connectionName?: string | undefined;
  /**
   * Where the REST API lives. Must be https, except on a loopback host (a local sandbox store).
   * @default 'https://api.bigcommerce.com'
   */
  readonly apiBaseUrl?: string | undefined;
  /**
   * The `fetch` to send requests with. Without it, `globalThis.fetch` is looked up on every request
   * (never captured at import), so test interceptors and polyfills installed later still apply.
   * It is called as `fetch(url, init)` with a URL string, never as a method of another object.
   */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /**
   * Timeout of each attempt, in milliseconds, from asking the auth strategy for its headers (a token
   * provider's time counts) to reading the last byte of the body.
   * @default 30000
   */
  readonly timeoutMs?: number | undefined;
  /**
   * How many times a failed request is retried: network errors, 408, 429 and 5xx for reads; only
   * 429 for writes that are not safe to repeat (see `docs/retries-and-rate-limits.md`).
   * @default 5
   */
  readonly maxRetries?: number | undefined;
  /**
   * The ceiling of requests this source has in flight at once, 1 to 64. With the default
   * `concurrency: 'adaptive'`, how many are in flight follows what the store's rate-limit headers
   * allow, up to this ceiling; with `'fixed'`, this is the cap. Operations that run in parallel
   * (inventory ranges, `sendMany`) use this many when it is set, 4 otherwise.
   * @default 16 (adaptive), 4 (fixed)
   */
  readonly maxConcurrency?: number | undefined;
  /**
   * `'adaptive'`: the in-flight cap follows the store's quota window: starting at 4, as many as the
   * ceiling once the store's headers say what is left, and no request starts while what is left of
   * the window is already in flight, so the quota is reached and never exceeded. `'fixed'`: at most
   * `maxConcurrency` (4) in flight, and requests wait only when a response says the window is spent.
   * @default 'adaptive'
   */
  readonly concurrency?: 'adaptive' | 'fixed' | undefined;
  /**
   * The share of the store's quota this source may spend, above 0 and at most 1. BigCommerce's
   * quota belongs to the store, and its other apps spend it too: `0.8` leaves them a fifth of each
   * window. Adaptive concurrency only.
   * @default 1
   */
  readonly quotaShare?: number | undefined;
  /**
   * Decides when each request may start: the in-flight cap, the quota window, pauses after a 429,
   * and purchase-order leases. Without it, the source gets an in-memory gate of its own. Pass one
   * {@link createMemoryGate} to several sources in a process, or a shared gate
   * (`createRedisGate` from `bigcommerce-source/redis`) to a fleet, so they hold the store's quota together.
   */
  readonly gate?: RateGate | undefined;
  /**
   * The most bytes one response body may have, counted as it arrives (after decompression). Reading
   * stops past it with a `ResponseTooLargeError`, so an endless or huge body cannot exhaust memory.
   * BigCommerce's largest pages are a few megabytes.
   * @default 67108864 (64 MiB)
   */
  readonly maxResponseBytes?: number | undefined;
  /** Called for every request, response, retry and throttle. Events never carry secrets. */
  readonly onEvent?: ((event: SourceEvent) => void) | undefined;
}

/** The options after validation, with defaults applied. */
export interface ResolvedSourceOptions {
  readonly storeHash: string;
  readonly auth: AuthStrategy;
  readonly connectionName: string | undefined;
  readonly apiBaseUrl: string;
  readonly fetch: typeof globalThis.fetch | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /** What operations run in parallel: `maxConcurrency` when given, else 4. */
  readonly maxConcurrency: number;
  /** The gate's ceiling: `maxConcurrency` when given, else 16 (adaptive) or 4 (fixed). */
  readonly ceiling: number;
  readonly concurrency: 'adaptive' | 'fixed';
  readonly quotaShare: number;
  readonly gate: RateGate;
  readonly maxResponseBytes: number;
  readonly onEvent: ((event: SourceEvent) => void) | undefined;
}


/** What operations run in parallel, and the fixed cap, when `maxConcurrency` is not given. */
const DEFAULT_PARALLELISM = 4;
/** The adaptive ceiling when `maxConcurrency` is not given. */
const DEFAULT_ADAPTIVE_CEILING = 16;

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

const functionSchema = <T>(what: string) =>
  z.custom<T>((value) => typeof value === 'function', `expected ${what}`);

const sourceOptionsSchema = z.strictObject({
  storeHash: z.pipe(
    z.unknown(),
    z.transform((value, context) => {
      const result = readStoreHash(value);
      return 'hash' in result ? result.hash : reject(context, result.problem);
    }),
  ),
  auth: z.custom<AuthStrategy>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      typeof (value as AuthStrategy).getRequestHeaders === 'function' &&
      typeof (value as AuthStrategy).type === 'string',
    'expected an auth strategy: createApiKeyAuth(…), createOAuth2Auth(…) or an object with type and getRequestHeaders()',
  ),
  connectionName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  apiBaseUrl: z.pipe(
    z._default(z.string(), 'https://api.bigcommerce.com'),
    z.transform((value: string, context) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return reject(context, 'expected an absolute URL such as https://api.bigcommerce.com');
      }
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.test(url.hostname))) {
        return reject(context, 'expected an https URL (http is allowed only for localhost, 127.0.0.1 or [::1])');
      }
      if (url.search || url.hash || url.username || url.password) {
        return reject(context, 'expected a URL without query, fragment or credentials');
      }
      return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
    }),
  ),
  fetch: z.optional(functionSchema<typeof globalThis.fetch>('a fetch function')),
  timeoutMs: z._default(timeoutMsSchema, 30_000),
  maxRetries: z._default(maxRetriesSchema, 5),
  maxConcurrency: z.optional(z.int().check(z.minimum(1), z.maximum(64))),
  concurrency: z._default(z.enum(['adaptive', 'fixed']), 'adaptive'),
  quotaShare: z._default(z.number().check(z.positive(), z.maximum(1)), 1),
  gate: z.optional(
    z.custom<RateGate>(
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        ['acquire', 'pause', 'leasePurchaseOrder'].every((method) => typeof (value as unknown as Record<string, unknown>)[method] === 'function'),
      'expected a rate gate: createMemoryGate(), createRedisGate(…) or an object with acquire, pause and leasePurchaseOrder',
    ),
  ),
  // At least 64 KiB (an error body is read that far); at most 2 GiB.
  maxResponseBytes: z._default(z.int().check(z.minimum(64 * 1024), z.maximum(2 ** 31)), DEFAULT_MAX_RESPONSE_BYTES),
  onEvent: z.optional(functionSchema<(event: SourceEvent) => void>('a function')),
});

/**
 * Validates the source's options, applying defaults.
 * @throws {@link ConfigError} listing every problem at once.
 */
export function resolveSourceOptions(options: unknown): ResolvedSourceOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigError('BigCommerceSource: expected an options object with storeHash and auth.', [
      { path: '', message: 'expected an object' },
    ]);
  }
  const result = sourceOptionsSchema.safeParse(options, withMessages);
  if (result.success) {
    const { connectionName, fetch, onEvent, maxConcurrency, gate, ...rest } = result.data;
    return {
      ...rest,
      connectionName,
      fetch,
      onEvent,
      maxConcurrency: maxConcurrency ?? DEFAULT_PARALLELISM,
      ceiling: maxConcurrency ?? (rest.concurrency === 'adaptive' ? DEFAULT_ADAPTIVE_CEILING : DEFAULT_PARALLELISM),
      gate: gate ?? createMemoryGate(),
    };
  }
  const issues = toFieldIssues(result.error);
  throw new ConfigError(`BigCommerceSource: invalid options. ${describeIssues(issues)}`, issues);
}
