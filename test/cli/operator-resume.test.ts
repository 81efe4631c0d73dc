// The built command as an operator runs it (a terminal's Ctrl-C, systemd's SIGTERM, kill -9, a
// cron log), against a `bigcommerce-source sandbox` server in another process. Stops are made to
// land mid-run by the server's latency (150 ms per request, about 2 s per run): each test waits
// for output before stopping, and asserts what was printed, never how long anything took.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli';
import { records, runCliProcess, runCommandLine, spawnCli, startSandboxServer, temporaryFolder, type SandboxProcess } from './subprocess';

let server: SandboxProcess;

beforeAll(async () => {
  server = await startSandboxServer(['--latency', '150']);
}, 60_000);
afterAll(async () => {
  expect((await server.stop()).code).toBe(0);
});

/** The SKUs of a run's stdout, NDJSON or CSV (every CSV header line left out). */
function skusOf(stdout: string, format: string): string[] {
  if (format !== 'csv') return records(stdout).map((item) => String(item.sku));
  return stdout
    .split('\r\n')
    .filter((line) => line !== '' && !line.startsWith('sku,'))
    .map((line) => line.split(',')[0]!);
}

/** Every SKU the same filters give, from the same demo catalog in memory. */
async function expectedSkus(filters: readonly string[]): Promise<string[]> {
  const withoutFormat = filters.filter((_, index) => filters[index] !== '--format' && filters[index - 1] !== '--format');
  const run = await cli(['inventory', '--sandbox', ...withoutFormat]);
  expect(run.code).toBe(0);
  return run.records.map((item) => String(item.sku));
}

const RESUME_LINE = /^bigcommerce-source: stopped early; resume with: (bigcommerce-source inventory .*--cursor \S+)$/m;

type Stop = 'SIGTERM' | 'SIGINT' | 'fault';

const COMBINATIONS: ReadonlyArray<{ filters: string[]; stop: Stop; code: number }> = [
  { filters: [], stop: 'SIGTERM', code: 143 },
  { filters: ['--skip-hidden', '--modified-since', '30d'], stop: 'SIGINT', code: 130 },
  { filters: ['--modified-since', '2000-01-01', '--locations', '--format', 'csv'], stop: 'fault', code: 1 },
  { filters: ['--skip-hidden', '--locations', '--modified-since', '12h', '--format', 'csv'], stop: 'SIGTERM', code: 143 },
];

describe('the printed resume command, replayed as printed', () => {
  it.each(COMBINATIONS)('finishes the run with every SKU exactly once: $filters, stopped by $stop', async ({ filters, stop, code }) => {
    const format = filters.includes('csv') ? 'csv' : 'ndjson';
    const args = ['inventory', ...filters, '--page-size', '5', ...server.connection];
    if (stop === 'fault') args.push('--max-retries', '0');
    const run = await spawnCli(args, { env: server.env });
    await run.waitFor((stdout) => stdout.split('\n').length > 20, 'some items were printed');
    if (stop === 'fault') {
      const injected = await server.admin('POST', '/faults', { fault: { kind: 'status', status: 500 }, match: { path: '/v3/catalog/products' }, times: null });
      expect(injected.status).toBe(201);
    } else {
      run.child.kill(stop);
    }
    const first = await run.exited;
    if (stop === 'fault') expect((await server.admin('DELETE', '/faults')).status).toBe(204);
    expect(first.code).toBe(code);
    const line = RESUME_LINE.exec(first.stderr)?.[1];
    expect(line, first.stderr).toBeDefined();
    // Every filter and output flag is there, relative dates made absolute; the token is not.
    for (const flag of filters.filter((word) => word.startsWith('--'))) expect(line).toContain(flag);
    expect(line).not.toMatch(/ \d+[smhd]( |$)/);
    expect(line).not.toContain(server.accessToken);
    if (stop !== 'fault') expect(first.stderr).toContain(`bigcommerce-source: Interrupted: stopped by ${stop}`);

    const rest = await runCommandLine(line!, { env: server.env });
    expect(rest.code, rest.stderr).toBe(0);
    const skus = [...skusOf(first.stdout, format), ...skusOf(rest.stdout, format)];
    expect(skusOf(first.stdout, format).length).toBeGreaterThan(0);
    expect(skusOf(rest.stdout, format).length).toBeGreaterThan(0);
    expect(skus.length - new Set(skus).size).toBe(0);
    expect([...skus].sort()).toEqual((await expectedSkus(filters)).sort());
  }, 90_000);

  it('a token given as a flag is never printed: the command says to set the variable instead', async () => {
    const run = await spawnCli(['inventory', '--page-size', '5', ...server.connection, '--access-token', server.accessToken]);
    await run.waitFor((stdout) => stdout.split('\n').length > 10, 'some items were printed');
    run.child.kill('SIGINT');
    const { code, stderr } = await run.exited;
    expect(code).toBe(130);
    expect(stderr).toMatch(RESUME_LINE);
    expect(stderr).not.toContain(server.accessToken);
    expect(stderr).toContain('bigcommerce-source: the command above leaves out --access-token: set the environment variable instead, or add it back');
  }, 60_000);
});

describe('--checkpoint', () => {
  it('survives kill -9: the same command line carries on from the last page, then the checkpoint is deleted', async () => {
    const folder = await temporaryFolder();
    try {
      const file = join(folder.path, 'inventory.checkpoint.json');
      const args = ['inventory', '--modified-since', '30d', '--checkpoint', file, '--page-size', '5', ...server.connection];
      const run = await spawnCli(args, { env: server.env });
      await run.waitFor((stdout) => stdout.split('\n').length > 40, 'some pages were printed');
      await stat(file); // written after the first page
      run.child.kill('SIGKILL');
      const killed = await run.exited;
      expect(killed.code).toBe(137);
      // Whole JSON, never a torn write.
      const saved = JSON.parse(await readFile(file, 'utf8')) as { command: string; cursor: string; filters: Record<string, unknown> };
      expect(saved).toMatchObject({ command: 'inventory', cursor: expect.any(String), filters: { 'skip-hidden': false, 'modified-since': expect.stringMatching(/Z$/), locations: false } });

      const rest = await runCliProcess(args, { env: server.env });
      expect(rest.code, rest.stderr).toBe(0);
      expect(rest.stderr).toContain(`its filters win (--modified-since 30d is not recomputed): hidden products included, --modified-since ${String(saved.filters['modified-since'])}`);
      await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
      const before = skusOf(killed.stdout, 'ndjson');
      const after = skusOf(rest.stdout, 'ndjson');
      expect(new Set([...before, ...after])).toEqual(new Set(await expectedSkus([])));
      // At-least-once at a kill -9: only the page being written when the process died can repeat
      // (5 products of at most 8 variants each).
      expect(before.length + after.length - new Set([...before, ...after]).size).toBeLessThanOrEqual(40);
    } finally {
      await folder.remove();
    }
  }, 90_000);
});

describe('progress off a terminal', () => {
  it('prints a plain progress line every --progress-every seconds during a slow run, and a line per retry', async () => {
    const injected = await server.admin('POST', '/faults', { fault: { kind: 'status', status: 503 }, match: { path: '/v3/catalog/products' }, times: 1 });
    expect(injected.status).toBe(201);
    const run = await runCliProcess(['inventory', '--page-size', '3', '--progress-every', '1', ...server.connection], { env: server.env });
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stderr.split('\n');
    expect(lines.filter((line) => /^inventory: (\d+\/300 products, \d+ items, \d+ requests, [\d.]+ products\/s, |waiting for the store, \d+ requests sent)/.test(line)).length).toBeGreaterThanOrEqual(1);
    expect(lines).toContainEqual(expect.stringMatching(/^retry: GET \/v3\/catalog\/products\?…: attempt 1 failed \(status 503\); the next in [\d.]+ m?s$/));
    expect(lines).toContainEqual(expect.stringMatching(/^inventory: \d+ items from 300 products, \d+ requests, /));
  }, 60_000);

  it('--json-progress: one JSON object per line on stderr, progress and retries, nothing else', async () => {
    const events = (text: string) => text.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
    const shipments = await runCliProcess(['shipments', '--since', '30d', '--page-size', '1', '--json-progress', ...server.connection], { env: server.env });
    expect(shipments.code, shipments.stderr).toBe(0);
    expect(events(shipments.stderr)).toContainEqual({ type: 'progress', elapsedMs: expect.any(Number), ordersDone: expect.any(Number), shipmentsYielded: expect.any(Number), requests: expect.any(Number) });

    await server.admin('POST', '/faults', { fault: { kind: 'status', status: 503 }, match: { path: '/v3/catalog/products' }, times: 1 });
    const inventory = await runCliProcess(['inventory', '--json-progress', ...server.connection], { env: server.env });
    expect(inventory.code, inventory.stderr).toBe(0);
    expect(events(inventory.stderr)).toContainEqual(expect.objectContaining({ type: 'retry', method: 'GET', attempt: 1, reason: 'status 503', delayMs: expect.any(Number), elapsedMs: expect.any(Number) }));
    expect(events(inventory.stderr).at(-1)).toMatchObject({ type: 'progress', productsDone: 300, productsTotal: 300, itemsYielded: expect.any(Number) });
    expect(inventory.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('{'))).toEqual([]);
  }, 60_000);
});

describe('an error that can never succeed', () => {
  it('fails at once: fetch refuses the port, so no retry is made or shown', async () => {
    const env = { BIGCOMMERCE_ACCESS_TOKEN: 'any-token-1234' };
    const [json, plain] = await Promise.all([
      runCliProcess(['verify', '--store-hash', 'abc', '--api-url', 'http://127.0.0.1:6000', '--json-progress'], { env }),
      runCliProcess(['inventory', '--store-hash', 'abc', '--api-url', 'http://127.0.0.1:6000'], { env }),
    ]);
    for (const run of [json, plain]) {
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^bigcommerce-source: ConnectionError: GET \/v[23]\/\S+ failed before a response arrived: .*bad port.*not retried.* Hint: .*--api-url\.$/)]);
    }
    expect(json.stderr).not.toContain('"type":"retry"');
    expect(plain.stderr).not.toMatch(/^retry: /m);
  }, 30_000);
});
