import { defineConfig } from 'tsup';

// ky and p-retry ship ESM only. The CommonJS build bundles them so that `require('bigcommerce-source')`
// works on every Node 22 release, including those before require(esm) was enabled by default (22.12).
const esmOnlyDependencies = ['ky', 'p-retry', 'is-network-error'];

export default defineConfig([
  {
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
  },
  {
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    noExternal: esmOnlyDependencies,
    treeshake: true,
  },
]);
