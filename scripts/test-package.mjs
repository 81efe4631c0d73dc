// `npm test`'s checks of the package as users get it, all on one tarball: `npm pack` of the
// working tree (built by `prepack`), installed in a throwaway project (scripts/packed-app.mjs).
//   1. publint --strict and attw (every resolution profile) on the tarball
//   2. smoke: require/import of the library and bigcommerce-source/testing, npx --version and demo
//   3. consumer types: a strict consumer and the docs' examples under node10, node16 CJS/ESM and bundler
//   4. runtime matrix: Node 22 and 24, ESM and CommonJS, an inventory sync over HTTP
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { packedApp, root } from './packed-app.mjs';
import { smoke } from './smoke.mjs';
import { consumerTypes } from './consumer-types.mjs';
import { runtimeMatrix } from './runtime-matrix.mjs';

const started = performance.now();
const app = packedApp();
const bin = (name) => join(root, 'node_modules/.bin', name);
execFileSync(bin('publint'), ['--strict', app.tarball], { cwd: root, stdio: 'inherit' });
execFileSync(bin('attw'), [app.tarball], { cwd: root, stdio: 'inherit' });
smoke(app);
await consumerTypes(app);
runtimeMatrix(app);
console.log(`test-package: ok in ${((performance.now() - started) / 1000).toFixed(1)} s`);
