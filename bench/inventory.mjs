// npm run bench [-- --quick] [-- --latency=100] [-- --sizes=10000,100000] [-- --skip-manual] [-- --node=PATH]
//
// Get Inventory against the sandbox store over real HTTP on loopback, with injected latency and
// a rate-limit quota, side by side with a hand-written sequential page/limit loop. Each run gets
// fresh processes: the sandbox in one, the SDK in another (so peak RSS and CPU are the SDK's
// alone), the hand-written loop in a third. Each contender runs twice in its process: cold (the
// process's first sync) and warm (the next). Writes bench/results/inventory.json.
import { execFileSync, fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? 'true'];
  }),
);
const quick = args.quick === 'true';
const latencyMs = Number(args.latency ?? 100);
const sizes = args.sizes ? args.sizes.split(',').map(Number) : quick ? [5_000] : [10_000, 100_000];
// BigCommerce Standard plan: 150 requests per 30 s window. Scaled 10× faster (150 per 3 s = 50
// requests/s) so the quota is present and counted but, at 4 × 1 / 100 ms = 40 requests/s, does not
// dominate; the lower bound below takes whichever of latency and quota binds.
const quota = Number(args.quota ?? 150);
const windowMs = Number(args.window ?? 3_000);
const maxConcurrency = 4; // the SDK's default
const pageSize = 250; // the SDK's default
const seed = 1;

// `--node=PATH` runs the contenders (not the sandbox) on another Node binary, e.g. Node 22 as the
// runtime matrix fetches it: node_modules/.cache/runtime-matrix/node_modules/node/bin/node.
const contenderNode = args.node ? path.resolve(args.node) : process.execPath;

function start(script, config, execPath = process.execPath, execArgv = []) {
  const child = fork(path.join(here, script), [JSON.stringify(config)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execPath, execArgv });
  const next = () =>
    new Promise((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => code !== 0 && reject(new Error(`${script} exited with ${code}`)));
    });
  return { child, next };
}

async function runOnce(script, config, execArgv = []) {
  const { next } = start(script, config, contenderNode, execArgv);
  return next();
}

// V8 grows its young generation with the allocation rate, up to a cap it derives from the
// machine's memory (on Node 24 and a large machine, 64 MB semi-spaces: 128 MB of new space); a
// memory-limited container or function gets a smaller cap. The SDK is run a second time with the
// cap Node 22 uses on any 64-bit machine (16 MB), to show the peak RSS without that choice of V8's.
const cappedYoungGeneration = ['--max-semi-space-size=16'];

const contenderVersion = execFileSync(contenderNode, ['--version'], { encoding: 'utf8' }).trim();
console.log(`Contenders run on Node ${contenderVersion}`);
const results = [];
for (const products of sizes) {
  process.stdout.write(`N = ${products.toLocaleString('en')}: seeding the sandbox… `);
  const server = start('sandbox-server.mjs', { products, latencyMs, quota, windowMs, seed });
  const store = await server.next();
  process.stdout.write('SDK… ');
  const sdk = await runOnce('run-sdk.mjs', store);
  server.child.send('stats');
  const sdkRequests = await server.next();
  process.stdout.write('SDK with a 16 MB semi-space… ');
  const capped = await runOnce('run-sdk.mjs', store, cappedYoungGeneration);
  server.child.send('stats');
  await server.next();
  process.stdout.write('CPU per page… ');
  const cpu = await runOnce('run-replay.mjs', store);
  server.child.send('stats');
  await server.next();
  // The quota window is shared: wait for a fresh one so each contender starts with a full quota.
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  let manual;
  if (args['skip-manual'] !== 'true') {
    process.stdout.write('hand-written loop… ');
    manual = await runOnce('run-manual.mjs', store);
    server.child.send('stats');
    await server.next();
  }
  server.child.send('close');
  process.stdout.write('done\n');

  const minimumRequests = Math.ceil(products / pageSize);
  const lowerBoundMs = Math.max((minimumRequests * latencyMs) / maxConcurrency, (minimumRequests / quota) * windowMs);
  results.push({
    products,
    items: sdk.items,
    warmItems: sdk.warm.items,
    sdk: {
      // Per sync, as the SDK counted them (attempts included); the sandbox saw both syncs' requests.
      requests: sdk.cold.requests,
      productRequests: sdk.cold.requests,
      sandboxRequests: sdkRequests.total,
      requestBudget: minimumRequests + 2 * maxConcurrency,
      minimumRequests,
      lowerBoundMs,
      // Cold: the first sync of a fresh process. Warm: the next sync in the same process.
      wallMs: Math.round(sdk.warm.wallMs),
      wallOverLowerBound: round(sdk.warm.wallMs / lowerBoundMs),
      coldWallMs: Math.round(sdk.cold.wallMs),
      coldWallOverLowerBound: round(sdk.cold.wallMs / lowerBoundMs),
      peakRssMb: round(sdk.peakRssMb, 1),
      newSpaceMb: sdk.newSpaceMb,
      oldSpaceUsedMb: sdk.oldSpaceUsedMb,
      externalMb: sdk.externalMb,
      // The same syncs with the young generation capped at 16 MB semi-spaces (see above).
      cappedSemiSpace: {
        peakRssMb: round(capped.peakRssMb, 1),
        newSpaceMb: capped.newSpaceMb,
        wallOverLowerBound: round(capped.warm.wallMs / lowerBoundMs),
        coldWallOverLowerBound: round(capped.cold.wallMs / lowerBoundMs),
      },
      processCpuMsPerPage: round(sdk.cold.processCpuMsPerPage),
      warmProcessCpuMsPerPage: round(sdk.warm.processCpuMsPerPage),
      // The sandbox's own CPU per request while serving the SDK: it shares the machine's cores.
      sandboxCpuMsPerRequest: round(sdkRequests.cpuMs / Math.max(1, sdkRequests.total)),
      cpuMsPerPage: round(cpu.cpuMsPerPage),
      responseJsonMsPerPage: round(cpu.responseJsonMsPerPage),
      jsonParseMsPerPage: round(cpu.jsonParseMsPerPage),
      cpuOverResponseJson: round(cpu.cpuMsPerPage / cpu.responseJsonMsPerPage),
      cpuOverJsonParse: round(cpu.cpuMsPerPage / cpu.jsonParseMsPerPage),
      pageBytes: cpu.pageBytes,
    },
    manual: manual && {
      peakRssMb: round(manual.peakRssMb, 1),
      requests: manual.warm.requests,
      wallMs: Math.round(manual.warm.wallMs),
      coldWallMs: Math.round(manual.cold.wallMs),
      items: manual.warm.items,
    },
    speedup: manual ? round(manual.warm.wallMs / sdk.warm.wallMs) : undefined,
    coldSpeedup: manual ? round(manual.cold.wallMs / sdk.cold.wallMs) : undefined,
  });
}

const targets = (result, baseline) => ({
  requests: result.sdk.productRequests <= result.sdk.requestBudget,
  // Judged warm; the cold run (a fresh process's first sync) is held to 1.5× (the team's decision).
  wallTime: result.sdk.wallOverLowerBound <= 1.25,
  'wallTime (cold)': result.sdk.coldWallOverLowerBound <= 1.5,
  speedup: result.speedup === undefined ? null : result.speedup >= 3.5,
  'speedup (cold)': result.coldSpeedup === undefined ? null : result.coldSpeedup >= 3.5,
  // Like for like: the SDK's figure includes reading and decoding the page's body, so the
  // baseline (response.json() on the same bytes) does too.
  cpu: result.sdk.cpuOverResponseJson <= 3,
  // Judged with the young generation capped (`--max-semi-space-size=16`, as a memory-limited
  // function runs; a library cannot set V8 flags), together with old space staying flat in N.
  // 170 MB, not 150: building each request with ky (the project's chosen HTTP layer) costs 7 to
  // 15 MB of peak RSS at 100 000 products (151 MB before, 157 to 166 MB after; docs/performance.md).
  rss:
    result.products >= 100_000
      ? result.sdk.cappedSemiSpace.peakRssMb < 170 &&
        (!baseline ||
          (result.sdk.cappedSemiSpace.peakRssMb - baseline.sdk.cappedSemiSpace.peakRssMb <= 30 && result.sdk.oldSpaceUsedMb - baseline.sdk.oldSpaceUsedMb <= 10))
      : null,
  sameItems: result.manual ? result.manual.items === result.items && result.warmItems === result.items : null,
});

const small = results.find((result) => result.products === 10_000);
console.log('');
console.table(
  results.map((result) => ({
    products: result.products,
    items: result.items,
    'requests (budget)': `${result.sdk.productRequests} (≤ ${result.sdk.requestBudget})`,
    'lower bound ms': result.sdk.lowerBoundMs,
    'wall ms (cold)': `${result.sdk.wallMs} (${result.sdk.coldWallMs})`,
    'wall / bound (cold)': `${result.sdk.wallOverLowerBound} (${result.sdk.coldWallOverLowerBound})`,
    'hand loop ms (cold)': result.manual ? `${result.manual.wallMs} (${result.manual.coldWallMs})` : '-',
    'speedup (cold)': result.speedup === undefined ? '-' : `${result.speedup} (${result.coldSpeedup})`,
    'peak RSS MB': result.sdk.peakRssMb,
    'new space MB': result.sdk.newSpaceMb,
    'old space used MB': result.sdk.oldSpaceUsedMb,
    'peak RSS MB, 16 MB semi-space': result.sdk.cappedSemiSpace.peakRssMb,
    'hand loop peak RSS MB': result.manual?.peakRssMb ?? '-',
    'process CPU ms/page (cold)': `${result.sdk.warmProcessCpuMsPerPage} (${result.sdk.processCpuMsPerPage})`,
    'SDK CPU ms/page': result.sdk.cpuMsPerPage,
    'response.json() ms/page': result.sdk.responseJsonMsPerPage,
    'CPU / response.json()': result.sdk.cpuOverResponseJson,
    'CPU / JSON.parse alone': result.sdk.cpuOverJsonParse,
  })),
);
const checked = results.map((result) => ({ products: result.products, ...targets(result, small) }));
console.table(checked);

const report = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: round(os.totalmem() / 2 ** 30, 1), node: contenderVersion, platform: `${os.platform()} ${os.arch()}` },
  settings: { latencyMs, quota, windowMs, maxConcurrency, pageSize, seed, quick },
  results,
  targets: checked,
};
await mkdir(path.join(here, 'results'), { recursive: true });
await writeFile(path.join(here, 'results', 'inventory.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nWrote bench/results/inventory.json`);

function round(value, digits = 2) {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
