import * as z from 'zod/mini';

// The pattern z.iso.datetime() checks, spelt out here: `z.iso` is a namespace that bundlers keep
// whole (its date, time and duration formats with their patterns), which the size budget cannot afford.
const DATE =
  '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))';
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?';
const OFFSET = '[+-](?:[01]\\d|2[0-3]):[0-5]\\d';

/**
 * What `z.iso.datetime()` accepts: an ISO 8601 date-time with seconds, any fraction, and `Z`; with
 * `offset`, as `z.iso.datetime({ offset: true })`, an offset such as `+02:00` instead of `Z` too.
 */
export function isoDateTimePattern(offset = false): RegExp {
  return new RegExp(`^${DATE}T${TIME}(?:Z${offset ? `|${OFFSET}` : ''})$`);
}

/** The same check as `z.iso.datetime()`, with the same issues (`invalid_format`, format `datetime`). */
export function isoDateTime(offset = false) {
  return z.stringFormat('datetime', isoDateTimePattern(offset));
}

/** A checkpoint as callers write it: a date (midnight UTC) or a date-time with `Z` or an offset. */
const INSTANT = new RegExp(`^(${DATE})(?:[Tt ]((?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?)(Z|z|[+-](?:[01]\\d|2[0-3]):?[0-5]\\d))?$`);

/** What {@link parseInstant} accepts, for messages. */
export const INSTANT_RULE =
  'expected a Date, a date such as 2026-11-26 (midnight UTC) or a date-time with Z or an offset such as 2026-11-26T10:00:00Z';

/**
 * The epoch milliseconds of a checkpoint (`modifiedSince`, `since`), or `undefined` when it is not
 * one. A date alone is midnight UTC; a date-time must say its offset (`Z`, `+02:00`): without one
 * it would be read in the host's time zone, and the same code would mean different instants on
 * different servers. Impossible dates (`2026-02-31`) are refused rather than rolled over.
 */
export function parseInstant(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value !== 'string') return undefined;
  const match = INSTANT.exec(value.trim());
  if (!match) return undefined;
  const [, date, time, offset] = match;
  if (time === undefined) return Date.parse(`${date}T00:00:00Z`);
  const zone = offset === 'Z' || offset === 'z' ? 'Z' : offset!.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const epochMs = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}${zone}`);
  return Number.isNaN(epochMs) ? undefined : epochMs;
}
