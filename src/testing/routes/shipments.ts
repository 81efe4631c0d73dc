import { createShipment } from '../shipments/create-shipment';
import { errorResponse } from '../responses/error-body';
import { jsonResponse } from '../responses/json-response';
import { respondV2List } from '../responses/v2-list';
import type { SandboxRouter } from '../router';

const NOT_FOUND = 'The requested resource was not found.';

/**
 * Order shipments v2: list (204 with no body when none) and create, as a merchant does.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-shipments
 */
export function registerShipmentRoutes(router: SandboxRouter): void {
  router.add({
    method: 'GET',
    path: '/v2/orders/:order_id/shipments',
    scope: 'store_v2_orders_read_only',
    handler: ({ params, query, state }) => {
      const order = state.orders.get(Number(params.order_id));
      if (!order) return errorResponse('v2', 404, { message: NOT_FOUND });
      return respondV2List(state.shipments.ofOrder(order.id), query);
    },
  });

  router.add({
    method: 'POST',
    path: '/v2/orders/:order_id/shipments',
    scope: 'store_v2_orders',
    handler: ({ params, request, state }) => {
      const order = state.orders.get(Number(params.order_id));
      if (!order) return errorResponse('v2', 404, { message: NOT_FOUND });
      const body = typeof request.body === 'object' && request.body !== null ? request.body : {};
      const result = createShipment(state, order, body);
      if ('problem' in result) return errorResponse('v2', 400, { message: result.problem });
      return jsonResponse(result.shipment, 201);
    },
  });
}
