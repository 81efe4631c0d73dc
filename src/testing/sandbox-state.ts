import type { CatalogState } from './catalog/catalog-state';
import type { CustomerState } from './customers/customer-state';
import type { OrderState } from './orders/order-state';
import type { ShipmentState } from './shipments/shipment-state';
import type { SandboxStoreProfile } from './store-profile';
import type { ResolvedQuirks } from './quirks';

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
  /** Products and variants (v3 catalog). */
  readonly catalog: CatalogState;
  /** Orders, their lines and shipments (v2). */
  readonly orders: OrderState;
  /** Customers (v3). */
  readonly customers: CustomerState;
  /** Shipments of orders (v2). */
  readonly shipments: ShipmentState;
  /** The readings of undocumented behaviours the store plays (see `SandboxQuirks`). */
  readonly quirks: ResolvedQuirks;
}
