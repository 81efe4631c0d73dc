// Size budget of the library entry, as an application bundler would ship it: dist/index.js bundled
// with its dependencies (ky, p-retry, zod/mini), minified and gzipped. Also checks that neither the CLI
// nor the testing subpath (the sandbox store) leaks into it.
//
//   node scripts/size-budget.mjs            fails when over budget or when something leaks (what
//                                           `npm test` runs, as `npm run check:size`)
//   node scripts/size-budget.mjs --report   checks that nothing leaks and prints the figures, but
//                                           does not fail over budget (to look at a change that is)
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import assert from 'node:assert/strict';

// The measured cost of the library on its runtime stack (ky, p-retry, zod/mini) with
// source.request: 39.7 kB, plus 8 kB of headroom for the features queued after it. The budget
// tracks cost: a feature that does not fit raises it by what it costs (said in CHANGELOG), it
// never removes a feature or a dependency.
const BUDGET_BYTES = 48 * 1024;
const reportOnly = process.argv.includes('--report');

const result = await build({
  entryPoints: ['dist/index.js'],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral', // the entry must not need Node: no node: built-ins are resolved
  mainFields: ['module', 'main'],
  target: 'es2022',
  write: false,
  metafile: true,
  logLevel: 'error',
});
const [output] = result.outputFiles;
const code = output.text;
const minified = output.contents.byteLength;
const gzipped = gzipSync(output.contents, { level: 9 }).byteLength;

// Bytes in the minified output, by package.
const byPackage = {};
for (const [input, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  const name = match ? match[1] : 'bigcommerce-source';
  byPackage[name] = (byPackage[name] ?? 0) + bytesInOutput;
}
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
console.log(`size: dist/index.js with dependencies: ${kB(minified)} minified, ${kB(gzipped)} gzipped (budget ${kB(BUDGET_BYTES)})`);
for (const [name, bytes] of Object.entries(byPackage).sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(20)} ${kB(bytes)} minified`);

// The CLI and the sandbox store must never be pulled into the library entry.
const leaked = Object.keys(Object.values(result.metafile.outputs)[0].inputs).filter((input) => /(?:^|\/)src\/(?:cli|testing)\//.test(input) || /dist\/(?:cli|testing)\./.test(input));
assert.deepEqual(leaked, [], 'CLI or testing modules bundled into the library entry');
for (const marker of ['createSandboxStore', 'runCli', 'Sandbox Supply Co.', 'bigcommerce-source demo', 'node:']) {
  assert.ok(!code.includes(marker), `the library bundle contains ${JSON.stringify(marker)} (CLI or testing code, or a Node built-in)`);
}

if (gzipped > BUDGET_BYTES) {
  const message = `size: OVER BUDGET by ${kB(gzipped - BUDGET_BYTES)}`;
  if (reportOnly) console.log(`${message} (not enforced by --report; \`npm run size\` enforces it)`);
  else {
    console.error(message);
    process.exit(1);
  }
}
