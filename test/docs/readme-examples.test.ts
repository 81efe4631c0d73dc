// README example tests: every ```ts block of README.md and of the guides in docs/ must type-check
// against the SDK, so the docs cannot rot. A block that is a type shape rather than code is marked
// with `<!-- doc-example: skip -->` on the line before its fence.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentationFiles, extractExamples, ROOT, typeCheckExamples, type ExampleDiagnostic } from './doc-examples';

const examples = documentationFiles().flatMap((file) => extractExamples(file));
let results: Map<string, ExampleDiagnostic> | undefined;
function resultOf(name: string): ExampleDiagnostic {
  results ??= new Map(typeCheckExamples(examples).map((result) => [result.example.name, result]));
  return results.get(name)!;
}

describe('README examples', () => {
  it('finds the code blocks of the README and of every guide', () => {
    expect(examples.filter((example) => example.file === 'README.md').length).toBeGreaterThanOrEqual(4);
    expect(new Set(examples.map((example) => example.file)).size).toBeGreaterThanOrEqual(8);
  });

  it.each(examples.map((example) => [example.name]))('%s type-checks', (name) => {
    expect(resultOf(name).messages).toEqual([]);
  }, 60_000);
});

describe('README and guide links', () => {
  it.each(documentationFiles().map((file) => [file]))('%s links only to files that exist', (file) => {
    const markdown = readFileSync(join(ROOT, file), 'utf8');
    const broken = [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((match) => match[1]!.split('#')[0]!)
      .filter((target) => target !== '' && !/^[a-z]+:/i.test(target))
      .filter((target) => !existsSync(join(ROOT, dirname(file), target)));
    expect(broken).toEqual([]);
  });
});
