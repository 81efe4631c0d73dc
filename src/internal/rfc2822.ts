const MONTHS: Readonly<Record<string, number>> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};
const RFC_2822 = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|GMT|UTC?|Z)$/;

/**
 * Parses the RFC 2822 dates of BigCommerce's v2 API (`Tue, 05 Mar 2019 21:40:11 +0000`) to epoch
 * milliseconds, without relying on `Date.parse`, whose handling of this format is left to each
 * runtime. Returns `undefined` for anything else.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders
 */
export function parseRfc2822(text: string): number | undefined {
  const match = RFC_2822.exec(text.trim());
  if (!match) return undefined;
  const [, day, monthName, year, hours, minutes, seconds = '0', zone] = match;
  const month = MONTHS[monthName!.toLowerCase()];
  if (month === undefined) return undefined;
  const utcMs = Date.UTC(Number(year), month, Number(day), Number(hours), Number(minutes), Number(seconds));
  if (zone === undefined || !/^[+-]/.test(zone)) return utcMs;
  const sign = zone.startsWith('-') ? -1 : 1;
  const offsetMinutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5));
  return utcMs - sign * offsetMinutes * 60_000;
}

/** Epoch milliseconds as ISO 8601 with `Z` and no milliseconds, e.g. `2019-03-05T21:40:11Z`. */
export function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
