import type { HttpClient } from '../internal/http-client';

/**
 * The HTTP core behind each source, for the package's own tools that need a request the public API
 * does not offer (the CLI's `verify` probes), sent through the source's limiter, retries and auth.
 * Deliberately not exported from the package entry: the public surface stays the operations.
 */
const httpClients = new WeakMap<object, HttpClient>();

/** Records `http` as the HTTP core of `source`. */
export function attachHttpClient(source: object, http: HttpClient): void {
  httpClients.set(source, http);
}

/** The HTTP core of a source made by this copy of the package. */
export function httpClientOf(source: object): HttpClient {
  const http = httpClients.get(source);
  if (!http) throw new TypeError('[bigcommerce-source] Not a BigCommerceSource made by this copy of the package.');
  return http;
}
