// JWS segments are base64url without padding (RFC 7515 §2). `atob` is used rather than Node's buffer module
// so this runs on Workers, Vercel Edge, Deno and Bun as well as Node.
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes one unpadded base64url segment to bytes, or returns `undefined` when the text is not
 * base64url (wrong alphabet, padding, or a length no encoding can produce).
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-2
 */
export function decodeBase64Url(segment: string): Uint8Array | undefined {
  // A length of 4n+1 leaves 6 bits over, which no byte sequence encodes to.
  if (!BASE64URL.test(segment) || segment.length % 4 === 1) return undefined;
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
