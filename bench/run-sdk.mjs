// SDK syncs with default settings, in a fresh process so its peak RSS is its own: first a cold
// sync (the process has just started: Node loads its fetch on the first call, connections are new,
// the JIT has seen nothing), then a warm one in the same process (as in a long-running service or a
// serverless instance that has served before). Peak RSS is taken after the cold sync.
import v8 from 'node:v8';
import { BigCommerceSource, createApiKeyAuth } from 'bigcommerce-source';

const { url, storeHash, accessToken } = JSON.parse(process.argv[2]);
const mb = (bytes) => Math.round((bytes / 2 ** 20) * 10) / 10;

async function sync() {
  let requests = 0;
  const onEvent = (event) => {
    if (event.type === 'request') requests += 1;
  };
  const source = new BigCommerceSource({ storeHash, auth: createApiKeyAuth({ accessToken }), apiBaseUrl: url, onEvent });
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  let pages = 0;
  let items = 0;
  let products = 0;
  for await (const page of source.inventory.pages()) {
    pages += 1;
    items += page.items.length;
    products += page.productCount;
  }
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { pages, items, products, requests, wallMs, cpuMs, processCpuMsPerPage: cpuMs / pages };
}

const cold = await sync();
const peakRssMb = process.resourceUsage().maxRSS / 1024;
// Where the memory is: V8 sizes its young generation (new space) by itself, and it is most of a
// long sync's RSS on Node 24; old space is what survives (nothing of the catalog should).
const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((space) => [space.space_name, space]));
const memory = {
  peakRssMb,
  newSpaceMb: mb(spaces.new_space.space_size),
  oldSpaceUsedMb: mb(spaces.old_space.space_used_size),
  externalMb: mb(process.memoryUsage().external),
};
const warm = await sync();

process.send({ ...cold, cold, warm, ...memory });
