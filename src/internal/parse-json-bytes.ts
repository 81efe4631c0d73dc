/**
 * JSON from a body's UTF-8 bytes, as `JSON.parse` of the decoded text would give it, without ever
 * making the whole page one string.
 *
 * Why: a 250-product catalog page is about 580 KB. As one string it is a "large object" to V8 (over
 * 128 KB), which gets freshly mapped memory every time: about 150 page faults for a one-byte string,
 * twice that for the two-byte string any non-ASCII character makes. Measured on Node 24, turning such
 * a page into one string cost 4 to 9 ms and `JSON.parse` of it 2 to 3 ms. Cut into elements of its
 * `data` array, decoded and parsed in pieces of about 32 KB, the same page takes about 3.5 ms
 * (benchmark in docs/performance.md).
 *
 * The fast path takes bodies that start exactly with `{"data":[`, BigCommerce's v3 list envelope;
 * everything else, and anything odd on the way (invalid UTF-8, malformed JSON, a second `"data"`
 * key), is decoded and parsed whole, so the result and the errors are always `JSON.parse`'s.
 * @see https://developer.bigcommerce.com/docs/start/about
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** `{"data":[` */
const DATA_PREFIX = [OPEN_BRACE, QUOTE, 0x64, 0x61, 0x74, 0x61, QUOTE, 0x3a, OPEN_BRACKET];

/** Bytes of elements parsed at once: under V8's large-object size even as a two-byte string. */
const PIECE_BYTES = 32 * 1024;

/**
 * Parses JSON split into byte chunks. Throws like `JSON.parse` (a `SyntaxError`) on malformed JSON,
 * and a `TypeError` on invalid UTF-8 (the caller decides how lenient to be).
 */
export function parseJsonBytes(chunks: readonly Uint8Array[]): unknown {
  if (startsWithDataArray(chunks)) {
    try {
      const parsed = parseDataEnvelope(chunks);
      if (parsed !== FALL_BACK) return parsed;
    } catch {
      // Malformed or not UTF-8: the whole parse below throws the error JSON.parse would.
    }
  }
  return JSON.parse(decodeBytes(chunks, new TextDecoder('utf-8', { fatal: true })));
}

/** Decodes every chunk with one decoder, so characters cut between chunks come out whole. */
export function decodeBytes(chunks: readonly Uint8Array[], decoder: TextDecoder): string {
  let text = '';
  for (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

const FALL_BACK = Symbol('fall back to a whole parse');

function startsWithDataArray(chunks: readonly Uint8Array[]): boolean {
  const first = chunks[0];
  if (!first || first.length < DATA_PREFIX.length) return false;
  for (let index = 0; index < DATA_PREFIX.length; index += 1) if (first[index] !== DATA_PREFIX[index]) return false;
  return true;
}

function parseDataEnvelope(chunks: readonly Uint8Array[]): unknown {
  // ignoreBOM: decoding starts after `{"data":[`, where U+FEFF is a character (which JSON.parse
  // rejects there), not a byte-order mark to drop.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const scanner = new ElementScanner();
  const elements: unknown[] = [];
  let piece = '';
  let pieceBytes = 0;
  let cut = false;
  let rest: string | undefined;
  /** Parses the elements between two cuts; a cut consumed a comma, so there must be one or more. */
  const addPiece = (text: string, atComma: boolean): boolean => {
    const parsed = JSON.parse(`[${text}]`) as unknown[];
    if (parsed.length === 0 && (cut || atComma)) return false;
    for (const element of parsed) elements.push(element);
    return true;
  };

  for (let chunkIndex = 0; chunkIndex < chunks.length; chunkIndex += 1) {
    const bytes = chunks[chunkIndex]!;
    if (rest !== undefined) {
      rest += decoder.decode(bytes, { stream: true });
      continue;
    }
    let start = chunkIndex === 0 ? DATA_PREFIX.length : 0;
    for (let at = scanner.next(bytes, start); ; at = scanner.next(bytes, at + 1)) {
      if (at === -1) {
        piece += decoder.decode(bytes.subarray(start), { stream: true });
        pieceBytes += bytes.length - start;
        break;
      }
      if (bytes[at] === COMMA) {
        // A comma between two elements: cut here once the piece is big enough.
        if (pieceBytes + at - start < PIECE_BYTES) continue;
        // `[1,]` and `[ ,1]` are not JSON: a piece next to a cut must hold an element.
        if (!addPiece(piece + decoder.decode(bytes.subarray(start, at), { stream: true }), true)) return FALL_BACK;
        cut = true;
        piece = '';
        pieceBytes = 0;
        start = at + 1;
        continue;
      }
      // The bracket that closes the array (or a stray brace, which the envelope parse rejects).
      if (!addPiece(piece + decoder.decode(bytes.subarray(start, at), { stream: true }), false)) return FALL_BACK;
      rest = decoder.decode(bytes.subarray(at), { stream: true });
      break;
    }
  }
  if (rest === undefined) return FALL_BACK; // the array never closed: cut off, so JSON.parse says so
  rest += decoder.decode();
  // A second "data" key (also spelled with escapes) would win in JSON.parse: leave it to the whole parse.
  if (rest.includes('"data"') || rest.includes('\\')) return FALL_BACK;
  const envelope = JSON.parse(`{"data":[${rest}`) as { data: unknown };
  envelope.data = elements;
  return envelope;
}

/**
 * Finds the commas between the elements of the `data` array, and its closing bracket, across
 * chunks: it tracks nesting and strings, so commas inside elements and brackets inside strings do
 * not count. UTF-8 multi-byte sequences never contain ASCII bytes, so bytes can be scanned as is.
 */
class ElementScanner {
  /** Nesting, counting the envelope's brace and the array's bracket: elements' commas are at 2. */
  #depth = 2;
  #inString = false;
  #escaped = false;

  /** The index of the next such comma or bracket at or after `from`, or -1 at the chunk's end. */
  next(bytes: Uint8Array, from: number): number {
    let depth = this.#depth;
    let inString = this.#inString;
    let escaped = this.#escaped;
    let found = -1;
    for (let index = from; index < bytes.length; index += 1) {
      const byte = bytes[index]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) inString = false;
      } else if (byte === QUOTE) {
        inString = true;
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        depth += 1;
      } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        depth -= 1;
        if (depth < 2) {
          found = index;
          break;
        }
      } else if (byte === COMMA && depth === 2) {
        found = index;
        break;
      }
    }
    this.#depth = depth;
    this.#inString = inString;
    this.#escaped = escaped;
    return found;
  }
}
