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
const peakRssMb = process.resourceUsage().maxRSS / 1024;

process.send({
  pages,
  items,
  products,
  wallMs,
  cpuMs,
  processCpuMsPerPage: cpuMs / pages,
  peakRssMb,
});
