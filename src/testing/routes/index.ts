import type { SandboxRouter } from '../router';
import { registerCatalogRoutes } from './catalog';
import { registerCustomerRoutes } from './customers';
import { registerInventoryRoutes } from './inventory';
import { registerOrderRoutes } from './orders';
import { registerShipmentRoutes } from './shipments';
import { registerStoreRoutes } from './store';

/**
 * Every route family of the sandbox store. A new family is one file in this folder exporting a
 * `register…Routes(router)`, added to this list.
 */
const ROUTE_FAMILIES: ReadonlyArray<(router: SandboxRouter) => void> = [
  registerStoreRoutes,
  registerCatalogRoutes,
  registerInventoryRoutes,
  registerOrderRoutes,
  registerCustomerRoutes,
  registerShipmentRoutes,
];

/** Registers every route family on `router`. */
export function registerAllRoutes(router: SandboxRouter): SandboxRouter {
  for (const register of ROUTE_FAMILIES) register(router);
  return router;
}
