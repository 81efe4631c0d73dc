import * as z from 'zod/mini';
import { apiErrorFromResponse } from '../errors/api-error-from-response';
import { BigCommerceError } from '../errors/bigcommerce-error';
import { ConnectionError } from '../errors/connection-error';
import { ResponseValidationError } from '../errors/response-validation-error';
import { TimeoutError } from '../errors/timeout-error';
import type { SourceEvent } from './events';
import type { AuthStrategy } from './auth-strategy';
import type { RequestOptions } from './request-options';
import { VERSION } from '../version';
import { throwIfAborted } from './abort';
import { anySignal } from './any-signal';
import { Limiter } from './limiter';
import { serializeQuery, type QueryParams } from './query';
import { readRateLimitHeaders, type RateLimitState } from './rate-limit-headers';
import { markMalformed, parseBody, readBytes, type ParsedBody } from './read-body';
import { redactSecrets } from './redact';
import { rateLimitWaitMs, retryReason } from './retry-policy';
import { describeCauseChain } from './describe-cause';
import { createStoreKy } from './store-ky';
import { withAttempts } from './attempts';
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
  readonly maxConcurrency: number;
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
  /** The most requests in flight at once; operations size their parallelism to it. */
  readonly maxConcurrency: number;
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
  const limiter = new Limiter(config.maxConcurrency, emit);
  const send = createStoreKy({
    prefix: `${config.apiBaseUrl}/stores/${config.storeHash}`,
    fetch: config.fetch,
    headers: { Accept: 'application/json', 'User-Agent': `bigcommerce-source/${VERSION}` },
  });

  /**
   * The network half of an attempt, run inside a limiter slot: fetch the token, send the request
   * and read the body's bytes, all within the attempt's deadline. Decoding, parsing and validation
   * happen after the slot is released, so the next request leaves while a large page is parsed.
   */
  async function exchange(request: HttpRequest<unknown>, target: string, attemptNumber: number, options: ResolvedOptions): Promise<Exchange> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), options.timeoutMs);
    const signal = options.signal ? anySignal([options.signal, timeout.signal]) : timeout.signal;
    const describe = { method: request.method, path: target };
    let startedMs = 0;
    let rateLimit: RateLimitState | undefined;
    try {
      const authHeaders = await config.auth.getRequestHeaders({ storeHash: config.storeHash, signal });
      const response = await send(
        { method: request.method, path: request.path, query: request.query, body: request.body, headers: authHeaders },
        {
          signal,
          onRequest: () => {
            startedMs = performance.now();
            emit({ type: 'request', ...describe, attempt: attemptNumber });
          },
          onResponse: (arrived) => {
            rateLimit = readRateLimitHeaders(arrived.headers);
            // Requests not yet started wait for the window to reset instead of collecting 429s.
            if (rateLimit.requestsLeft === 0 && rateLimit.resetMs !== undefined) limiter.pause(rateLimit.resetMs, 'quota-exhausted');
          },
        },
      );
      const bytes = await readBytes(response);
      rateLimit ??= readRateLimitHeaders(response.headers);
      emit({
        type: 'response',
        ...describe,
        attempt: attemptNumber,
        status: response.status,
        durationMs: Math.round(performance.now() - startedMs),
        requestsLeft: rateLimit.requestsLeft,
      });
      return { response, bytes, rateLimit, secrets: Object.values(authHeaders) };
    } catch (error) {
      throw translateFailure(error, options, timeout.signal, describe);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    storeHash: config.storeHash,
    maxConcurrency: config.maxConcurrency,
    async request<T>(request: HttpRequest<T>, callOptions: RequestOptions = {}): Promise<HttpResponse<T>> {
      const options: ResolvedOptions = {
        signal: callOptions.signal,
        timeoutMs: callOptions.timeoutMs ?? config.timeoutMs,
        maxRetries: callOptions.maxRetries ?? config.maxRetries,
      };
      throwIfAborted(options.signal);
      const target = `${request.path}${serializeQuery(request.query)}`;
      const repeatable = request.method === 'GET' || request.repeatable === true;
      return withAttempts(
        async (attemptNumber) => interpret(request, target, await limiter.run(() => exchange(request, target, attemptNumber, options), options.signal)),
        {
          retries: options.maxRetries,
          signal: options.signal,
          // A write is repeated only when that cannot duplicate it (see retryReason).
          retryReason: (error) => retryReason(error, repeatable),
          onRetry: ({ error, reason, attemptNumber, backoffMs }) => {
            // Everyone waits out a 429, not just this request: the quota is the store's, not ours.
            // The retry then follows the backoff, so it waits at least what the store asked.
            const pauseMs = rateLimitWaitMs(error);
            if (pauseMs !== undefined) limiter.pause(pauseMs, 'rate-limited');
            emit({ type: 'retry', method: request.method, path: target, attempt: attemptNumber, delayMs: Math.max(pauseMs ?? 0, backoffMs), reason });
          },
        },
      );
    },
  };
}

interface ResolvedOptions {
  readonly signal: AbortSignal | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
}

/** What the network half of an attempt brings back. */
interface Exchange {
  readonly response: Response;
  /** The body's bytes as they arrived; `undefined` for 204 and 205. */
  readonly bytes: Uint8Array[] | undefined;
  readonly rateLimit: RateLimitState;
  /** The auth header values sent, scrubbed from any error body. */
  readonly secrets: readonly string[];
}

/** The CPU half of an attempt, outside the limiter slot: parse, map error statuses, validate. */
function interpret<T>(request: HttpRequest<T>, target: string, { response, bytes, rateLimit, secrets }: Exchange): HttpResponse<T> {
  const describe = { method: request.method, path: target };
  const body = parseBody(bytes);
  if (!response.ok) {
    throw apiErrorFromResponse({
      status: response.status,
      statusText: response.statusText,
      ...describe,
      body: redactSecrets(body.json !== undefined ? body.json : body.text || undefined, secrets),
      requestId: response.headers.get('x-request-id') ?? undefined,
      resetMs: maxDefined(rateLimit.resetMs, rateLimit.retryAfterMs),
    });
  }
  return { status: response.status, headers: response.headers, data: parseData(request, body, describe) };
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

function translateFailure(
  error: unknown,
  options: ResolvedOptions,
  timeoutSignal: AbortSignal,
  describe: { method: string; path: string },
): unknown {
  if (error instanceof BigCommerceError) return error;
  if (options.signal?.aborted) return options.signal.reason;
  if (timeoutSignal.aborted) {
    return new TimeoutError(`${describe.method} ${describe.path} got no response within ${options.timeoutMs} ms.`, {
      ...describe,
      timeoutMs: options.timeoutMs,
    });
  }
  const reason = describeCauseChain(error);
  return new ConnectionError(`${describe.method} ${describe.path} failed before a response arrived: ${reason}`, {
    ...describe,
    cause: error,
  });
}


function maxDefined(...values: Array<number | undefined>): number | undefined {
  const defined = values.filter((value): value is number => value !== undefined);
  return defined.length > 0 ? Math.max(...defined) : undefined;
}
