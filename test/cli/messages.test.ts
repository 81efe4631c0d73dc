import { describe, expect, it } from 'vitest';
import { ApiError, ConnectionError, PurchaseOrderConflictError, PurchaseOrderLookupError, RedirectError, ResponseTooLargeError, ValidationError } from '../../src';
import { errorLine, MAX_PRINTED_QUERY, nameUnknownKeys, shortenQueries, tidyPunctuation } from '../../src/cli/error-line';
import { Interrupted } from '../../src/cli/interrupt';
import { Terminal } from '../../src/cli/io';
import { Reporter } from '../../src/cli/reporter';
import { createCliSandbox } from '../../src/cli/sandbox';
import { cli, errorLines } from './run-cli';

const ADDRESS = { firstName: 'Ann', lastName: 'Lee', street1: '1 Main St', city: 'Austin', state: 'Texas', zip: '78701', country: 'US' };

describe('error lines: one builder', () => {
  it('one punctuation mark where the store and the SDK both end a sentence', async () => {
    const run = await cli(['inventory', '--sandbox', '--sandbox-scopes', 'store_v2_orders']);
    const [line] = errorLines(run.stderr);
    expect(line).toMatch(/^bigcommerce-source: PermissionError: .*endpoint\. The token lacks .* Hint: the token lacks the store_v2_products_read_only scope, .*\.$/);
    expect(line).not.toMatch(/(?<!\.)\.\.(?!\.)/);
    expect(tidyPunctuation('stock.. Check it?. Done:. Wait...')).toBe('stock. Check it? Done. Wait...');
  });

  it('a token that is a word never rewrites the wording: values are redacted, never our sentences', async () => {
    const run = await cli(['inventory', '--sandbox', '--access-token', 'wrong']);
    expect(run.code).toBe(1);
    const [line] = errorLines(run.stderr);
    expect(line).toContain('Check the access token: it is missing, wrong or revoked.');
    expect(line).toContain('Hint: the access token is wrong or revoked: check --access-token or BIGCOMMERCE_ACCESS_TOKEN.');
    expect(line).not.toContain('[redacted]');
  });

  it('a value from outside the SDK is redacted wherever the token appears in it, as given and as sent (trimmed)', () => {
    const written: string[] = [];
    const terminal = new Terminal({ stdout: { write: () => true }, stderr: { write: (chunk: string) => void written.push(chunk) } });
    terminal.addSecret('  padded-token-123\r');
    const foreign = new Error('socket said padded-token-123 and "  padded-token-123\r"');
    expect(errorLine(foreign, terminal.redact)).toBe('bigcommerce-source: Error: socket said [redacted] and "[redacted]". Hint: unexpected: rerun with --debug for the stack trace, and report it.');
    // An SDK message is the SDK's wording with redacted values; a credential-length secret is still
    // scrubbed from it, as a last resort (a runtime's error text quoted in a ConnectionError).
    const fromSdk = new ConnectionError('[bigcommerce-source] GET /v2/store failed before a response arrived: invalid header value "padded-token-123"', { method: 'GET', path: '/v2/store' });
    expect(errorLine(fromSdk, terminal.redact)).toContain('invalid header value "[redacted]". Hint:');
  });

  it(`a query over ${MAX_PRINTED_QUERY} characters is shortened in the line; the error keeps the whole path`, async () => {
    const sandbox = await createCliSandbox({ seedOrders: false });
    sandbox.injectFault({ kind: 'status', status: 500 }, { match: { path: '/v3/inventory/items' }, times: Infinity });
    const run = await cli(['inventory', '--locations', '--max-retries', '0', '--debug'], { sandbox });
    expect(run.code).toBe(1);
    const line = errorLines(run.stderr).find((text) => text.startsWith('bigcommerce-source: ServerError'))!;
    expect(line).toMatch(/GET \/v3\/inventory\/items\?\S{80}… \(a query of \d{3,4} characters\)/);
    expect(line.length).toBeLessThan(600);
    // --debug shows the error object, whose path is whole.
    const details = /details: (\{.*\})/.exec(run.stderr)![1]!;
    expect((JSON.parse(details) as { path: string }).path.length).toBeGreaterThan(900);
    expect(shortenQueries('GET /v2/orders?min_id=1 failed')).toBe('GET /v2/orders?min_id=1 failed');
  });

  it('unknown keys are named as paths, in the line and in the record', async () => {
    const sandbox = await createCliSandbox({ seedOrders: false });
    const po = { poNumber: 'PO-K1', pagesize: 3, items: [{ sku: 'MUG-1', quantity: 1, qty: 2 }], shippingAddress: ADDRESS };
    const run = await cli(['send-order', '-'], { stdin: JSON.stringify(po), sandbox });
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)).toEqual([expect.stringMatching(/^bigcommerce-source: ValidationError: orders\.send: invalid purchase order "PO-K1"\. items\[0\]\.qty: unknown key; pagesize: unknown key\. Nothing was sent\. Hint: /)]);
    expect(run.records[0]).toMatchObject({ error: { issues: [{ path: 'items[0].qty', message: 'unknown key' }, { path: 'pagesize', message: 'unknown key' }] } });
    expect(run.stderr).not.toContain('(value)');
    expect(nameUnknownKeys('x: invalid options. (value): Unrecognized keys: "a", "b"')).toBe('x: invalid options. a: unknown key; b: unknown key');
  });

  it('an API error whose message lacks its path gets it, shortened, after the message', () => {
    const path = `/v3/catalog/variants?id:in=${Array.from({ length: 250 }, (_, index) => 1000 + index).join(',')}`;
    const error = new ApiError('[bigcommerce-source] The store refused.', { status: 400, method: 'GET', path, body: undefined, requestId: undefined });
    const line = errorLine(error);
    expect(line).toMatch(/^bigcommerce-source: ApiError: The store refused\. \(GET \/v3\/catalog\/variants\?id:in=\S{74}… \(a query of 1255 characters\)\)\. Hint: /);
    expect(errorLine(new ValidationError('[bigcommerce-source] bad.', []), undefined, 'PO PO-1: ')).toBe('bigcommerce-source: PO PO-1: ValidationError: bad.');
  });

  it('the errors a hostile world gives each say what to check', () => {
    expect(errorLine(new RedirectError('[bigcommerce-source] GET /v2/store was redirected (302).', { method: 'GET', path: '/v2/store', status: 302, targetOrigin: 'https://login.example' }))).toMatch(
      /^bigcommerce-source: RedirectError: GET \/v2\/store was redirected \(302\)\. Hint: the API answered with a redirect to https:\/\/login\.example, which is never followed .*check --api-url, and any proxy in between\.$/,
    );
    expect(errorLine(new ResponseTooLargeError('[bigcommerce-source] too large.', { method: 'GET', path: '/v3/catalog/products', maxResponseBytes: 1 }))).toMatch(/Hint: .*--page-size/);
    expect(errorLine(new PurchaseOrderConflictError('[bigcommerce-source] PO-1 differs.', 'PO-1', ['items']))).toMatch(/Hint: the same PO number is in the input twice with different contents/);
    expect(errorLine(new PurchaseOrderLookupError('[bigcommerce-source] PO-1: 5000 orders read.', 'PO-1', 5000))).toBe(
      'bigcommerce-source: PurchaseOrderLookupError: PO-1: 5000 orders read. Hint: the store listed more orders for this PO number than a lookup reads (its external_order_id filter seems to match loosely), and nothing was written: docs/real-stores.md (PO lookups) shows how to check the store.',
    );
  });
});

describe('send-order', () => {
  it('the same PO twice in one batch: one order, the second copy reported as created: false, in the records and the summary', async () => {
    const sandbox = await createCliSandbox({ seedOrders: false });
    const po = { poNumber: 'PO-TWICE', items: [{ sku: 'MUG-1', quantity: 1 }], shippingAddress: ADDRESS };
    const run = await cli(['send-order', '-', '--concurrency', '4'], { stdin: `${JSON.stringify(po)}\n${JSON.stringify(po)}\n`, sandbox });
    expect(run.code).toBe(0);
    expect(run.records.map((record) => [record.index, record.poNumber, record.created])).toEqual([
      [0, 'PO-TWICE', true],
      [1, 'PO-TWICE', false],
    ]);
    expect(run.records[1]!.orderId).toBe(run.records[0]!.orderId);
    expect(sandbox.orders.size).toBe(1);
    expect(run.stderr).toMatch(/^send-order: 2 of 2 purchase orders: 1 created, 1 already sent \(created: false\), 0 failed, /m);
  });

  it('SIGTERM stops it from starting more purchase orders; those in flight finish; sending again is safe (exit 143)', async () => {
    const sandbox = await createCliSandbox({ seedOrders: false });
    const pos = Array.from({ length: 30 }, (_, index) => ({ poNumber: `PO-STOP-${index}`, items: [{ sku: 'MUG-1', quantity: 1 }], shippingAddress: ADDRESS }));
    const ndjson = pos.map((po) => JSON.stringify(po)).join('\n');
    const controller = new AbortController();
    const run = await cli(['send-order', '-', '--concurrency', '2'], {
      stdin: ndjson,
      sandbox,
      signal: controller.signal,
      onStdout: (_chunk, written) => {
        if (written.split('\n').length > 3) controller.abort(new Interrupted('SIGTERM'));
      },
    });
    expect(run.code).toBe(143);
    const sent = run.records.length;
    expect(sent).toBeGreaterThanOrEqual(3);
    expect(sent).toBeLessThan(30);
    // Nothing half-sent: every order the store has was reported, and every report is an order.
    expect(sandbox.orders.size).toBe(sent);
    expect(errorLines(run.stderr)).toEqual([
      'bigcommerce-source: SIGTERM: stopping cleanly (send it again to stop at once)',
      `bigcommerce-source: stopped after ${sent} of 30 purchase orders; sending the same input again is safe: those sent come back with "created": false`,
      'bigcommerce-source: Interrupted: stopped by SIGTERM',
    ]);
    const again = await cli(['send-order', '-'], { stdin: ndjson, sandbox });
    expect(again.records.filter((record) => record.created === false)).toHaveLength(sent);
    expect(sandbox.orders.size).toBe(30);
  });
});

describe('progress on a terminal', () => {
  it('a line for each retry and throttle wait, above the bar', () => {
    let stderr = '';
    const terminal = new Terminal({ stdout: { write: () => true }, stderr: { write: (chunk: string) => void (stderr += chunk) }, isTTY: true, now: () => 0 });
    const reporter = new Reporter(terminal, 'tty', 5000);
    reporter.start('inventory', 'products');
    reporter.progress({ done: 10, total: 300, extra: '30 items', fields: {} });
    reporter.event({ type: 'retry', method: 'GET', path: '/v3/catalog/products?limit=250', attempt: 1, delayMs: 1200, reason: 'timeout' });
    reporter.event({ type: 'throttle', waitMs: 2500, reason: 'quota-exhausted' });
    reporter.stop();
    expect(stderr).toContain('\r\x1b[2Kretry: GET /v3/catalog/products?limit=250: attempt 1 failed (timeout); the next in 1.2 s\n');
    expect(stderr).toContain("wait: the store's request quota is spent; requests wait 2.5 s\n");
  });
});
