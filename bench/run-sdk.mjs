// One SDK sync with default settings, in a fresh process so its peak RSS is its own.
import { BigCommerceSource, createApiKeyAuth } from 'bigcommerce-source';

const { url, storeHash, accessToken } = JSON.parse(process.argv[2]);
const source = new BigCommerceSource({ storeHash, auth: createApiKeyAuth({ accessToken }), apiBaseUrl: url });

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
// Read before the JSON.parse baseline below, which allocates on its own.
const peakRssMb = process.resourceUsage().maxRSS / 1024;

// CPU per page, measured apart from the network: the same page bytes are replayed from memory
// through the SDK (a `fetch` answering with the UTF-8 bytes, as the network does), less what the
// replaying `fetch` itself costs (copying the bytes into a Response and streaming them out, which
// any client pays), and compared with JSON.parse of the decoded text. The SDK's figure includes its
// own UTF-8 decoding; JSON.parse's does not, so the comparison leans against the SDK.
const fields = 'name,sku,brand_id,inventory_tracking,inventory_level,is_visible,availability,price,sale_price,retail_price,map_price,cost_price,weight,width,height,depth,upc,gtin,mpn,date_modified,base_variant_id';
const response = await fetch(`${url}/stores/${storeHash}/v3/catalog/products?include=variants&include_fields=${fields}&sort=id&id:greater=0&limit=250`, {
  headers: { 'X-Auth-Token': accessToken, Accept: 'application/json' },
});
const text = await response.text();
const parsed = JSON.parse(text);
const probe = JSON.stringify({ data: [{ id: parsed.data.at(-1).id }], meta: { pagination: { total: parsed.data.length } } });
const pageBody = JSON.stringify({ ...parsed, meta: { pagination: { ...parsed.meta.pagination, total: parsed.data.length } } });
const pageBytes = new TextEncoder().encode(pageBody);
const probeBytes = new TextEncoder().encode(probe);
const replay = new BigCommerceSource({
  storeHash,
  auth: createApiKeyAuth({ accessToken }),
  fetch: async (input) =>
    new Response(String(input instanceof Request ? input.url : input).includes('direction=desc') ? probeBytes : pageBytes, { headers: { 'Content-Type': 'application/json' } }),
});
const median = (samples) => samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
const measure = async (run) => {
  const samples = [];
  for (let index = 0; index < 40; index += 1) {
    const begin = process.cpuUsage();
    await run();
    const used = process.cpuUsage(begin);
    if (index >= 10) samples.push((used.user + used.system) / 1000);
  }
  return median(samples);
};
const jsonParseMsPerPage = await measure(async () => JSON.parse(pageBody));
const decodeMsPerPage = await measure(async () => new Response(pageBody).text());
const transportMsPerPage = await measure(async () => {
  const reader = new Response(pageBytes).body.getReader();
  while (!(await reader.read()).done);
});
const replayMsPerPage = await measure(async () => {
  for await (const page of replay.inventory.pages()) if (page.items.length === 0) throw new Error('empty page');
});

process.send({
  pages,
  items,
  products,
  wallMs,
  cpuMs,
  processCpuMsPerPage: cpuMs / pages,
  // Everything the SDK does with a page's bytes: UTF-8 decoding, JSON.parse, checks, items, paging.
  cpuMsPerPage: replayMsPerPage - transportMsPerPage,
  transportMsPerPage,
  // For reference: what decoding the page alone costs through `Response.text()`.
  decodeMsPerPage,
  replayMsPerPage,
  jsonParseMsPerPage,
  pageBytes: text.length,
  peakRssMb,
});
