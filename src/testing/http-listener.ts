import type { IncomingMessage, ServerResponse } from 'node:http';
import { DROPPED, type Dispatch } from './dispatch-outcome';
import { heldBodyOf, joinBytes } from './responses/bytes-response';

/** Options of {@link SandboxStore.listen}. */
export interface ListenOptions {
  /**
   * The loopback address to listen on.
   * @default '127.0.0.1'
   */
  readonly host?: string | undefined;
  /**
   * The TCP port; 0 picks a free one.
   * @default 0
   */
  readonly port?: number | undefined;
}

/** A sandbox store served over HTTP, as returned by {@link SandboxStore.listen}. */
export interface SandboxListener {
  /** The server's origin, e.g. `http://127.0.0.1:49152`; use it as the source's `apiBaseUrl`. */
  readonly url: string;
  /** Stops the server, cutting open connections (hung requests included). */
  close(): Promise<void>;
}

// Hop-by-hop and framing headers belong to this connection, not to the request the store sees.
const SKIPPED_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/**
 * Serves `dispatch` over real HTTP. `node:http` is imported here, on first use, so that importing
 * `bigcommerce-source/testing` still works on edge runtimes, which have no `node:http`.
 */
export async function listenOverHttp(dispatch: Dispatch, options: ListenOptions = {}): Promise<SandboxListener> {
  // A specifier in a variable: bundlers leave it alone (an edge bundle must not try to include
  // node:http), and tsup keeps the `node:` prefix that Deno and Bun need.
  const specifier = 'node:http';
  const { createServer } = (await import(/* @vite-ignore */ specifier)) as typeof import('node:http');
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const server = createServer((incoming, outgoing) => {
    void serve(dispatch, incoming, outgoing, origin);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function serve(dispatch: Dispatch, incoming: IncomingMessage, outgoing: ServerResponse, origin: string): Promise<void> {
  // The client hanging up aborts the request, which ends latency waits and hung requests.
  const controller = new AbortController();
  outgoing.on('close', () => {
    if (!outgoing.writableFinished) controller.abort(new Error('The client closed the connection.'));
  });
  try {
    const request = await toRequest(incoming, origin, controller.signal);
    // The controller's own signal: the Request's copy of it may be cut loose by a GC (see sandbox.fetch).
    const outcome = await dispatch(request, controller.signal);
    if (outcome === DROPPED) {
      incoming.socket.destroy();
      return;
    }
    const headers: string[] = [];
    outcome.headers.forEach((value, name) => headers.push(name, value));
    const held = heldBodyOf(outcome);
    if (held) {
      // The page's cached arrays, written as they are (one writev), never joined.
      let length = 0;
      for (const part of held) length += part.byteLength;
      outgoing.writeHead(outcome.status, outcome.statusText || undefined, [...headers, 'Content-Length', String(length)]);
      outgoing.cork();
      for (const part of held) outgoing.write(part);
      outgoing.end();
      return;
    }
    const body = new Uint8Array(await outcome.arrayBuffer());
    outgoing.writeHead(outcome.status, outcome.statusText || undefined, headers);
    outgoing.end(body);
  } catch {
    // Aborted by the client, or the connection is gone: there is no one left to answer.
    if (!outgoing.headersSent && !outgoing.destroyed) {
      outgoing.writeHead(500).end();
    }
  }
}

async function toRequest(incoming: IncomingMessage, origin: string, signal: AbortSignal): Promise<Request> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Uint8Array);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined || SKIPPED_HEADERS.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = incoming.method ?? 'GET';
  const size = chunks.reduce((total, chunk) => total + chunk.byteLength, 0);
  const body = method === 'GET' || method === 'HEAD' || size === 0 ? undefined : joinBytes(chunks);
  return new Request(new URL(incoming.url ?? '/', origin), { method, headers, body, signal });
}
