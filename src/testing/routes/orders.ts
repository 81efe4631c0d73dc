import { createOrder } from '../orders/create-order';
import type { SandboxOrder } from '../orders/order-model';
import { ORDER_STATUSES } from '../orders/order-statuses';
import { errorResponse } from '../responses/error-body';
import { jsonResponse } from '../responses/json-response';
import { respondV2List } from '../responses/v2-list';
import type { SandboxRouter } from '../router';
import type { ResolvedQuirks } from '../quirks';

const READ = 'store_v2_orders_read_only';
const MODIFY = 'store_v2_orders';
const NOT_FOUND = 'The requested resource was not found.';

/**
 * Orders v2: create and read orders, their lines and shipping addresses, and the order statuses.
 * Lists are bare arrays, or 204 with no body when empty.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders
 */
export function registerOrderRoutes(router: SandboxRouter): void {
  router.add({
    method: 'POST',
    path: '/v2/orders',
    scope: MODIFY,
    handler: ({ request, state }) => {
      const result = createOrder(state, request.body);
      if ('problem' in result) {
        return errorResponse('v2', 400, { message: result.problem.message, details: { invalid_reason: result.problem.reason } });
      }
      // orders.v2.oas2.yml declares 200 for the create; BigCommerce also sends 201. The sandbox keeps to the spec.
      return jsonResponse(orderView(result.order, state.storeHash, state.quirks));
    },
  });

  router.add({
    method: 'GET',
    path: '/v2/orders',
    scope: READ,
    handler: ({ query, state }) => {
      const filter = orderFilter(query, state.quirks);
      if ('error' in filter) return filter.error;
      const orders = [...state.orders.all()].filter((order) => (state.quirks.archivedOrdersListed || !order.is_deleted) && filter.test(order));
      const sort = sortOrders(orders, query.get('sort'));
      if (sort) return sort;
      return respondV2List(
        orders.map((order) => orderView(order, state.storeHash, state.quirks)),
        query,
      );
    },
  });

  router.add({
    method: 'GET',
    path: '/v2/orders/:order_id',
    scope: READ,
    handler: ({ params, state }) => {
      const order = state.orders.get(Number(params.order_id));
      if (!order) return errorResponse('v2', 404, { message: NOT_FOUND });
      return jsonResponse(orderView(order, state.storeHash, state.quirks));
    },
  });

  router.add({
    method: 'GET',
    path: '/v2/orders/:order_id/products',
    scope: READ,
    handler: ({ params, query, state }) => {
      const order = state.orders.get(Number(params.order_id));
      if (!order) return errorResponse('v2', 404, { message: NOT_FOUND });
      return respondV2List(order.products, query);
    },
  });

  router.add({
    method: 'GET',
    path: '/v2/orders/:order_id/shipping_addresses',
    scope: READ,
    handler: ({ params, query, state }) => {
      const order = state.orders.get(Number(params.order_id));
      if (!order) return errorResponse('v2', 404, { message: NOT_FOUND });
      return respondV2List(order.shipping_addresses, query);
    },
  });

  router.add({
    method: 'GET',
    path: '/v2/order_statuses',
    scope: READ,
    handler: () => jsonResponse(ORDER_STATUSES),
  });

  router.add({
    method: 'GET',
    path: '/v2/order_statuses/:status_id',
    scope: READ,
    handler: ({ params }) => {
      const status = ORDER_STATUSES.find((candidate) => String(candidate.id) === params.status_id);
      return status ? jsonResponse(status) : errorResponse('v2', 404, { message: NOT_FOUND });
    },
  });
}

/**
 * An order as the API shows it (`order_Resp`): its lines, shipping addresses and coupons are
 * resource links `{ url, resource }`, not arrays. Under the `refundedAmountAlwaysZero` quirk,
 * `refunded_amount` reads `0.0000` whatever was refunded.
 */
function orderView(order: SandboxOrder, storeHash: string, quirks: ResolvedQuirks) {
  const { products: _products, shipping_addresses: _addresses, ...stored } = order;
  const fields = quirks.refundedAmountAlwaysZero ? { ...stored, refunded_amount: '0.0000' } : stored;
  const link = (sub: string) => ({
    url: `https://api.bigcommerce.com/stores/${storeHash}/v2/orders/${order.id}/${sub}`,
    resource: `/orders/${order.id}/${sub}`,
  });
  return { ...fields, products: link('products'), shipping_addresses: link('shipping_addresses'), coupons: link('coupons') };
}

type OrderTest = (order: SandboxOrder) => boolean;

/** The readings of `external_order_id=` the sandbox can play (the `externalOrderIdMatch` quirk). */
const EXTERNAL_ORDER_ID_MATCH: Readonly<Record<ResolvedQuirks['externalOrderIdMatch'], (stored: string, wanted: string) => boolean>> = {
  exact: (stored, wanted) => stored === wanted,
  prefix: (stored, wanted) => stored.startsWith(wanted),
  contains: (stored, wanted) => stored.includes(wanted),
};

/** The `GET /v2/orders` filters the sandbox honours; a value it cannot read is a 400, v2-style. */
function orderFilter(query: URLSearchParams, quirks: ResolvedQuirks): { test: OrderTest } | { error: Response } {
  const tests: OrderTest[] = [];
  const integers: Array<[string, (order: SandboxOrder, value: number) => boolean]> = [
    ['customer_id', (order, value) => order.customer_id === value],
    ['status_id', (order, value) => order.status_id === value],
    ['channel_id', (order, value) => order.channel_id === value],
    ['min_id', (order, value) => (quirks.minIdExclusive ? order.id > value : order.id >= value)],
    ['max_id', (order, value) => order.id <= value],
  ];
  for (const [name, test] of integers) {
    const raw = query.get(name);
    if (raw === null) continue;
    const value = Number(raw);
    if (!Number.isInteger(value)) return { error: invalidFilter(name) };
    tests.push((order) => test(order, value));
  }
  const externalOrderId = query.get('external_order_id');
  if (externalOrderId !== null) {
    const matches = EXTERNAL_ORDER_ID_MATCH[quirks.externalOrderIdMatch];
    tests.push((order) => matches(order.external_order_id, externalOrderId));
  }
  const email = query.get('email');
  if (email !== null) tests.push((order) => order.billing_address.email.toLowerCase() === email.toLowerCase());
  // Dates may be RFC 2822 or ISO 8601, as orders.v2.oas2.yml says.
  const dates: Array<[string, (order: SandboxOrder) => string, (orderMs: number, boundMs: number) => boolean]> = [
    ['min_date_created', (order) => order.date_created, (orderMs, boundMs) => orderMs >= boundMs],
    ['max_date_created', (order) => order.date_created, (orderMs, boundMs) => orderMs <= boundMs],
    ['min_date_modified', (order) => order.date_modified, (orderMs, boundMs) => (quirks.minDateModifiedExclusive ? orderMs > boundMs : orderMs >= boundMs)],
    ['max_date_modified', (order) => order.date_modified, (orderMs, boundMs) => (quirks.maxDateModifiedExclusive ? orderMs < boundMs : orderMs <= boundMs)],
  ];
  for (const [name, field, compare] of dates) {
    const raw = query.get(name);
    if (raw === null) continue;
    const boundMs = Date.parse(raw);
    if (Number.isNaN(boundMs)) return { error: invalidFilter(name) };
    tests.push((order) => compare(Date.parse(field(order)), boundMs));
  }
  return { test: (order) => tests.every((test) => test(order)) };
}

const SORT_KEYS: Readonly<Record<string, (order: SandboxOrder) => string | number>> = {
  id: (order) => order.id,
  customer_id: (order) => order.customer_id,
  date_created: (order) => Date.parse(order.date_created),
  date_modified: (order) => Date.parse(order.date_modified),
  status_id: (order) => order.status_id,
  channel_id: (order) => order.channel_id,
  external_id: (order) => order.external_order_id,
};

/** Sorts in place by `sort=field:asc|desc` (default id ascending); a 400 for an unknown field. */
function sortOrders(orders: SandboxOrder[], sort: string | null): Response | undefined {
  const [field = 'id', direction = 'asc'] = (sort ?? 'id:asc').split(':');
  const key = SORT_KEYS[field];
  if (!key || (direction !== 'asc' && direction !== 'desc')) return invalidFilter('sort');
  const sign = direction === 'desc' ? -1 : 1;
  orders.sort((a, b) => {
    const [left, right] = [key(a), key(b)];
    return (left < right ? -1 : left > right ? 1 : a.id - b.id) * sign;
  });
  return undefined;
}

function invalidFilter(name: string): Response {
  return errorResponse('v2', 400, { message: `The filter '${name}' is invalid.` });
}
