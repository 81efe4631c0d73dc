import type { Connection } from './credentials';

/** What one probe request found. */
export type ProbeResult = { readonly status: number } | { readonly failure: string };

/**
 * Sends one request straight to the store, with the source's own auth headers, and reads only its
 * status. The SDK has no public generic request; `verify` needs a handful of cheap ones.
 */
export async function probe(connection: Connection, method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<ProbeResult> {
  const signals = [AbortSignal.timeout(connection.timeoutMs), ...(signal ? [signal] : [])];
  try {
    const headers = await connection.auth.getRequestHeaders({ storeHash: connection.storeHash, signal: undefined });
    const url = `${connection.apiBaseUrl.replace(/\/+$/, '')}/stores/${encodeURIComponent(connection.storeHash)}${path}`;
    const response = await connection.fetch(url, {
      method,
      headers: { ...headers, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.any(signals),
    });
    await response.body?.cancel();
    return { status: response.status };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    return { failure: name === 'TimeoutError' ? `no answer within ${connection.timeoutMs} ms` : `request failed (${name})` };
  }
}
