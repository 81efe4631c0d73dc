import * as z from 'zod/mini';
import { apiErrorFromResponse } from '../errors/api-error-from-response';
import { ApiError } from '../errors/api-error';
import { ResponseValidationError } from '../errors/response-validation-error';
import { VERSION } from '../version';
import { throwIfAborted } from './abort';
import { withAttempts } from './attempts';
import type { AuthStrategy } from './auth-strategy';
import type { SourceEvent } from './events';
import { exchangeOnce, type Exchanged } from './exchange';
import { inFlightRegistryFor, type InFlightRegistry } from './in-flight-registry';
import type { AcquireOptions, GateSlot, GateStore, RateGate, RequestPriority } from './gate/rate-gate';
import { serializeQuery, type QueryParams } from './query';
import { readRateLimitHeaders, type RateLimitState } from './rate-limit-headers';
import { markMalformed, parseBody, type ParsedBody } from './read-body';
import type { RequestOptions } from './request-options';
import { rateLimitWaitMs, retryReason } from './retry-policy';
import { createStoreKy } from './store-ky';
import { describeIssues, toFieldIssues, withMessages } from './zod-issues';

/** Settings of one source's HTTP core, validated by the source (see `BigCommerceSourceOptions`). */
export interface HttpClientConfig {
  readonly storeHash: string;
  readonly auth: AuthStrategy;
  /** Without a trailing slash, e.g. `https://api.bigcommerce.com`. */
  readonly apiBaseUrl: string;
  readonly fetch: typeof globalThis.fetch | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /** How many requests operations run in parallel (pager ranges, `sendMany`). */
  readonly maxConcurrency: number;
  /** Decides when each request may start; shared by every source given the same gate. */
  readonly gate: RateGate;
  /** The most requests this source may have in flight to the store. */
  readonly ceiling: number;
  /** How the in-flight cap is set (see {@link AcquireOptions.concurrency}). */
  readonly concurrency: 'adaptive' | 'fixed';
  /** The share of the store's quota this source may spend, 0 to 1. */
  readonly quotaShare: number;
  /** The most bytes a response body may have (after decompression). */
  readonly maxResponseBytes: number;
  readonly onEvent: ((event: SourceEvent) => void) | undefined;
}

/** One request, described by the operation that sends it. */
export interface HttpRequest<T> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the store, starting with `/v2/` or `/v3/`; build it with `path\`\`` so parameters are encoded. */
  readonly path: string;
  readonly query?: QueryParams;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Checks a non-empty 2xx body. Loose on unknown fields, strict on the fields the SDK reads. */
  readonly schema?: z.core.$ZodType<T>;
  /**
   * Set on a write that can be repeated without effect. Other writes are retried only on 429,
   * because a timeout or a 5xx may come after BigCommerce already did the work.
   */
  readonly repeatable?: boolean;
  /** `bulk` for paging through a list; everything else goes ahead of it. @default 'high' */
  readonly priority?: RequestPriority;
  /**
   * Runs inside each attempt's gate slot, right before the request leaves; a rejection fails the
   * request without sending it, and is not retried. Used to confirm a purchase order's lease as
   * late as possible: a wait at the gate (a spent window, a 429 pause) can be long.
   */
  readonly beforeSend?: () => Promise<void>;
}

/** A successful response. `data` is `undefined` for 204 and empty bodies. */
export interface HttpResponse<T> {
  readonly status: number;
  readonly data: T | undefined;
  readonly headers: Headers;
}

/** The HTTP core of one source. Operations get this and nothing else of the source. */
export interface HttpClient {
  readonly storeHash: string;
  /**
   * Work in flight on this store in this process, shared by every source that reaches the store
   * the same way (store hash, API base URL, fetch): sends of one PO never overlap.
   */
  readonly inFlight: InFlightRegistry;
  /** The gate and the store as it knows it, for what must be coordinated with other holders (PO leases). */
  readonly gate: RateGate;
  readonly gateStore: GateStore;
  /** How many requests operations run in parallel (pager ranges, `sendMany`). */
  readonly maxConcurrency: number;
  /** The source's timeout of one attempt, in milliseconds, when a call gives none. */
  readonly timeoutMs: number;
  request<T>(request: HttpRequest<T>, options?: RequestOptions): Promise<HttpResponse<T>>;
}

export function createHttpClient(config: HttpClientConfig): HttpClient {
  const emit = (event: SourceEvent) => {
    try {
      config.onEvent?.(event);
    } catch {
      // A failing listener must not fail the request it observes.
    }
  };
  const gateStore: GateStore = { id: `${config.apiBaseUrl}/stores/${config.storeHash}`, storeHash: config.storeHash, apiBaseUrl: config.apiBaseUrl };
  const send = createStoreKy({
    prefix: `${config.apiBaseUrl}/stores/${config.storeHash}`,
    fetch: config.fetch,
    headers: { Accept: 'application/json', 'User-Agent': `bigcommerce-source/${VERSION}` },
  });

  /**
   * The network half of an attempt, run inside a gate slot: fetch the token, send the request
   * and read the body's bytes, all within the attempt's deadline. Decoding, parsing and validation
   * happen after the slot is released, so the next request leaves while a large page is parsed.
   */
  async function exchange(request: HttpRequest<unknown>, search: string, target: string, attemptNumber: number, options: ResolvedOptions, slot: GateSlot): Promise<Attempted> {
    const describe = { method: request.method, path: target };
    let startedMs = 0;
    let rateLimit: RateLimitState | undefined;
    const exchanged = await exchangeOnce({
      send,
      request: { method: request.method, path: request.path, search: search.slice(1), body: request.body },
      describe,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      maxResponseBytes: config.maxResponseBytes,
      getHeaders: (signal) => config.auth.getRequestHeaders({ storeHash: config.storeHash, signal }),
      onRequest: () => {
        startedMs = performance.now();
        emit({ type: 'request', ...describe, attempt: attemptNumber });
      },
      onResponse: (arrived) => {
        rateLimit = readRateLimitHeaders(arrived.headers);
        // As soon as the status line is in: requests waiting at the gate learn what is left of the window.
        slot.report({ rateLimit, latencyMs: performance.now() - startedMs });
      },
    });
    rateLimit ??= readRateLimitHeaders(exchanged.response.headers);
    emit({
      type: 'response',
      ...describe,
      attempt: attemptNumber,
      status: exchanged.response.status,
      durationMs: Math.round(performance.now() - startedMs),
      requestsLeft: rateLimit.requestsLeft,
    });
    return { ...exchanged, rateLimit };
  }

  return {
    storeHash: config.storeHash,
    inFlight: inFlightRegistryFor(config),
    gate: config.gate,
    gateStore,
    maxConcurrency: config.maxConcurrency,
    timeoutMs: config.timeoutMs,
    async request<T>(request: HttpRequest<T>, callOptions: RequestOptions = {}): Promise<HttpResponse<T>> {
      const options: ResolvedOptions = {
        signal: callOptions.signal,
        timeoutMs: callOptions.timeoutMs ?? config.timeoutMs,
        maxRetries: callOptions.maxRetries ?? config.maxRetries,
      };
      throwIfAborted(options.signal);
      const search = serializeQuery(request.query);
      const target = `${request.path}${search}`;
      const repeatable = request.method === 'GET' || request.repeatable === true;
      const acquire: AcquireOptions = {
        priority: request.priority ?? 'high',
        signal: options.signal,
        ceiling: config.ceiling,
        concurrency: config.concurrency,
        quotaShare: config.quotaShare,
        onThrottle: emit,
      };
      const attempt = async (attemptNumber: number) => {
        const slot = await config.gate.acquire(gateStore, acquire);
        let attempted: Attempted;
        try {
          await request.beforeSend?.();
          attempted = await exchange(request, search, target, attemptNumber, options, slot);
        } finally {
          slot.release();
        }
        return interpret(request, target, attempted);
      };
      return withAttempts(attempt, {
        retries: options.maxRetries,
        signal: options.signal,
        // A write is repeated only when that cannot duplicate it (see retryReason).
        retryReason: (error) => retryReason(error, repeatable),
        onRetry: ({ error, reason, attemptNumber, backoffMs }) => {
          // Everyone waits out a 429, not just this request: the quota is the store's, not ours.
          // The retry then follows the backoff, so it waits at least what the store asked.
          const pauseMs = rateLimitWaitMs(error);
          if (pauseMs !== undefined) config.gate.pause(gateStore, pauseMs, emit);
          emit({ type: 'retry', method: request.method, path: target, attempt: attemptNumber, delayMs: Math.max(pauseMs ?? 0, backoffMs), reason });
        },
      });
    },
  };
}

interface ResolvedOptions {
  readonly signal: AbortSignal | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
}

/** What the network half of an attempt brings back, with the rate-limit headers read. */
interface Attempted extends Exchanged {
  readonly rateLimit: RateLimitState;
}

/** The CPU half of an attempt, outside the gate slot: parse, map error statuses, validate. */
function interpret<T>(request: HttpRequest<T>, target: string, attempted: Attempted): HttpResponse<T> {
  const { response, bytes } = attempted;
  const describe = { method: request.method, path: target };
  const body = parseBody(bytes);
  if (!response.ok) throw errorOfStatus(describe, attempted, body);
  return { status: response.status, headers: response.headers, data: parseData(request, body, describe) };
}

/**
 * The {@link ApiError} of an error status. What the store sent (body, reason phrase, request id) is
 * redacted before it is used; nothing here may throw anything but the error it builds, whatever
 * the body: a body the message cannot use is left out of it.
 */
function errorOfStatus(describe: { method: string; path: string }, { response, redactor, rateLimit }: Attempted, body: ParsedBody): ApiError {
  const facts = {
    status: response.status,
    ...describe,
    resetMs: maxDefined(rateLimit.resetMs, rateLimit.retryAfterMs),
  };
  const statusText = redactor.text(response.statusText);
  const requestId = redactIfPresent(redactor, response.headers.get('x-request-id'));
  try {
    const kept = body.json !== undefined ? redactor.value(body.json) : body.text ? redactor.text(body.text) : undefined;
    return apiErrorFromResponse({ ...facts, statusText, requestId, body: kept });
  } catch {
    return apiErrorFromResponse({ ...facts, statusText, requestId, body: undefined });
  }
}

function redactIfPresent(redactor: Exchanged['redactor'], value: string | null): string | undefined {
  return value === null ? undefined : redactor.text(value);
}

function parseData<T>(request: HttpRequest<T>, body: ParsedBody, describe: { method: string; path: string }): T | undefined {
  if (body.malformed) {
    throw markMalformed(
      new ResponseValidationError(`${describe.method} ${describe.path} returned a body that is not valid JSON.`, {
        ...describe,
        issues: [{ path: '', message: 'expected JSON' }],
      }),
    );
  }
  if (body.json === undefined || !request.schema) return body.json as T | undefined;
  const result = z.safeParse(request.schema, body.json, withMessages);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error);
  throw new ResponseValidationError(
    `${describe.method} ${describe.path} returned an unexpected body: ${describeIssues(issues)}`,
    { ...describe, issues },
  );
}

function maxDefined(...values: Array<number | undefined>): number | undefined {
  const defined = values.filter((value): value is number => value !== undefined);
  return defined.length > 0 ? Math.max(...defined) : undefined;
}
