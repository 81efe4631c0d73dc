// Runtime matrix: the packed tarball, installed in a throwaway project the way users install it
// (scripts/packed-app.mjs), imported once as ESM and once as CommonJS, on Node 22 and Node 24, each
// running an inventory sync (with a resume from a cursor) against the sandbox store over real HTTP.
//
//   node scripts/runtime-matrix.mjs      packs and installs first (`npm test` shares one install)
// Node 24 is the `node` devDependency; Node 22 is installed once (from the npm cache when it is
// there) into node_modules/.cache/runtime-matrix/ and reused.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMain, packedApp, root } from './packed-app.mjs';

/** Node 22's binary, cached between runs. */
function node22() {
  const cache = join(root, 'node_modules/.cache/runtime-matrix');
  const binary = join(cache, 'node_modules/node/bin/node');
  if (!existsSync(binary)) {
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, 'package.json'), JSON.stringify({ private: true, name: 'runtime-matrix-node22' }));
    execFileSync('npm', ['install', 'node@22', '--no-save', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: cache, stdio: ['ignore', 'pipe', 'pipe'] });
  }
  return binary;
}

export function runtimeMatrix(app) {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const runtimes = [
    ['node 22', node22()],
    ['node 24', join(root, 'node_modules/node/bin/node')],
  ];
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
  app.write(
    'sync.mjs',
    program(`import { BigCommerceSource, createApiKeyAuth, VERSION } from 'bigcommerce-source';
import { createSandboxStore, seedCatalog } from 'bigcommerce-source/testing';`),
  );
  app.write(
    'sync.cjs',
    program(`const { BigCommerceSource, createApiKeyAuth, VERSION } = require('bigcommerce-source');
const { createSandboxStore, seedCatalog } = require('bigcommerce-source/testing');`),
  );

  for (const [label, node] of runtimes) {
    for (const file of ['sync.mjs', 'sync.cjs']) {
      const output = app.node([file], node).trim();
      console.log(`runtime-matrix: ${label} ${file}: ${output}`);
    }
  }
  console.log(`runtime-matrix: ok in ${elapsed()}`);
}

if (isMain(import.meta.url)) runtimeMatrix(packedApp());
