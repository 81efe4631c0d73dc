import * as z from 'zod/mini';
import { reject } from '../../internal/zod-issues';
import { parseAuthOptions } from '../parse-auth-options';
import type { OAuthAppOptions } from './types';

/** The options of {@link createOAuthApp} after validation, with defaults applied. */
export interface ResolvedOAuthAppOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly loginBaseUrl: string;
  readonly fetch: typeof globalThis.fetch | undefined;
}

/** The login service every app uses in production. */
export const DEFAULT_LOGIN_BASE_URL = 'https://login.bigcommerce.com';

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;
const HTTPS_RULE = 'expected an https URL (http is allowed only for localhost, 127.0.0.1 or [::1])';

/**
 * Checks an absolute URL that carries credentials or codes: plain http would send them in clear
 * text, so it is allowed only on a loopback host (local development). Returns the URL, or what is
 * wrong with it.
 */
function readSecureUrl(value: string, example: string): URL | string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `expected an absolute URL such as ${example}`;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.test(url.hostname))) return HTTPS_RULE;
  if (url.username || url.password) return 'expected a URL without credentials';
  return url;
}

const nonEmpty = z.string().check(z.trim(), z.minLength(1, 'expected a non-empty string'));

const oauthAppOptionsSchema = z.strictObject({
  clientId: nonEmpty,
  clientSecret: nonEmpty,
  // Kept exactly as given (no normalising): BigCommerce compares redirect_uri with the registered
  // callback as a string, and `new URL()` would, for one, add a trailing slash to a bare origin.
  redirectUri: z.string().check(
    z.trim(),
    z.superRefine((value, context) => {
      const url = readSecureUrl(value, 'https://app.example.com/auth');
      if (typeof url === 'string') context.addIssue({ code: 'custom', message: url });
      // RFC 6749 §3.1.2: a redirection endpoint must not have a fragment.
      else if (url.hash) context.addIssue({ code: 'custom', message: 'expected a URL without a fragment' });
    }),
  ),
  loginBaseUrl: z.pipe(
    z._default(z.string().check(z.trim()), DEFAULT_LOGIN_BASE_URL),
    z.transform((value: string, context) => {
      const url = readSecureUrl(value, DEFAULT_LOGIN_BASE_URL);
      if (typeof url === 'string') return reject(context, url);
      if (url.search || url.hash) return reject(context, 'expected a URL without query or fragment');
      return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
    }),
  ),
  fetch: z.optional(z.custom<typeof globalThis.fetch>((value) => typeof value === 'function', 'expected a fetch function')),
});

/**
 * Validates {@link createOAuthApp}'s options. Messages name the option and the rule, never the
 * value, so a misplaced secret cannot end up in a log.
 * @throws {@link ConfigError} listing every problem at once.
 */
export function resolveOAuthAppOptions(options: OAuthAppOptions): ResolvedOAuthAppOptions {
  const { fetch, ...rest } = parseAuthOptions('createOAuthApp', oauthAppOptionsSchema, options);
  return { ...rest, fetch };
}
