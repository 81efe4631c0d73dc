import type { ThrottleEvent } from '../events';
import type { RateLimitState } from '../rate-limit-headers';

/** A store as a gate knows it: every process that reaches it the same way shares its quota. */
export interface GateStore {
  /** Stable across processes and machines: the API base URL and the store hash. */
  readonly id: string;
  /** The store hash. */
  readonly storeHash: string;
  /** The API base URL, without a trailing slash. */
  readonly apiBaseUrl: string;
}

/**
 * Which requests go first when the store's quota or in-flight cap binds: `high` (writes and reads of
 * one resource: send an order, read one order's shipments, verify) goes ahead of `bulk` (paging
 * through the catalog or through orders), without starving it.
 */
export type RequestPriority = 'high' | 'bulk';

/** What a request asks the gate for. */
export interface AcquireOptions {
  /** `high` for writes and single-resource reads, `bulk` for paging. */
  readonly priority: RequestPriority;
  /** Aborts the wait; the promise then rejects with the signal's reason. */
  readonly signal: AbortSignal | undefined;
  /** The source's ceiling: the most requests it may have in flight to this store (`maxConcurrency`). */
  readonly ceiling: number;
  /**
   * `adaptive`: the in-flight cap follows what the store's rate-limit headers allow (up to the
   * ceiling), and no request starts once what is left of the quota window is in flight. `fixed`:
   * at most `ceiling` in flight; requests wait only when a response says the window is spent.
   */
  readonly concurrency: 'adaptive' | 'fixed';
  /** The share of the store's quota this source may spend, 0 to 1, leaving the rest to other apps. */
  readonly quotaShare: number;
  /** Called when requests are held back (a spent window, a 429). Never throws into the gate. */
  readonly onThrottle: (event: ThrottleEvent) => void;
}

/** A slot for one request: report what came back, then release it. */
export interface GateSlot {
  /**
   * The response's status line arrived: its rate-limit headers (already clamped) and how long it
   * took. Not called when no response came.
   */
  report(observation: { readonly rateLimit: RateLimitState; readonly latencyMs: number }): void;
  /** The request is over (answered or failed); the slot goes to the next request. Idempotent. */
  release(): void;
}

/**
 * The exclusive right to send one purchase order to one store, held while the send runs: no other
 * holder (another process, another machine) sends that PO at the same time. A second sender waits
 * for the lease and then finds the order.
 */
export interface PurchaseOrderLease {
  /**
   * Resolves while the lease is still this holder's (a shared gate also renews it here); rejects
   * when it was lost (it expired during a stall, or the gate's store forgot it) or cannot be
   * checked. Called inside the order POST's gate slot, right before each attempt leaves: a holder
   * that lost its lease must not send, since another holder may be sending the same PO. The send
   * then fails with `PurchaseOrderLeaseError` (`phase: 'confirm'`), the rejection as its `cause`.
   */
  confirm(): Promise<void>;
  /** Gives the lease back. Idempotent. */
  release(): Promise<void>;
}

/**
 * Decides when a request to a store may start, across everything that shares it. A source takes one
 * as its `gate` option; without one, each source gets its own in-memory gate
 * ({@link createMemoryGate}). Pass one gate to several sources, or a shared one
 * (`bigcommerce-source/redis`) to a fleet of processes, to hold a store's quota together.
 *
 * Implementations never throw from `report`, `release` or `pause`: the request they observe must not fail because of them.
 */
export interface RateGate {
  /**
   * Waits until a request to `store` may start: a slot is free under the cap, the store is not
   * paused, and (adaptive) what is left of the quota window is not already in flight.
   * @throws the signal's reason when it aborts while waiting.
   */
  acquire(store: GateStore, options: AcquireOptions): Promise<GateSlot>;
  /**
   * Holds every request to `store` that has not started yet for `waitMs` (already clamped): a 429
   * came back. A longer pause in force wins.
   */
  pause(store: GateStore, waitMs: number, onThrottle: (event: ThrottleEvent) => void): void;
  /**
   * Takes the lease of `poNumber` on `store`, waiting while another holder has it. `ttlMs` is how
   * long the lease outlives its holder's last sign of life: long enough for a slow commit of the
   * order to become visible to the next holder's lookup.
   * @throws the signal's reason when it aborts while waiting; any other error when it cannot grant
   * leases safely (its store is unreachable): the send then fails closed with
   * `PurchaseOrderLeaseError` (`phase: 'acquire'`, the error as its `cause`) and sends nothing.
   */
  leasePurchaseOrder(store: GateStore, poNumber: string, options: { readonly ttlMs: number; readonly signal: AbortSignal | undefined }): Promise<PurchaseOrderLease>;
}
