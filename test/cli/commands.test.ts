import { describe, expect, it } from 'vitest';
import { inventoryItemSchema } from '../../src';
import { Interrupted } from '../../src/cli/interrupt';
import { createCliSandbox } from '../../src/cli/sandbox';
import { cli, errorLines } from './run-cli';

const ADDRESS = { firstName: 'Ann', lastName: 'Lee', street1: '1 Main St', city: 'Austin', state: 'Texas', zip: '78701', country: 'US' };

describe('inventory', () => {
  it('streams every item as NDJSON; --skip-hidden leaves hidden products out', async () => {
    const all = await cli(['inventory', '--sandbox']);
    const visible = await cli(['inventory', '--sandbox', '--skip-hidden', '--page-size', '50']);
    expect(all.code).toBe(0);
    expect(all.records.length).toBeGreaterThan(600);
    expect(all.records.some((item) => item.isVisible === false)).toBe(true);
    expect(visible.records.every((item) => item.isVisible === true)).toBe(true);
    expect(visible.records.length).toBe(all.records.filter((item) => item.isVisible).length);
  });

  it('resumes with --cursor after a failure mid-run: nothing lost, nothing repeated', async () => {
    const sandbox = await createCliSandbox({ seedOrders: false });
    const full = await cli(['inventory', '--page-size', '20'], { sandbox });
    let injected = false;
    const first = await cli(['inventory', '--page-size', '20', '--max-retries', '0'], {
      sandbox,
      onStdout: (_chunk, written) => {
        // The store starts failing once some pages are out.
        if (!injected && written.split('\n').length > 150) {
          injected = true;
          sandbox.injectFault({ kind: 'status', status: 500 }, { match: { path: '/v3/catalog/products' }, times: Infinity });
        }
      },
    });
    expect(first.code).toBe(1);
    const lines = errorLines(first.stderr);
    expect(lines[0]).toMatch(/^bigcommerce-source: stopped early; resume with: bigcommerce-source inventory --page-size 20 --max-retries 0 --sandbox --cursor \S+$/);
    expect(lines[1]).toMatch(/^bigcommerce-source: ServerError: /);
    const resume = lines[0]!.replace(/^.*resume with: bigcommerce-source /, '').split(' ');

    sandbox.clearFaults();
    // The printed command, word for word.
    const rest = await cli(resume, { sandbox });
    expect(rest.code).toBe(0);
    const skus = [...first.records, ...rest.records].map((item) => item.sku);
    expect(first.records.length).toBeGreaterThan(100);
    expect(rest.records.length).toBeGreaterThan(0);
    expect(new Set(skus).size).toBe(skus.length);
    expect(new Set(skus)).toEqual(new Set(full.records.map((item) => item.sku)));
  });

  it('SIGINT stops after the page in hand: the resume command, then one line, exit 130; the page is whole', async () => {
    const controller = new AbortController();
    let linesAtStop = 0;
    const run = await cli(['inventory', '--sandbox', '--page-size', '10'], {
      signal: controller.signal,
      onStdout: (_chunk, written) => {
        if (linesAtStop === 0 && written.split('\n').length > 50) {
          linesAtStop = written.split('\n').length;
          controller.abort(new Interrupted('SIGINT'));
        }
      },
    });
    expect(run.code).toBe(130);
    expect(errorLines(run.stderr)).toEqual([
      'bigcommerce-source: SIGINT: stopping cleanly (send it again to stop at once)',
      expect.stringMatching(/^bigcommerce-source: stopped early; resume with: bigcommerce-source inventory --page-size 10 --sandbox --cursor \S+$/),
      'bigcommerce-source: Interrupted: stopped by SIGINT',
    ]);
    // The page being written when the signal came was finished: the resumed run repeats nothing.
    const rest = await cli(errorLines(run.stderr)[1]!.replace(/^.*resume with: bigcommerce-source /, '').split(' '));
    const skus = [...run.records, ...rest.records].map((item) => item.sku);
    expect(run.records.length).toBeGreaterThanOrEqual(linesAtStop - 1);
    expect(new Set(skus).size).toBe(skus.length);
    expect(skus.length).toBe((await cli(['inventory', '--sandbox'])).records.length);
  });

  it('a cursor made with other filters is refused as a usage error', async () => {
    const sandbox = await createCliSandbox({ seedOrders: false });
    const stopped = await cli(['inventory', '--page-size', '10', '--max-retries', '0'], {
      sandbox,
      onStdout: () => void sandbox.injectFault({ kind: 'status', status: 500 }, { match: { path: '/v3/catalog/products' }, times: Infinity }),
    });
    const cursor = /--cursor (\S+)/.exec(stopped.stderr)?.[1] ?? '';
    sandbox.clearFaults();
    expect(cursor).not.toBe('');
    const run = await cli(['inventory', '--skip-hidden', '--cursor', cursor], { sandbox });
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)[0]).toMatch(/ValidationError: .* Hint: check --cursor/);
  });

  it('shows progress (done/total, rate, ETA) and a summary on stderr only when it is a terminal', async () => {
    const tty = await cli(['inventory', '--sandbox', '--page-size', '10'], { isTTY: true });
    expect(tty.stderr).toMatch(/inventory {2}\[[#-]+\] {2}\d+\/300 products {2}\d+ items {2}[\d.]+ products\/s {2}ETA [\d.]+ m?s/);
    expect(tty.stderr).toMatch(/inventory: \d+ items from 300 products, \d+ requests/);
    const piped = await cli(['inventory', '--sandbox', '--page-size', '10']);
    expect(piped.stderr).toMatch(/^inventory: \d+ items from 300 products, \d+ requests, [\d.]+ m?s\n$/);
    expect((await cli(['inventory', '--sandbox', '--page-size', '10', '--quiet'])).stderr).toBe('');
  });

  it('--locations adds stock per location; table and csv formats', async () => {
    const csv = await cli(['inventory', '--sandbox', '--locations', '--format', 'csv']);
    const [header, ...rows] = csv.stdout.split('\r\n');
    // Pages arrive in parallel, so rows are in no fixed order.
    const first = rows.find((row) => row.startsWith('TSHIRT-RED-M,'));
    // Every field of the item schema, in its order, whatever the options.
    expect(header).toBe(Object.keys((inventoryItemSchema._zod.def as unknown as { shape: object }).shape).join(','));
    expect(header!.split(',')).toHaveLength(27);
    expect(first).toMatch(/^TSHIRT-RED-M,1,1,Classic T-shirt,TSHIRT,,Color=Red; Size=M,variant,\d+,true,false,available,18,0,0,0,7\.5,1,0,0,0,,,,,\S+Z,BC-LOCATION-1:\d+; WH-EAST:\d+$/);
    const withoutLocations = await cli(['inventory', '--sandbox', '--format', 'csv']);
    expect(withoutLocations.stdout.split('\r\n')[0]).toBe(header);
    expect(withoutLocations.stdout.split('\r\n').find((row) => row.startsWith('TSHIRT-RED-M,'))).toMatch(/,\S+Z,$/);
    const table = await cli(['inventory', '--sandbox', '--format', 'table', '--modified-since', '2000-01-01']);
    expect(table.stdout.split('\n')[0]).toMatch(/^sku\s+productId\s+variantId\s+productName\s+options\s+quantity\s+isVisible\s+price\s+locations$/);
    expect(table.stdout).toMatch(/\nTSHIRT-RED-M\s+1\s+1\s+Classic T-shirt/);
  });
});

describe('send-order', () => {
  it('NDJSON round-trips: SKUs from inventory NDJSON, POs in as NDJSON, one result line per PO in order; resending creates nothing', async () => {
    const sandbox = await createCliSandbox({ seedOrders: false });
    const items = (await cli(['inventory', '--skip-hidden'], { sandbox })).records.filter(
      (item) => !item.purchasingDisabled && item.availability === 'available' && (item.quantity === null || (item.quantity as number) > 3),
    );
    const pos = items.slice(0, 5).map((item, index) => ({ poNumber: `PO-RT-${index}`, email: `buyer${index}@shop.example`, items: [{ sku: item.sku, quantity: 1 }], shippingAddress: ADDRESS }));
    const ndjson = `${pos.map((po) => JSON.stringify(po)).join('\n')}\n`;

    const sent = await cli(['send-order', '-', '--customer-policy', 'create-if-missing'], { stdin: ndjson, sandbox });
    expect(sent.code).toBe(0);
    expect(sent.stdout.trim().split('\n')).toHaveLength(5);
    expect(sent.records.map((record) => [record.ok, record.index, record.poNumber, record.created, record.customerCreated])).toEqual(pos.map((po, index) => [true, index, po.poNumber, true, true]));
    expect(sent.records.map((record) => (record.lines as { sku: string }[])[0]!.sku)).toEqual(pos.map((po) => po.items[0]!.sku));

    const again = await cli(['send-order', '-', '--customer-policy', 'create-if-missing'], { stdin: ndjson, sandbox });
    expect(again.records.map((record) => [record.poNumber, record.orderId, record.created])).toEqual(sent.records.map((record) => [record.poNumber, record.orderId, false]));
    expect(sandbox.orders.size).toBe(5);
  });

  it('a batch with failures: a record per PO, a line per failure on stderr, exit 1', async () => {
    const sandbox = await createCliSandbox({ seedOrders: false });
    const pos = [
      { poNumber: 'PO-B1', items: [{ sku: 'MUG-1', quantity: 1 }], shippingAddress: ADDRESS },
      { poNumber: 'PO-B2', items: [{ sku: 'GHOST-1', quantity: 1 }], shippingAddress: ADDRESS },
      { poNumber: 'PO-B3', items: [{ sku: 'MUG-1', quantity: 0 }], shippingAddress: ADDRESS },
    ];
    const run = await cli(['send-order', '-'], { stdin: JSON.stringify(pos), sandbox });
    expect(run.code).toBe(1);
    expect(run.records).toEqual([
      expect.objectContaining({ ok: true, index: 0, poNumber: 'PO-B1', created: true, customerId: 0 }),
      expect.objectContaining({ ok: false, index: 1, poNumber: 'PO-B2', error: expect.objectContaining({ name: 'UnknownSkuError', skus: ['GHOST-1'], hint: expect.any(String) }) }),
      expect.objectContaining({ ok: false, index: 2, poNumber: 'PO-B3', error: expect.objectContaining({ name: 'ValidationError', issues: [expect.objectContaining({ path: 'items[0].quantity' })] }) }),
    ]);
    expect(errorLines(run.stderr)).toEqual([
      expect.stringMatching(/^bigcommerce-source: PO PO-B2: UnknownSkuError: /),
      expect.stringMatching(/^bigcommerce-source: PO PO-B3: ValidationError: /),
      'bigcommerce-source: 2 of 3 purchase orders failed; the others were sent.',
    ]);
  });

  it('--format table, and a pretty-printed single PO with --pricing po', async () => {
    const sandbox = await createCliSandbox({ seedOrders: false });
    const po = { poNumber: 'PO-P1', items: [{ sku: 'MUG-1', quantity: 2, unitPrice: 7.25 }], shippingAddress: ADDRESS };
    const run = await cli(['send-order', '-', '--pricing', 'po', '--format', 'table'], { stdin: JSON.stringify(po, null, 2), sandbox });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^index\s+poNumber\s+result\s+orderId\s+customerId\s+customer\s+lines\s+error\n/);
    expect(run.stdout).toMatch(/\n\s*0\s+PO-P1\s+created\s+100\s+0\s+guest\s+MUG-1×2\n/);
  });
});

describe('shipments', () => {
  it('by order, by PO and since a date, in every format; --since prints the checkpoint', async () => {
    const byOrder = await cli(['shipments', '--sandbox', '--order', '100']);
    expect(byOrder.code).toBe(0);
    expect(byOrder.records).toEqual([expect.objectContaining({ orderId: 100, poNumber: 'PO-1001', carrier: 'USPS', trackingNumber: '9400100000000000000001' })]);
    const byPo = await cli(['shipments', '--sandbox', '--po', 'PO-1001', '--format', 'csv']);
    expect(byPo.stdout.split('\r\n')[1]).toMatch(/^1,100,PO-1001,USPS,usps,9400100000000000000001,https:\/\/tools\.usps\.com\/\S+,,\S+,TSHIRT-RED-M×2 MUG-1×1$/);
    const since = await cli(['shipments', '--sandbox', '--since', '1d', '--format', 'table']);
    expect(since.code).toBe(0);
    expect(since.stdout).toMatch(/^id\s+orderId\s+poNumber\s+carrier\s+trackingNumber\s+shippedAt\s+items\n/);
    expect(since.stderr).toMatch(/^shipments: 1 shipment, \d+ requests, .*\nbigcommerce-source: to carry on from here next time: bigcommerce-source shipments --sandbox --format table --cursor \S+\n$/);
    const missing = await cli(['shipments', '--sandbox', '--po', 'PO-NOPE']);
    expect(missing.code).toBe(1);
    expect(errorLines(missing.stderr)[0]).toMatch(/NotFoundError: .*PO-NOPE.* Hint: .*--po/);
  });
});

describe('demo', () => {
  it('runs the whole flow over HTTP and ends with the report', async () => {
    const run = await cli(['demo']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1\. verify/);
    expect(run.stdout).toMatch(/\d+ items from 272 products; 28 hidden products skipped/);
    expect(run.stdout).toMatch(/guest\s+PO-DEMO-1 -> order \d+ created/);
    expect(run.stdout).toMatch(/create-if-missing\s+PO-DEMO-2 -> order \d+ created for customer \d+ \(created just now/);
    expect(run.stdout).toMatch(/\n {5}bigcommerce-source: CustomerNotFoundError: .* Hint: /);
    expect(run.stdout).toMatch(/shipment \d+ of order \d+: USPS 9400111899223100001234/);
    expect(run.stdout).toMatch(/PO-DEMO-2 -> order \d+: cancelled \(status 5, "Cancelled"\), 0 of 3 units shipped/);
    expect(run.stdout).toMatch(/changed since .*: PO-DEMO-1 shipped, PO-DEMO-2 cancelled\n/);
    expect(run.stdout).toMatch(/\nReport\n {2}connection .*\n {2}inventory .*\n {2}orders .*\n {2}shipments {3}1 read back by PO number, 1 by date\n {2}order state PO-DEMO-2 cancelled by the supplier, read back; 2 order\(s\) changed since the start\n {2}total .*requests over HTTP/);
    expect(run.stderr).toBe('');
  });
});
