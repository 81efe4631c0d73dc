// The built command's help, and `bigcommerce-source sandbox` as a server other processes point at.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src';
import { COMMAND_SPECS, COMMANDS, optionsOf } from '../../src/cli/options';
import { records, runCliProcess, startSandboxServer, temporaryFolder } from './subprocess';

describe('help', () => {
  it('help COMMAND and COMMAND --help list every flag the parser accepts for it, and no other', async () => {
    const runs = await Promise.all(COMMANDS.flatMap((command) => [runCliProcess(['help', command]), runCliProcess([command, '--help'])]));
    COMMANDS.forEach((command, index) => {
      const [viaHelp, viaFlag] = [runs[index * 2]!, runs[index * 2 + 1]!];
      expect(viaHelp.code).toBe(0);
      expect(viaFlag.stdout).toBe(viaHelp.stdout);
      const accepted = Object.keys(optionsOf(command)).map((name) => `--${name}`);
      const listed = new Set(viaHelp.stdout.match(/(?<![\w-])--[a-z][a-z-]*/g));
      const options = viaHelp.stdout.split('\nExample')[0]!;
      for (const flag of accepted) expect(options, `${command} ${flag}`).toMatch(new RegExp(`\\n  (-\\w, )?${flag}\\b`));
      // Every flag help mentions (in usage lines, descriptions, examples) is one the command takes,
      // except the commands it points to.
      const elsewhere = new Set(['--help', '--api-url', '--store-hash', '--access-token', '--version']);
      expect([...listed].filter((flag) => !accepted.includes(flag) && !elsewhere.has(flag)), command).toEqual([]);
      expect(viaHelp.stdout).toMatch(/\nExamples?:\n {2}bigcommerce-source /);
      expect(viaHelp.stdout).toMatch(/\nExit codes:\n {2}0: success\n {2}1: .*\n {2}2: .*\n/);
      if (COMMAND_SPECS[command].connects) expect(viaHelp.stdout).toMatch(/\n {2}130: .*SIGINT.*\n {2}143: .*SIGTERM/);
    });
    const inventory = runs[COMMANDS.indexOf('inventory') * 2]!.stdout;
    expect(inventory).toMatch(/--page-size N +products per request \(1 to 250; default 250\)/);
    expect(inventory).toMatch(/--sandbox-scopes LIST/);
    expect(inventory).toMatch(/--format ndjson\|table\|csv/);
    expect(inventory).toMatch(/Environment:\n {2}BIGCOMMERCE_STORE_HASH, BIGCOMMERCE_ACCESS_TOKEN/);
  }, 90_000);

  it('help alone lists every command; --version prints the version; an unknown help topic is a usage error', async () => {
    const [general, version, unknown] = await Promise.all([runCliProcess(['help']), runCliProcess(['--version']), runCliProcess(['help', 'frob'])]);
    for (const command of COMMANDS) expect(general.stdout).toMatch(new RegExp(`\\n {2}${command} +\\S`));
    expect(version).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^bigcommerce-source: UsageError: help: unknown command "frob"\. Hint: one of verify, /);
  }, 30_000);
});

describe('bigcommerce-source sandbox', () => {
  it('--state FILE: an order sent with the CLI and shipped through the admin path survives kill -9 and a restart, and is read back', async () => {
    const folder = await temporaryFolder();
    const state = join(folder.path, 'sandbox-state.json');
    try {
      const first = await startSandboxServer(['--state', state]);
      const po = {
        poNumber: 'PO-STATE-1',
        email: 'buyer@retailer.example',
        items: [{ sku: 'TSHIRT-RED-M', quantity: 2 }, { sku: 'MUG-1', quantity: 1 }],
        shippingAddress: { firstName: 'Ann', lastName: 'Lee', street1: '1 Main St', city: 'Austin', state: 'Texas', zip: '78701', country: 'US' },
      };
      const sent = await runCliProcess(['send-order', '-', ...first.connection], { env: first.env, stdin: JSON.stringify(po) });
      expect(sent.code, sent.stderr).toBe(0);
      const [order] = records(sent.stdout);
      expect(order).toMatchObject({ ok: true, created: true, poNumber: 'PO-STATE-1' });

      // The merchant at work: ship the order, hide a product, change stock, delete a product.
      const shipped = await first.admin('POST', `/orders/${String(order!.orderId)}/shipments`, { trackingNumber: '9400100000000000000777', shippingProvider: 'usps' });
      expect(shipped.status).toBe(201);
      expect((await first.admin('PATCH', '/products/3', { is_visible: false, price: 12.5 })).status).toBe(200);
      expect((await first.admin('PUT', '/stock/TSHIRT-BLUE-M', { quantity: 3 })).status).toBe(200);
      expect((await first.admin('DELETE', '/products/4')).status).toBe(204);
      const stats = (await (await first.admin('GET', '')).json()) as { data: Record<string, number> };
      expect(stats.data).toMatchObject({ storeHash: 'sandbox1', orders: 3, products: 299, rateLimited: 0 });

      // kill -9: no chance to save on the way out; every change was saved before it was answered.
      first.process.child.kill('SIGKILL');
      await first.process.exited;
      expect(JSON.parse(await readFile(state, 'utf8'))).toMatchObject({ version: 1, stores: [{ storeHash: 'sandbox1' }] });

      const second = await startSandboxServer(['--state', state]);
      try {
        expect(second.url).not.toBe('');
        const shipments = await runCliProcess(['shipments', '--po', 'PO-STATE-1', ...second.connection], { env: second.env });
        expect(shipments.code, shipments.stderr).toBe(0);
        expect(records(shipments.stdout)).toEqual([
          expect.objectContaining({ orderId: order!.orderId, poNumber: 'PO-STATE-1', carrier: 'USPS', trackingNumber: '9400100000000000000777', items: [expect.objectContaining({ sku: 'TSHIRT-RED-M', quantity: 2 }), expect.objectContaining({ sku: 'MUG-1', quantity: 1 })] }),
        ]);
        const items = records((await runCliProcess(['inventory', ...second.connection], { env: second.env })).stdout);
        expect(items.filter((item) => item.productId === 4)).toEqual([]);
        expect(items.filter((item) => item.productId === 3).every((item) => item.isVisible === false && item.price === 12.5)).toBe(true);
        expect(items.find((item) => item.sku === 'TSHIRT-BLUE-M')).toMatchObject({ quantity: 3 });
        // The same PO again: the restored store knows it.
        const again = await runCliProcess(['send-order', '-', ...second.connection], { env: second.env, stdin: JSON.stringify(po) });
        expect(records(again.stdout)).toEqual([expect.objectContaining({ orderId: order!.orderId, created: false })]);
        // A status change by the merchant, through the admin path.
        const cancelled = await second.admin('PUT', `/orders/${String(order!.orderId)}/status`, { statusId: 5 });
        expect(await cancelled.json()).toMatchObject({ data: { id: order!.orderId, status_id: 5, status: 'Cancelled' } });
      } finally {
        const stopped = await second.stop();
        expect(stopped.code).toBe(0);
        expect(stopped.stderr).toContain(`sandbox: stopped; the stores are in ${state}`);
      }
      const saved = JSON.parse(await readFile(state, 'utf8')) as { stores: Array<{ orders: { orders: Array<{ status_id: number; external_order_id: string }> } }> };
      expect(saved.stores[0]!.orders.orders.find((entry) => entry.external_order_id === 'PO-STATE-1')).toMatchObject({ status_id: 5 });
    } finally {
      await folder.remove();
    }
  }, 90_000);

  it('--stores N serves N stores, each with its own catalog and quota, and counts 429s per store', async () => {
    // The variable a shell exported for the other commands does not hide the server's own token.
    const server = await startSandboxServer(['--stores', '3', '--products', '20', '--seed', '7', '--quota', '5', '--window', '60000'], { env: { BIGCOMMERCE_ACCESS_TOKEN: 'sandbox-token' } });
    expect(server.accessToken).toBe('sandbox-token');
    try {
      const first = JSON.parse(server.process.stdout().split('\n')[0]!) as { stores: Array<{ storeHash: string; accessToken: string }> };
      expect(first.stores.map((store) => store.storeHash)).toEqual(['sandbox1', 'sandbox2', 'sandbox3']);
      const call = (hash: string, path: string) => fetch(`${server.url}/stores/${hash}${path}`, { headers: { 'X-Auth-Token': server.accessToken } });
      const skus = async (hash: string) => ((await (await call(hash, '/v3/catalog/products?limit=250')).json()) as { data: Array<{ sku: string }> }).data.map((product) => product.sku);
      expect(await skus('sandbox1')).not.toEqual(await skus('sandbox2'));
      for (let index = 0; index < 5; index += 1) await call('sandbox2', '/v2/time');
      expect((await call('sandbox2', '/v2/time')).status).toBe(429);
      expect((await call('sandbox3', '/v2/time')).status).toBe(200);
      const counters = async (hash: string) =>
        ((await (await fetch(`${server.url}/__sandbox/stores/${hash}`, { headers: { 'X-Auth-Token': server.accessToken } })).json()) as { data: Record<string, number> }).data;
      expect(await counters('sandbox2')).toMatchObject({ storeHash: 'sandbox2', products: 20, requests: 7, rateLimited: 2 });
      expect(await counters('sandbox3')).toMatchObject({ requests: 1, rateLimited: 0 });
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('--quirks: every store plays them (here, PO numbers matched by prefix), and a bad one stops it at once', async () => {
    const server = await startSandboxServer(['--quirks', 'externalOrderIdMatch=prefix']);
    try {
      const orders = await fetch(`${server.url}/stores/sandbox1/v2/orders?external_order_id=PO-100`, { headers: { 'X-Auth-Token': server.accessToken, Accept: 'application/json' } });
      expect(((await orders.json()) as Array<{ external_order_id: string }>).map((order) => order.external_order_id).sort()).toEqual(['PO-1001', 'PO-1002']);
      // The SDK stays right under it: the PO's own shipments only.
      const shipments = await runCliProcess(['shipments', '--po', 'PO-1001', ...server.connection], { env: server.env });
      expect(records(shipments.stdout).map((shipment) => shipment.poNumber)).toEqual(['PO-1001']);
    } finally {
      await server.stop();
    }
    const refused = await runCliProcess(['sandbox', '--quirks', 'nope']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^bigcommerce-source: UsageError: --quirks: invalid quirks\. .*nope: unknown quirk/);
  }, 60_000);
});
