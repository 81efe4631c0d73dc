import type { PurchaseOrderLease } from '../internal/gate/rate-gate';
import type { RedisCalls } from './redis-calls';
import { SCRIPTS } from './scripts';

/** What a lease needs of its gate. */
export interface LeaseContext {
  readonly calls: RedisCalls;
  isDown(): boolean;
  /** Why Redis is unreachable, for the error of a lease step that cannot run. */
  downReason(): string;
  fail(error: unknown): void;
  /** The lease is over: stop renewing it. */
  forget(lease: RedisPurchaseOrderLease): void;
  /** A renewal found the lease lost. */
  lost(lease: RedisPurchaseOrderLease): void;
}

/**
 * A PO's lease in Redis: a key holding this holder's token, expiring `ttlMs` after its last
 * renewal. The gate's heartbeat renews it while this process is alive; `confirm()` checks and
 * renews it right before each order POST, so the lease outlives that POST by `ttlMs` whatever
 * happens to this process next.
 */
export class RedisPurchaseOrderLease implements PurchaseOrderLease {
  readonly key: string;
  readonly ttlMs: number;
  readonly storeHash: string;
  readonly poNumber: string;
  readonly #token: string;
  readonly #context: LeaseContext;
  #lost = false;
  #released = false;

  constructor(context: LeaseContext, lease: { key: string; token: string; ttlMs: number; storeHash: string; poNumber: string }) {
    this.#context = context;
    this.key = lease.key;
    this.#token = lease.token;
    this.ttlMs = lease.ttlMs;
    this.storeHash = lease.storeHash;
    this.poNumber = lease.poNumber;
  }

  async confirm(): Promise<void> {
    if (this.#released) throw new Error('the lease was already given back');
    if (this.#lost) throw lostError();
    if (this.#context.isDown()) throw new Error(`Redis is unreachable (${this.#context.downReason()}), so the lease cannot be confirmed`);
    let answer: unknown[];
    try {
      answer = await this.#context.calls.run(SCRIPTS.lease_renew, [this.key], [this.#token, this.ttlMs]);
    } catch (error) {
      this.#context.fail(error);
      throw new Error(`the lease could not be confirmed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (answer[0] !== 1) {
      this.#markLost();
      throw lostError();
    }
  }

  /** Called by the heartbeat. A call that fails leaves the lease as it is: it may still be held. */
  renew(): void {
    if (this.#released || this.#lost || this.#context.isDown()) return;
    this.#context.calls.run(SCRIPTS.lease_renew, [this.key], [this.#token, this.ttlMs]).then(
      ([held]) => {
        if (held !== 1 && !this.#released) this.#markLost();
      },
      (error: unknown) => this.#context.fail(error),
    );
  }

  async release(): Promise<void> {
    if (this.#released) return;
    this.#released = true;
    this.#context.forget(this);
    if (this.#lost || this.#context.isDown()) return;
    // A lease that cannot be given back expires on its own.
    await this.#context.calls.run(SCRIPTS.lease_release, [this.key], [this.#token]).catch(() => undefined);
  }

  #markLost(): void {
    if (this.#lost) return;
    this.#lost = true;
    this.#context.lost(this);
  }
}

function lostError(): Error {
  return new Error('the lease is no longer held: it expired (this process stalled past its lifetime) or Redis lost it');
}
