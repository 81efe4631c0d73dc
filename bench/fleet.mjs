// npm run bench:fleet [-- --inventory-concurrency 2 --order-concurrency 4]   (needs redis-server or REDIS_URL)
//
// The fleet benchmark: examples/fleet (BullMQ on Redis, the SDK installed from its packed tarball)
// with 8 workers, 50 stores of 2 000 products read at page size 50 (40 pages a store) under 20
// requests per 2 s per store and 200 ms latency, orders flowing to the same stores, and one
// worker killed (kill -9) mid-run. Run twice, side by side: with the Redis gate, and with a gate
// per process only. Targets with the Redis gate: zero 429s, every SKU in the sink, each store at
// ≥ 80 % of its quota rate while it syncs, p95 order completion under 2 s.
// Writes bench/results/fleet.json. Not part of `npm test`.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const example = path.join(here, '../examples/fleet');
const { values } = parseArgs({
  options: {
    'inventory-concurrency': { type: 'string', default: '2' },
    'order-concurrency': { type: 'string', default: '4' },
    'no-setup': { type: 'boolean' },
  },
});

const { setup } = await import(path.join(example, 'setup.mjs'));
if (!values['no-setup']) setup({ quiet: true });
const { runFleet, summary } = await import(path.join(example, 'fleet.mjs'));
const { redisForFleet } = await import(path.join(example, 'redis-server.mjs'));

const OPTIONS = {
  stores: 50,
  products: 2_000,
  pageSize: 50,
  latencyMs: 200,
  quota: 20,
  windowMs: 2_000,
  workers: 8,
  inventoryConcurrency: Number(values['inventory-concurrency']),
  orderConcurrency: Number(values['order-concurrency']),
  orders: 150,
  orderIntervalMs: 100,
  killAt: 0.3,
  log: (line) => console.error(`  ${line}`),
};

const redis = await redisForFleet();
const runs = [];
const load = () => os.loadavg().map((value) => value.toFixed(1)).join(' ');
try {
  for (const gate of ['redis', 'memory']) {
    const loadBefore = load();
    const result = await runFleet(redis.url, { ...OPTIONS, gate });
    runs.push({ ...result, loadBefore, loadAfter: load() });
    console.log(`${summary(result)}\n  load average before ${loadBefore}, after ${load()}`);
  }
} finally {
  await redis.stop();
}

const [withGate, perProcess] = runs;
const pct = (value) => `${Math.round(value * 100)} %`;
const rows = [
  ['429s (all stores)', ...runs.map((run) => String(run.stores.reduce((total, store) => total + store.rateLimited, 0)))],
  ['stores with any 429', ...runs.map((run) => String(run.stores.filter((store) => store.rateLimited > 0).length))],
  ['SKUs in the sink / catalog', ...runs.map((run) => `${run.stores.reduce((total, store) => total + store.skusInSink, 0)} / ${run.stores.reduce((total, store) => total + store.skusInCatalog, 0)}`)],
  ['pages delivered twice', ...runs.map((run) => String(run.stores.reduce((total, store) => total + store.pagesDeliveredTwice, 0)))],
  ['syncs resumed after the kill', ...runs.map((run) => String(run.stores.filter((store) => store.syncAttempts > 1).length))],
  ['request rate while syncing / quota rate: min', ...runs.map((run) => pct(Math.min(...run.stores.map((store) => store.shareOfQuotaRate))))],
  ['  median', ...runs.map((run) => pct([...run.stores.map((store) => store.shareOfQuotaRate)].sort((a, b) => a - b)[Math.floor(run.stores.length / 2)]))],
  ['  stores at ≥ 80 %', ...runs.map((run) => `${run.stores.filter((store) => store.shareOfQuotaRate >= 0.8).length} of ${run.stores.length}`)],
  ['orders: p50 / p95 (enqueued → sent)', ...runs.map((run) => `${run.orders.p50Ms} / ${run.orders.p95Ms} ms`)],
  ['  the send alone: p50 / p95', ...runs.map((run) => `${run.orders.sendP50Ms} / ${run.orders.sendP95Ms} ms`)],
  ['POs with more than one order', ...runs.map((run) => String(run.orders.posWithSeveralOrders))],
  ['wall time', ...runs.map((run) => `${run.wallSeconds.toFixed(1)} s`)],
];
console.log(`\n| | Redis gate | a gate per process |\n|---|---|---|\n${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}`);

await mkdir(path.join(here, 'results'), { recursive: true });
const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
await writeFile(path.join(here, 'results/fleet.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, options: { ...OPTIONS, log: undefined }, runs: { redis: withGate, memory: perProcess } }, null, 2)}\n`);
console.log(`\nbench/results/fleet.json written (${machine.cpus} CPUs, ${machine.model}, Node ${machine.node})`);
