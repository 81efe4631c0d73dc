import { ConfigError } from '../errors/config-error';

const HASH = /^[a-z0-9]{1,64}$/;
const STORE_HOST = /^store-([a-z0-9]{1,64})\.mybigcommerce\.com$/;
const API_PATH = /^\/stores\/([a-z0-9]{1,64})(?:\/|$)/;

/** The forms {@link parseStoreHash} accepts, for error messages. */
export const ACCEPTED_STORE_HASH_FORMS =
  "a store hash ('abc123'), 'stores/abc123', a store URL ('https://store-abc123.mybigcommerce.com/manage') " +
  "or an API path ('https://api.bigcommerce.com/stores/abc123/v3/')";

/**
 * Why `input` is not a store hash, or the hash. Shared by {@link parseStoreHash} and the source's
 * option validation, which reports it beside the other option problems.
 */
export function readStoreHash(input: unknown): { hash: string } | { problem: string } {
  if (typeof input !== 'string') return { problem: `expected ${ACCEPTED_STORE_HASH_FORMS}` };
  const text = input.trim();
  if (text === '') return { problem: `expected ${ACCEPTED_STORE_HASH_FORMS}, got an empty string` };
  const hash = extractHash(text);
  return hash === undefined ? { problem: `expected ${ACCEPTED_STORE_HASH_FORMS}` } : { hash };
}

function extractHash(text: string): string | undefined {
  const lower = text.toLowerCase();
  if (HASH.test(lower)) return lower;
  const storesPath = /^\/?stores\/([a-z0-9]{1,64})\/?$/.exec(lower);
  if (storesPath) return storesPath[1];

  // Store and API URLs. A missing scheme is allowed for hosts ('store-abc123.mybigcommerce.com/…').
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(lower) ? lower : `https://${lower}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password || url.port) return undefined;
  const storeHost = STORE_HOST.exec(url.hostname);
  if (storeHost) return storeHost[1];
  if (url.hostname === 'api.bigcommerce.com') return API_PATH.exec(url.pathname)?.[1];
  return undefined;
}

/**
 * Reads the store hash out of anything a merchant may paste: the hash itself, `stores/{hash}`, a
 * storefront or control-panel URL (`https://store-{hash}.mybigcommerce.com/…`) or a store-level API
 * account's API path (`https://api.bigcommerce.com/stores/{hash}/v3/`). Surrounding whitespace is
 * ignored and the hash is lower-cased; the result is always 1 to 64 letters and digits, so it can
 * never add a path segment or a query to a request.
 *
 * Custom storefront domains cannot be read: they do not contain the hash.
 *
 * @throws {@link ConfigError} for anything else, listing the accepted forms.
 * @example
 * ```ts
 * parseStoreHash('https://api.bigcommerce.com/stores/abc123/v3/'); // 'abc123'
 * ```
 * @see https://developer.bigcommerce.com/docs/start/authentication/api-accounts
 */
export function parseStoreHash(input: string): string {
  const result = readStoreHash(input);
  if ('hash' in result) return result.hash;
  throw new ConfigError(`storeHash: ${result.problem}.`, [{ path: 'storeHash', message: result.problem }]);
}
