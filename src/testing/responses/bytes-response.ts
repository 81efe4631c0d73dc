/**
 * Responses whose body is a list of byte arrays the sandbox already holds (a catalog page: the
 * cached JSON of each product between the page's head and tail), and a way for the HTTP listener
 * to write those arrays straight to the socket.
 *
 * Why: joining a 500 KB page, `new Response(bytes)` and reading it back through `arrayBuffer()`
 * each copy the page. At 40 pages a second those fresh buffers, counted by V8 as external memory,
 * made the sandbox run full garbage collections of its whole catalog (12 ms of CPU a request at
 * 100 000 products), on the same cores as the client the benchmark measures.
 */
const heldBodies = new WeakMap<Response, readonly Uint8Array[]>();

/** A response whose body is `parts` in order, joined only when the body itself is read (in-process `fetch` callers). */
export function bytesResponse(parts: readonly Uint8Array[], init: ResponseInit): Response {
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        controller.enqueue(joinBytes(parts));
        controller.close();
      },
    },
    // Zero: a stream pulls once as soon as it is made otherwise, joining bytes no one reads.
    { highWaterMark: 0 },
  );
  const response = new Response(body, init);
  heldBodies.set(response, parts);
  return response;
}

/** The byte arrays behind a {@link bytesResponse}, or `undefined` for any other response. */
export function heldBodyOf(response: Response): readonly Uint8Array[] | undefined {
  return heldBodies.get(response);
}

/** `parts` copied into one array, in order. */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let size = 0;
  for (const part of parts) size += part.byteLength;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}
