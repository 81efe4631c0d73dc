import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SPEC_FILES } from '../helpers/openapi';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'coverage']);

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : filesUnder(path.join(folder, entry.name));
    return [path.join(folder, entry.name)];
  });
}

// The spec files carry no license grant (see SOURCE.md beside them): tests read them from disk and
// the repository must never hold a copy.
describe('BigCommerce OpenAPI files', () => {
  it('are not copied into the repository', () => {
    const names = new Set<string>(Object.values(SPEC_FILES));
    const copies = filesUnder(repoRoot).filter((file) => names.has(path.basename(file)));
    expect(copies).toEqual([]);
  });
});
