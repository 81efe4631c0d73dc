import type { GateScript } from './scripts';

/**
 * What the gate needs of a Redis client: an ioredis `Redis` or `Cluster` fits (ioredis 5 and 6).
 * Give the gate a client of its own, not the one BullMQ uses: BullMQ needs
 * `maxRetriesPerRequest: null`, which makes a command wait for Redis forever.
 */
export interface RedisGateClient {
  /** `EVALSHA sha numkeys key… arg…` */
  evalsha(sha: string, numKeys: number, ...keysAndArgs: Array<string | number>): Promise<unknown>;
  /** `EVAL script numkeys key… arg…` */
  eval(script: string, numKeys: number, ...keysAndArgs: Array<string | number>): Promise<unknown>;
  /** `PING` */
  ping(): Promise<unknown>;
}

/** Redis did not answer one of the gate's calls in time. */
export class RedisGateTimeoutError extends Error {
  override name = 'RedisGateTimeoutError';
}

/**
 * The gate's calls to Redis, each bounded by `timeoutMs`: a client whose connection is down may
 * queue a command for a long time (forever with `maxRetriesPerRequest: null`), and no request may
 * wait on the gate's own bookkeeping that long. A call that timed out may still run later; the
 * gate takes back what such a call may have granted, and leases expire anyway.
 */
export class RedisCalls {
  readonly #client: RedisGateClient;
  readonly #timeoutMs: number;

  constructor(client: RedisGateClient, timeoutMs: number) {
    this.#client = client;
    this.#timeoutMs = timeoutMs;
  }

  /** Runs a script by its SHA1, sending its text when Redis does not know it (a restart forgets it). */
  run(script: GateScript, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<unknown[]> {
    const call = async () => {
      try {
        return await this.#client.evalsha(script.sha, keys.length, ...keys, ...args);
      } catch (error) {
        if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
        return this.#client.eval(script.text, keys.length, ...keys, ...args);
      }
    };
    return this.#bounded(call(), `the ${script.name} script`).then((answer) => (Array.isArray(answer) ? answer : [answer]));
  }

  /** `PING`, bounded like every call. */
  async ping(): Promise<void> {
    await this.#bounded(this.#client.ping(), 'PING');
  }

  #bounded<T>(promise: Promise<T>, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      // When the event loop was blocked (a busy process), the timer and Redis's answer are both
      // due when it resumes, and timers run first: the answer is read (setImmediate runs after
      // the loop's I/O) before the call is declared lost, so a slow process is not taken for a
      // Redis that is away.
      const timer = setTimeout(() => {
        setImmediate(() => {
          if (settled) return;
          settled = true;
          reject(new RedisGateTimeoutError(`Redis did not answer ${what} within ${this.#timeoutMs} ms`));
        });
      }, this.#timeoutMs);
      promise.then(
        (value) => {
          clearTimeout(timer);
          if (settled) return;
          settled = true;
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          if (settled) return;
          settled = true;
          reject(error);
        },
      );
    });
  }
}
