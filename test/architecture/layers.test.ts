import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Imports point down the layers: `cli` → `index` → `source` → `operations` → `auth` → `internal` →
 * `errors`. A folder may import itself and anything below it; `testing` (the sandbox store,
 * published on its own) imports nothing of the SDK; `redis` (bigcommerce-source/redis, published
 * on its own) imports the gate and nothing else of it, and nothing imports `redis`.
 */
const root = resolve(import.meta.dirname, '../../src');
const ORDER = ['errors', 'internal', 'auth', 'operations', 'source', 'index', 'cli'];
/** Single files at the top of src/, with the layer they sit in. */
const FILE_LAYERS: Record<string, string> = { 'version.ts': 'errors', 'index.ts': 'index' };

function layerOf(file: string): string {
  const [top] = relative(root, file).split('/');
  return FILE_LAYERS[top!] ?? top!;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = join(directory, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

const imports = sourceFiles(root).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*?from\s+'(\.[^']+)'/gm)].map((match) => ({
    from: file,
    to: resolve(dirname(file), match[1]!),
  })),
);

describe('layers', () => {
  it('finds the imports it checks', () => {
    expect(imports.length).toBeGreaterThan(200);
  });

  it('never imports upwards', () => {
    const upward = imports
      .filter(({ from, to }) => !['testing', 'redis'].includes(layerOf(from)) && ORDER.indexOf(layerOf(to)) > ORDER.indexOf(layerOf(from)))
      .map(({ from, to }) => `${relative(root, from)} -> ${relative(root, to)}`);
    expect(upward).toEqual([]);
  });

  it('keeps the sandbox store free of the SDK', () => {
    const leaks = imports
      .filter(({ from, to }) => layerOf(from) === 'testing' && layerOf(to) !== 'testing')
      .map(({ from, to }) => `${relative(root, from)} -> ${relative(root, to)}`);
    expect(leaks).toEqual([]);
  });

  it('gives bigcommerce-source/redis the gate and nothing else of the SDK, and the SDK nothing of it', () => {
    const gate = join(root, 'internal/gate');
    const allowed = (to: string) => layerOf(to) === 'redis' || to.startsWith(`${gate}/`) || to === join(root, 'internal/events');
    const leaks = imports
      .filter(({ from, to }) => (layerOf(from) === 'redis' && !allowed(to)) || (layerOf(from) !== 'redis' && layerOf(to) === 'redis'))
      .map(({ from, to }) => `${relative(root, from)} -> ${relative(root, to)}`);
    expect(leaks).toEqual([]);
    expect(imports.some(({ from, to }) => layerOf(from) === 'redis' && to.startsWith(`${gate}/`))).toBe(true);
  });

  it('gives internal/ and operations/ nothing of source/', () => {
    const offending = imports.filter(({ from, to }) => ['internal', 'operations'].includes(layerOf(from)) && layerOf(to) === 'source');
    expect(offending).toEqual([]);
  });
});
