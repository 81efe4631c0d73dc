import { describe, expect, it } from 'vitest';
import { createSandboxStore } from '../../src/testing';
import { createCliSandbox } from '../../src/cli/sandbox';
import { cli, errorLines } from './run-cli';

const PO = {
  poNumber: 'PO-CLI-1',
  email: 'buyer@retailer.example',
  items: [{ sku: 'TSHIRT-RED-M', quantity: 1 }],
  shippingAddress: { firstName: 'Ann', lastName: 'Lee', street1: '1 Main St', city: 'Austin', state: 'Texas', zip: '78701', country: 'US' },
};

describe('exit codes', () => {
  it('0 on success, with NDJSON on stdout and nothing on stderr when it is not a terminal', async () => {
    const run = await cli(['verify', '--sandbox']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.records.map((record) => record.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('2 for usage errors: no command, an unknown command or option, a bad format or value', async () => {
    for (const argv of [[], ['frob'], ['inventory', '--sandbox', '--bogus'], ['inventory', '--sandbox', '--format', 'xml'], ['inventory', '--sandbox', '--page-size', 'ten'], ['shipments', '--sandbox'], ['shipments', '--sandbox', '--order', '1', '--po', 'X'], ['send-order', '--sandbox'], ['send-order', '--sandbox', '--customer-policy', 'vip', '-']]) {
      const run = await cli(argv, { stdin: '' });
      expect(run.code, argv.join(' ')).toBe(2);
      expect(errorLines(run.stderr)[0], argv.join(' ')).toMatch(/^bigcommerce-source: UsageError: .+ Hint: .+\.$/);
      expect(run.stdout).toBe('');
    }
  });

  it('--sandbox-quirks: an unknown quirk, a bad value, or no --sandbox is refused before anything runs', async () => {
    const lines = async (argv: string[]) => errorLines((await cli(argv)).stderr);
    expect(await lines(['inventory', '--sandbox', '--sandbox-quirks', 'nope,externalOrderIdMatch=fuzzy'])).toEqual([
      expect.stringMatching(/^bigcommerce-source: UsageError: --sandbox-quirks: invalid quirks\. .*quirks\.nope: unknown quirk.* Hint: See docs\/testing\.md for the quirks and their values\.$/),
    ]);
    expect(await lines(['inventory', '--sandbox-quirks', 'skuFilterCaseSensitive', '--store-hash', 'abc'])).toEqual([expect.stringMatching(/^bigcommerce-source: UsageError: --sandbox-quirks goes with --sandbox\. /)]);
    expect(await lines(['inventory', '--sandbox-scopes', 'store_v2_orders', '--store-hash', 'abc'])).toEqual([expect.stringMatching(/^bigcommerce-source: UsageError: --sandbox-scopes goes with --sandbox\. /)]);
  });

  it('2 for missing credentials, naming the flags and variables', async () => {
    const run = await cli(['inventory']);
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)).toEqual([expect.stringMatching(/^bigcommerce-source: ConfigError: .*BIGCOMMERCE_STORE_HASH.*BIGCOMMERCE_ACCESS_TOKEN.* Hint: /)]);
  });

  it('0 for --help and --version', async () => {
    expect((await cli(['--help'])).stdout).toMatch(/Usage: bigcommerce-source <command>/);
    expect((await cli(['inventory', '--help'])).stdout).toMatch(/--skip-hidden/);
    expect((await cli(['--version'])).code).toBe(0);
  });
});

describe('error lines', () => {
  it('a wrong token: AuthenticationError with a hint, exit 1, and the token nowhere, even with --debug', async () => {
    const token = 'not-the-token-7f3a9c';
    for (const debug of [[], ['--debug']]) {
      const run = await cli(['inventory', '--sandbox', '--access-token', token, ...debug]);
      expect(run.code).toBe(1);
      const [line] = errorLines(run.stderr);
      expect(line).toMatch(/^bigcommerce-source: AuthenticationError: .* Hint: the access token is wrong or revoked: check --access-token or BIGCOMMERCE_ACCESS_TOKEN\.$/);
      expect(run.stdout + run.stderr).not.toContain(token);
      if (debug.length > 0) expect(run.stderr).toMatch(/\n\s+at /); // the stack, only under --debug
      else expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('a wrong token from the environment, over real HTTP: the token never appears', async () => {
    const sandbox = createSandboxStore();
    const server = await sandbox.listen();
    try {
      const token = 'env-token-that-is-wrong-1234';
      const env = { BIGCOMMERCE_STORE_HASH: sandbox.storeHash, BIGCOMMERCE_ACCESS_TOKEN: token, BIGCOMMERCE_API_URL: server.url };
      const run = await cli(['verify', '--debug', '--max-retries', '0'], { env });
      expect(run.code).toBe(1);
      expect(errorLines(run.stderr)[0]).toMatch(/^bigcommerce-source: AuthenticationError: /);
      expect(run.stderr).toContain('debug: {"type":"request"');
      expect(run.stdout + run.stderr).not.toContain(token);
    } finally {
      await server.close();
    }
  });

  it('a missing scope: PermissionError naming the scope; verify lists every missing one', async () => {
    const scopes = ['store_v2_orders', 'store_v2_information_read_only'];
    const inventory = await cli(['inventory'], { sandbox: await createCliSandbox({ scopes }) });
    expect(inventory.code).toBe(1);
    expect(errorLines(inventory.stderr)).toEqual([expect.stringMatching(/^bigcommerce-source: PermissionError: .* Hint: the token lacks the store_v2_products_read_only scope, .*verify/)]);

    const verify = await cli(['verify', '--sandbox', '--sandbox-scopes', scopes.join(','), '--customer-policy', 'create-if-missing']);
    expect(verify.code).toBe(1);
    const status = Object.fromEntries(verify.records.map((record) => [record.scope, record.status]));
    expect(status).toEqual({
      store_v2_information_read_only: 'ok',
      store_v2_products_read_only: 'missing',
      store_inventory_read_only: 'missing',
      store_v2_orders_read_only: 'ok',
      store_v2_orders: 'ok',
      store_v2_customers_read_only: 'missing',
      store_v2_customers: 'missing',
    });
    const [line] = errorLines(verify.stderr);
    expect(line).toMatch(/^bigcommerce-source: MissingScopeError: the token lacks store_v2_products_read_only .*store_inventory_read_only .*store_v2_customers_read_only .*store_v2_customers .* Hint: /);
    expect(line).not.toMatch(/lacks.*store_v2_orders /);
  });

  it('verify needs the customers scopes only for the policies that use them', async () => {
    const scopes = 'store_v2_products_read_only,store_inventory_read_only,store_v2_orders';
    expect((await cli(['verify', '--sandbox', '--sandbox-scopes', scopes])).code).toBe(0);
    expect((await cli(['verify', '--sandbox', '--sandbox-scopes', scopes, '--customer-policy', 'require-existing'])).code).toBe(1);
  });

  it('verify probes go through the SDK: a 429 on a probe is waited out and retried, not reported as unknown', async () => {
    const sandbox = await createCliSandbox({ seedOrders: false });
    sandbox.injectFault({ kind: 'status', status: 429, headers: { 'X-Rate-Limit-Time-Reset-Ms': '50' } }, { match: { method: 'GET', path: '/v3/inventory/items' } });
    sandbox.injectFault({ kind: 'status', status: 429, headers: { 'X-Rate-Limit-Time-Reset-Ms': '50' } }, { match: { method: 'POST', path: '/v2/orders' } });
    const run = await cli(['verify'], { sandbox });
    expect(run.code).toBe(0);
    const byScope = Object.fromEntries(run.records.map((record) => [record.scope, record]));
    expect(byScope.store_inventory_read_only).toMatchObject({ status: 'ok', detail: 'GET /v3/inventory/items?limit=1 answered 200' });
    expect(byScope.store_v2_orders).toMatchObject({ status: 'ok' });
    const sent = (method: string, path: string) => sandbox.requests.filter((request) => request.method === method && request.path === path).length;
    expect(sent('GET', '/v3/inventory/items')).toBe(2);
    expect(sent('POST', '/v2/orders')).toBe(2);
    expect([...sandbox.orders.all()]).toHaveLength(0);
  });

  it('a bad page size: UsageError naming --page-size and its range from the option table, exit 2, nothing sent', async () => {
    for (const size of ['0', '251']) {
      const sandbox = await createCliSandbox({ seedOrders: false });
      const run = await cli(['inventory', '--page-size', size], { sandbox });
      expect(run.code).toBe(2);
      expect(errorLines(run.stderr)).toEqual([`bigcommerce-source: UsageError: --page-size takes a whole number from 1 to 250, got "${size}". Hint: e.g. --page-size 250.`]);
      expect(sandbox.requests).toEqual([]);
    }
  });

  it('an unknown SKU: UnknownSkuError naming it, exit 1, nothing written', async () => {
    const sandbox = await createCliSandbox({ seedOrders: false });
    const po = { ...PO, items: [{ sku: 'NO-SUCH-SKU', quantity: 1 }, { sku: 'MUG-1', quantity: 1 }] };
    const run = await cli(['send-order', '-'], { stdin: JSON.stringify(po), sandbox });
    expect(run.code).toBe(1);
    expect(errorLines(run.stderr)).toEqual([expect.stringMatching(/^bigcommerce-source: UnknownSkuError: .*"NO-SUCH-SKU".* Hint: .*bigcommerce-source inventory/)]);
    expect(run.records).toEqual([{ ok: false, index: 0, poNumber: 'PO-CLI-1', error: expect.objectContaining({ name: 'UnknownSkuError', skus: ['NO-SUCH-SKU'] }) }]);
    expect(sandbox.orders.size).toBe(0);
  });

  it('an unknown customer under require-existing: CustomerNotFoundError with the way out, exit 1', async () => {
    const sandbox = await createCliSandbox({ seedOrders: false });
    const run = await cli(['send-order', '-', '--customer-policy', 'require-existing'], { stdin: JSON.stringify({ ...PO, email: 'nobody@nowhere.example' }), sandbox });
    expect(run.code).toBe(1);
    expect(errorLines(run.stderr)).toEqual([
      expect.stringMatching(/^bigcommerce-source: CustomerNotFoundError: .*nobody@nowhere\.example.* Hint: .*--customer-policy create-if-missing/),
    ]);
    expect(sandbox.orders.size).toBe(0);
    // The same PO with the known customer goes through.
    const ok = await cli(['send-order', '-', '--customer-policy', 'require-existing'], { stdin: JSON.stringify(PO), sandbox });
    expect(ok.code).toBe(0);
    expect(ok.records).toEqual([expect.objectContaining({ ok: true, poNumber: 'PO-CLI-1', created: true, customerId: 1 })]);
  });

  it('a file that is not there, or a malformed NDJSON line: exit 2, nothing sent', async () => {
    const sandbox = await createCliSandbox({ seedOrders: false });
    expect((await cli(['send-order', '/no/such/file.ndjson'], { sandbox })).stderr).toMatch(/UsageError: cannot read \/no\/such\/file\.ndjson: ENOENT/);
    const run = await cli(['send-order', '-'], { stdin: `${JSON.stringify(PO)}\n{not json\n`, sandbox });
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)[0]).toMatch(/UsageError: stdin line 2 is not JSON .*nothing was sent/);
    expect(sandbox.orders.size).toBe(0);
  });

  it('a server failure mid-run is exit 1 with the error class, and never a stack without --debug', async () => {
    const sandbox = await createCliSandbox({ seedOrders: false });
    sandbox.injectFault({ kind: 'status', status: 503 }, { times: Infinity });
    const run = await cli(['shipments', '--po', 'PO-1', '--max-retries', '0'], { sandbox });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^bigcommerce-source: ServerError: .* Hint: BigCommerce failed on its side/)]);
  });
});
