// One worker process of the fleet: BullMQ workers on two queues (inventory syncs and purchase
// orders), every request through one rate gate shared by the whole fleet through Redis.
//
//   node worker.mjs '{"redisUrl": …, "gate": "redis" | "memory", "stores": {hash: apiBaseUrl}, …}'
//
// Three Redis clients, each for one job:
// - BullMQ's, with `maxRetriesPerRequest: null` (BullMQ requires it: its blocking commands must wait
//   out a reconnection);
// - the gate's own, with `maxRetriesPerRequest: 1`: under BullMQ's setting a gate call would wait
//   forever while Redis is away; the gate bounds its calls anyway (commandTimeoutMs) and falls back
//   to an in-memory gate;
// - the sink's (the app's data).
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { BigCommerceSource, createApiKeyAuth, createMemoryGate } from 'bigcommerce-source';
import { createRedisGate } from 'bigcommerce-source/redis';
import { createSink, keys } from './sink.mjs';

const config = JSON.parse(process.argv[2]);
const bullConnection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
const gateClient = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
const data = new Redis(config.redisUrl);
for (const client of [bullConnection, gateClient, data]) client.on('error', () => undefined);
const key = keys(config.run);
const sink = createSink(data, config.run);

// 'memory' is for the benchmark's comparison: each process holds each store's quota alone.
const gate =
  config.gate === 'redis'
    ? createRedisGate({ redis: gateClient, onEvent: (event) => console.error(`[${config.name}] gate: ${JSON.stringify(event)}`) })
    : createMemoryGate();

const sources = new Map();
function sourceFor(storeHash) {
  let source = sources.get(storeHash);
  if (!source) {
    source = new BigCommerceSource({
      storeHash,
      apiBaseUrl: config.stores[storeHash],
      auth: createApiKeyAuth({ accessToken: config.accessToken }),
      gate,
      onEvent: (event) => {
        if (event.type === 'response' && event.status === 429) data.hincrby(key('429'), storeHash, 1);
      },
    });
    sources.set(storeHash, source);
  }
  return source;
}

/**
 * An inventory sync, resumable: each page's items go to the sink (an upsert by SKU), then the
 * page's cursor is saved in the job. A worker killed between the two leaves the cursor of the page
 * before: the job is picked up again (it stalled), resumes from that cursor and writes the page
 * once more. At-least-once delivery, exactly-once in the sink.
 */
async function syncInventory(job) {
  const { storeHash } = job.data;
  await data.rpush(key('attempts', storeHash), JSON.stringify({ worker: config.name, startedAt: Date.now(), resumed: job.data.cursor !== undefined }));
  let pages = job.data.pages ?? 0;
  for await (const page of sourceFor(storeHash).inventory.pages({ pageSize: config.pageSize, cursor: job.data.cursor })) {
    await sink.writePage(storeHash, page.items);
    pages += 1;
    await job.updateData({ ...job.data, cursor: page.cursor, pages });
    await data.hset(key('last-page', storeHash), config.name, Date.now());
  }
  await data.rpush(key('synced', storeHash), JSON.stringify({ worker: config.name, endedAt: Date.now(), pages }));
  return { pages };
}

/** A purchase order: sent once per PO across the fleet (the gate's PO lease), whatever the retries. */
async function sendOrder(job) {
  const { storeHash, po, enqueuedAt } = job.data;
  const startedAt = Date.now();
  // A source of its own for this send (same store, same gate): its events are this order's
  // requests alone, to tell the time spent waiting at the gate from the store's latency.
  const timeline = [];
  const source = new BigCommerceSource({
    storeHash,
    apiBaseUrl: config.stores[storeHash],
    auth: createApiKeyAuth({ accessToken: config.accessToken }),
    gate,
    onEvent: (event) => {
      if (event.type === 'request') timeline.push({ path: event.path.split('?')[0], sentMs: Date.now() - startedAt });
      if (event.type === 'response') {
        Object.assign(timeline.at(-1) ?? {}, { answeredMs: Date.now() - startedAt, status: event.status });
        if (event.status === 429) data.hincrby(key('429'), storeHash, 1);
      }
    },
  });
  const sent = await source.orders.send(po, { timeoutMs: config.orderTimeoutMs, settleMs: config.settleMs });
  const doneAt = Date.now();
  await data.rpush(key('orders'), JSON.stringify({ storeHash, poNumber: po.poNumber, enqueuedAt, startedAt, doneAt, created: sent.created, worker: config.name, attempt: job.attemptsMade + 1, timeline }));
  return { orderId: sent.orderId, created: sent.created };
}

// lockDuration/stalledInterval: BullMQ notices a job whose worker died (kill -9) only once its
// lock has expired and the stalled-job check runs. With the defaults (30 s each) a killed worker's
// sync would sit idle for up to a minute; at 5 s and 2 s another worker resumes it within ~7 s.
// The price: a worker whose event loop blocks for more than lockDuration loses its job to another
// worker while still running it, which the cursor and the upserting sink make harmless.
const workerOptions = { connection: bullConnection, prefix: config.prefix, lockDuration: 5_000, stalledInterval: 2_000, maxStalledCount: 3 };
const workers = [
  new Worker('inventory', syncInventory, { ...workerOptions, concurrency: config.inventoryConcurrency }),
  new Worker('orders', sendOrder, { ...workerOptions, concurrency: config.orderConcurrency }),
];
for (const worker of workers) worker.on('error', (error) => console.error(`[${config.name}] ${error.message}`));
await Promise.all(workers.map((worker) => worker.waitUntilReady()));
process.send?.({ type: 'ready' });

process.on('SIGTERM', async () => {
  await Promise.all(workers.map((worker) => worker.close()));
  gate.close?.();
  for (const client of [bullConnection, gateClient, data]) client.disconnect();
  process.exit(0);
});
