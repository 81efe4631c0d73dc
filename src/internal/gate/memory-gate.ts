import type { ThrottleEvent } from '../events';
import type { AcquireOptions, GateSlot, GateStore, PurchaseOrderLease, RateGate } from './rate-gate';
import { StoreLane } from './store-lane';

/**
 * A {@link RateGate} held in this process's memory: each store's in-flight cap, pause and quota
 * window, as its responses' rate-limit headers describe them (see `StoreLane`). Every source gets
 * one of its own unless given one; pass one to several sources on the same store to make them
 * share the store's quota.
 *
 * Its purchase-order leases are granted at once: in one process, the SDK's registry of sends in
 * flight already keeps sends of one PO to one store from overlapping: a second joins the first, is
 * refused if it differs, or waits for an abandoned one to settle (see
 * `docs/orders.md`). Across processes, use a shared gate such as `bigcommerce-source/redis`.
 * @example
 * ```ts
 * const gate = createMemoryGate();
 * const syncs = new BigCommerceSource({ storeHash, auth, gate });
 * const orders = new BigCommerceSource({ storeHash, auth, gate }); // shares the store's quota with syncs
 * ```
 */
export function createMemoryGate(): RateGate {
  const lanes = new Map<string, StoreLane>();
  const lane = (store: GateStore) => {
    let found = lanes.get(store.id);
    if (!found) lanes.set(store.id, (found = new StoreLane()));
    return found;
  };
  return {
    acquire: (store: GateStore, options: AcquireOptions): Promise<GateSlot> => lane(store).acquire(options),
    pause: (store: GateStore, waitMs: number, onThrottle: (event: ThrottleEvent) => void): void => lane(store).pause(waitMs, onThrottle),
    leasePurchaseOrder: async (_store, _poNumber, { signal }): Promise<PurchaseOrderLease> => {
      signal?.throwIfAborted();
      return { confirm: async () => undefined, release: async () => undefined };
    },
  };
}
