/** A body once decoded: the text, and the JSON when there is some. */
export interface ParsedBody {
  readonly text: string;
  /** Parsed JSON; `undefined` when the body is empty or not JSON. */
  readonly json: unknown;
  /** True when the body was non-empty and not valid JSON. */
  readonly malformed: boolean;
}

/**
 * Reads a response's bytes; `undefined` for 204 and 205, whose bodies BigCommerce leaves empty
 * (v2 lists answer 204 when there is nothing to list).
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-shipments#get-order-shipments
 */
export async function readBytes(response: Response): Promise<Uint8Array | undefined> {
  if (response.status === 204 || response.status === 205) {
    await response.body?.cancel();
    return undefined;
  }
  return new Uint8Array(await response.arrayBuffer());
}

// A fatal decoder first: on Node 24 it takes a validating fast path about twice as quick as the
// lenient one on large unicode-heavy pages (measured 3.7 ms against 7.2 ms for 525 KB). Invalid
// UTF-8, which BigCommerce should never send, falls back to the lenient decoder's U+FFFD.
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return lenientDecoder.decode(bytes);
  }
}

/** Decodes UTF-8 and parses JSON. An empty body is never handed to `JSON.parse`. */
export function parseBody(bytes: Uint8Array | undefined): ParsedBody {
  const text = bytes === undefined ? '' : decodeUtf8(bytes);
  if (text.trim() === '') return { text, json: undefined, malformed: false };
  try {
    return { text, json: JSON.parse(text), malformed: false };
  } catch {
    return { text, json: undefined, malformed: true };
  }
}

/** Reads and parses a whole body (for callers outside the HTTP core, such as the OAuth token exchange). */
export async function readBody(response: Response): Promise<ParsedBody> {
  return parseBody(await readBytes(response));
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
