/**
 * Responses whose body is one byte array the sandbox already holds (a catalog page), and a way for
 * the HTTP listener to write that array straight to the socket.
 *
 * Why: `new Response(bytes)` copies the bytes, and reading a body back through `arrayBuffer()`
 * copies them again. At 500 KB a page and 40 pages a second, those copies were the sandbox's
 * biggest cost in the benchmark, on the same cores as the client it measures.
 */
const heldBodies = new WeakMap<Response, Uint8Array<ArrayBuffer>>();

/** A response with `bytes` as its body, copied only when the body itself is read (in-process `fetch` callers). */
export function bytesResponse(bytes: Uint8Array<ArrayBuffer>, init: ResponseInit): Response {
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        controller.enqueue(bytes.slice());
        controller.close();
      },
    },
    // Zero: a stream pulls once as soon as it is made otherwise, copying bytes no one reads.
    { highWaterMark: 0 },
  );
  const response = new Response(body, init);
  heldBodies.set(response, bytes);
  return response;
}

/** The bytes behind a {@link bytesResponse}, or `undefined` for any other response. */
export function heldBodyOf(response: Response): Uint8Array<ArrayBuffer> | undefined {
  return heldBodies.get(response);
}
