import { defineConfig } from 'tsup';

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
    treeshake: true,
    // ky and p-retry (and p-retry's is-network-error) are ES modules only, and `engines` allows
    // Node 22.0 to 22.11, where require() of an ES module is off by default: the CommonJS build
    // carries its own copy. The ESM build above imports them from node_modules, so an app dedupes them.
    noExternal: ['ky', 'p-retry', 'is-network-error'],
  },
  {
    // The `bigcommerce-source` command: one self-contained ESM file (the SDK and the sandbox store
    // bundled in, its dependencies left to node_modules). The only build that may use `node:*`;
    // the library entries above never import it.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    target: 'node22',
    platform: 'node',
    removeNodeProtocol: false,
    treeshake: true,
  },
]);
