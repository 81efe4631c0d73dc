import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const testingSource = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'testing');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(path.join(folder, entry.name)) : entry.name.endsWith('.ts') ? [path.join(folder, entry.name)] : [],
  );
}

describe('bigcommerce-source/testing on edge runtimes', () => {
  it('has no static import of a Node built-in, so the module loads where node:http does not exist', () => {
    const offenders = sourceFiles(testingSource).filter((file) =>
      /^\s*import\s+(?!type\b)[^;]*from\s+['"](node:|http['"]|https['"]|net['"]|fs['"])/m.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('uses no Node-only globals', () => {
    const offenders = sourceFiles(testingSource).filter((file) => /\b(Buffer|process)\./.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
