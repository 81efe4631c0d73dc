import * as z from 'zod';
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
 * text, so it is allowed only on a loopback host (local development).
 */
function readSecureUrl(value: string, context: z.core.$RefinementCtx<string>, example: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    context.addIssue({ code: 'custom', message: `expected an absolute URL such as ${example}` });
    return undefined;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.test(url.hostname))) {
    context.addIssue({ code: 'custom', message: HTTPS_RULE });
    return undefined;
  }
  if (url.username || url.password) {
    context.addIssue({ code: 'custom', message: 'expected a URL without credentials' });
    return undefined;
  }
  return url;
}

const nonEmpty = z.string().trim().min(1, 'expected a non-empty string');

const oauthAppOptionsSchema = z.strictObject({
  clientId: nonEmpty,
  clientSecret: nonEmpty,
  // Kept exactly as given (no normalising): BigCommerce compares redirect_uri with the registered
  // callback as a string, and `new URL()` would, for one, add a trailing slash to a bare origin.
  redirectUri: z
    .string()
    .trim()
    .superRefine((value, context) => {
      const url = readSecureUrl(value, context, 'https://app.example.com/auth');
      // RFC 6749 §3.1.2: a redirection endpoint must not have a fragment.
      if (url?.hash) context.addIssue({ code: 'custom', message: 'expected a URL without a fragment' });
    }),
  loginBaseUrl: z
    .string()
    .trim()
    .default(DEFAULT_LOGIN_BASE_URL)
    .transform((value, context) => {
      const url = readSecureUrl(value, context, DEFAULT_LOGIN_BASE_URL);
      if (!url) return z.NEVER;
      if (url.search || url.hash) {
        context.addIssue({ code: 'custom', message: 'expected a URL without query or fragment' });
        return z.NEVER;
      }
      return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
    }),
  fetch: z
    .custom<typeof globalThis.fetch>((value) => typeof value === 'function', 'expected a fetch function')
    .optional(),
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
