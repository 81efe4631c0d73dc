/**
 * ISO 3166-1 alpha-2 codes that `Intl.DisplayNames` names but that are not countries an address
 * can be in: regions (`EU`, `UN`, `QO`…) and the "unknown region" code `ZZ`.
 */
const NOT_COUNTRIES: ReadonlySet<string> = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ']);

let displayNames: Intl.DisplayNames | undefined;

/**
 * The English name of a country by its ISO 3166-1 alpha-2 code (`US` → `United States`), or
 * `undefined` when the code names no country: how purchase-order validation tells a country code
 * from any two letters. `Intl.DisplayNames` knows every code, so no table ships with the SDK. The
 * name is never sent: orders get `country_iso2` alone (see `toOrderAddress`).
 */
export function countryName(code: string): string | undefined {
  const upper = code.toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper) || NOT_COUNTRIES.has(upper)) return undefined;
  displayNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  try {
    return displayNames.of(upper);
  } catch {
    return undefined;
  }
}
