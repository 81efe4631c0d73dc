import { createHttpClient, type HttpClient } from '../internal/http-client';
import { attachHttpClient } from './http-client-of';
import type { StoreInfo } from '../operations/connection/store-info';
import { createInventoryOperations, type InventoryOperations } from '../operations/inventory';
import { createOrderOperations, type OrderOperations } from '../operations/orders';
import { createShipmentOperations, type ShipmentOperations } from '../operations/shipments';
import { verifyConnection } from '../operations/connection/verify-connection';
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
    attachHttpClient(this, this.#http);
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

  /** What `JSON.stringify(source)` shows: the connection's identity, never a secret. */
  toJSON(): Record<string, unknown> {
    const { connectionName, storeHash, apiBaseUrl, auth } = this.#options;
    return { connectionName, storeHash, apiBaseUrl, auth: auth.toJSON?.() ?? { type: auth.type } };
  }
}
