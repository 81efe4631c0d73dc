import { ApiError, ConnectionError, TimeoutError } from '../index';
import type { Connection } from './credentials';

/** What one probe request found. */
export type ProbeResult = { readonly status: number } | { readonly failure: string };

/**
 * Sends one request with `source.request` (the source's limiter, retries, timeout and auth) and
 * keeps only the status: `verify` reads a 403 as a missing scope and a refused empty write as a
 * granted one.
 */
export async function probe(
  connection: Connection,
  { method, path, query, body }: { method: 'GET' | 'POST'; path: string; query?: Readonly<Record<string, string>> | undefined; body?: unknown },
  signal?: AbortSignal,
): Promise<ProbeResult> {
  try {
    const response = await connection.source.request({ method, path, query, body }, { signal });
    return { status: response.status };
  } catch (error) {
    if (signal?.aborted) throw error;
    if (error instanceof ApiError) return { status: error.status };
    if (error instanceof TimeoutError) return { failure: `no answer within ${error.timeoutMs} ms` };
    if (error instanceof ConnectionError) return { failure: 'request failed (ConnectionError)' };
    return { failure: `request failed (${error instanceof Error ? error.name : 'Error'})` };
  }
}
