// The suppliers' stores, in a process of their own: sandbox stores from bigcommerce-source/testing,
// each with its own catalog, latency and quota, served over loopback HTTP. The fleet (fleet.mjs)
// forks this file and talks to it over IPC: it gets each store's address, and asks for what the
// stores saw (requests, 429s, orders per PO).
import * as testing from 'bigcommerce-source/testing';

const { createSandboxStore, seedCatalog } = testing;
const config = JSON.parse(process.argv[2]);

/** The SKU every store sells for the fleet's purchase orders (product 1, stock for any run). */
const ORDER_SKU = 'FLEET-1';
// The fields the SDK's inventory pager asks for: pages are rendered once before the run, so the
// store's own CPU does not sit on top of its latency, which stands for all of BigCommerce's time.
const FIELDS = 'name,sku,brand_id,inventory_tracking,inventory_level,is_visible,availability,price,sale_price,retail_price,map_price,cost_price,weight,width,height,depth,upc,gtin,mpn,date_modified,base_variant_id';

const stores = [];
for (let index = 0; index < config.stores; index += 1) {
  const storeHash = `s${String(index + 1).padStart(3, '0')}`;
  let warming = true;
  const sandbox = createSandboxStore({
    storeHash,
    accessToken: config.accessToken,
    latencyMs: () => (warming ? 0 : config.latencyMs),
    rateLimit: { quota: config.quota, windowMs: config.windowMs },
    products: [{ name: 'Fleet item', sku: ORDER_SKU, price: 10, inventory_level: 1_000_000 }],
  });
  const seeded = seedCatalog(sandbox.catalog, { products: config.products - 1, seed: index + 1, maxVariants: 3 });
  for (let page = 1; ; page += 1) {
    const response = await sandbox.handle(
      new Request(`http://warm-up/stores/${storeHash}/v3/catalog/products?include=variants&include_fields=${FIELDS}&limit=250&page=${page}&sort=id`, {
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
  sandbox.reset();
  warming = false;
  stores.push({ sandbox, skus: seeded.skus + 1 });
}

// One server for every store when the package has it (serveSandboxStores: the hash in the path
// picks the store, and it counts each store's 429s); otherwise each store listens on a port of its own.
let server;
let listeners = [];
if (typeof testing.serveSandboxStores === 'function') {
  server = await testing.serveSandboxStores({ stores: stores.map(({ sandbox }) => sandbox) });
} else {
  listeners = await Promise.all(stores.map(({ sandbox }) => sandbox.listen()));
}

process.send({
  type: 'ready',
  counting: server ? 'the store server (serveSandboxStores)' : 'the workers (a store per port: sandbox.listen())',
  stores: stores.map(({ sandbox, skus }, index) => ({ storeHash: sandbox.storeHash, apiBaseUrl: server ? server.url : listeners[index].url, skus, orderSku: ORDER_SKU })),
});

process.on('message', async (message) => {
  if (message.type === 'stats') {
    // For each store: its requests, those that arrived within the given intervals (its sync's
    // attempts), its 429s (when the server counts them), and its orders per PO number.
    const stats = stores.map(({ sandbox }) => {
      const intervals = message.intervals[sandbox.storeHash] ?? [];
      const requests = sandbox.requests;
      const within = requests.filter((request) => intervals.some(([from, to]) => request.receivedAtMs >= from && request.receivedAtMs <= to)).length;
      const perPo = {};
      for (const order of sandbox.orders.all()) perPo[order.external_order_id] = (perPo[order.external_order_id] ?? 0) + 1;
      return {
        storeHash: sandbox.storeHash,
        requests: requests.length,
        requestsWhileSyncing: within,
        rateLimited: server ? server.counters(sandbox.storeHash).rateLimited : undefined,
        ordersPerPo: perPo,
      };
    });
    process.send({ type: 'stats', stats });
  } else if (message.type === 'close') {
    await Promise.all([server?.close(), ...listeners.map((listener) => listener.close())]);
    process.exit(0);
  }
});
