import { rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

export default defineConfig(() => {
  // dist/ is emptied once, before the builds below start together. tsup's own `clean`, given to
  // one build, also deletes every declaration file when that build's declarations start, including
  // those another build (bigcommerce-source/redis) has already written.
  rmSync('dist', { recursive: true, force: true });
  return CONFIGS;
});

const CONFIGS: Options[] = [
  {
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
    format: ['esm'],
    dts: true,
    sourcemap: true,
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
    // bigcommerce-source/redis: a build of its own, so its declarations carry the gate interface
    // inline and nothing of it reaches the library entry's files. It imports no package at run
    // time: the ioredis client is the user's (an optional peer), and Node's crypto makes the
    // scripts' SHA1s. The scripts are gate.lua, loaded as text.
    entry: { redis: 'src/redis/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'node22',
    platform: 'node',
    removeNodeProtocol: false,
    treeshake: true,
    loader: { '.lua': 'text' },
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
];
