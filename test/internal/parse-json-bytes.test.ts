import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseJsonBytes } from '../../src/internal/parse-json-bytes';
import { cutAt, encode } from '../helpers/byte-chunks';

/** What JSON.parse says of the text: its value, or the class of error it throws. */
function jsonParseOutcome(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: (error as Error).constructor.name };
  }
}

function parseOutcome(chunks: Uint8Array[]): { value: unknown } | { error: string } {
  try {
    return { value: parseJsonBytes(chunks) };
  } catch (error) {
    return { error: (error as Error).constructor.name };
  }
}

/** Elements that test the scanner: brackets, commas, quotes and backslashes inside strings, nesting, unicode. */
const trickyElements = [
  { id: 1, name: 'Plain', variants: [{ id: 10, option_values: [{ label: 'Red' }] }] },
  { id: 2, name: 'Brackets ] } [ { and, commas,', sku: '},{"id":3}' },
  { id: 3, name: 'Quote " and backslash \\ and \\" together \\\\', path: 'C:\\\\dir\\\\' },
  { id: 4, name: 'Café ☕ 製品 😀 Ñandú', nested: [[[], {}], [1, [2, [3]]]] },
  { id: 5, name: '', empty: {}, list: [], n: null, t: true, f: false, num: -1.5e3 },
  'a string element',
  42,
  null,
  [1, 2, [3]],
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('parseJsonBytes', () => {
  it('gives what JSON.parse gives for a v3 list, cut into chunks at every byte', () => {
    const text = JSON.stringify({ data: trickyElements, meta: { pagination: { total: 9, links: { next: '?page=2' } } } });
    const bytes = encode(text);
    const expected = JSON.parse(text);
    for (let cut = 1; cut < bytes.length; cut += 1) {
      expect(parseJsonBytes(cutAt(bytes, cut))).toEqual(expected);
    }
    // Every byte its own chunk.
    expect(parseJsonBytes(cutAt(bytes, ...Array.from({ length: bytes.length - 1 }, (_, index) => index + 1)))).toEqual(expected);
  });

  it('parses a large page in pieces, never as one string, and keeps every element in order', () => {
    const products = Array.from({ length: 600 }, (_, index) => ({
      id: index + 1,
      name: index % 7 === 0 ? `Ñandú ☕ ${index}` : `Product ${index}, with "quotes" and [brackets]`,
      variants: Array.from({ length: 3 }, (__, variant) => ({ id: index * 10 + variant, option_values: [{ label: 'Größe' }] })),
    }));
    const text = JSON.stringify({ data: products, meta: { pagination: { total: 600 } } });
    const bytes = encode(text);
    expect(bytes.length).toBeGreaterThan(100_000);
    const parse = vi.spyOn(JSON, 'parse');
    const parsed = parseJsonBytes(cutAt(bytes, 65_536, 131_072)) as { data: unknown[] };
    const longest = Math.max(...parse.mock.calls.map(([input]) => input.length));
    parse.mockRestore();
    expect(parsed).toEqual(JSON.parse(text));
    // Pieces of about 32 KB (plus one element), not the ~100 KB page.
    expect(longest).toBeLessThan(40_000);
  });

  it('parses bodies of any other shape whole, as JSON.parse does', () => {
    for (const text of ['[{"id":1},{"id":2}]', '{"meta":{},"data":[1,2]}', '{ "data": [1, 2] }', '"text"', '12', '{"data":{"id":1}}', '{"data":[]}', '{"data":[ ]}']) {
      expect(parseJsonBytes([encode(text)])).toEqual(JSON.parse(text));
    }
    // The envelope's opening split across the first chunks.
    expect(parseJsonBytes(cutAt(encode('{"data":[1,2],"meta":{}}'), 3, 5))).toEqual({ data: [1, 2], meta: {} });
  });

  it('lets a second "data" key win, as JSON.parse does, however it is spelled', () => {
    for (const text of ['{"data":[1,2],"data":[3]}', '{"data":[1,2],"meta":{},"\\u0064ata":[]}', '{"data":[1,2],"data":{"x":1}}']) {
      expect(parseJsonBytes([encode(text)])).toEqual(JSON.parse(text));
    }
  });

  it('throws where JSON.parse throws: cut-off pages, trailing or doubled commas, stray brackets', () => {
    const malformed = [
      '{"data":[{"id":1},',
      '{"data":[{"id":1},]}',
      '{"data":[,{"id":1}]}',
      '{"data":[{"id":1},,{"id":2}]}',
      '{"data":[{"id":1}}',
      '{"data":[{"id":1}]',
      '{"data":[{"id":1}]}}',
      '{"data":[{"id":"unterminated}]}',
      '{"data":[{"id":1}] "meta":{}}',
    ];
    for (const text of malformed) {
      expect(parseOutcome([encode(text)]), text).toEqual(jsonParseOutcome(text));
      expect(parseOutcome([encode(text)])).toEqual({ error: 'SyntaxError' });
    }
  });

  it('throws where JSON.parse throws when a piece next to a cut holds no element, or U+FEFF follows the bracket', () => {
    const big = `"${'x'.repeat(40_000)}"`;
    const spaces = ' '.repeat(40_000);
    const malformed = [
      `{"data":[${big},]}`,
      `{"data":[${spaces},1]}`,
      `{"data":[${big},${spaces},2]}`,
      `{"data":[${big},${big},]}`,
      '{"data":[\uFEFF1]}',
      '{"data":[\uFEFF]}',
    ];
    for (const text of malformed) {
      expect(jsonParseOutcome(text)).toEqual({ error: 'SyntaxError' });
      const bytes = encode(text);
      expect(parseOutcome([bytes]), text.slice(0, 30)).toEqual({ error: 'SyntaxError' });
      expect(parseOutcome(cutAt(bytes, 9, 9, 40_005))).toEqual({ error: 'SyntaxError' });
    }
    // The same shapes, valid: elements on both sides of every cut.
    const valid = `{"data":[${big},${spaces}3,${big}]}`;
    expect(parseJsonBytes(cutAt(encode(valid), 20_000, 50_000))).toEqual(JSON.parse(valid));
  });

  it('throws a TypeError on invalid UTF-8, in the envelope or in an element, so the caller can decode leniently', () => {
    const inElement = new Uint8Array([...encode('{"data":[{"a":"x'), 0xff, ...encode('"}]}')]);
    const inMeta = new Uint8Array([...encode('{"data":[1],"meta":"'), 0xc3, ...encode('"}')]);
    const cutOff = encode('{"data":["é"]}').slice(0, -4);
    expect(() => parseJsonBytes(cutAt(inElement, 10))).toThrow(TypeError);
    expect(() => parseJsonBytes([inMeta])).toThrow(TypeError);
    expect(() => parseJsonBytes([cutOff])).toThrow(TypeError);
  });

  it('agrees with JSON.parse on random v3 lists cut at random places', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pieces = ['a', ',', '"', '\\', ']', '[', '{', '}', 'é', '☕', '😀', ' ', ':'];
    const randomString = () => Array.from({ length: Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    const randomValue = (depth: number): unknown => {
      const kind = Math.floor(random() * (depth > 3 ? 4 : 6));
      if (kind === 0) return randomString();
      if (kind === 1) return Math.round(random() * 1000) / 10;
      if (kind === 2) return random() < 0.5 ? null : random() < 0.5;
      if (kind === 3) return randomString().length;
      if (kind === 4) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [randomString(), randomValue(depth + 1)]));
    };
    for (let round = 0; round < 200; round += 1) {
      const text = JSON.stringify({ data: Array.from({ length: Math.floor(random() * 8) }, () => randomValue(0)), meta: { total: round } });
      const bytes = encode(text);
      const cuts = Array.from({ length: 3 }, () => 1 + Math.floor(random() * (bytes.length - 1))).sort((a, b) => a - b);
      expect(parseJsonBytes(cutAt(bytes, ...cuts))).toEqual(JSON.parse(text));
    }
  });
});
