import { ApiError, isBigCommerceError, type FieldIssue } from '../index';

/** A command line the CLI cannot run: an unknown option, a missing argument, a bad value. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
  }
}

/** An operation that failed in a way the CLI found itself (e.g. `verify` finding missing scopes). Exit code 1. */
export class CliFailure extends Error {
  readonly hint: string | undefined;

  constructor(name: string, message: string, hint?: string) {
    super(message);
    this.name = name;
    this.hint = hint;
  }
}

/** Error classes that mean "the command line or the configuration is wrong": exit code 2. */
const USAGE_CLASSES = new Set(['UsageError', 'ConfigError', 'ValidationError']);

/**
 * 0 success, 1 the operation failed, 2 usage or configuration error. A `ValidationError` is the
 * caller's input (a flag, a cursor, a purchase order's fields): 2. An `UnknownSkuError` (a
 * `ValidationError` too) is the store refusing a PO it cannot fill: 1, like a missing customer.
 */
export function exitCodeOf(error: unknown): 1 | 2 {
  const name = errorName(error);
  return USAGE_CLASSES.has(name) ? 2 : 1;
}

export function errorName(error: unknown): string {
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)) {
    return String((error as { name: unknown }).name);
  }
  return 'Error';
}

/** Option paths of the SDK's inputs, as CLI flags. */
const FLAG_OF_OPTION: Readonly<Record<string, string>> = {
  pageSize: '--page-size (a whole number from 1 to 250)',
  modifiedSince: '--modified-since (an ISO 8601 date such as 2026-11-26 or 2026-11-26T10:00:00Z, or 24h / 7d)',
  cursor: '--cursor (copy it exactly as printed; it only resumes a run with the same filters)',
  since: '--since (an ISO 8601 date such as 2026-11-26T10:00:00Z, or 24h / 7d)',
  storeHash: '--store-hash or BIGCOMMERCE_STORE_HASH (the hash, a store URL or the API path)',
  'auth.accessToken': '--access-token or BIGCOMMERCE_ACCESS_TOKEN',
  accessToken: '--access-token or BIGCOMMERCE_ACCESS_TOKEN',
  'auth.clientId': '--client-id or BIGCOMMERCE_CLIENT_ID',
  apiBaseUrl: '--api-url or BIGCOMMERCE_API_URL (https, or http on a loopback host)',
  timeoutMs: '--timeout (milliseconds)',
  maxRetries: '--max-retries (0 to 20)',
  customerPolicy: '--customer-policy (guest, create-if-missing or require-existing)',
  pricing: '--pricing (store or po)',
  concurrency: '--concurrency',
};

function flagsOf(issues: readonly FieldIssue[]): string[] {
  const flags = new Set<string>();
  for (const issue of issues) {
    const key = issue.path.replace(/^options\./, '');
    const flag = FLAG_OF_OPTION[key] ?? FLAG_OF_OPTION[key.split('.')[0] ?? ''];
    if (flag) flags.add(flag);
  }
  return [...flags];
}

/** The OAuth scope a request needs, from its method and path. */
export function scopeForRequest(method: string, path: string): string | undefined {
  const read = method.toUpperCase() === 'GET';
  if (/^\/v2\/(store|time)\b/.test(path)) return 'store_v2_information_read_only';
  if (path.startsWith('/v3/catalog')) return read ? 'store_v2_products_read_only' : 'store_v2_products';
  if (path.startsWith('/v3/inventory/locations')) return 'store_locations_read_only';
  if (path.startsWith('/v3/inventory')) return read ? 'store_inventory_read_only' : 'store_inventory';
  if (path.startsWith('/v2/orders')) return read ? 'store_v2_orders_read_only' : 'store_v2_orders';
  if (path.startsWith('/v3/customers')) return read ? 'store_v2_customers_read_only' : 'store_v2_customers';
  return undefined;
}

/**
 * What to do about an error, in one phrase: which flag, which scope, which command. Values taken
 * from the error (a request id) go through `redact`; the wording is ours and never is.
 */
export function hintFor(error: unknown, redact: (value: string) => string = (value) => value): string | undefined {
  if (error instanceof UsageError || error instanceof CliFailure) return error.hint;
  const name = errorName(error);
  const fields = (error ?? {}) as Record<string, unknown>;
  const issues = Array.isArray(fields.issues) ? (fields.issues as FieldIssue[]) : [];
  switch (name) {
    case 'ConfigError':
    case 'ValidationError': {
      const flags = flagsOf(issues);
      if (flags.length > 0) return `check ${flags.join('; ')}`;
      if (issues.some((issue) => /^(items|email|poNumber|shippingAddress|billingAddress|shipping|notes|customerMessage|\d)/.test(issue.path) || issue.path === '')) {
        return 'fix the purchase order fields named above';
      }
      return undefined;
    }
    case 'UnknownSkuError':
      return 'the store has no such SKU: `bigcommerce-source inventory` lists the SKUs it sells';
    case 'CustomerNotFoundError':
      return 'create the customer in the store first, or send with --customer-policy create-if-missing (or guest)';
    case 'AuthenticationError':
      return 'the access token is wrong or revoked: check --access-token or BIGCOMMERCE_ACCESS_TOKEN';
    case 'PermissionError': {
      const scope = error instanceof ApiError ? scopeForRequest(error.method, error.path) : undefined;
      const what = scope ? `the token lacks the ${scope} scope` : 'the token lacks a scope';
      return `${what}, or the store hash is not the token's store; \`bigcommerce-source verify\` lists missing scopes`;
    }
    case 'NotFoundError':
      return 'nothing in this store has that id: check --order / --po, and the store hash';
    case 'RateLimitError': {
      const resetMs = typeof fields.resetMs === 'number' ? fields.resetMs : undefined;
      return `the store's API quota is spent${resetMs === undefined ? '' : `; it refills in ${Math.ceil(resetMs / 1000)} s`}: retry later, or lower --concurrency`;
    }
    case 'TimeoutError':
      return 'the store did not answer in time: retry, or raise --timeout (milliseconds)';
    case 'ConnectionError':
      return 'the API could not be reached: check the network, a proxy, or --api-url';
    case 'ServerError':
      return `BigCommerce failed on its side; retry later${typeof fields.requestId === 'string' ? ` (request id ${redact(fields.requestId)})` : ''}`;
    case 'RedirectError':
      return `the API answered with a redirect${typeof fields.targetOrigin === 'string' ? ` to ${redact(fields.targetOrigin)}` : ''}, which is never followed (the token would go along): check --api-url, and any proxy in between`;
    case 'ResponseTooLargeError':
      return 'the answer was larger than the SDK reads (maxResponseBytes); with inventory, a smaller --page-size makes smaller pages';
    case 'PurchaseOrderConflictError':
      return 'the same PO number is in the input twice with different contents; send each PO once (its copies must be equal)';
    case 'PurchaseOrderLookupError':
      return 'the store listed more orders for this PO number than a lookup reads (its external_order_id filter seems to match loosely), and nothing was written: docs/real-stores.md (PO lookups) shows how to check the store';
    case 'ResponseValidationError':
      return 'the store answered something unexpected; rerun with --debug and report it';
    case 'ConflictError':
    case 'UnprocessableEntityError':
    case 'ApiError':
      return 'the store refused the request; rerun with --debug to see its answer';
    case 'AbortError':
    case 'Interrupted':
      return undefined;
    default:
      return isBigCommerceError(error) ? undefined : 'unexpected: rerun with --debug for the stack trace, and report it';
  }
}

/** For `--debug`: the stack and the cause chain, every secret value scrubbed (it is all data). */
export function debugDetails(error: unknown, redact: (text: string) => string): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth += 1) {
    lines.push(depth === 0 ? '' : 'caused by:', current instanceof Error ? (current.stack ?? String(current)) : String(current));
    if (isBigCommerceError(current)) lines.push(`details: ${JSON.stringify(current)}`);
    current = current instanceof Error ? current.cause : undefined;
  }
  return redact(lines.filter((line) => line !== '').join('\n'));
}
