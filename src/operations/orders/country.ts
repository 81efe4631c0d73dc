/**
 * ISO 3166-1 alpha-2 codes that `Intl.DisplayNames` names but that are not countries an address
 * can be in: regions (`EU`, `UN`, `QO`…) and the "unknown region" code `ZZ`.
 */
const NOT_COUNTRIES: ReadonlySet<string> = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ']);

let displayNames: Intl.DisplayNames | undefined;

/**
 * The English name of a country by its ISO 3166-1 alpha-2 code (`US` → `United States`), or
 * `undefined` when the code names no country. v2 order addresses want the name beside the code;
 * `Intl.DisplayNames` knows every name, so no table ships with the SDK.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders#create-an-order
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
