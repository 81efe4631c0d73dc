import { abortableDelay, untilAborted } from './abortable-delay';
import { answerRequest, type StoreContext } from './answer-request';
import { DROPPED, type DispatchOutcome } from './dispatch-outcome';
import { faultResponse } from './fault-responses';
import { FaultQueue, type InjectedFault, type InjectFaultOptions, type SandboxFault } from './faults';
import { listenOverHttp, type ListenOptions, type SandboxListener } from './http-listener';
import { RateLimiter } from './rate-limiter';
import { SandboxRouter } from './router';
import { registerAllRoutes } from './routes';
import { resolveSandboxOptions, type SandboxStoreOptions } from './sandbox-options';
import { readSandboxRequest, type SandboxRequest } from './sandbox-request';
import type { SandboxState } from './sandbox-state';
import { CatalogState } from './catalog/catalog-state';
import { CustomerState } from './customers/customer-state';
import { OrderState } from './orders/order-state';
import { shipOrder, type ShipOrderOptions } from './shipments/ship-order';
import type { SandboxShipment } from './shipments/shipment-model';
import { ShipmentState } from './shipments/shipment-state';
import { defaultStoreProfile, type SandboxStoreProfile } from './store-profile';
import type { ResolvedQuirks } from './quirks';
import { v2Timestamp, type SandboxOrder } from './orders/order-model';
import { refundOrder, setOrderStatus } from './orders/merchant-actions';
import { definedFields } from './defined-fields';

/** A Fetch-API-compatible function. */
export type SandboxFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** An in-memory BigCommerce store, as returned by {@link createSandboxStore}. */
export interface SandboxStore {
  /** The hash the store answers to. */
  readonly storeHash: string;
  /** The access token the store accepts. */
  readonly accessToken: string;
  /**
   * A `fetch` answering BigCommerce REST requests in memory, whatever the host: it routes on the
   * path `/stores/{hash}/v2|v3/…`. Pass it as the source's `fetch`. Already bound.
   */
  readonly fetch: SandboxFetch;
  /**
   * The same as {@link SandboxStore.fetch}, for request interceptors such as msw. A dropped
   * connection is answered with `Response.error()`, msw's network error. Already bound.
   * @example
   * ```ts
   * setupServer(http.all('https://api.bigcommerce.com/*', ({ request }) => sandbox.handle(request)));
   * ```
   * @param signal aborts the request's waits (latency, a hang); default `request.signal`. A server
   * passes its own connection's signal: a Request's copy of it may be cut loose by a GC.
   */
  readonly handle: (request: Request, signal?: AbortSignal) => Promise<Response>;
  /**
   * Serves the store over real HTTP on a loopback address and a free port; use the `url` as the
   * source's `apiBaseUrl`. Node only (it imports `node:http` when called).
   */
  listen(options?: ListenOptions): Promise<SandboxListener>;
  /**
   * The store's catalog: read it to check what a sync should see, change it (add, update, delete
   * products) to simulate a merchant at work, even while a sync runs.
   */
  readonly catalog: CatalogState;
  /** The store's orders: read them to check what was sent (`POST /v2/orders` fills it). */
  readonly orders: OrderState;
  /** The store's customers: seed them with the `customers` option, read them after a send. */
  readonly customers: CustomerState;
  /** The store's shipments, per order. */
  readonly shipments: ShipmentState;
  /**
   * Ships lines of an order as the merchant would in the control panel: the same effect as
   * `POST /v2/orders/{id}/shipments` (status to Shipped or Partially Shipped, `date_modified`
   * bumped), without a request. Without `items`, ships everything not yet shipped.
   * @throws {TypeError} for an unknown order or SKU, or more than is left to ship.
   * @example
   * ```ts
   * sandbox.shipOrder(order.orderId, { trackingNumber: '9400 1000 0000 0000 0000 00', shippingProvider: 'usps' });
   * sandbox.shipOrder(order.orderId, { items: [{ sku: 'MUG-1', quantity: 1 }], trackingCarrier: 'dhl', trackingNumber: 'JD0001' });
   * ```
   */
  shipOrder(orderId: number, options?: ShipOrderOptions): SandboxShipment;
  /**
   * Archives an order as the merchant would in the control panel (`is_deleted: true`, the same as
   * `DELETE /v2/orders/{id}`), bumping its `date_modified`. Whether `GET /v2/orders` still lists it
   * is the `archivedOrdersListed` quirk; `GET /v2/orders/{id}` still answers it.
   * @throws {TypeError} for an unknown order.
   */
  archiveOrder(orderId: number): void;
  /**
   * Changes an order's status as the merchant would in the control panel (the supplier cancels,
   * declines or completes it), bumping its `date_modified`. Status ids are BigCommerce's fixed
   * 0 to 14 (5 Cancelled, 6 Declined, 10 Completed, …); merchants rename labels but add none.
   * @throws {TypeError} for an unknown order or status id.
   * @example
   * ```ts
   * sandbox.setOrderStatus(order.orderId, 5); // Cancelled
   * ```
   */
  setOrderStatus(orderId: number, statusId: number): SandboxOrder;
  /**
   * Refunds an order as the merchant would in the control panel: `refunded_amount` grows by
   * `amount` (default: all that is left of `total_inc_tax`), the status becomes Refunded (4) when
   * the whole total is refunded and Partially Refunded (14) before, and `date_modified` is bumped.
   * @throws {TypeError} for an unknown order, or an amount that is not positive or above what is left.
   * @example
   * ```ts
   * sandbox.refundOrder(order.orderId, 5); // Partially Refunded
   * sandbox.refundOrder(order.orderId); // the rest: Refunded
   * ```
   */
  refundOrder(orderId: number, amount?: number): SandboxOrder;
  /** The quirks the store plays, every default applied. */
  readonly quirks: ResolvedQuirks;
  /** Every request received, oldest first (a copy; later requests do not appear in it). */
  readonly requests: readonly SandboxRequest[];
  /** Empties the request log. */
  clearRequests(): void;
  /**
   * Makes the next matching request(s) fail with `fault` instead of reaching the store. Faults are
   * used in order of injection: a request gets the oldest one still active that matches it.
   * @throws {TypeError} for an unknown fault kind, a bad status or a bad `times`.
   * @example
   * ```ts
   * sandbox.injectFault({ kind: 'status', status: 503 }, { times: 2 });
   * sandbox.injectFault({ kind: 'drop' }, { match: { method: 'GET', path: '/v2/store' } });
   * ```
   */
  injectFault(fault: SandboxFault, options?: InjectFaultOptions): InjectedFault;
  /** Withdraws every fault not yet used up. */
  clearFaults(): void;
  /** Refills the request quota at once, starting a new window with the next request. */
  resetRateLimit(): void;
  /** Empties the request log, withdraws every fault and refills the quota. */
  reset(): void;
}

/**
 * Creates a BigCommerce store simulator for tests, demos and benchmarks: it checks the token and
 * scopes, counts the rate limit, answers the routes it knows in BigCommerce's shapes, logs every
 * request, and plays faults on demand. It holds no timers and no sockets until `listen()`.
 *
 * Answered now: `GET /v2/store`, `GET /v2/time`; the catalog reads (products, variants) and
 * inventory items; orders (`POST`/`GET /v2/orders`, one order, its products and shipping addresses,
 * order statuses); customers (`GET`/`POST /v3/customers`); order shipments (`GET`/`POST
 * /v2/orders/{id}/shipments`). Anything else gets BigCommerce's 404.
 *
 * @throws {TypeError} naming every invalid option.
 * @example
 * ```ts
 * import { BigCommerceSource, createApiKeyAuth } from 'bigcommerce-source';
 * import { createSandboxStore } from 'bigcommerce-source/testing';
 *
 * const sandbox = createSandboxStore();
 * const source = new BigCommerceSource({
 *   storeHash: sandbox.storeHash,
 *   auth: createApiKeyAuth({ accessToken: sandbox.accessToken }),
 *   fetch: sandbox.fetch,
 * });
 * await source.verifyConnection(); // { storeHash: 'sandbox1', name: 'Sandbox Supply Co.', … }
 * ```
 */
export function createSandboxStore(options?: SandboxStoreOptions): SandboxStore {
  const resolved = resolveSandboxOptions(options);
  const state: SandboxState = {
    storeHash: resolved.storeHash,
    profile: { ...defaultStoreProfile(resolved.storeHash), ...definedFields(resolved.profile) } as SandboxStoreProfile,
    catalog: new CatalogState(),
    orders: new OrderState(),
    customers: new CustomerState(),
    shipments: new ShipmentState(),
    quirks: resolved.quirks,
  };
  for (const product of resolved.products) state.catalog.addProduct(product);
  for (const customer of resolved.customers) state.customers.add(customer);
  const store: StoreContext = {
    state,
    accessToken: resolved.accessToken,
    scopes: resolved.scopes,
    router: registerAllRoutes(new SandboxRouter()),
    rateLimiter: new RateLimiter(resolved.rateLimit),
  };
  const faults = new FaultQueue();
  let log: SandboxRequest[] = [];

  async function dispatch(request: Request, signal: AbortSignal = request.signal): Promise<DispatchOutcome> {
    const record = await readSandboxRequest(request);
    log.push(record);
    // Taken on arrival, so concurrent requests meet faults in the order they came in.
    const fault = faults.take(record);
    if (fault?.kind === 'hang') return untilAborted(signal);
    await abortableDelay(resolved.latencyMs(record), signal);
    if (fault?.kind === 'drop') return DROPPED;
    if (fault?.kind === 'commit-then-drop' || fault?.kind === 'commit-then-status' || fault?.kind === 'commit-then-hang') {
      // The store does the work; only the answer is lost.
      const committed = await answerRequest(record, store);
      await committed.body?.cancel();
      if (fault.kind === 'commit-then-drop') return DROPPED;
      if (fault.kind === 'commit-then-hang') return untilAborted(signal);
      return faultResponse({ kind: 'status', status: fault.status ?? 500, body: fault.body }, record.path);
    }
    if (fault) return faultResponse(fault, record.path);
    return answerRequest(record, store);
  }

  const fetch: SandboxFetch = async (input, init) => {
    const request = new Request(input, init);
    // The caller's own signal, not the copy's: undici links a Request's signal to the one it was
    // made from through a WeakRef, so once the copy is unreferenced, a GC can cut the link and an
    // abort (a timeout) never reaches a hung request. Seen as 20 s hangs under load.
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined) ?? request.signal;
    if (signal.aborted) throw signal.reason;
    const outcome = await dispatch(request, signal);
    // undici's own failure when the peer closes the socket: a TypeError whose cause names it.
    if (outcome === DROPPED) throw new TypeError('fetch failed', { cause: socketClosedError() });
    return outcome;
  };

  const handle = async (request: Request, signal?: AbortSignal): Promise<Response> => {
    const outcome = await dispatch(request, signal);
    return outcome === DROPPED ? Response.error() : outcome;
  };

  return {
    storeHash: resolved.storeHash,
    accessToken: resolved.accessToken,
    fetch,
    handle,
    catalog: state.catalog,
    orders: state.orders,
    customers: state.customers,
    shipments: state.shipments,
    shipOrder: (orderId, shipOptions) => shipOrder(state, orderId, shipOptions),
    archiveOrder: (orderId) => {
      const order = state.orders.get(orderId);
      if (!order) throw new TypeError(`[bigcommerce-source/testing] archiveOrder: no order ${orderId}.`);
      order.is_deleted = true;
      order.date_modified = v2Timestamp();
    },
    setOrderStatus: (orderId, statusId) => setOrderStatus(state, orderId, statusId),
    refundOrder: (orderId, amount) => refundOrder(state, orderId, amount),
    quirks: resolved.quirks,
    listen: (listenOptions) => listenOverHttp(dispatch, listenOptions),
    get requests() {
      return [...log];
    },
    clearRequests: () => {
      log = [];
    },
    injectFault: (fault, faultOptions) => faults.inject(fault, faultOptions),
    clearFaults: () => faults.clear(),
    resetRateLimit: () => store.rateLimiter.reset(),
    reset: () => {
      log = [];
      faults.clear();
      store.rateLimiter.reset();
    },
  };
}

function socketClosedError(): Error {
  return Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
}
