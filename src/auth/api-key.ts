import * as z from 'zod/mini';
import type { AuthStrategy } from '../internal/auth-strategy';
import { headerValueSchema, parseAuthOptions } from './parse-auth-options';

/** Options of {@link createApiKeyAuth}. */
export interface ApiKeyAuthOptions {
  /** The API account's client id. Sent as `X-Auth-Client`; BigCommerce no longer requires it. */
  readonly clientId?: string | undefined;
  /** The API account's access token, sent as `X-Auth-Token`. */
  readonly accessToken: string;
}

const apiKeyAuthOptionsSchema = z.strictObject({
  clientId: z.optional(headerValueSchema),
  accessToken: headerValueSchema,
});

/**
 * Authenticates with a store-level API account (Settings › Store-level API accounts in the control
 * panel): a static access token that does not expire.
 *
 * @throws {@link ConfigError} when `accessToken` is missing or empty, or either value has characters
 * a header cannot carry (anything but visible ASCII: a line break, a space inside, a non-ASCII
 * letter). Surrounding whitespace is trimmed; the value is never quoted in the error.
 * @example
 * ```ts
 * const auth = createApiKeyAuth({ clientId: process.env.BC_CLIENT_ID, accessToken: process.env.BC_TOKEN! });
 * ```
 * @see https://developer.bigcommerce.com/docs/start/authentication/api-accounts
 */
export function createApiKeyAuth(options: ApiKeyAuthOptions): AuthStrategy {
  const { clientId, accessToken } = parseAuthOptions('createApiKeyAuth', apiKeyAuthOptionsSchema, options);
  const headers: Record<string, string> = { 'X-Auth-Token': accessToken };
  if (clientId) headers['X-Auth-Client'] = clientId;
  return {
    type: 'api-key',
    getRequestHeaders: () => headers,
    toJSON: () => ({ type: 'api-key', clientId }),
  };
}
