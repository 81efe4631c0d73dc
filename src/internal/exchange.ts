import { ConfigError } from '../errors/config-error';
import { RedirectError } from '../errors/redirect-error';
import { ResponseTooLargeError } from '../errors/response-too-large-error';
import { anySignal } from './any-signal';
import { markNotSent, translateFailure } from './failures';
import { readBytes } from './read-body';
import { Redactor } from './redact';
import type { Send, SendRequest } from './store-ky';

/** The default of `maxResponseBytes`: BigCommerce's largest pages are a few megabytes. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
/** How much of an error status's body is read and kept on the error. */
export const ERROR_BODY_BYTES = 64 * 1024;

/** One attempt's network half, as the HTTP core or the OAuth token exchange asks for it. */
export interface ExchangeInput {
  readonly send: Send;
  readonly request: SendRequest;
  /** Method and path with query, for messages and events. */
  readonly describe: { readonly method: string; readonly path: string };
  /** The caller's signal. */
  readonly signal: AbortSignal | undefined;
  /** The attempt's deadline, in milliseconds: from asking for the headers to the last body byte. */
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  /** Headers fetched for this attempt (authentication); every value is a secret. */
  readonly getHeaders?: (signal: AbortSignal) => Promise<Readonly<Record<string, string>>> | Readonly<Record<string, string>>;
  /** Secrets sent in the body (a client secret, an OAuth code), exactly as sent. */
  readonly secrets?: readonly string[];
  /** A prefix for messages, e.g. `exchangeCode: `. */
  readonly label?: string;
  /** The request leaves (ky's `beforeRequest` hook). */
  readonly onRequest?: () => void;
  /** The status line and headers arrived and are not a redirect; the body is not read yet. */
  readonly onResponse?: (response: Response) => void;
}

/** What an attempt's network half brings back. */
export interface Exchanged {
  readonly response: Response;
  /** The body's bytes as they arrived; `undefined` for 204 and 205. For an error status, at most {@link ERROR_BODY_BYTES}. */
  readonly bytes: Uint8Array[] | undefined;
  /** Removes every secret this attempt sent from what is built from the response. */
  readonly redactor: Redactor;
}

/** Header values the SDK sends: visible ASCII and spaces, nothing a fetch would refuse or quote back. */
const HEADER_VALUE = /^[\x20-\x7e]*$/;
/** An access token: visible ASCII, no spaces. */
const TOKEN_VALUE = /^[\x21-\x7e]+$/;

/**
 * Fetches the headers, sends the request and reads the body, all within one deadline. A redirect is
 * refused before its body is read; a body past `maxResponseBytes` stops being read. Every failure
 * comes out as an SDK error (or the caller's abort reason), with the secrets sent redacted.
 * A failure before the request left is marked "not sent" (see `wasNotSent`).
 */
export async function exchangeOnce(input: ExchangeInput): Promise<Exchanged> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), input.timeoutMs);
  const signal = input.signal ? anySignal([input.signal, deadline.signal]) : deadline.signal;
  const { method, path } = input.describe;
  let redactor = new Redactor(input.secrets ?? []);
  let sent = false;
  try {
    const headers = input.getHeaders ? await untilAborted(input.getHeaders(signal), signal) : undefined;
    if (headers) {
      redactor = new Redactor([...(input.secrets ?? []), ...Object.values(headers)]);
      checkHeaderValues(headers, input.label ?? '');
    }
    const response = await input.send(
      { ...input.request, headers },
      {
        signal,
        onRequest: () => {
          sent = true;
          input.onRequest?.();
        },
        onResponse: (arrived) => {
          throwIfRedirect(arrived, input);
          input.onResponse?.(arrived);
        },
      },
    );
    // Also here: a custom fetch may hand back a response without ky's hooks seeing a redirect.
    throwIfRedirect(response, input);
    const { chunks } = await readBytes(response, {
      limitBytes: response.ok ? input.maxResponseBytes : ERROR_BODY_BYTES,
      truncate: !response.ok,
      tooLarge: () =>
        new ResponseTooLargeError(
          `${input.label ?? ''}${method} ${path} returned a body larger than maxResponseBytes (${input.maxResponseBytes} bytes); reading stopped there.`,
          { method, path, maxResponseBytes: input.maxResponseBytes },
        ),
    });
    return { response, bytes: chunks, redactor };
  } catch (error) {
    const failure = translateFailure(error, { method, path, signal: input.signal, deadline: deadline.signal, timeoutMs: input.timeoutMs, redactor, label: input.label, sent });
    throw sent ? failure : markNotSent(failure);
  } finally {
    clearTimeout(timer);
    // Done with this attempt: the combined signal no longer follows the caller's.
    (signal as ReturnType<typeof anySignal>).unlink?.();
  }
}

/**
 * Waits for `value`, or rejects as soon as `signal` aborts: a token provider that never answers
 * (or ignores the signal) cannot hold a request, or its limiter slot, past the attempt's deadline.
 */
function untilAborted<T>(value: Promise<T> | T, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(value)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * A header value fetch would refuse (a line break) quotes the value back in its error, and one it
 * accepts but mangles (non-ASCII) is sent wrong: either way, nothing is sent and the value is not shown.
 * @throws {@link ConfigError} naming the header.
 */
function checkHeaderValues(headers: Readonly<Record<string, string>>, label: string): void {
  for (const [name, value] of Object.entries(headers)) {
    const valid = typeof value === 'string' && (name.toLowerCase() === 'x-auth-token' ? TOKEN_VALUE : HEADER_VALUE).test(value);
    if (valid) continue;
    const message = `expected visible ASCII characters${name.toLowerCase() === 'x-auth-token' ? ' and no spaces' : ''}; the value has others (a line break, a non-ASCII letter) and was not sent`;
    throw new ConfigError(`${label}the auth strategy's ${name} header is not a valid header value: ${message}.`, [{ path: name, message }]);
  }
}

/** @throws {@link RedirectError} for any 3xx, an opaque redirect, or a response a custom fetch reached by following one. */
function throwIfRedirect(response: Response, input: ExchangeInput): void {
  const opaque = response.type === 'opaqueredirect';
  const status3xx = response.status >= 300 && response.status < 400;
  if (!opaque && !status3xx && !response.redirected) return;
  void response.body?.cancel().catch(() => undefined);
  const target = status3xx ? originOf(response.headers.get('location'), response.url) : response.redirected ? originOf(response.url, undefined) : undefined;
  const { method, path } = input.describe;
  const where = target ? ` to ${target}` : '';
  throw new RedirectError(
    `${input.label ?? ''}${method} ${path} was redirected${where}${status3xx ? ` (${response.status})` : ''}. Redirects are not followed, so credentials never leave for another host; check apiBaseUrl and any proxy in between.`,
    { method, path, status: status3xx ? response.status : 0, targetOrigin: target },
  );
}

function originOf(location: string | null, base: string | undefined): string | undefined {
  if (!location) return undefined;
  try {
    const origin = new URL(location, base || undefined).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
