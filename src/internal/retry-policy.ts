import { ApiError } from '../errors/api-error';
import { ConnectionError } from '../errors/connection-error';
import { RateLimitError } from '../errors/rate-limit-error';
import { TimeoutError } from '../errors/timeout-error';
import { isFinalFailure, wasNotSent } from './failures';
import { isMalformedBodyError } from './read-body';

/**
 * Statuses worth another attempt. 500 is here because BigCommerce sometimes answers 500 where it
 * means "rate limited"; 501 and 505 are not, since repeating cannot help.
 * @see https://developer.bigcommerce.com/docs/start/about/status-codes
 */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Why `error` deserves another attempt, or `undefined` when it does not: network errors,
 * timeouts, 408, 429, 5xx and 2xx bodies that are not JSON. Never a failure that cannot succeed
 * (a bad port, an invalid URL or header value: see `failures.ts`), a redirect, a body too large,
 * or a configuration error.
 *
 * @param repeatable whether sending the request twice is harmless: GETs, and writes the caller
 * marked safe. Otherwise only a 429 is retried, because BigCommerce did nothing with a request it
 * rate-limited, while a timeout or a 5xx may come after it created an order; and a timeout or
 * connection failure of an attempt whose request never left (the token did not come in time).
 */
export function retryReason(error: unknown, repeatable: boolean): string | undefined {
  if (error instanceof RateLimitError) return 'status 429';
  if (isFinalFailure(error)) return undefined;
  const unsent = wasNotSent(error) && (error instanceof TimeoutError || error instanceof ConnectionError);
  if (!repeatable && !unsent) return undefined;
  if (error instanceof ApiError) return RETRYABLE_STATUSES.has(error.status) ? `status ${error.status}` : undefined;
  if (error instanceof TimeoutError) return 'timeout';
  if (error instanceof ConnectionError) return 'connection';
  // A 2xx whose JSON is cut off is a connection that dropped mid-body; asking again usually works.
  if (isMalformedBodyError(error)) return 'malformed body';
  return undefined;
}

/**
 * How long a 429 asks everyone to wait, in milliseconds: what the store said
 * ({@link RateLimitError.resetMs}, already clamped as the headers were read); `undefined` for any
 * other error, and for a 429 without rate-limit headers (platform load: the backoff applies).
 */
export function rateLimitWaitMs(error: unknown): number | undefined {
  return error instanceof RateLimitError ? error.resetMs : undefined;
}
