// CPU per page, measured apart from the network and in a fresh process (so neither a long sync's
// heap nor its JIT state colours it): one page of the store is fetched once, then replayed from
// memory through the SDK, with a `fetch` answering with the page's UTF-8 bytes as the network does.
//
// Baselines for the same page: `await response.json()` on the same bytes in the same kind of
// Response (what any client pays to turn a page into objects: reading the body, decoding UTF-8,
// JSON.parse), which is like for like; and, for reference, `JSON.parse` of the already-decoded
// text (no body, no decoding at all).
import { BigCommerceSource, createApiKeyAuth } from 'bigcommerce-source';

const { url, storeHash, accessToken } = JSON.parse(process.argv[2]);
const fields = 'name,sku,brand_id,inventory_tracking,inventory_level,is_visible,availability,price,sale_price,retail_price,map_price,cost_price,weight,width,height,depth,upc,gtin,mpn,date_modified,base_variant_id';
const response = await fetch(`${url}/stores/${storeHash}/v3/catalog/products?include=variants&include_fields=${fields}&sort=id&id:greater=0&limit=250`, {
  headers: { 'X-Auth-Token': accessToken, Accept: 'application/json' },
});
const text = await response.text();
const parsed = JSON.parse(text);
const pageBody = JSON.stringify({ ...parsed, meta: { pagination: { ...parsed.meta.pagination, total: parsed.data.length } } });
const pageBytes = new TextEncoder().encode(pageBody);
// A replayed sync's other requests (the page of the highest ids, the range above the first page)
// answer empty, so each sync processes exactly this one page.
const emptyBytes = new TextEncoder().encode(JSON.stringify({ data: [], meta: { pagination: { total: 0 } } }));
const replay = new BigCommerceSource({
  storeHash,
  auth: createApiKeyAuth({ accessToken }),
  fetch: async (input) => {
    const url = String(input);
    const firstPage = !url.includes('direction=desc') && url.includes('id:greater=0&');
    return new Response(firstPage ? pageBytes : emptyBytes, { headers: { 'Content-Type': 'application/json' } });
  },
});
const median = (samples) => samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
const measure = async (run) => {
  const samples = [];
  for (let index = 0; index < 60; index += 1) {
    const begin = process.cpuUsage();
    await run();
    const used = process.cpuUsage(begin);
    if (index >= 20) samples.push((used.user + used.system) / 1000);
  }
  return median(samples);
};
const respond = () => new Response(pageBytes, { headers: { 'Content-Type': 'application/json' } });
const jsonParseMsPerPage = await measure(async () => JSON.parse(pageBody));
const responseJsonMsPerPage = await measure(async () => respond().json());
const replayMsPerPage = await measure(async () => {
  for await (const page of replay.inventory.pages()) if (page.items.length === 0) throw new Error('empty page');
});

process.send({
  // Everything the SDK does with a page: the body, UTF-8 decoding, JSON.parse, checks, items,
  // paging (and the two empty responses every replayed sync gets too).
  cpuMsPerPage: replayMsPerPage,
  responseJsonMsPerPage,
  jsonParseMsPerPage,
  pageBytes: pageBytes.byteLength,
});
