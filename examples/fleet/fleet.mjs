// The fleet, end to end: the stores, a producer (a sync job per store on the `inventory` queue and a
// stream of purchase orders on the `orders` queue), worker processes running them through the
// rate gate, one worker killed with SIGKILL mid-run, and what came out of it.
//
// runFleet(options) is used by run.mjs (the example, one command) and by the repository's
// `npm run bench:fleet` (the benchmark, with and without the shared gate).
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createSink, keys } from './sink.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ACCESS_TOKEN = 'fleet-token';

export const DEFAULTS = {
  stores: 10,
  products: 500,
  pageSize: 50,
  latencyMs: 200,
  quota: 20,
  windowMs: 2_000,
  workers: 4,
  inventoryConcurrency: 4,
  orderConcurrency: 4,
  /** Purchase orders enqueued while the syncs run, round-robin over the stores. */
  orders: 40,
  orderIntervalMs: 150,
  orderTimeoutMs: 5_000,
  settleMs: 2_000,
  /** Kill one worker (SIGKILL) once this share of the syncs is done; 0: kill none. */
  killAt: 0.3,
  gate: 'redis',
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Whether a child process is still running (a killed one has no exit code, but a signal). */
const running = (child) => child.exitCode === null && child.signalCode === null;

function percentile(values, share) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

/** A child process and its IPC messages. */
function child(file, args) {
  const process = fork(join(here, file), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = [];
  process.on('message', (message) => {
    const index = waiting.findIndex((entry) => entry.type === message.type);
    if (index !== -1) waiting.splice(index, 1)[0].resolve(message);
  });
  return {
    process,
    next: (type) =>
      new Promise((resolve, reject) => {
        waiting.push({ type, resolve });
        process.once('exit', (code) => reject(new Error(`${file} exited (${code}) before sending ${type}`)));
      }),
  };
}

/**
 * Runs the fleet once and returns what happened: per store (429s, SKUs in the sink against the
 * catalog, pages delivered twice, request rate while its sync ran against its quota rate), the
 * orders (completion latency, orders per PO), the killed worker.
 */
export async function runFleet(redisUrl, given = {}) {
  const options = { ...DEFAULTS, ...given };
  const log = given.log ?? ((line) => console.log(line));
  const run = randomUUID().slice(0, 8);
  const key = keys(run);
  const prefix = `fleet-${run}`;
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', () => undefined);
  const sink = createSink(connection, run);

  log(`fleet ${run}: ${options.stores} stores of ${options.products} products (page size ${options.pageSize}), ${options.quota} requests per ${options.windowMs} ms per store, ${options.latencyMs} ms latency; ${options.workers} workers; gate: ${options.gate}`);
  const storesProcess = child('stores.mjs', [JSON.stringify({ ...options, accessToken: ACCESS_TOKEN })]);
  const { stores, counting } = await storesProcess.next('ready');
  const byHash = Object.fromEntries(stores.map((store) => [store.storeHash, store.apiBaseUrl]));

  const workerConfig = (name) => ({
    name,
    run,
    prefix,
    redisUrl,
    gate: options.gate,
    stores: byHash,
    accessToken: ACCESS_TOKEN,
    pageSize: options.pageSize,
    inventoryConcurrency: options.inventoryConcurrency,
    orderConcurrency: options.orderConcurrency,
    orderTimeoutMs: options.orderTimeoutMs,
    settleMs: options.settleMs,
  });
  const workers = Array.from({ length: options.workers }, (_, index) => ({ name: `worker-${index + 1}`, ...child('worker.mjs', [JSON.stringify(workerConfig(`worker-${index + 1}`))]) }));
  await Promise.all(workers.map((worker) => worker.next('ready')));
  for (const worker of workers) worker.process.on('exit', (code, signal) => process.env.FLEET_DEBUG && log(`${worker.name} exited (${signal ?? code})`));

  // A Redis that started less than a PO lease's lifetime ago grants leases only once it has been up
  // that long (it cannot tell a fresh start from a restart that lost leases: see docs/scaling.md).
  // A fleet's Redis has been up for long; this one may have just been started for the run.
  const leaseMs = options.orderTimeoutMs + options.settleMs;
  for (;;) {
    const uptimeMs = Number(/uptime_in_seconds:(\d+)/.exec(await connection.info('server'))?.[1] ?? 0) * 1000;
    if (uptimeMs >= leaseMs) break;
    log(`waiting ${((leaseMs - uptimeMs) / 1000).toFixed(0)} s for Redis to have been up a PO lease's lifetime (${leaseMs / 1000} s)`);
    await sleep(leaseMs - uptimeMs);
  }

  // The producer.
  const inventory = new Queue('inventory', { connection, prefix });
  const orders = new Queue('orders', { connection, prefix });
  const startedAt = Date.now();
  await inventory.addBulk(
    stores.map(({ storeHash }) => ({ name: 'sync', data: { storeHash }, opts: { jobId: `sync-${storeHash}`, attempts: 3, backoff: { type: 'fixed', delay: 1_000 } } })),
  );
  const producing = (async () => {
    for (let index = 0; index < options.orders; index += 1) {
      const { storeHash, orderSku } = stores[index % stores.length];
      const po = {
        poNumber: `PO-${run}-${index + 1}`,
        email: 'buyer@retailer.example',
        items: [{ sku: orderSku, quantity: 1 }],
        shippingAddress: { firstName: 'Ann', lastName: 'Lee', street1: '1 Main St', city: 'Austin', state: 'Texas', zip: '78701', country: 'US' },
      };
      // The job id is the PO number: enqueuing a PO twice gives one job.
      await orders.add('send', { storeHash, po, enqueuedAt: Date.now() }, { jobId: po.poNumber, attempts: 5, backoff: { type: 'fixed', delay: 500 } });
      await sleep(options.orderIntervalMs);
    }
  })();

  // Wait for every sync and order; kill one worker once enough syncs are done.
  let killed;
  for (;;) {
    await sleep(250);
    const [syncCounts, orderCounts] = await Promise.all([inventory.getJobCounts('completed', 'failed'), orders.getJobCounts('completed', 'failed')]);
    if (!killed && options.killAt > 0 && syncCounts.completed >= Math.ceil(options.killAt * stores.length)) {
      // The worker with the most syncs running (started, not finished).
      const runningSyncs = new Map();
      for (const { storeHash } of stores) {
        if ((await connection.llen(key('synced', storeHash))) > 0) continue;
        const last = await connection.lindex(key('attempts', storeHash), -1);
        if (last) runningSyncs.set(JSON.parse(last).worker, (runningSyncs.get(JSON.parse(last).worker) ?? 0) + 1);
      }
      const alive = workers.filter((worker) => running(worker.process));
      const victim = [...alive].sort((a, b) => (runningSyncs.get(b.name) ?? 0) - (runningSyncs.get(a.name) ?? 0))[0];
      victim.process.kill('SIGKILL');
      killed = { name: victim.name, atMs: Date.now() - startedAt, syncsDone: syncCounts.completed, syncsRunning: runningSyncs.get(victim.name) ?? 0 };
      log(`killed ${victim.name} (kill -9) after ${(killed.atMs / 1000).toFixed(1)} s, in ${killed.syncsRunning} syncs; ${syncCounts.completed} of ${stores.length} syncs done`);
    }
    if (syncCounts.completed + syncCounts.failed >= stores.length && orderCounts.completed + orderCounts.failed >= options.orders) break;
    if (process.env.FLEET_DEBUG) log(`${((Date.now() - startedAt) / 1000).toFixed(1)} s: syncs ${JSON.stringify(await inventory.getJobCounts())}, orders ${JSON.stringify(await orders.getJobCounts())}`);
  }
  await producing;
  const wallMs = Date.now() - startedAt;

  // What happened, per store.
  const attempts = {};
  for (const { storeHash } of stores) {
    const started = (await connection.lrange(key('attempts', storeHash), 0, -1)).map((line) => JSON.parse(line));
    const ended = (await connection.lrange(key('synced', storeHash), 0, -1)).map((line) => JSON.parse(line));
    const lastPages = await connection.hgetall(key('last-page', storeHash));
    // Each attempt runs from its start to its end, or (killed) to its worker's last page of the store.
    attempts[storeHash] = started.map((attempt) => {
      const end = ended.find((done) => done.worker === attempt.worker)?.endedAt ?? Number(lastPages[attempt.worker] ?? attempt.startedAt);
      return [attempt.startedAt, end];
    });
  }
  if (process.env.FLEET_DEBUG) log('asking the stores');
  storesProcess.process.send({ type: 'stats', intervals: attempts });
  const { stats } = await storesProcess.next('stats');
  const clientSide429 = await connection.hgetall(key('429'));
  const quotaRate = options.quota / (options.windowMs / 1000);
  const perStore = [];
  for (const [index, store] of stores.entries()) {
    const stat = stats[index];
    const syncingMs = attempts[store.storeHash].reduce((total, [from, to]) => total + (to - from), 0);
    const rate = syncingMs > 0 ? stat.requestsWhileSyncing / (syncingMs / 1000) : 0;
    perStore.push({
      storeHash: store.storeHash,
      rateLimited: stat.rateLimited ?? Number(clientSide429[store.storeHash] ?? 0),
      skusInSink: await sink.skus(store.storeHash),
      skusInCatalog: store.skus,
      pagesDeliveredTwice: await sink.pagesDeliveredTwice(store.storeHash),
      syncAttempts: attempts[store.storeHash].length,
      syncSeconds: syncingMs / 1000,
      requestRate: rate,
      shareOfQuotaRate: rate / quotaRate,
    });
  }
  const orderRecords = (await connection.lrange(key('orders'), 0, -1)).map((line) => JSON.parse(line));
  // Completion of each PO: its first successful send (a PO retried after a kill is counted once).
  const firstDone = new Map();
  for (const record of orderRecords) if (!firstDone.has(record.poNumber) || record.doneAt < firstDone.get(record.poNumber).doneAt) firstDone.set(record.poNumber, record);
  const latencies = [...firstDone.values()].map((record) => record.doneAt - record.enqueuedAt);
  const queued = [...firstDone.values()].map((record) => record.startedAt - record.enqueuedAt);
  const sending = [...firstDone.values()].map((record) => record.doneAt - record.startedAt);
  const ordersPerPo = stats.flatMap((stat) => Object.values(stat.ordersPerPo));

  // Where an order's time goes: waiting at the gate (before each request) against the store's answers.
  const slowest = [...firstDone.values()].sort((a, b) => b.doneAt - b.enqueuedAt - (a.doneAt - a.enqueuedAt)).slice(0, Math.max(1, Math.ceil(firstDone.size / 20)));
  const split = (records) => {
    let waiting = 0;
    let answering = 0;
    for (const record of records) {
      let last = 0;
      for (const step of record.timeline ?? []) {
        waiting += step.sentMs - last;
        answering += (step.answeredMs ?? step.sentMs) - step.sentMs;
        last = step.answeredMs ?? step.sentMs;
      }
    }
    return { gateAndCpuMs: Math.round(waiting / Math.max(1, records.length)), storeMs: Math.round(answering / Math.max(1, records.length)), requests: records.reduce((total, record) => total + (record.timeline?.length ?? 0), 0) / Math.max(1, records.length) };
  };

  const result = {
    run,
    gate: options.gate,
    options: Object.fromEntries(Object.entries(options).filter(([name]) => name !== 'log')),
    counting429s: counting,
    wallSeconds: wallMs / 1000,
    killed,
    stores: perStore,
    orders: {
      enqueued: options.orders,
      completed: firstDone.size,
      failed: (await orders.getJobCounts('failed')).failed,
      p50Ms: percentile(latencies, 0.5),
      p95Ms: percentile(latencies, 0.95),
      maxMs: percentile(latencies, 1),
      /** From enqueued to picked up by a worker. */
      queuedP95Ms: percentile(queued, 0.95),
      /** From picked up to sent (the send's own time). */
      sendP50Ms: percentile(sending, 0.5),
      sendP95Ms: percentile(sending, 0.95),
      /** The send's time, split into waiting before each request (the gate, the process's CPU) and the store's answers: all sends, and the slowest 5 %. */
      timeAllSends: split([...firstDone.values()]),
      timeSlowest: split(slowest),
      posWithOneOrder: ordersPerPo.filter((count) => count === 1).length,
      posWithSeveralOrders: ordersPerPo.filter((count) => count > 1).length,
    },
  };

  const stopping = workers.filter((worker) => running(worker.process));
  for (const worker of stopping) worker.process.kill('SIGTERM');
  await Promise.all(stopping.map((worker) => (running(worker.process) ? new Promise((resolve) => worker.process.once('exit', resolve)) : undefined)));
  const debug = (line) => process.env.FLEET_DEBUG && log(line);
  debug('workers stopped');
  storesProcess.process.send({ type: 'close' });
  await new Promise((resolve) => storesProcess.process.once('exit', resolve));
  debug('stores stopped');
  await inventory.obliterate({ force: true });
  debug('inventory obliterated');
  await orders.obliterate({ force: true });
  await Promise.all([inventory.close(), orders.close()]);
  const runKeys = await connection.keys(`fleet:${run}:*`);
  if (runKeys.length > 0) await connection.del(...runKeys);
  connection.disconnect();
  return result;
}

/** A few lines saying what a run gave. */
export function summary(result) {
  const stores = result.stores;
  const sum = (pick) => stores.reduce((total, store) => total + pick(store), 0);
  const rates = stores.map((store) => store.shareOfQuotaRate);
  const pct = (value) => `${Math.round(value * 100)} %`;
  return [
    `gate ${result.gate}: ${stores.length} stores synced in ${result.wallSeconds.toFixed(1)} s; ${result.killed ? `${result.killed.name} killed after ${(result.killed.atMs / 1000).toFixed(1)} s` : 'no worker killed'}`,
    `  429s: ${sum((store) => store.rateLimited)} in all, ${stores.filter((store) => store.rateLimited > 0).length} stores with any (counted by ${result.counting429s})`,
    `  SKUs in the sink: ${sum((store) => store.skusInSink)} of ${sum((store) => store.skusInCatalog)}; stores complete: ${stores.filter((store) => store.skusInSink === store.skusInCatalog).length} of ${stores.length}; pages delivered twice: ${sum((store) => store.pagesDeliveredTwice)}; syncs resumed: ${stores.filter((store) => store.syncAttempts > 1).length}`,
    `  request rate while syncing, against the quota rate: min ${pct(Math.min(...rates))}, median ${pct(percentile(rates, 0.5))}, max ${pct(Math.max(...rates))}`,
    `  orders: ${result.orders.completed} of ${result.orders.enqueued} done, from enqueued to sent p50 ${result.orders.p50Ms} ms, p95 ${result.orders.p95Ms} ms, max ${result.orders.maxMs} ms (in the queue: p95 ${result.orders.queuedP95Ms} ms; the send alone: p50 ${result.orders.sendP50Ms} ms, p95 ${result.orders.sendP95Ms} ms); POs with more than one order: ${result.orders.posWithSeveralOrders}`,
    `  a send's time (mean of all / of the slowest 5 %): ${result.orders.timeAllSends.requests.toFixed(1)} requests, before them ${result.orders.timeAllSends.gateAndCpuMs} / ${result.orders.timeSlowest.gateAndCpuMs} ms (gate waits and CPU), the store answering ${result.orders.timeAllSends.storeMs} / ${result.orders.timeSlowest.storeMs} ms`,
  ].join('\n');
}
