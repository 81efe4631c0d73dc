// The sandbox store for the benchmark, in its own process: its catalog (hundreds of MB at 200 000
// products) and its CPU must not count against the SDK's peak RSS and CPU time.
import { createSandboxStore, seedCatalog } from 'bigcommerce-source/testing';

const { products, latencyMs, quota, windowMs, seed } = JSON.parse(process.argv[2]);
let warming = true;
const sandbox = createSandboxStore({ latencyMs: () => (warming ? 0 : latencyMs), rateLimit: { quota, windowMs } });
seedCatalog(sandbox.catalog, { products, seed });
// Render every product once in both views the contenders ask for (the SDK's include_fields view
// and the hand-written loop's full one): the sandbox keeps the JSON, so its own CPU does not sit on
// top of the injected latency, which stands for all of BigCommerce's time.
const fields = 'name,sku,brand_id,inventory_tracking,inventory_level,is_visible,availability,price,sale_price,retail_price,map_price,cost_price,weight,width,height,depth,upc,gtin,mpn,date_modified,base_variant_id';
for (const view of [`include=variants&include_fields=${fields}`, 'include=variants']) {
  for (let page = 1; ; page += 1) {
    const response = await sandbox.handle(
      new Request(`http://sandbox/stores/${sandbox.storeHash}/v3/catalog/products?${view}&limit=250&page=${page}&sort=id`, {
        headers: { 'X-Auth-Token': sandbox.accessToken },
      }),
    );
    const body = await response.text();
    if (response.status === 429) {
      sandbox.resetRateLimit();
      page -= 1;
      continue;
    }
    if (response.status !== 200 || body.startsWith('{"data":[]')) break;
  }
}
const listener = await sandbox.listen();
// The SDK's first round over real HTTP too, with four connections at once (the page of the highest
// ids, the two guessed ranges and the first page above them): the server's HTTP path and its
// descending read are warm, as a real store's are; otherwise every run pays the sandbox's JIT warm-up.
const warmUp = (query) =>
  fetch(`${listener.url}/stores/${sandbox.storeHash}/v3/catalog/products?include=variants&include_fields=${fields}&sort=id&${query}&limit=250`, {
    headers: { 'X-Auth-Token': sandbox.accessToken },
  }).then((response) => response.arrayBuffer());
for (let round = 0; round < 5; round += 1) {
  await Promise.all([warmUp('direction=desc'), warmUp('id:greater=0&id:max=250'), warmUp('id:greater=250&id:max=500'), warmUp('id:greater=500')]);
}
warming = false;
sandbox.reset();
let cpuSince = process.cpuUsage();

process.on('message', (message) => {
  if (message === 'stats') {
    const byPath = {};
    for (const request of sandbox.requests) byPath[request.path] = (byPath[request.path] ?? 0) + 1;
    sandbox.reset();
    const cpu = process.cpuUsage(cpuSince);
    cpuSince = process.cpuUsage();
    process.send({ byPath, total: Object.values(byPath).reduce((sum, count) => sum + count, 0), cpuMs: (cpu.user + cpu.system) / 1000 });
  } else if (message === 'close') {
    void listener.close().then(() => process.exit(0));
  }
});
process.send({ url: listener.url, storeHash: sandbox.storeHash, accessToken: sandbox.accessToken });
