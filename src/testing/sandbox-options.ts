import { definedFields } from './defined-fields';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limiter';
import type { SandboxRequest } from './sandbox-request';
import type { SandboxProductInput } from './catalog/catalog-state';
import type { SandboxCustomerInput } from './customers/customer-state';
import type { SandboxStoreProfile } from './store-profile';
import { resolveQuirks, type ResolvedQuirks, type SandboxQuirks } from './quirks';

/** Options of {@link createSandboxStore}. */
export interface SandboxStoreOptions {
  /**
   * The hash the store answers to; requests for another hash get 403, as BigCommerce answers a
   * token used on a store it does not belong to.
   * @default 'sandbox1'
   */
  readonly storeHash?: string | undefined;
  /**
   * The only `X-Auth-Token` the store accepts; anything else gets 401.
   * @default 'sandbox-token'
   */
  readonly accessToken?: string | undefined;
  /**
   * Fields of the store profile (`GET /v2/store`) to change; the rest keep their defaults. The merge
   * is shallow: a nested object such as `timezone` replaces the default one whole.
   * @example
   * ```ts
   * createSandboxStore({ profile: { name: 'Acme Wholesale', currency: 'EUR', status: 'maintenance' } });
   * ```
   */
  readonly profile?: ({ readonly [K in keyof SandboxStoreProfile]?: SandboxStoreProfile[K] | undefined } & Readonly<Record<string, unknown>>) | undefined;
  /**
   * The OAuth scopes the token has. A route needing a scope the token lacks gets 403, as on
   * BigCommerce. Without this option the token has every scope.
   * @default every scope
   * @example
   * ```ts
   * createSandboxStore({ scopes: ['store_v2_products_read_only', 'store_v2_orders'] });
   * ```
   */
  readonly scopes?: readonly string[] | undefined;
  /**
   * The request quota per window. Missing fields keep their defaults.
   * @default { quota: 10000, windowMs: 30000 } (10 000 requests per 30 s: real plans allow 150 to 450, tests should not meet the limit unless they mean to)
   */
  readonly rateLimit?: { readonly [K in keyof RateLimitOptions]?: RateLimitOptions[K] | undefined } | undefined;
  /**
   * How long the store takes to answer, in milliseconds: a number, or a function of the request.
   * The wait uses `setTimeout` (fake timers apply) and ends early when the request is aborted.
   * @default 0
   * @example
   * ```ts
   * createSandboxStore({ latencyMs: (request) => (request.path.startsWith('/v3/catalog') ? 120 : 20) });
   * ```
   */
  readonly latencyMs?: number | ((request: SandboxRequest) => number) | undefined;
  /**
   * Products the catalog starts with, in id order (ids are assigned from 1).
   * @default none
   * @example
   * ```ts
   * createSandboxStore({ products: [{ name: 'Mug', sku: 'MUG-1', price: 9.5, inventory_level: 12 }] });
   * ```
   */
  readonly products?: readonly SandboxProductInput[] | undefined;
  /**
   * Customers the store starts with, in id order (ids are assigned from 1). Emails must be unique,
   * compared case-insensitively.
   * @default none
   * @example
   * ```ts
   * createSandboxStore({ customers: [{ email: 'buyer@retailer.example', first_name: 'Ann', last_name: 'Lee' }] });
   * ```
   */
  readonly customers?: readonly SandboxCustomerInput[] | undefined;
  /**
   * Plays another reading of a behaviour BigCommerce's documentation leaves open, one switch per
   * behaviour; without them the store plays the defaults listed in {@link SandboxQuirks}. Test
   * your integration under each to be right on a real store whichever way it behaves.
   * @default {} (every quirk at its default)
   * @example
   * ```ts
   * createSandboxStore({ quirks: { externalOrderIdMatch: 'prefix', skuFilterCaseSensitive: true } });
   * ```
   */
  readonly quirks?: SandboxQuirks | undefined;
}

/** The default of {@link SandboxStoreOptions.storeHash}. */
export const DEFAULT_SANDBOX_STORE_HASH = 'sandbox1';
/** The default of {@link SandboxStoreOptions.accessToken}. */
export const DEFAULT_SANDBOX_ACCESS_TOKEN = 'sandbox-token';

/** The options with defaults applied. */
export interface ResolvedSandboxOptions {
  readonly storeHash: string;
  readonly accessToken: string;
  readonly profile: Readonly<Record<string, unknown>>;
  readonly scopes: ReadonlySet<string> | undefined;
  readonly rateLimit: RateLimitOptions;
  readonly latencyMs: (request: SandboxRequest) => number;
  readonly products: readonly SandboxProductInput[];
  readonly customers: readonly SandboxCustomerInput[];
  readonly quirks: ResolvedQuirks;
}

/**
 * Checks {@link createSandboxStore}'s options and applies defaults.
 * @throws {TypeError} naming every bad option at once.
 */
export function resolveSandboxOptions(options: SandboxStoreOptions = {}): ResolvedSandboxOptions {
  const problems: string[] = [];
  const storeHash = options.storeHash ?? DEFAULT_SANDBOX_STORE_HASH;
  if (typeof storeHash !== 'string' || !/^[a-z0-9]{1,64}$/.test(storeHash)) {
    problems.push('storeHash: expected 1 to 64 lower-case letters and digits');
  }
  const accessToken = options.accessToken ?? DEFAULT_SANDBOX_ACCESS_TOKEN;
  if (typeof accessToken !== 'string' || accessToken.trim() === '') problems.push('accessToken: expected a non-empty string');
  if (options.profile !== undefined && (typeof options.profile !== 'object' || options.profile === null)) {
    problems.push('profile: expected an object');
  }
  if (options.scopes !== undefined && !(Array.isArray(options.scopes) && options.scopes.every((scope) => typeof scope === 'string'))) {
    problems.push('scopes: expected an array of scope names');
  }
  const rateLimit = { ...DEFAULT_RATE_LIMIT, ...definedFields(options.rateLimit) };
  if (!isPositiveInteger(rateLimit.quota)) problems.push('rateLimit.quota: expected a positive integer');
  if (!isPositiveInteger(rateLimit.windowMs)) problems.push('rateLimit.windowMs: expected a positive integer (milliseconds)');
  const latency = options.latencyMs ?? 0;
  if (typeof latency !== 'function' && !(typeof latency === 'number' && Number.isFinite(latency) && latency >= 0)) {
    problems.push('latencyMs: expected a non-negative number of milliseconds or a function returning one');
  }
  if (options.products !== undefined && !Array.isArray(options.products)) problems.push('products: expected an array of products');
  if (options.customers !== undefined && !(Array.isArray(options.customers) && options.customers.every((customer) => typeof customer?.email === 'string'))) {
    problems.push('customers: expected an array of customers, each with an email');
  }
  const quirks = resolveQuirks(options.quirks);
  problems.push(...quirks.problems);
  if (problems.length > 0) {
    throw new TypeError(`[bigcommerce-source/testing] createSandboxStore: invalid options. ${problems.join('; ')}.`);
  }
  return {
    storeHash,
    accessToken,
    profile: options.profile ?? {},
    scopes: options.scopes === undefined ? undefined : new Set(options.scopes),
    rateLimit,
    latencyMs: typeof latency === 'function' ? latency : () => latency,
    products: options.products ?? [],
    customers: options.customers ?? [],
    quirks: quirks.quirks,
  };
}

function isPositiveInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}
