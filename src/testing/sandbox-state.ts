import type { SandboxStoreProfile } from './store-profile';

/**
 * The store's data, shared by every route. Routes read and change it; nothing else does.
 *
 * Later route families add their collections here (catalog, orders, customers, shipments), each
 * seeded from {@link SandboxStoreOptions} and reset with the store.
 */
export interface SandboxState {
  /** The hash the store answers to. */
  readonly storeHash: string;
  /** What `GET /v2/store` answers. */
  profile: SandboxStoreProfile;
}
