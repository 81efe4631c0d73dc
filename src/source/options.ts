import * as z from 'zod/mini';
import type { AuthStrategy } from '../internal/auth-strategy';
import { ConfigError } from '../errors/config-error';
import { describeIssues, reject, toFieldIssues, withMessages } from '../internal/zod-issues';
import type { SourceEvent } from '../internal/events';
import { maxRetriesSchema, timeoutMsSchema } from '../internal/parse-request-options';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../internal/exchange';
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
   * Timeout of each attempt, in milliseconds, from sending the request to reading the whole body.
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
   * The most requests this source has in flight at once. BigCommerce's quota is per store, shared
   * by every app on it: keep this low.
   * @default 4
   */
  readonly maxConcurrency?: number | undefined;
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
  readonly maxConcurrency: number;
  readonly maxResponseBytes: number;
  readonly onEvent: ((event: SourceEvent) => void) | undefined;
}


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
  maxConcurrency: z._default(z.int().check(z.minimum(1), z.maximum(64)), 4),
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
    const { connectionName, fetch, onEvent, ...rest } = result.data;
    return { ...rest, connectionName, fetch, onEvent };
  }
  const issues = toFieldIssues(result.error);
  throw new ConfigError(`BigCommerceSource: invalid options. ${describeIssues(issues)}`, issues);
}
