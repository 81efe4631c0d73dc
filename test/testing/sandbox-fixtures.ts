import type { SandboxStore } from '../../src/testing/index';

/** Where a source sends requests by default; the sandbox answers whatever the host. */
export const API = 'https://api.bigcommerce.com/stores/sandbox1';

/** The headers of a request with the sandbox's default token. */
export const AUTH = { 'X-Auth-Token': 'sandbox-token', Accept: 'application/json' } as const;

/** An authenticated GET through the sandbox's fetch. */
export function get(sandbox: SandboxStore, path: string, init: RequestInit = {}): Promise<Response> {
  return sandbox.fetch(`${API}${path}`, { ...init, headers: { ...AUTH, ...init.headers } });
}

/** The response's headers as a plain object with lower-case names. */
export function headersOf(response: Response): Record<string, string> {
  return Object.fromEntries(response.headers);
}
