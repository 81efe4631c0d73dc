import type { SandboxRequest } from './sandbox-request';

/**
 * A failure the sandbox store plays instead of answering normally. Faults stand for what sits
 * between a client and BigCommerce (network, proxies, an overloaded platform): a faulted request
 * never reaches the store, so it spends no quota and carries no rate-limit headers unless given.
 * The `commit-then-…` kinds are the exception: the store handles the request first, then its
 * answer is lost, which is how a client can be left not knowing whether its write happened.
 */
export type SandboxFault =
  | {
      /**
       * Answers with this status. `body` defaults to BigCommerce's error body for the status in the
       * path's API version (v2 array, v3 object); give `null` for an empty body, a string to send
       * it as-is, anything else to send it as JSON.
       * @example
       * ```ts
       * { kind: 'status', status: 503 }
       * { kind: 'status', status: 429, headers: { 'X-Rate-Limit-Time-Reset-Ms': '1500' } }
       * { kind: 'status', status: 422, body: { status: 422, title: 'Invalid', type: '…', errors: { sku: 'taken' } } }
       * ```
       */
      readonly kind: 'status';
      /** The HTTP status to answer with. */
      readonly status: number;
      /** Extra response headers, e.g. the rate-limit headers of a 429. */
      readonly headers?: Readonly<Record<string, string>> | undefined;
      /** The body: JSON-encoded unless a string; `null` for none; BigCommerce's error body when omitted. */
      readonly body?: unknown;
    }
  | {
      /**
       * The connection drops without an answer. Through `fetch`, the call rejects with
       * `TypeError('fetch failed')` as undici's does; through `handle`, with msw's network error;
       * over `listen()`, the socket is destroyed.
       */
      readonly kind: 'drop';
    }
  | {
      /** No answer ever comes; the request ends only when its signal aborts or the client disconnects. */
      readonly kind: 'hang';
    }
  | {
      /**
       * The store handles the request (an order is created, stock is taken), then the connection
       * drops before the answer leaves: the client cannot tell whether its write happened.
       * @example
       * ```ts
       * sandbox.injectFault({ kind: 'commit-then-drop' }, { match: { method: 'POST', path: '/v2/orders' } });
       * ```
       */
      readonly kind: 'commit-then-drop';
    }
  | {
      /**
       * The store handles the request, then a proxy or the platform answers with this status
       * instead of the store's answer (BigCommerce's error body for it unless `body` is given).
       * @default status 500
       */
      readonly kind: 'commit-then-status';
      /** The HTTP status sent instead of the store's answer. */
      readonly status?: number | undefined;
      /** The body: as for a `status` fault. */
      readonly body?: unknown;
    }
  | {
      /**
       * The store handles the request, then no answer ever comes: the client times out (or its
       * signal aborts) although the write happened.
       */
      readonly kind: 'commit-then-hang';
    }
  | {
      /** A 200 with `Content-Type: application/json` whose body is cut off mid-JSON. */
      readonly kind: 'malformed-json';
    }
  | {
      /**
       * An HTML error page, as a proxy or load balancer in front of the API sends it.
       * @default status 502
       */
      readonly kind: 'html-error';
      /** The HTTP status of the page. */
      readonly status?: number | undefined;
    };

/** Which requests a fault applies to. Every given condition must hold. */
export interface FaultMatch {
  /** The HTTP method, in any case. */
  readonly method?: string | undefined;
  /** The path below `/stores/{hash}`: a string is a prefix (`'/v2/orders'`), a RegExp is tested. */
  readonly path?: string | RegExp | undefined;
}

/** Options of {@link SandboxStore.injectFault}. */
export interface InjectFaultOptions {
  /** Only requests matching this get the fault. @default every request */
  readonly match?: FaultMatch | undefined;
  /**
   * How many matching requests get the fault before it is used up; `Infinity` for all of them.
   * @default 1
   */
  readonly times?: number | undefined;
}

/** A fault waiting for requests, as returned by {@link SandboxStore.injectFault}. */
export interface InjectedFault {
  /** The fault as injected. */
  readonly fault: SandboxFault;
  /** How many more requests will get it. */
  readonly remaining: number;
  /** How many requests got it so far. */
  readonly hits: number;
  /** Withdraws the fault before it is used up. */
  cancel(): void;
}

class QueuedFault implements InjectedFault {
  remaining: number;
  hits = 0;
  constructor(
    readonly fault: SandboxFault,
    readonly match: FaultMatch,
    times: number,
    private readonly onCancel: (fault: QueuedFault) => void,
  ) {
    this.remaining = times;
  }
  cancel(): void {
    this.remaining = 0;
    this.onCancel(this);
  }
}

const FAULT_KINDS = new Set(['status', 'drop', 'hang', 'malformed-json', 'html-error', 'commit-then-drop', 'commit-then-status', 'commit-then-hang']);

/** Faults in order of injection; each request takes the first one that matches it. */
export class FaultQueue {
  #queue: QueuedFault[] = [];

  /** @throws {TypeError} for an unknown fault or bad options. */
  inject(fault: SandboxFault, options: InjectFaultOptions = {}): InjectedFault {
    checkFault(fault, options);
    const queued = new QueuedFault(fault, options.match ?? {}, options.times ?? 1, (done) => {
      this.#queue = this.#queue.filter((other) => other !== done);
    });
    this.#queue.push(queued);
    return queued;
  }

  /** The fault for this request, if any; counts it as used. */
  take(request: SandboxRequest): SandboxFault | undefined {
    const found = this.#queue.find((queued) => matches(queued.match, request));
    if (!found) return undefined;
    found.hits += 1;
    found.remaining -= 1;
    if (found.remaining <= 0) this.#queue = this.#queue.filter((other) => other !== found);
    return found.fault;
  }

  /** Withdraws every fault. */
  clear(): void {
    for (const queued of this.#queue) queued.remaining = 0;
    this.#queue = [];
  }
}

function matches(match: FaultMatch, request: SandboxRequest): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== request.method) return false;
  if (typeof match.path === 'string' && !request.path.startsWith(match.path)) return false;
  if (match.path instanceof RegExp) {
    match.path.lastIndex = 0;
    if (!match.path.test(request.path)) return false;
  }
  return true;
}

function checkFault(fault: SandboxFault, options: InjectFaultOptions): void {
  const prefix = '[bigcommerce-source/testing] injectFault:';
  if (typeof fault !== 'object' || fault === null || !FAULT_KINDS.has(fault.kind)) {
    throw new TypeError(`${prefix} expected a fault with kind ${[...FAULT_KINDS].map((kind) => `'${kind}'`).join(', ')}.`);
  }
  if (fault.kind === 'status' && !isHttpStatus(fault.status)) {
    throw new TypeError(`${prefix} status must be an integer from 200 to 599, got ${String(fault.status)}.`);
  }
  if ((fault.kind === 'html-error' || fault.kind === 'commit-then-status') && fault.status !== undefined && !isHttpStatus(fault.status)) {
    throw new TypeError(`${prefix} status must be an integer from 200 to 599, got ${String(fault.status)}.`);
  }
  const times = options.times ?? 1;
  if (!(times === Infinity || (Number.isInteger(times) && times >= 1))) {
    throw new TypeError(`${prefix} times must be a positive integer or Infinity, got ${String(times)}.`);
  }
}

function isHttpStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 200 && value <= 599;
}
