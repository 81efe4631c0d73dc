/**
 * Work that every caller asking for the same key at the same time shares: the first caller starts
 * it, later ones join it. Used for sending a purchase order: two lookups at once could both find no
 * order and both create one, so sends of one PO to one store must not overlap.
 *
 * - A joiner must ask for the same thing (`fingerprint`); otherwise `conflict()` is thrown.
 * - Each caller's own signal detaches that caller only. The work stops (its signal aborts) when the
 *   last caller has detached; a caller arriving while stopped work is still winding down waits for
 *   it to settle, then starts the work anew (or joins whoever did).
 * - `claim()` is true for exactly one caller: the first still attached when the work succeeds.
 */
export interface InFlightRegistry {
  run<T>(key: string, request: SharedRequest<T>): Promise<Shared<T>>;
}

/** What a caller asks the registry for. */
export interface SharedRequest<T> {
  /** What the work does; a joiner with another fingerprint is refused. */
  readonly fingerprint: string;
  /** Starts the work; `signal` aborts once every caller has detached. */
  readonly start: (signal: AbortSignal) => Promise<T>;
  /** The caller's own signal. */
  readonly signal: AbortSignal | undefined;
  /** The error for a joiner whose fingerprint differs: `running` is the fingerprint in flight. */
  readonly conflict: (running: string) => Error;
}

/** What a caller gets: the work's value, and whether this caller is the one that claims it. */
export interface Shared<T> {
  readonly value: T;
  /** True for exactly one caller of each run of the work. */
  readonly claimed: boolean;
}

interface Entry {
  readonly fingerprint: string;
  promise: Promise<unknown>;
  readonly controller: AbortController;
  attached: number;
  claimed: boolean;
}

/** Registries by store identity, in a plain object so every copy of the package (ESM, CJS) shares them. */
interface RegistryHome {
  readonly byFetch: WeakMap<object, Map<string, Map<string, Entry>>>;
}

/** Versioned: a later shape gets a new symbol rather than misreading this one. */
const HOME = Symbol.for('bigcommerce-source.in-flight-registry.v1');
/** Stands for `globalThis.fetch` (looked up per request) in the identity of a store. */
const GLOBAL_FETCH = Symbol.for('bigcommerce-source.global-fetch');

function home(): RegistryHome {
  const global = globalThis as unknown as Record<symbol, RegistryHome | undefined>;
  global[HOME] ??= { byFetch: new WeakMap() };
  return global[HOME];
}

/**
 * The registry of one store as this process reaches it: the same store hash, API base URL and
 * `fetch` function. Sources built separately, even by another copy of the package, share it.
 */
export function inFlightRegistryFor(identity: { storeHash: string; apiBaseUrl: string; fetch: object | undefined }): InFlightRegistry {
  const { byFetch } = home();
  const fetchKey = identity.fetch ?? (globalThis as unknown as Record<symbol, object>)[GLOBAL_FETCH] ?? registerGlobalFetchKey();
  let stores = byFetch.get(fetchKey);
  if (!stores) byFetch.set(fetchKey, (stores = new Map()));
  const storeKey = `${identity.apiBaseUrl}\u0000${identity.storeHash}`;
  let entries = stores.get(storeKey);
  if (!entries) stores.set(storeKey, (entries = new Map()));
  return registryOver(entries);
}

function registerGlobalFetchKey(): object {
  const key = {};
  (globalThis as unknown as Record<symbol, object>)[GLOBAL_FETCH] = key;
  return key;
}

function registryOver(entries: Map<string, Entry>): InFlightRegistry {
  return {
    async run<T>(key: string, request: SharedRequest<T>): Promise<Shared<T>> {
      request.signal?.throwIfAborted();
      let entry = entries.get(key);
      while (entry?.controller.signal.aborted) {
        // Every caller of that work detached and it was told to stop, but it may still be running
        // (a POST in flight): new work starts only once it has settled, so the two never overlap.
        await untilAborted(entry.promise.then(noop, noop), request.signal);
        entry = entries.get(key);
      }
      if (entry && entry.fingerprint !== request.fingerprint) throw request.conflict(entry.fingerprint);
      if (!entry) {
        const started: Entry = { fingerprint: request.fingerprint, promise: Promise.resolve(), controller: new AbortController(), attached: 0, claimed: false };
        started.promise = request.start(started.controller.signal).finally(() => {
          if (entries.get(key) === started) entries.delete(key);
        });
        // Once every caller detached, nobody listens: the work's failure must not be unhandled.
        started.promise.catch(() => undefined);
        entries.set(key, started);
        entry = started;
      }
      return attach(entry as Entry & { promise: Promise<T> }, request.signal);
    },
  };
}

async function attach<T>(entry: Entry & { promise: Promise<T> }, signal: AbortSignal | undefined): Promise<Shared<T>> {
  entry.attached += 1;
  let detached = false;
  const detach = () => {
    if (detached) return;
    detached = true;
    entry.attached -= 1;
    if (entry.attached === 0) entry.controller.abort(signal?.reason);
  };
  try {
    const value = await untilAborted(entry.promise, signal);
    const claimed = !entry.claimed;
    entry.claimed = true;
    return { value, claimed };
  } finally {
    detach();
  }
}

function noop(): void {}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
