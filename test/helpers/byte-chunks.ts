/** UTF-8 bytes of `text`. */
export const encode = (text: string) => new TextEncoder().encode(text);

/** `bytes` cut at every given offset, as a socket may deliver them. */
export function cutAt(bytes: Uint8Array, ...offsets: number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const offset of [...offsets, bytes.length]) {
    chunks.push(bytes.slice(start, offset));
    start = offset;
  }
  return chunks;
}
