import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, it } from 'vitest';

/**
 * A `redis-server` of the tests' own: started on a free loopback port with no persistence, in a
 * folder of its own, and stopped by the test. Never a system service.
 */
export interface TestRedisServer {
  readonly port: number;
  readonly url: string;
  /** Stops the server (SIGKILL: Redis loses everything, as after a crash). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
}

/**
 * The `redis-server` to run: `REDIS_SERVER` when set (a path), else the one on PATH (Debian's
 * package installs /usr/bin/redis-server), if any.
 */
export function redisServerBinary(): string | undefined {
  const given = process.env.REDIS_SERVER;
  if (given !== undefined) return existsSync(given) ? given : undefined;
  const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin'].filter((folder) => folder.startsWith('/'));
  return folders.map((folder) => join(folder, 'redis-server')).find((file) => existsSync(file));
}

/** Set by .ci/run: a machine without redis-server fails the Redis tests instead of skipping them. */
export const REDIS_REQUIRED = process.env.REQUIRE_REDIS === '1';

/**
 * `describe` for tests that need a real Redis: skipped, loudly, where redis-server is not
 * installed; failed instead when REQUIRE_REDIS=1.
 */
export function describeWithRedis(name: string, body: () => void): void {
  if (redisServerBinary()) {
    describe(name, body);
    return;
  }
  if (REDIS_REQUIRED) {
    describe(name, () => {
      it('needs redis-server (REQUIRE_REDIS=1)', () => {
        throw new Error('redis-server is not installed, and REQUIRE_REDIS=1 says these tests must run: apt-get install -y redis-server');
      });
    });
    return;
  }
  console.warn(
    `\n${'!'.repeat(78)}\n!! SKIPPED: "${name}" needs redis-server, which is not installed here.\n!! Install it (apt-get install -y redis-server) to run the Redis gate's tests;\n!! .ci/run installs it and sets REQUIRE_REDIS=1, so CI never skips them.\n${'!'.repeat(78)}\n`,
  );
  describe.skip(`${name} [SKIPPED: no redis-server]`, body);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a redis-server on a free loopback port; stop it in `afterAll`. */
export async function startRedisServer(): Promise<TestRedisServer> {
  const binary = redisServerBinary();
  if (!binary) throw new Error('redis-server is not installed');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'bigcommerce-source-redis-'));
  let child: ChildProcess | undefined;

  const start = async () => {
    const started = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--loglevel', 'warning'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    let output = '';
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 10_000;
    while (!(await answersPing(port))) {
      if (started.exitCode !== null) throw new Error(`redis-server exited (${started.exitCode}): ${output}`);
      if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };

  await start();
  process.once('exit', () => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  return { port, url: `redis://127.0.0.1:${port}`, start, stop };
}

/** Whether something on `port` answers Redis's PING. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    import('node:net').then(({ connect }) => {
      const socket = connect(port, '127.0.0.1');
      const done = (answer: boolean) => {
        socket.destroy();
        resolve(answer);
      };
      socket.once('error', () => done(false));
      socket.setTimeout(500, () => done(false));
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    }, () => resolve(false));
  });
}
