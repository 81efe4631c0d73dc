import { createHttpClient, type HttpClient } from '../internal/http-client';
import type { StoreInfo } from '../operations/connection/store-info';
import { createInventoryOperations, type InventoryOperations } from '../operations/inventory';
import { createOrderOperations, type OrderOperations } from '../operations/orders';
import { createShipmentOperations, type ShipmentOperations } from '../operations/shipments';
import { verifyConnection } from '../operations/connection/verify-connection';
import { paginate, sendRawRequest, type PaginateOptions, type RawRequest, type RawResponse } from '../operations/raw';
import { resolveSourceOptions, type BigCommerceSourceOptions, type ResolvedSourceOptions } from './options';
import type { RequestOptions } from '../internal/request-options';

/**
 * A supplier's BigCommerce store, connected as a source. One instance per store: it owns the
 * HTTP core (retries, the rate-limit aware limiter) that every operation on the store shares.
 *
 * @example
 * ```ts
 * const source = new BigCommerceSource({
 *   connectionName: 'Acme supplier',
 *   storeHash: 'https://store-abc123.mybigcommerce.com/',
 *   auth: createApiKeyAuth({ clientId: '…', accessToken: '…' }),
 * });
 * const store = await source.verifyConnection();
 * ```
 */
export class BigCommerceSource {
  /** The name given in the options, for your logs. */
  readonly connectionName: string | undefined;
  /** The store hash parsed from the options. */
  readonly storeHash: string;
  /** Get Inventory: stream every sellable SKU with quantities and prices. */
  readonly inventory: InventoryOperations;
  /** Send Orders: turn purchase orders into orders in the store, exactly once. */
  readonly orders: OrderOperations;
  /** Get Shipments: tracking numbers, carriers and shipped items, per order or since a checkpoint. */
  readonly shipments: ShipmentOperations;
  readonly #options: ResolvedSourceOptions;
  readonly #http: HttpClient;

  /**
   * @throws {@link ConfigError} listing every invalid option at once; nothing is sent.
   */
  constructor(options: BigCommerceSourceOptions) {
    this.#options = resolveSourceOptions(options);
    this.connectionName = this.#options.connectionName;
    this.storeHash = this.#options.storeHash;
    this.#http = createHttpClient(this.#options);
    this.inventory = createInventoryOperations(this.#http);
    this.orders = createOrderOperations(this.#http);
    this.shipments = createShipmentOperations(this.#http);
  }

  /**
   * Checks the connection with one `GET /v2/store` and returns the store's profile.
   *
   * @throws {@link AuthenticationError} for a wrong or revoked token (401).
   * @throws {@link PermissionError} for a missing scope or a store hash the token is not for (403).
   * @throws {@link ConnectionError} or {@link TimeoutError} when the store cannot be reached.
   */
  verifyConnection(options?: RequestOptions): Promise<StoreInfo> {
    return verifyConnection(this.#http, options);
  }

  /**
   * Sends any BigCommerce REST request on this store through the same core as the operations:
   * authentication, the limiter and 429 handling, retries, timeouts, error classes, redaction and
   * events. For what the operations do not cover.
   *
   * @example
   * ```ts
   * const { data } = await source.request({ method: 'GET', path: path`/v2/orders/${orderId}/coupons` });
   * await source.request({ method: 'PUT', path: path`/v2/orders/${orderId}`, body: { status_id: 9 }, repeatable: true });
   * ```
   * @throws {@link ValidationError} for a bad request (a path that does not start with `/v2/` or
   * `/v3/`, `..` or `//` in it, an absolute URL…); nothing is sent.
   * @throws {@link ApiError} and subclasses, {@link ConnectionError}, {@link TimeoutError} or
   * {@link ResponseValidationError} (when `schema` rejects the body), as the operations do.
   */
  request<T = unknown>(request: RawRequest<T>, options?: RequestOptions): Promise<RawResponse<T>> {
    return sendRawRequest(this.#http, request, options);
  }

  /**
   * Every item of a v2 or v3 list on this store, one by one, fetched a page at a time through the
   * same core as {@link BigCommerceSource.request}.
   *
   * @example
   * ```ts
   * for await (const brand of source.paginate<{ id: number; name: string }>({ path: '/v3/catalog/brands' })) {
   *   console.log(brand.id, brand.name);
   * }
   * ```
   * @throws {@link ValidationError} for bad options, at the call, before anything is sent.
   * @throws the request's error once its retries run out.
   */
  paginate<T = unknown>(options: PaginateOptions<T>): AsyncIterable<T> {
    return paginate(this.#http, options);
  }

  /** What `JSON.stringify(source)` shows: the connection's identity, never a secret. */
  toJSON(): Record<string, unknown> {
    const { connectionName, storeHash, apiBaseUrl, auth } = this.#options;
    return { connectionName, storeHash, apiBaseUrl, auth: auth.toJSON?.() ?? { type: auth.type } };
  }
}
