/** What a strategy is told about the request it authenticates. */
export interface AuthContext {
  /** The store the request goes to. */
  readonly storeHash: string;
  /** Aborts when the caller gives up; pass it on to any I/O the strategy does. */
  readonly signal: AbortSignal | undefined;
}

/**
 * How a {@link BigCommerceSource} authenticates its requests. Use {@link createApiKeyAuth} or
 * {@link createOAuth2Auth}, or implement this to fetch tokens your own way.
 *
 * @example
 * ```ts
 * const vaultAuth: AuthStrategy = {
 *   type: 'vault',
 *   async getRequestHeaders({ storeHash }) {
 *     return { 'X-Auth-Token': await vault.read(`bigcommerce/${storeHash}`) };
 *   },
 * };
 * ```
 */
export interface AuthStrategy {
  /** A short name for logs and `toJSON()`, e.g. `'api-key'`. Never a secret. */
  readonly type: string;
  /**
   * Headers that authenticate one request. Called before every attempt, so a rotated token is
   * picked up at once. Every value returned is treated as a secret: it is never logged and never
   * put in an error.
   */
  getRequestHeaders(context: AuthContext): Promise<Readonly<Record<string, string>>> | Readonly<Record<string, string>>;
  /** What `JSON.stringify` shows of the strategy. Built-ins return `{ type, clientId }`, never a token. */
  toJSON?: (() => unknown) | undefined;
}
