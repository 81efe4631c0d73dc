import { describe, expect, it } from 'vitest';
import { parseBody, readText } from '../../src/internal/read-body';

const encode = (text: string) => new TextEncoder().encode(text);

/** A response whose body arrives in exactly these chunks, as a socket may deliver them. */
function chunkedResponse(chunks: Uint8Array[], status = 200): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(body, { status });
}

/** `bytes` cut at every given offset. */
function cutAt(bytes: Uint8Array, ...offsets: number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const offset of [...offsets, bytes.length]) {
    chunks.push(bytes.slice(start, offset));
    start = offset;
  }
  return chunks;
}

describe('readText', () => {
  it('decodes a multi-byte character split across chunks, at every possible cut', async () => {
    const text = '{"name":"Café ☕ 製品 😀"}';
    const bytes = encode(text);
    for (let cut = 1; cut < bytes.length; cut += 1) {
      expect(await readText(chunkedResponse(cutAt(bytes, cut)))).toBe(text);
    }
    expect(await readText(chunkedResponse(cutAt(bytes, 12, 13, 14, 15)))).toBe(text);
  });

  it('replaces invalid UTF-8 with U+FFFD, in any chunk, instead of failing', async () => {
    const bytes = new Uint8Array([...encode('{"a":"x'), 0xff, ...encode('y","b":"é"}')]);
    expect(await readText(chunkedResponse(cutAt(bytes, 3, 9)))).toBe('{"a":"x\uFFFDy","b":"é"}');
  });

  it('replaces a multi-byte sequence cut off at the end of the body', async () => {
    const bytes = encode('"caf\u00e9"').slice(0, -2); // the closing quote and half of é are gone
    expect(await readText(chunkedResponse([bytes]))).toBe('"caf\uFFFD');
  });

  it('is undefined for 204 and 205, and empty for a 200 without a body', async () => {
    expect(await readText(new Response(null, { status: 204 }))).toBeUndefined();
    expect(await readText(new Response(null, { status: 205 }))).toBeUndefined();
    expect(await readText(new Response(null, { status: 200 }))).toBe('');
  });
});

describe('parseBody', () => {
  it('parses JSON, and never hands an empty or blank body to JSON.parse as malformed', () => {
    expect(parseBody('{"a":1}')).toEqual({ text: '{"a":1}', json: { a: 1 }, malformed: false });
    expect(parseBody(undefined)).toEqual({ text: '', json: undefined, malformed: false });
    expect(parseBody('')).toEqual({ text: '', json: undefined, malformed: false });
    expect(parseBody(' \n')).toMatchObject({ json: undefined, malformed: false });
  });

  it('marks text that is not JSON, such as a body cut off mid-page, as malformed', () => {
    expect(parseBody('{"data":[{"id":1},')).toMatchObject({ json: undefined, malformed: true });
    expect(parseBody('<html>502 Bad Gateway</html>')).toMatchObject({ malformed: true, text: '<html>502 Bad Gateway</html>' });
  });
});
