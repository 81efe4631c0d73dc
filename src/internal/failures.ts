import { BigCommerceError } from '../errors/bigcommerce-error';
import { ConnectionError } from '../errors/connection-error';
import { TimeoutError } from '../errors/timeout-error';
import { describeCauseChain } from './describe-cause';
import type { Redactor } from './redact';

/**
 * Failures no retry can mend, told apart by what the runtime says (undici's wording, in the
 * `cause` of its `TypeError: fetch failed` or thrown while the request is built): a port fetch
 * refuses, a scheme it cannot fetch, a URL it cannot parse or that carries credentials, a header
 * value it cannot send. Anything else without a response (refused, reset or dropped connections,
 * DNS, TLS) may pass on the next attempt.
 */
const FINAL_CAUSES: readonly RegExp[] = [
  /^bad port$/,
  /^unknown scheme$/,
  /invalid URL|failed to parse URL/i,
  /includes credentials/,
  /invalid header (name|value)/i,
  /Cannot convert argument to a ByteString/,
];
const FINAL_CODES: ReadonlySet<string> = new Set(['ERR_INVALID_URL', 'ERR_INVALID_CHAR', 'ERR_INVALID_HTTP_TOKEN']);

const finalFailures = new WeakSet<object>();
const unsentFailures = new WeakSet<object>();

/** Whether `error` is a failure that can never succeed (see {@link FINAL_CAUSES}); never retried. */
export function isFinalFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && finalFailures.has(error);
}

/**
 * Marks `error` as the failure of an attempt whose request never left (the token could not be
 * fetched, the request could not be built): repeating it cannot duplicate a write.
 */
export function markNotSent<E>(error: E): E {
  if (typeof error === 'object' && error !== null) unsentFailures.add(error);
  return error;
}

/** Whether {@link markNotSent} marked `error`. */
export function wasNotSent(error: unknown): boolean {
  return typeof error === 'object' && error !== null && unsentFailures.has(error);
}

function hasFinalCause(error: unknown): boolean {
  for (let link: unknown = error, depth = 0; link instanceof Error && depth < 8; link = link.cause, depth += 1) {
    const code = (link as { code?: unknown }).code;
    if (typeof code === 'string' && FINAL_CODES.has(code)) return true;
    if (FINAL_CAUSES.some((pattern) => pattern.test(link instanceof Error ? link.message : ''))) return true;
  }
  return false;
}

/** What the HTTP core knows when an attempt fails without a usable response. */
export interface FailureContext {
  readonly method: string;
  readonly path: string;
  /** The caller's signal: its abort is rethrown as is. */
  readonly signal: AbortSignal | undefined;
  /** The attempt's deadline. */
  readonly deadline: AbortSignal;
  readonly timeoutMs: number;
  readonly redactor: Redactor;
  /** A prefix for messages, e.g. `exchangeCode: ` (the SDK prefix is added by the error). */
  readonly label?: string | undefined;
  /** Whether the request left (false while the auth strategy was still fetching headers). */
  readonly sent: boolean;
}

/**
 * The error an attempt's failure becomes: the SDK's own errors pass; the caller's abort rejects
 * with the signal's reason (as fetch does); the deadline is a {@link TimeoutError}; anything else
 * is a {@link ConnectionError} whose message and `cause` are the runtime's own error, redacted.
 */
export function translateFailure(error: unknown, context: FailureContext): unknown {
  if (error instanceof BigCommerceError) return error;
  if (context.signal?.aborted) return context.signal.reason;
  const { method, path, label = '' } = context;
  if (context.deadline.aborted) {
    const what = context.sent ? 'got no response' : 'was not sent: the auth strategy gave no headers';
    return new TimeoutError(`${label}${method} ${path} ${what} within ${context.timeoutMs} ms.`, { method, path, timeoutMs: context.timeoutMs });
  }
  const cause = context.redactor.error(error);
  const final = hasFinalCause(error);
  const reason = describeCauseChain(cause);
  const connection = new ConnectionError(
    `${label}${method} ${path} failed before a response arrived: ${reason}${final ? ' (not retried: this cannot succeed as configured)' : ''}`,
    { method, path, cause },
  );
  // A final failure is fetch refusing the request before it leaves (a bad port, a header value it
  // cannot send): nothing reached the store.
  if (final) {
    finalFailures.add(connection);
    unsentFailures.add(connection);
  }
  return connection;
}
