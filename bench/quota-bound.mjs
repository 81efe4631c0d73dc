// node bench/quota-bound.mjs [--quick]   (after `npm run build`; `npm run bench` runs it)
//
// How close the rate gate gets to the fastest a store's quota allows, side by side with
// `concurrency: 'fixed'`, in one run. R requests are asked for at once (`source.request`, a GET
// each) against the sandbox store with a latency L and a quota Q per window W; the gate's ceiling
// is C (`maxConcurrency`, default 16). The lower bound on wall time is
//
//   bound = max(L × ceil(R / C), L + max(0, R − Q) × W / Q)
//
// Targets: adaptive within 1.3× of the bound, zero 429s everywhere, never slower than fixed. Each
// row also gives the bound for a client that never risks a 429 when it cannot know when the store
// counted a request (`safeBoundMs`, below), which the first one does not account for.
// Windows of the Standard-like (150) and Pro-like (450) quotas are scaled 10× faster (3 s, not 30 s)
// so a run takes minutes, as the inventory benchmark does; the tight quota is as given (12 per 2 s).
// Writes bench/results/quota-bound.json.
import { fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BigCommerceSource, createApiKeyAuth } from 'bigcommerce-source';

const here = path.dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const CEILING = 16;

const quotas = [
  { name: 'Standard-like', quota: 150, windowMs: 3_000, requests: 100 },
  { name: 'Standard-like, past one window', quota: 150, windowMs: 3_000, requests: 300 },
  { name: 'Pro-like', quota: 450, windowMs: 3_000, requests: 100 },
  { name: 'tight', quota: 12, windowMs: 2_000, requests: 100 },
];
const latencies = quick ? [100] : [100, 500, 1_500];

function boundMs({ requests: R, quota: Q, windowMs: W }, L, C) {
  return Math.max(L * Math.ceil(R / C), L + (Math.max(0, R - Q) * W) / Q);
}

/**
 * The bound for a client that never risks a 429 on a store whose window starts with the first
 * request after a refill (as the sandbox's does): the reset header is written when the store counts
 * a request and read a latency later, so the refill a client can be sure of comes L after the
 * real one. Each window before the last then costs W + L, and the last window's requests take
 * their rounds after it. The bound above assumes the refill instant is known.
 */
function safeBoundMs({ requests: R, quota: Q, windowMs: W }, L, C) {
  const byConcurrency = L * Math.ceil(R / C);
  // A window the ceiling cannot spend before it refills never makes anyone wait.
  if (Math.ceil(Q / C) * L >= W) return byConcurrency;
  const windows = Math.ceil(R / Q);
  const lastWindowRequests = R - (windows - 1) * Q;
  return Math.max(byConcurrency, (windows - 1) * (W + L) + Math.ceil(lastWindowRequests / C) * L);
}

/** A fresh sandbox store in its own process, served over loopback HTTP. */
async function startStore(profile, latencyMs) {
  const child = fork(path.join(here, 'quota-store.mjs'), [JSON.stringify({ latencyMs, quota: profile.quota, windowMs: profile.windowMs })]);
  const next = () => new Promise((resolve) => child.once('message', resolve));
  const store = await next();
  return {
    ...store,
    requests: async () => {
      child.send('stats');
      return (await next()).requests;
    },
    close: () => new Promise((resolve) => {
      child.once('exit', resolve);
      child.send('close');
    }),
  };
}

async function run(profile, latencyMs, concurrency) {
  const store = await startStore(profile, latencyMs);
  let tooMany = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  const source = new BigCommerceSource({
    storeHash: store.storeHash,
    auth: createApiKeyAuth({ accessToken: store.accessToken }),
    apiBaseUrl: store.url,
    fetch: async (input, init) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    },
    concurrency,
    maxRetries: 20,
    onEvent: (event) => {
      if (event.type === 'response' && event.status === 429) tooMany += 1;
    },
  });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: profile.requests }, (_, index) => source.request({ method: 'GET', path: '/v3/catalog/products', query: { 'id:in': [index + 1] } })),
  );
  const wallMs = Math.round(performance.now() - started);
  const requestsSent = await store.requests();
  await store.close();
  return { wallMs, tooMany, mostInFlight, requestsSent };
}

// One discarded run first: the SDK's and fetch's code paths are warm for every case that counts.
await run({ quota: 450, windowMs: 3_000, requests: 64 }, 20, 'adaptive');

const rows = [];
for (const profile of quotas) {
  for (const latencyMs of latencies) {
    const bound = boundMs(profile, latencyMs, CEILING);
    const safeBound = safeBoundMs(profile, latencyMs, CEILING);
    const adaptive = await run(profile, latencyMs, 'adaptive');
    const fixed = await run(profile, latencyMs, 'fixed');
    const row = {
      quota: `${profile.name} (${profile.quota} / ${profile.windowMs / 1000} s)`,
      requests: profile.requests,
      latencyMs,
      boundMs: Math.round(bound),
      safeBoundMs: Math.round(safeBound),
      adaptive: { ...adaptive, ratio: +(adaptive.wallMs / bound).toFixed(2), ratioToSafeBound: +(adaptive.wallMs / safeBound).toFixed(2) },
      fixed: { ...fixed, ratio: +(fixed.wallMs / bound).toFixed(2) },
      met: adaptive.wallMs <= 1.3 * bound && adaptive.tooMany === 0 && adaptive.wallMs <= fixed.wallMs,
    };
    rows.push(row);
    console.log(
      `${row.quota.padEnd(44)} R=${String(row.requests).padStart(3)} L=${String(latencyMs).padStart(4)} ms  bound ${String(row.boundMs).padStart(6)} ms | ` +
        `adaptive ${String(adaptive.wallMs).padStart(6)} ms ×${row.adaptive.ratio.toFixed(2)} (×${row.adaptive.ratioToSafeBound.toFixed(2)} of ${row.safeBoundMs}) 429s ${adaptive.tooMany} peak ${adaptive.mostInFlight} | ` +
        `fixed ${String(fixed.wallMs).padStart(6)} ms ×${row.fixed.ratio.toFixed(2)} 429s ${fixed.tooMany} | ${row.met ? 'met' : 'NOT met'}`,
    );
  }
}

await mkdir(path.join(here, 'results'), { recursive: true });
await writeFile(
  path.join(here, 'results', quick ? 'quota-bound.quick.json' : 'quota-bound.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, ceiling: CEILING, rows }, null, 2)}\n`,
);
