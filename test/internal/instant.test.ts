import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/internal/iso-datetime';

const iso = (value: unknown) => {
  const epochMs = parseInstant(value);
  return epochMs === undefined ? 'refused' : new Date(epochMs).toISOString();
};

describe('parseInstant: checkpoints mean one instant on every host', () => {
  it('reads a date alone as midnight UTC, and a date-time with Z or an offset', () => {
    expect(iso('2026-11-26')).toBe('2026-11-26T00:00:00.000Z');
    expect(iso('2026-11-26T10:00:00Z')).toBe('2026-11-26T10:00:00.000Z');
    expect(iso('2026-11-26T10:00Z')).toBe('2026-11-26T10:00:00.000Z');
    expect(iso('2026-11-26T10:00:00.250+02:00')).toBe('2026-11-26T08:00:00.250Z');
    expect(iso('2026-11-26 10:00:00-0500')).toBe('2026-11-26T15:00:00.000Z');
    expect(iso('2024-02-29T00:00:00Z')).toBe('2024-02-29T00:00:00.000Z');
    expect(iso(new Date(Date.UTC(2026, 0, 1)))).toBe('2026-01-01T00:00:00.000Z');
  });

  it('refuses impossible dates instead of rolling them over, and date-times without an offset', () => {
    for (const value of ['2026-02-31T12:00:00Z', '2023-02-29', '2026-13-01', '2026-11-26T24:00:00Z', '2026-11-26T10:00:00', '2026-11-26T10:00', 'yesterday', '', 1_700_000_000_000, new Date('nope')]) {
      expect(iso(value), String(value)).toBe('refused');
    }
  });
});
