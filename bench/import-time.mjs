// Import time of the library entry in a fresh Node process, against an empty import as the
// baseline: `node bench/import-time.mjs` (after `npm run build`). Prints the medians of 15 runs.
import { execFileSync } from 'node:child_process';

const RUNS = 15;
const probe = (specifier) =>
  `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;

function medianMs(specifier) {
  const samples = [];
  for (let run = 0; run < RUNS; run += 1) {
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', probe(specifier)], { encoding: 'utf8' });
    samples.push(Number(output.trim()));
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(RUNS / 2)];
}

const baseline = medianMs('data:text/javascript,export {}');
const esm = medianMs('bigcommerce-source');
console.log(`import('bigcommerce-source'): ${esm.toFixed(1)} ms median of ${RUNS} (empty module: ${baseline.toFixed(1)} ms), Node ${process.version}`);
// Each dependency alone. ky builds a Request when it loads (to probe stream support), which loads
// Node's fetch implementation: that cost moves from the first request to the import.
for (const dependency of ['zod/mini', 'ky', 'p-retry']) console.log(`  ${dependency} alone: ${medianMs(dependency).toFixed(1)} ms`);
const fetchLoad = `const t = performance.now(); new Request('https://example.invalid'); console.log(performance.now() - t);`;
const samples = Array.from({ length: RUNS }, () => Number(execFileSync(process.execPath, ['--input-type=module', '-e', fetchLoad], { encoding: 'utf8' }).trim())).sort((a, b) => a - b);
console.log(`  loading Node's fetch (a first Request) alone: ${samples[Math.floor(RUNS / 2)].toFixed(1)} ms`);
