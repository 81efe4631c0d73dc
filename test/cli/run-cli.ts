import type { SandboxStore } from '../../src/testing';
import { runCli } from '../../src/cli/run';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed as NDJSON. */
  readonly records: Record<string, unknown>[];
}

export interface RunOptions {
  readonly stdin?: string;
  readonly env?: Record<string, string>;
  readonly sandbox?: SandboxStore;
  readonly isTTY?: boolean;
  /** Called with each chunk written to stdout (e.g. to inject a fault mid-run). */
  readonly onStdout?: (chunk: string, written: string) => void;
  readonly signal?: AbortSignal;
}

/** Runs the CLI in-process, collecting its output. */
export async function cli(argv: string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  // A given sandbox store is what --sandbox connects to.
  const args = options.sandbox && !argv.includes('--sandbox') ? [...argv, '--sandbox'] : argv;
  const code = await runCli(args, {
    stdout: {
      write: (chunk: string) => {
        stdout += chunk;
        options.onStdout?.(chunk, stdout);
        return true;
      },
    },
    stderr: { write: (chunk: string) => void (stderr += chunk), columns: 120 },
    ...(options.stdin === undefined ? {} : { stdin: (async function* () { yield options.stdin!; })() }),
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    ...(options.sandbox ? { sandbox: options.sandbox } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const records = code === 0 || stdout.startsWith('{') ? stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>) : [];
  return { code, stdout, stderr, records };
}

/** The error lines: each starts with `bigcommerce-source: `, one per line. */
export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('bigcommerce-source: '));
}
