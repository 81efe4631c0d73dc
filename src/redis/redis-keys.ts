/** The keys of one store in Redis, and of its purchase-order leases. */
export interface StoreKeys {
  readonly slots: string;
  readonly state: string;
  readonly members: string;
  readonly waiting: string;
  readonly poSince: string;
  /** The lease key of one PO number. */
  po(poNumber: string): string;
}

/**
 * Names a store's keys: `{keyPrefix}{<store id>}:slots` and so on. The store id (API base URL and
 * store hash, the identity every process computes the same way) is percent-encoded inside one
 * hash tag: Redis Cluster puts every key of the store in one slot, so the scripts may touch
 * several of them; encoding keeps `{` and `}` out of the tag and keeps two stores' keys apart.
 * @see https://redis.io/docs/latest/operate/oss_and_stack/reference/cluster-spec/#hash-tags
 */
export function storeKeys(keyPrefix: string, storeId: string): StoreKeys {
  const base = `${keyPrefix}{${encodeURIComponent(storeId)}}:`;
  return {
    slots: `${base}slots`,
    state: `${base}state`,
    members: `${base}members`,
    waiting: `${base}waiting`,
    poSince: `${base}po-since`,
    po: (poNumber) => `${base}po:${encodeURIComponent(poNumber)}`,
  };
}
