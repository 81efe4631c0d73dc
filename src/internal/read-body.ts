import { decodeBytes, parseJsonBytes } from './parse-json-bytes';

/** A body once parsed: the JSON when there is some, else the text (for error messages). */
export interface ParsedBody {
  /** Parsed JSON; `undefined` when the body is empty or not JSON. */
  readonly json: unknown;
  /** The decoded body when it is not JSON (an HTML error page, a cut-off page); `''` otherwise. */
  readonly text: string;
  /** True when the body was non-empty and not valid JSON. */
  readonly malformed: boolean;
}

/** A body's bytes, as {@link readBytes} read them. */
export interface BodyBytes {
  /** The chunks as they arrived; `undefined` for 204 and 205. */
  readonly chunks: Uint8Array[] | undefined;
  /** True when reading stopped at `limitBytes` and the rest was discarded (`truncate` mode). */
  readonly truncated: boolean;
}

/**
 * Reads a response's body as the bytes arrive, without decoding them: that happens in
 * {@link parseBody}, after the request's limiter slot is released. No chunks for 204 and 205,
 * whose bodies BigCommerce leaves empty (v2 lists answer 204 when there is nothing to list).
 *
 * Bytes are counted as they come out of the stream, after decompression (`Content-Length` says
 * nothing then). Past `limitBytes`, reading stops and the rest is cancelled: with `truncate`, what
 * was read is kept (an error body only needs its start); otherwise `tooLarge()` is thrown.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-shipments#get-order-shipments
 */
export async function readBytes(
  response: Response,
  limit: { readonly limitBytes: number; readonly truncate: boolean; readonly tooLarge: () => Error },
): Promise<BodyBytes> {
  if (response.status === 204 || response.status === 205) {
    await response.body?.cancel();
    return { chunks: undefined, truncated: false };
  }
  const chunks: Uint8Array[] = [];
  if (!response.body) return { chunks, truncated: false };
  const reader = response.body.getReader();
  let total = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    total += read.value.byteLength;
    if (total > limit.limitBytes) {
      void reader.cancel().catch(() => undefined);
      if (!limit.truncate) throw limit.tooLarge();
      chunks.push(read.value.subarray(0, read.value.byteLength - (total - limit.limitBytes)));
      return { chunks, truncated: true };
    }
    chunks.push(read.value);
  }
  return { chunks, truncated: false };
}

/**
 * Parses a body read by {@link readBytes}. Large v3 lists are parsed element by element
 * (see parse-json-bytes.ts). Invalid UTF-8, which BigCommerce should never send, is decoded
 * leniently (U+FFFD) and parsed again. An empty or blank body is never handed to `JSON.parse`.
 */
export function parseBody(chunks: readonly Uint8Array[] | undefined): ParsedBody {
  if (chunks === undefined || chunks.every((chunk) => chunk.length === 0)) return { json: undefined, text: '', malformed: false };
  try {
    return { json: parseJsonBytes(chunks), text: '', malformed: false };
  } catch (error) {
    // A SyntaxError: valid UTF-8 but not JSON. Anything else: invalid UTF-8, decoded leniently.
    const valid = error instanceof SyntaxError;
    const text = decodeBytes(chunks, new TextDecoder('utf-8', { fatal: valid }));
    // Whitespace only is an empty body, not a malformed one.
    if (text.trim() === '') return { json: undefined, text, malformed: false };
    if (valid) return { json: undefined, text, malformed: true };
    try {
      return { json: JSON.parse(text), text: '', malformed: false };
    } catch {
      return { json: undefined, text, malformed: true };
    }
  }
}

const malformedBodies = new WeakSet<object>();

/**
 * Marks an error as "the 2xx body was not JSON", which on a read is what a connection cut
 * mid-body looks like, so the retry policy may try again.
 */
export function markMalformed<E extends object>(error: E): E {
  malformedBodies.add(error);
  return error;
}

/** Whether {@link markMalformed} marked `error`. */
export function isMalformedBodyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && malformedBodies.has(error);
}
