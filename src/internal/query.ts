import { ValidationError } from '../errors/validation-error';
import { isWellFormed, WELL_FORMED_RULE } from './well-formed';

/** A value for one query parameter; arrays become BigCommerce's comma lists (`id:in=1,2,3`). */
export type QueryValue = string | number | boolean | ReadonlyArray<string | number> | undefined | null;

/** Query parameters of one request; `undefined` and `null` values are left out. */
export type QueryParams = Readonly<Record<string, QueryValue>>;

/**
 * Serializes query parameters. Keys keep BigCommerce's `:` operators readable (`id:min`); every
 * value is percent-encoded, and in a list each item is encoded before the items are joined with
 * `,`, so an item can never split into two.
 * @see https://developer.bigcommerce.com/docs/start/about/common-query-params
 */
export function serializeQuery(params: QueryParams | undefined): string {
  if (!params) return '';
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const encodedKey = encode(key, key).replace(/%3A/gi, ':');
    const encodedValue = Array.isArray(value) ? value.map((item) => encode(String(item), key)).join(',') : encode(String(value), key);
    pairs.push(`${encodedKey}=${encodedValue}`);
  }
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

/**
 * `encodeURIComponent`, with its `URIError` for a lone surrogate (which no URL can carry) turned into
 * a {@link ValidationError} naming the parameter: the request is never sent.
 */
function encode(text: string, key: string): string {
  if (!isWellFormed(text)) {
    throw new ValidationError(`query parameter ${JSON.stringify(key)}: ${WELL_FORMED_RULE}. Nothing was sent.`, [{ path: key, message: WELL_FORMED_RULE }]);
  }
  return encodeURIComponent(text);
}
