// Runs the built `bigcommerce-source` command as a separate process, as an operator or a CI job
// would: real signals, real pipes (so stderr is not a terminal), real exit codes.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'tsup';

const ROOT = resolve(import.meta.dirname, '../..');

let built: Promise<{ cli: string; bin: string }> | undefined;

/**
 * Builds the CLI from src/cli/main.ts with the package's own CLI settings (tsup.config.ts), once per
 * test process, into node_modules/.cache so its dependencies resolve from the package's
 * node_modules, and makes a `bigcommerce-source` executable for printed commands to run as typed.
 * Tree-shaking is off: it changes nothing the CLI does and triples the build time.
 */
export function builtCli(): Promise<{ cli: string; bin: string }> {
  built ??= (async () => {
    const cache = join(ROOT, 'node_modules/.cache/bigcommerce-source-test');
    removeBuildsOfEndedProcesses(cache);
    const outDir = join(cache, `cli-${process.pid}`);
    await build({
      entry: { cli: 'src/cli/main.ts' },
      format: ['esm'],
      outDir,
      dts: false,
      sourcemap: false,
      target: 'node22',
      platform: 'node',
      removeNodeProtocol: false,
      treeshake: false,
      silent: true,
      config: false,
      clean: true,
      outExtension: () => ({ js: '.mjs' }),
    });
    const cli = join(outDir, 'cli.mjs');
    const bin = join(outDir, 'bin');
    await mkdir(bin, { recursive: true });
    const shim = join(bin, 'bigcommerce-source');
    await writeFile(shim, `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
    await chmod(shim, 0o755);
    return { cli, bin };
  })();
  return built;
}

/** Test workers are stopped without an exit event: each run removes the builds of workers that have ended. */
function removeBuildsOfEndedProcesses(cache: string): void {
  let names: string[];
  try {
    names = readdirSync(cache);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^cli-(\d+)$/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ESRCH') rmSync(join(cache, name), { recursive: true, force: true });
    }
  }
}

/** A temporary folder, removed by the returned function. */
export async function temporaryFolder(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'bigcommerce-source-cli-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export interface Spawned {
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves once `predicate` holds for the output so far (checked on every chunk); rejects if the process ends first. */
  waitFor(predicate: (stdout: string, stderr: string) => boolean, what: string): Promise<void>;
  /** The exit code (or 128 + the signal's number when killed), with the whole output. */
  readonly exited: Promise<Finished>;
}

export interface Finished {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface SpawnOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly stdin?: string;
  readonly cwd?: string;
}

const SIGNAL_NUMBERS: Record<string, number> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

function start(command: string, args: readonly string[], options: SpawnOptions, bin: string): Spawned {
  const child = spawn(command, [...args], {
    cwd: options.cwd ?? ROOT,
    // Only what the test gives: no BIGCOMMERCE_* from the machine running the tests.
    env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? tmpdir(), ...options.env },
    stdio: 'pipe',
  });
  let stdout = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  const check = () => {
    for (const waiter of [...waiters]) waiter();
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    check();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    check();
  });
  const exited = new Promise<Finished>((resolveExit) => {
    child.on('close', (code, signal) => {
      resolveExit({ code: code ?? 128 + (SIGNAL_NUMBERS[signal ?? ''] ?? 0), stdout, stderr });
      check();
    });
  });
  child.stdin.end(options.stdin ?? '');
  let closed = false;
  void exited.then(() => (closed = true));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitFor: (predicate, what) =>
      new Promise<void>((resolveWait, rejectWait) => {
        const waiter = () => {
          if (predicate(stdout, stderr)) {
            waiters.delete(waiter);
            resolveWait();
          } else if (closed || child.exitCode !== null || child.signalCode !== null) {
            waiters.delete(waiter);
            rejectWait(new Error(`the process ended before ${what}.\nstdout: ${stdout.slice(-2000)}\nstderr: ${stderr.slice(-2000)}`));
          }
        };
        waiters.add(waiter);
        waiter();
      }),
  };
}

/** Starts `bigcommerce-source ARGS` as a process. */
export async function spawnCli(args: readonly string[], options: SpawnOptions = {}): Promise<Spawned> {
  const { cli, bin } = await builtCli();
  return start(process.execPath, [cli, ...args], options, bin);
}

/** Runs `bigcommerce-source ARGS` to its end. */
export async function runCliProcess(args: readonly string[], options: SpawnOptions = {}): Promise<Finished> {
  return (await spawnCli(args, options)).exited;
}

/** Runs a printed command line exactly as printed, through `sh -c`, with `bigcommerce-source` on the PATH. */
export async function runCommandLine(line: string, options: SpawnOptions = {}): Promise<Finished> {
  const { bin } = await builtCli();
  return start('/bin/sh', ['-c', line], options, bin).exited;
}

/** The NDJSON records of stdout. */
export function records(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A `bigcommerce-source sandbox` server in its own process, and how to reach it. */
export interface SandboxProcess {
  readonly process: Spawned;
  readonly url: string;
  readonly storeHash: string;
  readonly accessToken: string;
  /** `--api-url … --store-hash …` for a command against it (the token goes in {@link SandboxProcess.env}). */
  readonly connection: readonly string[];
  /** `BIGCOMMERCE_ACCESS_TOKEN`: a printed resume command never repeats a token. */
  readonly env: Readonly<Record<string, string>>;
  /** Calls the admin path (`/__sandbox/stores/{hash}/…`) with the store's token. */
  admin(method: string, path: string, body?: unknown): Promise<Response>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<Finished>;
}

/** Starts `bigcommerce-source sandbox --json ARGS` and reads its first stdout line. */
export async function startSandboxServer(args: readonly string[] = [], options: SpawnOptions = {}): Promise<SandboxProcess> {
  const server = await spawnCli(['sandbox', '--json', ...args], options);
  await server.waitFor((stdout) => stdout.includes('\n'), 'the sandbox printed its address');
  const first = JSON.parse(server.stdout().split('\n')[0]!) as { url: string; storeHash: string; accessToken: string };
  return {
    process: server,
    ...first,
    connection: ['--api-url', first.url, '--store-hash', first.storeHash],
    env: { BIGCOMMERCE_ACCESS_TOKEN: first.accessToken },
    admin: (method, path, body) =>
      fetch(`${first.url}/__sandbox/stores/${first.storeHash}${path}`, {
        method,
        headers: { 'X-Auth-Token': first.accessToken, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    stop: async () => {
      server.child.kill('SIGTERM');
      return server.exited;
    },
  };
}
