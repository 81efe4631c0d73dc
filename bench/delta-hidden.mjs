// node bench/delta-hidden.mjs [--products=10000] [--latency=100] [--runs=3] [--baseline=PATH]
//
// What a delta sync with skipHiddenProducts pays for its removal report: it no longer sends
// is_visible=true, so the hidden products modified since the checkpoint are downloaded (and
// reported as removals). Against the sandbox over real HTTP on loopback with injected latency,
// for catalogs where a share of products is hidden and a share was modified since the checkpoint.
// `--baseline=PATH` also runs the SDK built at PATH (its dist/index.js), e.g. a build of the commit
// before the change, which sends is_visible=true: requests, bytes and wall time side by side.
import { createSandboxStore, seedCatalog } from 'bigcommerce-source/testing';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? 'true'];
  }),
);
const products = Number(args.products ?? 10_000);
const latencyMs = Number(args.latency ?? 100);
const runs = Number(args.runs ?? 3);
const CHECKPOINT = '2026-11-26T10:00:00Z';
const BEFORE = '2026-11-25T10:00:00+00:00';
const AFTER = '2026-11-26T11:00:00+00:00';

const contenders = [{ name: 'removals (this build)', sdk: await import('bigcommerce-source') }];
if (args.baseline) {
  contenders.unshift({ name: 'is_visible=true (baseline)', sdk: await import(pathToFileURL(path.resolve(args.baseline, 'dist/index.js')).href) });
}

/** A deterministic stream of numbers in [0, 1). */
function random(seed) {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

async function measure(sdk, sandbox, url) {
  let bytes = 0;
  // Counts the bytes each answer carries (the sandbox sends them uncompressed).
  const fetch = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    const body = await response.arrayBuffer();
    bytes += body.byteLength;
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  const source = new sdk.BigCommerceSource({ storeHash: sandbox.storeHash, auth: sdk.createApiKeyAuth({ accessToken: sandbox.accessToken }), apiBaseUrl: url, fetch });
  sandbox.clearRequests();
  const started = performance.now();
  let items = 0;
  let removed = 0;
  for await (const page of source.inventory.pages({ modifiedSince: CHECKPOINT, skipHiddenProducts: true })) {
    items += page.items.length;
    removed += page.removed?.length ?? 0;
  }
  return { wallMs: performance.now() - started, requests: sandbox.requests.length, bytes, items, removed };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
for (const hiddenShare of [0, 0.1, 0.5, 0.9]) {
  for (const modifiedShare of [0.01, 0.1, 1]) {
    const sandbox = createSandboxStore({ latencyMs, rateLimit: { quota: 1_000_000 } });
    seedCatalog(sandbox.catalog, { products, seed: 7 });
    const next = random(hiddenShare * 1000 + modifiedShare * 10);
    let hiddenModified = 0;
    for (const product of sandbox.catalog.products()) {
      // Set straight on the store's objects, before any request renders them.
      product.is_visible = next() >= hiddenShare;
      const modified = next() < modifiedShare;
      product.date_modified = modified ? AFTER : BEFORE;
      if (modified && !product.is_visible) hiddenModified += 1;
    }
    const listener = await sandbox.listen();
    const row = { products, hiddenShare, modifiedShare, hiddenModified };
    for (const { name, sdk } of contenders) {
      await measure(sdk, sandbox, listener.url); // warm-up
      const results = [];
      for (let run = 0; run < runs; run += 1) results.push(await measure(sdk, sandbox, listener.url));
      row[name] = { ...results[0], wallMs: Math.round(median(results.map((result) => result.wallMs))) };
    }
    await listener.close();
    rows.push(row);
    const cells = contenders.map(({ name }) => {
      const result = row[name];
      return `${name}: ${result.requests} requests, ${(result.bytes / 1024).toFixed(0)} KiB, ${result.wallMs} ms, ${result.items} items, ${result.removed} removals`;
    });
    console.log(`hidden ${hiddenShare * 100}%, modified ${modifiedShare * 100}% (${hiddenModified} hidden products modified): ${cells.join(' | ')}`);
  }
}
console.log(JSON.stringify(rows));
