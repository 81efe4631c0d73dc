// Guide examples that run: a block marked `<!-- doc-example: run -->` (a ```sh session or a ```js
// script) is run as written, in an empty folder, with the built `bigcommerce-source` command on the
// PATH, and must exit 0. The ```ts blocks are type-checked by readme-examples.test.ts.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCli, temporaryFolder } from '../cli/subprocess';
import { spawn } from 'node:child_process';
import { documentationFiles, ROOT } from './doc-examples';

interface RunnableExample {
  readonly name: string;
  readonly language: 'sh' | 'js';
  readonly code: string;
}

const RUN_MARKER = /<!--\s*doc-example:\s*run\s*-->/;

function runnableExamples(file: string): RunnableExample[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const examples: RunnableExample[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (!RUN_MARKER.test(lines[index]!)) continue;
    let fence = index + 1;
    while (lines[fence]!.trim() === '') fence++;
    const language = /^```(sh|js)\s*$/.exec(lines[fence]!)?.[1] as 'sh' | 'js' | undefined;
    if (!language) throw new Error(`${file}:${index + 1}: a run marker must precede a sh or js block`);
    const body: string[] = [];
    for (index = fence + 1; !/^```\s*$/.test(lines[index]!); index++) body.push(lines[index]!);
    examples.push({ name: `${file}:${fence + 1}`, language, code: body.join('\n') });
  }
  return examples;
}

const examples = documentationFiles().flatMap(runnableExamples);

function run(command: string, args: string[], cwd: string, bin: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: cwd }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('guide examples that run', () => {
  it('finds the runnable examples of the CLI and testing guides', () => {
    expect(examples.map((example) => example.name.split(':')[0])).toEqual(expect.arrayContaining(['docs/cli.md', 'docs/testing.md']));
  });

  it.each(examples.map((example) => [example.name, example] as const))('%s runs as written', async (_name, example) => {
    const { bin } = await builtCli();
    const folder = await temporaryFolder();
    try {
      const script = join(folder.path, example.language === 'sh' ? 'example.sh' : 'example.mjs');
      await writeFile(script, example.language === 'sh' ? `set -e\n${example.code}\n` : example.code);
      const result = await run(example.language === 'sh' ? '/bin/sh' : process.execPath, [script], folder.path, bin);
      expect(result.code, result.output).toBe(0);
    } finally {
      await folder.remove();
    }
  }, 60_000);
});
