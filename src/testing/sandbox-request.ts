/** One request as the sandbox store received it, in its request log. */
export interface SandboxRequest {
  /** Upper-case HTTP method. */
  readonly method: string;
  /**
   * The path below `/stores/{hash}`, still percent-encoded, e.g. `/v2/orders/7/shipments`. A path
   * that is not below `/stores/{hash}` is logged whole.
   */
  readonly path: string;
  /** The store hash in the URL, or `undefined` when the path has none. */
  readonly storeHash: string | undefined;
  /** The query string's parameters. */
  readonly query: URLSearchParams;
  /** The request headers, with lower-case names (`x-auth-token`, `accept`, …). */
  readonly headers: Readonly<Record<string, string>>;
  /** The body parsed as JSON; its text when it is not JSON; `undefined` when there is none. */
  readonly body: unknown;
  /** The full URL requested. */
  readonly url: string;
  /** When the request arrived, from `Date.now()` (so fake timers apply). */
  readonly receivedAtMs: number;
}

const STORE_PATH = /\/stores\/([^/]+)(\/.*)?$/;

/** Splits a URL path into the store hash and the path below the store. */
export function splitStorePath(pathname: string): { storeHash: string | undefined; path: string } {
  const match = STORE_PATH.exec(pathname);
  if (!match) return { storeHash: undefined, path: pathname };
  return { storeHash: decodeURIComponent(match[1] ?? ''), path: match[2] ?? '/' };
}

/** Reads a request into a log entry. Consumes the request's body. */
export async function readSandboxRequest(request: Request): Promise<SandboxRequest> {
  const url = new URL(request.url);
  const { storeHash, path } = splitStorePath(url.pathname);
  const text = request.body === null ? '' : await request.text();
  return {
    method: request.method.toUpperCase(),
    path,
    storeHash,
    query: url.searchParams,
    headers: Object.fromEntries(request.headers),
    body: parseBody(text),
    url: request.url,
    receivedAtMs: Date.now(),
  };
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
