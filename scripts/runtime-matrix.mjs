// Runtime matrix: the packed tarball (`npm pack`), installed in a temporary project the way users
// install it, imported once as ESM and once as CommonJS, on Node 22 and Node 24, each running an
// inventory sync (with a resume from a cursor) against the sandbox store over real HTTP.
//
// Run after `npm run build`: node scripts/runtime-matrix.mjs
// Node 24 is the `node` devDependency; Node 22 is installed once (from the npm cache when it is
// there) into node_modules/.cache/runtime-matrix/ and reused.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

// Node 22, cached between runs.
const cache = join(root, 'node_modules/.cache/runtime-matrix');
const node22 = join(cache, 'node_modules/node/bin/node');
if (!existsSync(node22)) {
  mkdirSync(cache, { recursive: true });
  writeFileSync(join(cache, 'package.json'), JSON.stringify({ private: true, name: 'runtime-matrix-node22' }));
  npm(['install', 'node@22', '--no-save', '--prefer-offline', '--no-audit', '--no-fund'], cache);
}
const runtimes = [
  ['node 22', node22],
  ['node 24', join(root, 'node_modules/node/bin/node')],
];

// The tarball, in a temporary project.
const work = mkdtempSync(join(tmpdir(), 'bigcommerce-source-matrix-'));
try {
  const [{ filename }] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], root));
  writeFileSync(join(work, 'package.json'), JSON.stringify({ private: true, name: 'matrix-app', version: '1.0.0' }));
  npm(['install', join(work, filename), '--prefer-offline', '--no-audit', '--no-fund', '--omit=dev'], work);

  const program = (load) => `${load}
const CATALOG = { products: 300, seed: 7, maxVariants: 6 };
async function main() {
  const sandbox = createSandboxStore();
  const seeded = seedCatalog(sandbox.catalog, CATALOG);
  const server = await sandbox.listen();
  try {
    const source = new BigCommerceSource({
      storeHash: sandbox.storeHash,
      auth: createApiKeyAuth({ accessToken: sandbox.accessToken }),
      apiBaseUrl: server.url,
    });
    const skus = new Set();
    let cursor;
    let pages = 0;
    // Stop after three pages, then resume from the last cursor, as a serverless function would.
    for await (const page of source.inventory.pages({ pageSize: 25 })) {
      for (const item of page.items) skus.add(item.sku);
      cursor = page.cursor;
      if (++pages === 3) break;
    }
    let count = [...skus].length;
    for await (const item of source.inventory.items({ pageSize: 25, cursor })) {
      skus.add(item.sku);
      count++;
    }
    if (count !== seeded.skus || skus.size !== seeded.skus) throw new Error('expected ' + seeded.skus + ' SKUs once each, got ' + count + ' (' + skus.size + ' distinct)');
    console.log(process.version + ' ' + (typeof require === 'function' ? 'cjs' : 'esm') + ' ' + VERSION + ': ' + seeded.skus + ' SKUs, resumed after ' + pages + ' pages');
  } finally {
    await server.close();
  }
}
main().catch((error) => { console.error(error); process.exitCode = 1; });
`;
  writeFileSync(
    join(work, 'sync.mjs'),
    program(`import { BigCommerceSource, createApiKeyAuth, VERSION } from 'bigcommerce-source';
import { createSandboxStore, seedCatalog } from 'bigcommerce-source/testing';`),
  );
  writeFileSync(
    join(work, 'sync.cjs'),
    program(`const { BigCommerceSource, createApiKeyAuth, VERSION } = require('bigcommerce-source');
const { createSandboxStore, seedCatalog } = require('bigcommerce-source/testing');`),
  );

  for (const [label, node] of runtimes) {
    for (const file of ['sync.mjs', 'sync.cjs']) {
      const output = execFileSync(node, [file], { cwd: work, encoding: 'utf8' }).trim();
      console.log(`runtime-matrix: ${label} ${file}: ${output}`);
    }
  }
  console.log(`runtime-matrix: ok in ${elapsed()}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
