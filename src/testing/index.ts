// bigcommerce-source/testing: the sandbox store, for tests of code that uses bigcommerce-source.
// Listed by name; anything not exported here is internal and may change.

export { createSandboxStore, type SandboxStore, type SandboxFetch } from './sandbox-store';
export {
  DEFAULT_SANDBOX_ACCESS_TOKEN,
  DEFAULT_SANDBOX_STORE_HASH,
  type SandboxStoreOptions,
} from './sandbox-options';
export type { SandboxStoreProfile } from './store-profile';
export type { SandboxRequest } from './sandbox-request';
export type { SandboxFault, FaultMatch, InjectFaultOptions, InjectedFault } from './faults';
export { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limiter';
export type { ListenOptions, SandboxListener } from './http-listener';
export { CatalogState, type SandboxCatalogSnapshot, type SandboxProductInput, type SandboxVariantInput } from './catalog/catalog-state';
export type { SandboxProduct, SandboxVariant } from './catalog/catalog-model';
export { OrderState, type SandboxOrdersSnapshot } from './orders/order-state';
export { CustomerState, type SandboxCustomersSnapshot } from './customers/customer-state';
export type { SandboxOrderDraft } from './orders/order-state';
export type { SandboxOrder, SandboxOrderAddress, SandboxOrderProduct, SandboxOrderShippingAddress } from './orders/order-model';
export type { SandboxOrderStatus } from './orders/order-statuses';
export type { SandboxCustomer, SandboxCustomerAddress, SandboxCustomerInput, SandboxCustomerAddressInput } from './customers/customer-state';
export { ShipmentState, type SandboxShipmentsSnapshot } from './shipments/shipment-state';
export { serveSandboxStores, type SandboxServer, type SandboxServerOptions } from './server/sandbox-server';
export type { StoreCounters } from './server/admin-routes';
export type { SandboxShipment } from './shipments/shipment-model';
export type { ShipOrderOptions } from './shipments/ship-order';
export { generateProducts, seedCatalog, mutateCatalog, type CatalogGeneratorOptions, type CatalogMutations, type SeededCatalog } from './catalog/catalog-generator';
export type { SandboxLocation, SandboxLocationInput, SandboxLocationStock } from './catalog/location-model';
export { DEFAULT_QUIRKS, QUIRK_NAMES, parseSandboxQuirks, type SandboxQuirks, type ResolvedQuirks } from './quirks';
