// A strict consumer of the installed package: `npm test` type-checks this file against the packed
// tarball's .d.ts/.d.cts under `strict`, `exactOptionalPropertyTypes` and `noUncheckedIndexedAccess`,
// with moduleResolution node10, node16 (as CommonJS and as ESM) and bundler, then runs it on Node
// (ESM and CommonJS) against the sandbox store. Every optional input is given as a `T | undefined`
// value that is undefined at run time, the way an app passes what it read from its environment or
// its database; the run checks that each means "not given".
//
// Only erasable TypeScript (Node runs it by stripping the types), and no top-level await (a
// CommonJS file cannot use it).
import {
  ApiError,
  AuthenticationError,
  BigCommerceError,
  BigCommerceSource,
  ConfigError,
  NotFoundError,
  PurchaseOrderLeaseError,
  ResponseTooLargeError,
  SignedPayloadError,
  UnknownSkuError,
  ValidationError,
  createApiKeyAuth,
  createOAuth2Auth,
  createOAuthApp,
  inventoryItemSchema,
  isBigCommerceError,
  orderStatusOf,
  parseStoreHash,
  path,
  purchaseOrderSchema,
  resumeCursorOf,
  VERSION,
  type ApiKeyAuthOptions,
  type AuthStrategy,
  type BigCommerceSourceOptions,
  type ExchangeCodeInput,
  type FieldIssue,
  type InventoryItem,
  type InventoryOptions,
  type InventoryPage,
  type InventoryRemoval,
  type OAuth2AuthOptions,
  type OAuthAppOptions,
  type OrderChangesOptions,
  type OrderReference,
  type OrderSnapshot,
  type PaginateOptions,
  type PurchaseOrder,
  type PurchaseOrderAddress,
  type QueryParams,
  type RawRequest,
  type RawResponse,
  type RequestOptions,
  type SendManyOptions,
  type SendManyResult,
  type SendOrderOptions,
  type SentOrder,
  type Shipment,
  type ShipmentListOptions,
  type SourceEvent,
  type StoreInfo,
} from 'bigcommerce-source';
import {
  createSandboxStore,
  mutateCatalog,
  seedCatalog,
  type CatalogGeneratorOptions,
  type InjectFaultOptions,
  type ListenOptions,
  type SandboxCustomerInput,
  type SandboxProductInput,
  type SandboxStore,
  type SandboxStoreOptions,
  type ShipOrderOptions,
} from 'bigcommerce-source/testing';
import { createRedisGate, type RedisGate, type RedisGateEvent, type RedisGateOptions } from 'bigcommerce-source/redis';
import { Redis } from 'ioredis';

/** Settings an app reads from its environment: none is set when this runs. */
const env: Readonly<Record<string, string | undefined>> = process.env;
const text = (name: string): string | undefined => env[`CONSUMER_${name}`];
const count = (name: string): number | undefined => {
  const value = env[`CONSUMER_${name}`];
  return value === undefined ? undefined : Number(value);
};
const flag = (name: string): boolean | undefined => {
  const value = env[`CONSUMER_${name}`];
  return value === undefined ? undefined : value === 'true';
};

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`consumer: ${message}`);
}

/** Every per-call option, each undefined. */
const callOptions: RequestOptions = { signal: undefined, timeoutMs: count('TIMEOUT_MS'), maxRetries: count('MAX_RETRIES') };

function sandboxWithCatalog(): { sandbox: SandboxStore; skus: number } {
  const mug: SandboxProductInput = {
    name: 'Mug',
    sku: 'MUG-1',
    price: count('MUG_PRICE'),
    inventory_level: 40,
    is_visible: flag('MUG_VISIBLE'),
    variants: undefined,
  };
  const buyer: SandboxCustomerInput = { email: 'buyer@retailer.example', first_name: text('BUYER_FIRST_NAME'), addresses: undefined };
  const options: SandboxStoreOptions = {
    storeHash: text('SANDBOX_HASH'),
    accessToken: text('SANDBOX_TOKEN'),
    profile: { name: text('STORE_NAME'), currency: 'EUR' },
    rateLimit: { quota: count('QUOTA'), windowMs: count('WINDOW_MS') },
    latencyMs: count('LATENCY_MS'),
    scopes: undefined,
    products: [mug],
    customers: [buyer],
  };
  const sandbox = createSandboxStore(options);
  const generator: CatalogGeneratorOptions = {
    products: 40,
    seed: count('SEED'),
    simpleShare: count('SIMPLE_SHARE'),
    hiddenShare: undefined,
    unicodeShare: undefined,
    maxVariants: 4,
    skuPrefix: text('SKU_PREFIX'),
  };
  const seeded = seedCatalog(sandbox.catalog, generator);
  mutateCatalog(sandbox.catalog, { count: 0, seed: count('SEED') });
  sandbox.catalog.updateProduct(1, { price: count('NEW_PRICE'), inventory_level: 30 });
  return { sandbox, skus: seeded.skus + 1 };
}

function sourceFor(sandbox: SandboxStore, events: SourceEvent[]): BigCommerceSource {
  const keyOptions: ApiKeyAuthOptions = { clientId: process.env.BC_CLIENT_ID, accessToken: sandbox.accessToken };
  const options: BigCommerceSourceOptions = {
    storeHash: parseStoreHash(`https://store-${sandbox.storeHash}.mybigcommerce.com/`),
    auth: createApiKeyAuth(keyOptions),
    connectionName: text('CONNECTION_NAME'),
    apiBaseUrl: text('API_BASE_URL'),
    fetch: sandbox.fetch,
    timeoutMs: count('TIMEOUT_MS'),
    maxRetries: count('MAX_RETRIES'),
    maxConcurrency: count('MAX_CONCURRENCY'),
    maxResponseBytes: count('MAX_RESPONSE_BYTES'),
    onEvent: (event) => events.push(event),
  };
  return new BigCommerceSource(options);
}

async function inventory(source: BigCommerceSource, skus: number): Promise<string> {
  const saved: string | undefined = text('SAVED_CURSOR');
  const options: InventoryOptions = {
    ...callOptions,
    cursor: saved,
    pageSize: 10,
    skipHiddenProducts: flag('SKIP_HIDDEN'),
    modifiedSince: undefined,
    locations: flag('LOCATIONS'),
    onProgress: undefined,
  };
  const seen = new Set<string>();
  let cursor: string | undefined;
  for await (const page of source.inventory.pages({ cursor: saved, pageSize: 10 })) {
    const first: InventoryItem | undefined = page.items[0];
    check(first !== undefined && inventoryItemSchema.parse(first).sku === first.sku, 'a first page whose items match the exported schema');
    for (const item of page.items) seen.add(item.sku);
    cursor = page.cursor;
    break;
  }
  check(cursor !== undefined, 'a first page');
  const pages: InventoryPage[] = [];
  for await (const page of source.inventory.pages({ ...options, cursor })) pages.push(page);
  for (const item of pages.flatMap((page) => page.items)) seen.add(item.sku);
  check(seen.size === skus, `expected ${skus} SKUs, got ${seen.size}`);
  const last: InventoryPage | undefined = pages[pages.length - 1];
  check(last?.complete === true && pages.slice(0, -1).every((page) => !page.complete), 'the last page of a full sync, and only it, says complete');
  const removed: InventoryRemoval[] = pages.flatMap((page) => [...page.removed]);
  check(removed.length === 0 && pages.every((page) => page.productIds.length === page.productCount), 'no removals in a full sync; productIds per page');
  const mug = pages.flatMap((page) => page.items).find((item) => item.sku === 'MUG-1') ?? (await firstItem(source, 'MUG-1'));
  check(mug?.price === 10 && mug.quantity === 30, `the mug keeps its default price: ${JSON.stringify(mug)}`);
  return `${seen.size} SKUs, resumed from a cursor`;
}

async function firstItem(source: BigCommerceSource, sku: string): Promise<InventoryItem | undefined> {
  for await (const item of source.inventory.items({ skipHiddenProducts: undefined })) if (item.sku === sku) return item;
  return undefined;
}

function purchaseOrder(poNumber: string, sku: string): PurchaseOrder {
  const address: PurchaseOrderAddress = {
    firstName: 'Ann',
    lastName: 'Lee',
    company: text('COMPANY'),
    street1: '1 Main St',
    street2: undefined,
    city: 'Austin',
    state: text('STATE'),
    zip: '78701',
    country: 'us',
    phone: text('PHONE'),
    email: text('ADDRESS_EMAIL'),
  };
  return {
    poNumber,
    email: text('BUYER_EMAIL'),
    items: [{ sku, quantity: 2, unitPrice: count('UNIT_PRICE') }],
    shippingAddress: address,
    billingAddress: undefined,
    shippingMethod: text('SHIPPING_METHOD'),
    shippingCost: count('SHIPPING_COST'),
    notes: undefined,
    customerMessage: text('MESSAGE'),
  };
}

async function orders(source: BigCommerceSource): Promise<SentOrder> {
  const sendOptions: SendOrderOptions = {
    ...callOptions,
    customerPolicy: undefined,
    statusId: count('STATUS_ID'),
    externalSource: undefined,
    channelId: count('CHANNEL_ID'),
    pricing: undefined,
    settleMs: count('SETTLE_MS'),
  };
  const po = purchaseOrderSchema.parse(purchaseOrder('PO-CONSUMER-1', 'mug-1')) satisfies PurchaseOrder;
  const sent = await source.orders.send(po, sendOptions);
  check(sent.created && sent.customerId === 0 && sent.lines.length === 1, `a guest order: ${JSON.stringify(sent)}`);

  const manyOptions: SendManyOptions = { ...sendOptions, concurrency: count('CONCURRENCY') };
  const results: SendManyResult[] = [];
  for await (const result of source.orders.sendMany([po, { ...po, poNumber: 'PO-CONSUMER-2', items: [] }], manyOptions)) results.push(result);
  const [again, invalid] = results;
  check(again?.ok === true && again.order.orderId === sent.orderId && !again.order.created, 'a resend finds the order');
  check(invalid?.ok === false && invalid.error instanceof ValidationError, 'an empty PO is a ValidationError');
  const issues: readonly FieldIssue[] = invalid.error instanceof ValidationError ? invalid.error.issues : [];
  check(issues[0]?.path === 'items', `the issue names the field: ${JSON.stringify(issues)}`);

  try {
    await source.orders.send(purchaseOrder('PO-CONSUMER-3', 'NO-SUCH-SKU'), { customerPolicy: undefined });
    check(false, 'an unknown SKU is refused');
  } catch (error) {
    check(error instanceof UnknownSkuError && isBigCommerceError(error) && error.skus[0] === 'NO-SUCH-SKU', `UnknownSkuError: ${String(error)}`);
  }
  return sent;
}

async function shipments(source: BigCommerceSource, sandbox: SandboxStore, sent: SentOrder): Promise<string> {
  const ship: ShipOrderOptions = {
    items: undefined,
    trackingNumber: text('TRACKING') ?? '1Z999',
    shippingProvider: text('PROVIDER'),
    trackingCarrier: undefined,
    trackingLink: undefined,
    shippingMethod: undefined,
    comments: undefined,
  };
  sandbox.shipOrder(sent.orderId, ship);
  const byPo: Shipment[] = await source.shipments.forPurchaseOrder('PO-CONSUMER-1', callOptions);
  check(byPo[0]?.trackingNumber === '1Z999', 'the shipment, by PO number');
  const listOptions: ShipmentListOptions = {
    ...callOptions,
    since: new Date(0),
    statusIds: undefined,
    cursor: text('SHIPMENTS_CURSOR'),
    pageSize: count('PAGE_SIZE'),
    onProgress: undefined,
  };
  const listed: Shipment[] = [];
  for await (const shipment of source.shipments.list(listOptions)) listed.push(shipment);
  check(listed.length === 1 && listed[0]?.items[0]?.sku === 'MUG-1', `the shipment, listed: ${JSON.stringify(listed)}`);
  return `${listed.length} shipment`;
}

async function orderState(source: BigCommerceSource, sandbox: SandboxStore, sent: SentOrder): Promise<string> {
  sandbox.setOrderStatus(sent.orderId, 5);
  const reference: OrderReference = { poNumber: 'PO-CONSUMER-1', orderId: undefined };
  const state: OrderSnapshot = await source.orders.get(reference, callOptions);
  check(state.status === 'cancelled' && orderStatusOf(state.statusId) === 'cancelled' && state.orderId === sent.orderId, `the PO, cancelled: ${JSON.stringify(state)}`);
  const changesOptions: OrderChangesOptions = {
    ...callOptions,
    since: new Date(0),
    cursor: text('ORDERS_CURSOR'),
    statusIds: undefined,
    externalSource: text('EXTERNAL_SOURCE'),
    pageSize: count('PAGE_SIZE'),
  };
  const changed: OrderSnapshot[] = [];
  for await (const order of source.orders.changes(changesOptions)) changed.push(order);
  check(changed.length === 1 && changed[0]?.poNumber === 'PO-CONSUMER-1' && changed[0].externalSource === 'bigcommerce-source', `the change: ${JSON.stringify(changed)}`);
  return `PO ${state.status}`;
}

async function errors(source: BigCommerceSource, sandbox: SandboxStore, sent: SentOrder): Promise<void> {
  // `times` left undefined means once: the next request gets the store's answer.
  const fault: InjectFaultOptions = { match: { method: 'GET', path: undefined }, times: count('TIMES') };
  sandbox.injectFault({ kind: 'status', status: 404, headers: undefined, body: undefined }, fault);
  try {
    await source.shipments.forOrder(sent.orderId, { signal: undefined });
    check(false, 'a 404 is thrown');
  } catch (error) {
    check(isBigCommerceError(error) && error instanceof NotFoundError && error instanceof ApiError, `NotFoundError: ${String(error)}`);
    const base: BigCommerceError = error;
    check(base.name === 'NotFoundError' && error.status === 404 && resumeCursorOf(error) === undefined, 'its status and no cursor');
  }
  check((await source.shipments.forOrder(sent.orderId)).length === 1, 'the fault is used up after one request');
  // A body past maxResponseBytes stops there, with its own error class (a page of 250 products is
  // several hundred kilobytes).
  const big = createSandboxStore();
  seedCatalog(big.catalog, { products: 250, seed: 3 });
  const capped = new BigCommerceSource({ storeHash: big.storeHash, auth: createApiKeyAuth({ accessToken: big.accessToken }), fetch: big.fetch, maxResponseBytes: 65_536 });
  try {
    for await (const page of capped.inventory.pages({ cursor: undefined })) check(page.items.length === 0, 'a page of 250 products fits in 64 KiB');
    check(false, 'a page past maxResponseBytes is refused');
  } catch (error) {
    check(error instanceof ResponseTooLargeError && error.maxResponseBytes === 65_536, `ResponseTooLargeError: ${String(error)}`);
  }
  try {
    new BigCommerceSource({ storeHash: '', auth: createApiKeyAuth({ accessToken: 'token', clientId: undefined }) });
    check(false, 'an empty store hash is refused');
  } catch (error) {
    check(error instanceof ConfigError && error.issues[0]?.path === 'storeHash', `ConfigError: ${String(error)}`);
  }
}

async function auth(sandbox: SandboxStore): Promise<string> {
  // A strategy of one's own, with a token the store does not know: a typed 401.
  const custom: AuthStrategy = { type: 'custom', getRequestHeaders: () => ({ 'X-Auth-Token': 'not-the-token' }), toJSON: undefined };
  try {
    await new BigCommerceSource({ storeHash: sandbox.storeHash, auth: custom, fetch: sandbox.fetch, maxRetries: undefined }).verifyConnection();
    check(false, 'an unknown token is refused');
  } catch (error) {
    check(error instanceof AuthenticationError && error.status === 401 && !JSON.stringify(error).includes('not-the-token'), `AuthenticationError: ${String(error)}`);
  }
  const fixed: OAuth2AuthOptions = { clientId: 'app-client', accessToken: 'app-token', getAccessToken: undefined };
  const fromStore: OAuth2AuthOptions = { clientId: 'app-client', accessToken: undefined, getAccessToken: ({ storeHash }) => `token-for-${storeHash}` };
  const headers = await createOAuth2Auth(fromStore).getRequestHeaders({ storeHash: 'abc123', signal: undefined });
  check(headers['X-Auth-Token'] === 'token-for-abc123' && JSON.stringify(createOAuth2Auth(fixed)).includes('oauth2'), 'OAuth2 auth');

  const appOptions: OAuthAppOptions = {
    clientId: 'app-client',
    clientSecret: 'app-secret',
    redirectUri: 'https://app.example/auth',
    loginBaseUrl: text('LOGIN_BASE_URL'),
    fetch: async (url, init) => {
      check(String(url) === 'https://login.bigcommerce.com/oauth2/token' && init?.method === 'POST', `the token endpoint: ${String(url)}`);
      const user = { id: 1, email: 'owner@supplier.example' };
      return Response.json({ access_token: 'store-token', scope: 'store_v2_orders', user, owner: user, context: 'stores/abc123' });
    },
  };
  const app = createOAuthApp(appOptions);
  const input: ExchangeCodeInput = { code: 'code', scope: 'store_v2_orders', context: 'stores/abc123', signal: undefined, timeoutMs: count('TIMEOUT_MS') };
  const installation = await app.exchangeCode(input);
  check(installation.storeHash === 'abc123' && app.installUrl().endsWith('/app-client/install'), 'the code exchange');
  try {
    await app.verifySignedPayload('not.a.jwt');
    check(false, 'a forged payload is refused');
  } catch (error) {
    check(error instanceof SignedPayloadError, `SignedPayloadError: ${String(error)}`);
  }
  return 'auth factories and the OAuth app';
}

async function anyRequest(source: BigCommerceSource, sandbox: SandboxStore, sent: SentOrder): Promise<string> {
  const request: RawRequest<unknown> = {
    method: 'GET',
    path: path`/v2/orders/${sent.orderId}`,
    query: undefined,
    body: undefined,
    schema: undefined,
    repeatable: flag('REPEATABLE'),
  };
  const order: RawResponse<unknown> = await source.request(request, callOptions);
  check(order.status === 200 && (order.data as { id?: unknown } | undefined)?.id === sent.orderId, `source.request: ${JSON.stringify(order.data)}`);

  const query: QueryParams = { include_fields: 'sku', is_visible: flag('VISIBLE_ONLY') };
  const options: PaginateOptions<unknown> = { ...callOptions, path: '/v3/catalog/products', query, pageSize: 7, itemSchema: undefined };
  let products = 0;
  for await (const product of source.paginate(options)) if (product !== undefined) products += 1;
  check(products === sandbox.catalog.size, `source.paginate: ${products} of ${sandbox.catalog.size} products`);

  const before = sandbox.requests.length;
  try {
    await source.request({ method: 'GET', path: '/v3/catalog/../../v2/store' });
    check(false, 'a path that leaves its resource is refused');
  } catch (error) {
    check(error instanceof ValidationError && sandbox.requests.length === before, `ValidationError, nothing sent: ${String(error)}`);
  }
  return `source.request and source.paginate (${products} products)`;
}

async function overHttp(sandbox: SandboxStore): Promise<StoreInfo> {
  const listen: ListenOptions = { host: text('HOST'), port: count('PORT') };
  const server = await sandbox.listen(listen);
  try {
    const source = new BigCommerceSource({
      storeHash: sandbox.storeHash,
      auth: createApiKeyAuth({ accessToken: sandbox.accessToken }),
      apiBaseUrl: server.url,
      connectionName: undefined,
    });
    return await source.verifyConnection(callOptions);
  } finally {
    await server.close();
  }
}

/**
 * The Redis gate, given an ioredis client whose Redis is not there (a port nothing listens on, no
 * offline queue): requests degrade to the in-memory fallback with an event, and a PO send fails
 * closed with PurchaseOrderLeaseError, sending nothing.
 */
async function redisGate(sandbox: SandboxStore): Promise<string> {
  const redis = new Redis({ host: '127.0.0.1', port: 1, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  const events: RedisGateEvent[] = [];
  const options: RedisGateOptions = {
    redis,
    keyPrefix: text('KEY_PREFIX'),
    leaseMs: count('LEASE_MS'),
    commandTimeoutMs: count('COMMAND_TIMEOUT_MS'),
    pollMs: undefined,
    probeMs: count('PROBE_MS'),
    fallback: undefined,
    onEvent: (event) => events.push(event),
  };
  const gate: RedisGate = createRedisGate(options);
  try {
    const source = new BigCommerceSource({ storeHash: sandbox.storeHash, auth: createApiKeyAuth({ accessToken: sandbox.accessToken }), fetch: sandbox.fetch, gate });
    const store = await source.verifyConnection();
    check(store.storeHash === sandbox.storeHash && gate.degraded && events[0]?.type === 'degraded', `a request through the fallback: ${JSON.stringify(events)}`);
    const before = sandbox.requests.length;
    try {
      await source.orders.send(purchaseOrder('PO-CONSUMER-REDIS', 'MUG-1'));
      check(false, 'a PO without its lease is not sent');
    } catch (error) {
      check(error instanceof PurchaseOrderLeaseError && isBigCommerceError(error) && error.phase === 'acquire', `PurchaseOrderLeaseError: ${String(error)}`);
      check(sandbox.requests.length === before, 'nothing was sent');
    }
  } finally {
    gate.close();
    redis.disconnect();
  }
  return 'the Redis gate degraded without Redis, and failed a PO closed';
}

export async function main(): Promise<string> {
  const { sandbox, skus } = sandboxWithCatalog();
  const events: SourceEvent[] = [];
  const source = sourceFor(sandbox, events);
  const store = await source.verifyConnection({ signal: undefined, timeoutMs: undefined, maxRetries: undefined });
  check(store.name === 'Sandbox Supply Co.' && store.currency === 'EUR' && store.storeHash === 'sandbox1', `the store's defaults: ${JSON.stringify(store)}`);
  const parts = [await inventory(source, skus)];
  const sent = await orders(source);
  parts.push(`order ${sent.orderId}`, await shipments(source, sandbox, sent), await orderState(source, sandbox, sent));
  await errors(source, sandbox, sent);
  parts.push(await anyRequest(source, sandbox, sent));
  parts.push(await auth(sandbox));
  parts.push(await redisGate(sandbox));
  const remote = await overHttp(sandbox);
  check(remote.storeHash === store.storeHash, 'the same store over HTTP');
  check(events.some((event) => event.type === 'request'), 'request events');
  return `bigcommerce-source ${VERSION}: ${parts.join('; ')}; over HTTP`;
}

main().then(
  (summary) => console.log(summary),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
