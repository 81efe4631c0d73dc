import { DROPPED, type DispatchOutcome } from '../dispatch-outcome';
import { listenOverHttp, type ListenOptions } from '../http-listener';
import { jsonResponse } from '../responses/json-response';
import type { SandboxStore } from '../sandbox-store';
import { splitStorePath } from '../sandbox-request';
import { ADMIN_PREFIX, answerAdminRequest, type StoreCounters } from './admin-routes';

/** Options of {@link serveSandboxStores}. */
export interface SandboxServerOptions extends ListenOptions {
  /** The stores to serve, each under its own hash (`/stores/{hash}/…`). At least one; hashes unique. */
  readonly stores: readonly SandboxStore[];
  /**
   * Called after every request that may have changed a store (any method but GET and HEAD, and
   * every admin action that changes something), before the answer is sent: save the store here and
   * a client never sees an answer whose change is not saved.
   */
  readonly onChange?: ((store: SandboxStore) => Promise<void> | void) | undefined;
}

/** Several sandbox stores served over HTTP, as returned by {@link serveSandboxStores}. */
export interface SandboxServer {
  /** The server's origin, e.g. `http://127.0.0.1:49152`: every store's `apiBaseUrl`. */
  readonly url: string;
  /** The stores, in the order given. */
  readonly stores: readonly SandboxStore[];
  /** Requests each store answered and how many of them were 429s, by store hash. */
  counters(storeHash: string): Readonly<StoreCounters> | undefined;
  /** Stops the server, cutting open connections. */
  close(): Promise<void>;
}

/**
 * Serves sandbox stores over real HTTP on a loopback address: the store hash in the path picks
 * the store (`/stores/sandbox2/v3/catalog/products`), a path with no known hash goes to the first
 * store (which answers 401 or 403, as a store does for a token that is not its own). The merchant's
 * actions are on `/__sandbox/stores/{hash}/…`, a path no BigCommerce client calls (see
 * docs/testing.md). Node only: it imports `node:http` when called.
 * @throws {TypeError} for no stores or two stores with one hash.
 * @example
 * ```ts
 * const server = await serveSandboxStores({ stores: [createSandboxStore({ storeHash: 'a1' }), createSandboxStore({ storeHash: 'b2' })] });
 * // http://127.0.0.1:…/stores/a1/v2/store and …/stores/b2/v2/store
 * await server.close();
 * ```
 */
export async function serveSandboxStores(options: SandboxServerOptions): Promise<SandboxServer> {
  const byHash = new Map<string, { store: SandboxStore; counters: StoreCounters }>();
  for (const store of options.stores) {
    if (byHash.has(store.storeHash)) throw new TypeError(`[bigcommerce-source/testing] serveSandboxStores: two stores have the hash ${JSON.stringify(store.storeHash)}.`);
    byHash.set(store.storeHash, { store, counters: { requests: 0, rateLimited: 0 } });
  }
  const first = byHash.values().next().value;
  if (!first) throw new TypeError('[bigcommerce-source/testing] serveSandboxStores: give at least one store.');
  // Changes are saved one at a time, in the order they happened.
  let saving: Promise<void> = Promise.resolve();
  const save = (store: SandboxStore): Promise<void> => {
    if (!options.onChange) return Promise.resolve();
    saving = saving.catch(() => undefined).then(() => options.onChange!(store));
    return saving;
  };

  const dispatch = async (request: Request, signal?: AbortSignal): Promise<DispatchOutcome> => {
    const { pathname } = new URL(request.url);
    if (pathname === ADMIN_PREFIX || pathname.startsWith(`${ADMIN_PREFIX}/`)) {
      const match = /^\/__sandbox\/stores\/([^/]+)(\/.*)?$/.exec(pathname);
      const entry = match ? byHash.get(decodeURIComponent(match[1]!)) : undefined;
      if (!entry) return jsonResponse({ status: 404, title: `No store at ${pathname}; admin paths are ${ADMIN_PREFIX}/stores/{hash}/….` }, 404);
      if (request.headers.get('x-auth-token') !== entry.store.accessToken) return jsonResponse({ status: 401, title: "X-Auth-Token must be the store's access token." }, 401);
      const text = request.body === null ? '' : await request.text();
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        return jsonResponse({ status: 400, title: 'The body is not JSON.' }, 400);
      }
      const outcome = answerAdminRequest({ store: entry.store, counters: { ...entry.counters }, method: request.method.toUpperCase(), path: match![2] ?? '', body });
      if (outcome.changed) await save(entry.store);
      return outcome.response;
    }
    const entry = byHash.get(splitStorePath(pathname).storeHash ?? '') ?? first;
    const response = await entry.store.handle(request, signal);
    // A dropped connection comes back from handle() as msw's network error.
    if (response.type === 'error') return DROPPED;
    entry.counters.requests += 1;
    if (response.status === 429) entry.counters.rateLimited += 1;
    if (request.method !== 'GET' && request.method !== 'HEAD') await save(entry.store);
    return response;
  };

  const listener = await listenOverHttp(dispatch, options);
  return {
    url: listener.url,
    stores: [...options.stores],
    counters: (storeHash) => {
      const counters = byHash.get(storeHash)?.counters;
      return counters ? { ...counters } : undefined;
    },
    close: async () => {
      await listener.close();
      await saving.catch(() => undefined);
    },
  };
}
