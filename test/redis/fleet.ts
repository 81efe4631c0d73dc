import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { SandboxStore } from '../../src/testing/index';
import type { WorkerJob, WorkerReport } from './fixtures/gate-worker';

/**
 * Bundles the worker (test/redis/fixtures/gate-worker.ts and the SDK sources it imports) into one
 * CommonJS file Node can fork. Returns its path; the folder is removed when the tests end.
 */
export async function buildWorker(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bigcommerce-source-worker-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const outfile = join(dir, 'gate-worker.cjs');
  await build({
    entryPoints: [resolve(import.meta.dirname, 'fixtures/gate-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    outfile,
    loader: { '.lua': 'text' },
    logLevel: 'error',
  });
  return outfile;
}

/** A forked worker running one job. */
export interface RunningWorker {
  readonly process: ChildProcess;
  /** Resolves with the job's report, or rejects when the worker failed or died without one. */
  readonly done: Promise<Extract<WorkerReport, { kind: 'done' }>>;
  /** Resolves when a `hold` job holds its slot and lease. */
  readonly holding: Promise<void>;
  /** `kill -9`. */
  kill(): void;
}

export function startWorker(workerFile: string, job: WorkerJob): RunningWorker {
  const child = fork(workerFile, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let onHolding: () => void = () => undefined;
  const holding = new Promise<void>((resolveHolding) => (onHolding = resolveHolding));
  const done = new Promise<Extract<WorkerReport, { kind: 'done' }>>((resolveDone, reject) => {
    child.on('message', (message: WorkerReport) => {
      if (message.kind === 'ready') child.send(job);
      else if (message.kind === 'holding') onHolding();
      else if (message.kind === 'done') resolveDone(message);
      else reject(new Error(`worker ${job.worker} failed: ${message.message}`));
    });
    child.on('exit', (code, signal) => reject(new Error(`worker ${job.worker} exited (${signal ?? code}) without a report`)));
  });
  done.catch(() => undefined);
  return { process: child, done, holding, kill: () => child.kill('SIGKILL') };
}

/** One request as the store server saw it. */
export interface ServedRequest {
  readonly worker: string;
  readonly method: string;
  readonly path: string;
  readonly receivedAtMs: number;
  status: number | undefined;
  answeredAtMs: number | undefined;
}

/** A sandbox store served over HTTP the way a real store behaves to its clients. */
export interface StoreServer {
  readonly url: string;
  readonly requests: readonly ServedRequest[];
  /** The most requests the store was handling at once. */
  readonly mostInFlight: number;
  /** 429s answered. */
  readonly rateLimited: number;
  /** Starts counting `mostInFlight` again from what is in flight now. */
  resetMostInFlight(): void;
  close(): Promise<void>;
}

/**
 * Serves `sandbox` over HTTP. Unlike `sandbox.listen()`, a request is handled to the end even when
 * its client goes away, as a real store commits an order whose client died after sending it.
 * `onRequest` sees each request as it arrives (a test kills a worker there).
 */
export async function serveStore(sandbox: SandboxStore, onRequest: (request: ServedRequest) => void = () => undefined): Promise<StoreServer> {
  const requests: ServedRequest[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  let rateLimited = 0;
  let origin = '';
  const server = createServer((incoming, outgoing) => {
    void (async () => {
      const served: ServedRequest = {
        worker: String(incoming.headers['x-worker'] ?? ''),
        method: incoming.method ?? 'GET',
        path: new URL(incoming.url ?? '/', origin).pathname.replace(/^\/stores\/[^/]+/, ''),
        receivedAtMs: Date.now(),
        status: undefined,
        answeredAtMs: undefined,
      };
      requests.push(served);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        const request = await toRequest(incoming, origin);
        onRequest(served);
        const response = await sandbox.handle(request);
        served.status = response.status;
        served.answeredAtMs = Date.now();
        if (response.status === 429) rateLimited += 1;
        const body = Buffer.from(await response.arrayBuffer());
        if (!outgoing.destroyed) outgoing.writeHead(response.status, Object.fromEntries(response.headers)).end(body);
      } catch {
        if (!outgoing.headersSent && !outgoing.destroyed) outgoing.writeHead(500).end();
      } finally {
        inFlight -= 1;
      }
    })();
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url: origin,
    requests,
    get mostInFlight() {
      return mostInFlight;
    },
    get rateLimited() {
      return rateLimited;
    },
    resetMostInFlight: () => {
      mostInFlight = inFlight;
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined || ['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'].includes(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = incoming.method ?? 'GET';
  const body = method === 'GET' || chunks.length === 0 ? undefined : Buffer.concat(chunks);
  // No signal: the store finishes what it started whatever the client does.
  return new Request(new URL(incoming.url ?? '/', origin), { method, headers, body });
}
