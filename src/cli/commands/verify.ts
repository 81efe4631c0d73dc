import { PermissionError, type CustomerPolicy, type StoreInfo } from '../../index';
import { choiceFlag } from '../flag-values';
import type { CommandContext } from '../context';
import { connect, type Connection } from '../credentials';
import { CliFailure } from '../errors';
import { createRowWriter, type Column } from '../output';
import { probe, type ProbeResult } from '../probe';

/** One line of `verify`'s output. */
export interface VerifyCheck {
  readonly check: string;
  /** The OAuth scope checked, for scope checks. */
  readonly scope?: string;
  readonly status: 'ok' | 'missing' | 'unknown';
  /** Whether the operations asked for need it (see `--customer-policy`). */
  readonly required: boolean;
  readonly neededBy: string;
  readonly detail: string;
}

export const VERIFY_COLUMNS: readonly Column<VerifyCheck>[] = [
  { header: 'check', value: (check) => check.check },
  { header: 'scope', value: (check) => check.scope },
  { header: 'status', value: (check) => check.status },
  { header: 'required', value: (check) => (check.required ? 'yes' : 'no') },
  { header: 'neededBy', value: (check) => check.neededBy },
  { header: 'detail', value: (check) => check.detail },
];

interface ScopeProbe {
  readonly check: string;
  readonly scope: string;
  readonly neededBy: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** Statuses that prove the scope: a read's 200/204, or a refused empty write's 400/422. */
  readonly proof: readonly number[];
}

/**
 * BigCommerce has no endpoint listing a token's scopes, so each family is probed with one request
 * and a 403 read as "missing". A GET proves read access only; a modify scope is proven by a write
 * BigCommerce must refuse before writing anything: an empty order (400) or an empty customer list
 * (422). The scope check comes first, so those answer 403 when the scope is missing.
 */
function scopeProbes(): ScopeProbe[] {
  return [
    { check: 'products read', scope: 'store_v2_products_read_only', neededBy: 'inventory; send-order (SKU lookup)', method: 'GET', path: '/v3/catalog/products', query: { limit: '1' }, proof: [200] },
    { check: 'inventory read', scope: 'store_inventory_read_only', neededBy: 'send-order (SKU lookup); inventory --locations', method: 'GET', path: '/v3/inventory/items', query: { limit: '1' }, proof: [200] },
    { check: 'orders read', scope: 'store_v2_orders_read_only', neededBy: 'shipments', method: 'GET', path: '/v2/orders', query: { limit: '1' }, proof: [200, 204] },
    { check: 'orders modify', scope: 'store_v2_orders', neededBy: 'send-order (creates orders)', method: 'POST', path: '/v2/orders', body: {}, proof: [400, 422] },
    { check: 'customers read', scope: 'store_v2_customers_read_only', neededBy: 'send-order --customer-policy require-existing', method: 'GET', path: '/v3/customers', query: { limit: '1' }, proof: [200] },
    { check: 'customers modify', scope: 'store_v2_customers', neededBy: 'send-order --customer-policy create-if-missing', method: 'POST', path: '/v3/customers', body: [], proof: [400, 422] },
  ];
}

/** `verify`: the connection, then every scope the operations need; exit 1 when a required one is missing. */
export async function verifyCommand(context: CommandContext): Promise<number> {
  const { flags, terminal } = context;
  const policy = choiceFlag<CustomerPolicy>(flags, 'customer-policy') ?? 'guest';
  const connection = await connect(flags, context.io, terminal, { onEvent: context.onEvent });
  try {
    const checks = await collectChecks(connection, policy, context.signal);
    const writer = createRowWriter(context.format, terminal, VERIFY_COLUMNS);
    for (const check of checks) await writer.write(check);
    await writer.end();
    const missing = checks.filter((check) => check.required && check.status !== 'ok');
    if (checks.every((check) => check.scope !== undefined && check.status === 'missing')) {
      throw new CliFailure('PermissionError', 'every request was refused (403)', "the store hash is not this token's store, or the token has no scopes: check --store-hash / BIGCOMMERCE_STORE_HASH");
    }
    if (missing.length > 0) {
      const names = missing.map((check) => `${check.scope ?? check.check} (${check.neededBy})`).join(', ');
      const unknown = missing.every((check) => check.status === 'unknown');
      throw new CliFailure(
        unknown ? 'VerifyError' : 'MissingScopeError',
        unknown ? `could not check ${names}` : `the token lacks ${names}`,
        unknown ? 'retry, or rerun with --debug' : 'scopes are fixed when the API account is created (Settings › Store-level API accounts): create one with these scopes, or add them to your app',
      );
    }
    if (terminal.isTTY) terminal.err(`verify: ${connection.label}: every scope the operations need is there\n`);
    return 0;
  } finally {
    await connection.close();
  }
}

/**
 * The checks, in order: the connection, then one per scope. Required: products and inventory read,
 * orders modify (and so read); customers read under `require-existing`, modify under `create-if-missing`.
 */
export async function collectChecks(connection: Connection, policy: CustomerPolicy, signal: AbortSignal | undefined): Promise<VerifyCheck[]> {
  const required = new Set(['store_v2_products_read_only', 'store_inventory_read_only', 'store_v2_orders_read_only', 'store_v2_orders']);
  if (policy !== 'guest') required.add('store_v2_customers_read_only');
  if (policy === 'create-if-missing') required.add('store_v2_customers');
  const checks: VerifyCheck[] = [];
  // The connection first: a wrong token or an unreachable store ends verify with its error line.
  let store: StoreInfo | undefined;
  try {
    store = await connection.source.verifyConnection(signal ? { signal } : {});
  } catch (error) {
    if (!(error instanceof PermissionError)) throw error;
  }
  checks.push({
    check: 'connection',
    scope: 'store_v2_information_read_only',
    status: store ? 'ok' : 'missing',
    required: false,
    neededBy: "verify (GET /v2/store); the operations don't need it",
    detail: store ? `${store.name} (${store.storeHash}), ${store.secureUrl}, ${store.currency ?? '?'}` : 'GET /v2/store refused (403)',
  });
  const probes = scopeProbes();
  const results = await Promise.all(probes.map((item) => probe(connection, item, signal)));
  probes.forEach((item, index) => checks.push(scopeCheck(item, results[index]!, required.has(item.scope))));
  return checks;
}

function scopeCheck(item: ScopeProbe, result: ProbeResult, required: boolean): VerifyCheck {
  const base = { check: item.check, scope: item.scope, required, neededBy: item.neededBy };
  const request = `${item.method} ${item.path}${item.query ? `?${new URLSearchParams(item.query)}` : ''}`;
  if ('failure' in result) return { ...base, status: 'unknown', detail: `${request}: ${result.failure}` };
  if (result.status === 403) return { ...base, status: 'missing', detail: `${request} refused (403)` };
  if (item.proof.includes(result.status)) {
    const how = item.method === 'GET' ? `${request} answered ${result.status}` : `${request} with an empty body refused as invalid (${result.status}), not forbidden: nothing was written`;
    return { ...base, status: 'ok', detail: how };
  }
  if (item.method === 'POST' && result.status >= 200 && result.status < 300) {
    return { ...base, status: 'ok', detail: `${request} with an empty body accepted (there was nothing to create)` };
  }
  if (result.status === 401) return { ...base, status: 'unknown', detail: `${request} answered 401: the token was refused` };
  return { ...base, status: 'unknown', detail: `${request} answered ${result.status}` };
}
