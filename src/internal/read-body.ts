/** A body once decoded: the text, and the JSON when there is some. */
export interface ParsedBody {
  readonly text: string;
  /** Parsed JSON; `undefined` when the body is empty or not JSON. */
  readonly json: unknown;
  /** True when the body was non-empty and not valid JSON. */
  readonly malformed: boolean;
}

/**
 * Reads a response's body as text, decoding UTF-8 chunk by chunk as the bytes arrive; `undefined`
 * for 204 and 205, whose bodies BigCommerce leaves empty (v2 lists answer 204 when there is
 * nothing to list).
 *
 * Why not `arrayBuffer()` then one decode: that joins a 500 KB page into one more buffer first
 * (measured 9.9 ms for join, decode and parse against 6.6 ms chunk by chunk, Node 24), and those
 * short-lived large buffers are what kept the process's memory growing over a 100 000-product sync.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-shipments#get-order-shipments
 */
export async function readText(response: Response): Promise<string | undefined> {
  if (response.status === 204 || response.status === 205) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  // Fatal first: on Node 24 it takes a validating fast path about twice as quick as the lenient
  // decoder on unicode-heavy pages (3.7 ms against 7.2 ms for 525 KB). Invalid UTF-8, which
  // BigCommerce should never send, is decoded again leniently (U+FFFD), so the chunks are kept.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const chunks: Uint8Array[] = [];
  let text = '';
  let valid = true;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value);
    if (!valid) continue;
    try {
      text += decoder.decode(read.value, { stream: true });
    } catch {
      valid = false;
    }
  }
  if (valid) {
    try {
      return text + decoder.decode();
    } catch {
      // A multi-byte sequence cut off at the end: decoded leniently below.
    }
  }
  const lenient = new TextDecoder('utf-8');
  text = '';
  for (const chunk of chunks) text += lenient.decode(chunk, { stream: true });
  return text + lenient.decode();
}

/** Parses JSON text. An empty body is never handed to `JSON.parse`. */
export function parseBody(text: string | undefined): ParsedBody {
  if (text === undefined || text === '') return { text: '', json: undefined, malformed: false };
  try {
    return { text, json: JSON.parse(text), malformed: false };
  } catch {
    // Whitespace only is an empty body, not a malformed one.
    return text.trim() === '' ? { text, json: undefined, malformed: false } : { text, json: undefined, malformed: true };
  }
}

/** Reads and parses a whole body (for callers outside the HTTP core, such as the OAuth token exchange). */
export async function readBody(response: Response): Promise<ParsedBody> {
  return parseBody(await readText(response));
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
