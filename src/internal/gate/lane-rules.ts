import type { AcquireOptions, GateSlot } from './rate-gate';

/**
 * What the in-memory gate's `StoreLane` and the Redis gate's lane share: the rules they both keep
 * in a process (the Redis gate's shared half is in `src/redis/gate.lua`).
 */

/** After this many `high` grants in a row while `bulk` requests wait, one `bulk` request goes. */
export const HIGH_STREAK = 4;

const MIN_OPERATION_HOLD_MS = 200;
const MAX_OPERATION_HOLD_MS = 2_000;

/**
 * How long a one-resource operation (an order: lookup, SKUs, POST) counts as under way after one of
 * its requests started or ended: two of the store's latencies, 200 ms to 2 s. Its next request
 * follows within that, and meanwhile bulk requests leave it the last few requests of the window.
 */
export function operationHoldMs(latencyMs: number): number {
  return Math.min(MAX_OPERATION_HOLD_MS, Math.max(MIN_OPERATION_HOLD_MS, 2 * latencyMs));
}

/** A request waiting at a lane for its slot. */
export interface Waiter {
  readonly options: AcquireOptions;
  readonly grant: (slot: GateSlot) => void;
  readonly reject: (reason: unknown) => void;
  readonly cleanup: () => void;
}
