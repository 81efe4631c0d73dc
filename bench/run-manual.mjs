// What a user writes by hand: a sequential page/limit loop with fetch, same page size. Run twice in
// one fresh process, cold then warm, like the SDK (bench/run-sdk.mjs).
const { url, storeHash, accessToken } = JSON.parse(process.argv[2]);

async function loop() {
  const started = performance.now();
  let items = 0;
  let requests = 0;
  for (let page = 1; ; page += 1) {
    requests += 1;
    const response = await fetch(`${url}/stores/${storeHash}/v3/catalog/products?include=variants&limit=250&page=${page}`, {
      headers: { 'X-Auth-Token': accessToken, Accept: 'application/json' },
    });
    if (response.status === 429) {
      // Even by hand, people wait out a 429.
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('x-rate-limit-time-reset-ms') ?? 1000)));
      page -= 1;
      continue;
    }
    const body = await response.json();
    for (const product of body.data) items += product.variants.length;
    if (page >= body.meta.pagination.total_pages) break;
  }
  return { wallMs: performance.now() - started, items, requests };
}

const cold = await loop();
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const warm = await loop();
process.send({ ...cold, cold, warm, peakRssMb });
