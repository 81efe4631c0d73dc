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
