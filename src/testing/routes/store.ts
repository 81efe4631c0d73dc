import type { SandboxRouter } from '../router';
import { jsonResponse } from '../responses/json-response';

/**
 * Store information, the calls a client makes to test a connection.
 * @see https://developer.bigcommerce.com/docs/rest-management/store-information
 */
export function registerStoreRoutes(router: SandboxRouter): void {
  router.add({
    method: 'GET',
    path: '/v2/store',
    scope: 'store_v2_information_read_only',
    handler: ({ state }) => jsonResponse(state.profile),
  });

  router.add({
    method: 'GET',
    path: '/v2/time',
    scope: 'store_v2_information_read_only',
    // Unix seconds from Date.now(), so fake timers move the store's clock too.
    handler: () => jsonResponse({ time: Math.floor(Date.now() / 1000) }),
  });
}
