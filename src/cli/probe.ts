import { ApiError, ConnectionError, TimeoutError } from '../index';
import { httpClientOf } from '../source/http-client-of';
import type { Connection } from './credentials';

/** What one probe request found. */
export type ProbeResult = { readonly status: number } | { readonly failure: string };

/**
 * Sends one request through the source's own HTTP core (its limiter, retries, timeout and auth)
 * and keeps only the status: `verify` reads a 403 as a missing scope and a refused empty write as
 * a granted one. The SDK has no public generic request; this is the CLI's internal use of it.
 */
export async function probe(connection: Connection, method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<ProbeResult> {
  try {
    const response = await httpClientOf(connection.source).request({ method, path, ...(body === undefined ? {} : { body }) }, signal ? { signal } : {});
    return { status: response.status };
  } catch (error) {
    if (signal?.aborted) throw error;
    if (error instanceof ApiError) return { status: error.status };
    if (error instanceof TimeoutError) return { failure: `no answer within ${error.timeoutMs} ms` };
    if (error instanceof ConnectionError) return { failure: 'request failed (ConnectionError)' };
    return { failure: `request failed (${error instanceof Error ? error.name : 'Error'})` };
  }
}
