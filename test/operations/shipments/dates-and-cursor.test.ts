import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/index';
import { isoSeconds, parseRfc2822 } from '../../../src/internal/rfc2822';
import { decodeShipmentCursor, encodeShipmentCursor } from '../../../src/operations/shipments/cursor';

describe('RFC 2822 dates of the v2 API', () => {
  it.each([
    ['Tue, 05 Mar 2019 21:40:11 +0000', '2019-03-05T21:40:11Z'],
    ['Tue, 5 Mar 2019 21:40:11 +0000', '2019-03-05T21:40:11Z'],
    ['Wed, 31 Dec 2025 23:30:00 -0500', '2026-01-01T04:30:00Z'],
    ['Mon, 01 Jun 2026 08:00:00 +0530', '2026-06-01T02:30:00Z'],
    ['05 Mar 2019 21:40 GMT', '2019-03-05T21:40:00Z'],
  ])('%s is %s', (input, iso) => {
    expect(isoSeconds(parseRfc2822(input)!)).toBe(iso);
  });

  it.each(['', '2019-03-05T21:40:11Z', 'Tue, 05 Foo 2019 21:40:11 +0000', 'yesterday'])('rejects %j', (input) => {
    expect(parseRfc2822(input)).toBeUndefined();
  });
});

describe('shipment cursors', () => {
  it('round-trips and stays URL-safe', () => {
    const cursor = { v: 1 as const, kind: 'shipments' as const, since: '2026-11-26T10:00:00Z', statusIds: [2, 3, 10], seen: [5, 9] };
    const text = encodeShipmentCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeShipmentCursor(text)).toEqual(cursor);
  });

  it('keeps the last id read in a crowded second, and reads cursors made before it existed', () => {
    const inside = { v: 1 as const, kind: 'shipments' as const, since: '2026-11-26T10:00:00Z', statusIds: 'all' as const, seen: [5], afterId: 1042 };
    expect(decodeShipmentCursor(encodeShipmentCursor(inside))).toEqual(inside);
    // A cursor of an earlier release: no afterId.
    const earlier = Buffer.from('{"v":1,"kind":"shipments","since":"2026-11-26T10:00:00Z","statusIds":[2,3,10],"seen":[5,9]}').toString('base64url');
    expect(decodeShipmentCursor(earlier)).toEqual({ v: 1, kind: 'shipments', since: '2026-11-26T10:00:00Z', statusIds: [2, 3, 10], seen: [5, 9] });
  });

  it.each([
    'garbage',
    'e30',
    encodeShipmentCursor({ v: 1, kind: 'shipments', since: 'not a date', statusIds: 'all', seen: [] } as never),
    encodeShipmentCursor({ v: 1, kind: 'shipments', since: '2026-11-26T10:00:00Z', statusIds: 'all', seen: [], afterId: -1 }),
    encodeShipmentCursor({ v: 1, kind: 'shipments', since: '2026-11-26T10:00:00Z', statusIds: 'all', seen: [], afterId: 1.5 }),
  ])(
    'rejects %j as a ValidationError naming cursor',
    (text) => {
      expect(() => decodeShipmentCursor(text)).toThrow(ValidationError);
      expect(() => decodeShipmentCursor(text)).toThrow(/cursor: expected a cursor from a page/);
    },
  );
});
