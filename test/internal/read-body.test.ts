import { describe, expect, it } from 'vitest';
import { parseBody, readBytes } from '../../src/internal/read-body';
import { cutAt, encode } from '../helpers/byte-chunks';

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

const LIMIT = { limitBytes: 1024 * 1024, truncate: false, tooLarge: () => new Error('too large') };

/** Reads the response's bytes and parses them, as the HTTP core does. */
async function readAndParse(response: Response) {
  return parseBody((await readBytes(response, LIMIT)).chunks);
}

describe('readBytes and parseBody', () => {
  it('decodes a multi-byte character split across chunks, at every possible cut', async () => {
    const text = '{"name":"Café ☕ 製品 😀"}';
    const bytes = encode(text);
    for (let cut = 1; cut < bytes.length; cut += 1) {
      expect(await readAndParse(chunkedResponse(cutAt(bytes, cut)))).toEqual({ json: JSON.parse(text), text: '', malformed: false });
    }
    expect((await readAndParse(chunkedResponse(cutAt(bytes, 12, 13, 14, 15)))).json).toEqual(JSON.parse(text));
  });

  it('replaces invalid UTF-8 with U+FFFD, in any chunk, instead of failing', async () => {
    const bytes = new Uint8Array([...encode('{"a":"x'), 0xff, ...encode('y","b":"é"}')]);
    expect((await readAndParse(chunkedResponse(cutAt(bytes, 3, 9)))).json).toEqual({ a: 'x\uFFFDy', b: 'é' });
    const page = new Uint8Array([...encode('{"data":[{"a":"x'), 0xff, ...encode('"}],"meta":{}}')]);
    expect((await readAndParse(chunkedResponse(cutAt(page, 5, 16)))).json).toEqual({ data: [{ a: 'x\uFFFD' }], meta: {} });
  });

  it('keeps the text of a body that is not JSON, with a multi-byte sequence cut off at the end replaced', async () => {
    const bytes = encode('"caf\u00e9"').slice(0, -2); // the closing quote and half of é are gone
    expect(await readAndParse(chunkedResponse([bytes]))).toEqual({ json: undefined, text: '"caf\uFFFD', malformed: true });
    expect(await readAndParse(chunkedResponse([encode('<html>502 Bad '), encode('Gateway</html>')]))).toEqual({
      json: undefined,
      text: '<html>502 Bad Gateway</html>',
      malformed: true,
    });
  });

  it('parses a JSON null as null, not as an empty body', async () => {
    expect(await readAndParse(chunkedResponse([encode('nu'), encode('ll')]))).toEqual({ json: null, text: '', malformed: false });
  });

  it('marks a page cut off mid-array as malformed', async () => {
    expect(await readAndParse(chunkedResponse([encode('{"data":[{"id":1},')]))).toMatchObject({ json: undefined, malformed: true });
  });

  it('is empty, never malformed, for 204, 205, no body, an empty body and a blank one', async () => {
    const empty = { json: undefined, text: '', malformed: false };
    expect(await readBytes(new Response(null, { status: 204 }), LIMIT)).toEqual({ chunks: undefined, truncated: false });
    expect(await readAndParse(new Response(null, { status: 204 }))).toEqual(empty);
    expect(await readAndParse(new Response(null, { status: 205 }))).toEqual(empty);
    expect(await readAndParse(new Response(null, { status: 200 }))).toEqual(empty);
    expect(await readAndParse(chunkedResponse([new Uint8Array(0)]))).toEqual(empty);
    expect(await readAndParse(chunkedResponse([encode(' \n')]))).toMatchObject({ json: undefined, malformed: false });
  });

  it('stops reading past the limit: throws, or keeps the start of the body when truncating', async () => {
    const chunks = [encode('a'.repeat(600)), encode('b'.repeat(600)), encode('c'.repeat(600))];
    const tooLarge = new Error('too large');
    await expect(readBytes(chunkedResponse(chunks), { limitBytes: 1000, truncate: false, tooLarge: () => tooLarge })).rejects.toBe(tooLarge);
    const kept = await readBytes(chunkedResponse(chunks), { limitBytes: 1000, truncate: true, tooLarge: () => tooLarge });
    expect(kept.truncated).toBe(true);
    expect(new TextDecoder().decode(Buffer.concat(kept.chunks!))).toBe(`${'a'.repeat(600)}${'b'.repeat(400)}`);
  });
});
