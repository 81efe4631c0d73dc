import * as z from 'zod/mini';
import { BigCommerceError } from '../errors/bigcommerce-error';
import type { AuthStrategy } from '../internal/auth-strategy';
import { headerValueSchema, parseAuthOptions } from './parse-auth-options';

/** Options of {@link createOAuth2Auth}: the app's client id and either a token or a way to get one. */
export type OAuth2AuthOptions =
  | {
      /** The app's client id, sent as `X-Auth-Client`. */
      readonly clientId: string;
      /** The store's access token from the app install (`exchangeCode`). */
      readonly accessToken: string;
      /** Not allowed with `accessToken`. */
      readonly getAccessToken?: undefined;
    }
  | {
      /** The app's client id, sent as `X-Auth-Client`. */
      readonly clientId: string;
      /** Not allowed with `getAccessToken`. */
      readonly accessToken?: undefined;
      /**
       * Returns the store's current access token, e.g. from your token store. Called before every
       * request attempt: cache inside it if the lookup is slow.
       */
      readonly getAccessToken: (context: { storeHash: string; signal: AbortSignal | undefined }) => Promise<string> | string;
    };

const oauth2AuthOptionsSchema = z
  .strictObject({
    clientId: headerValueSchema,
    accessToken: z.optional(headerValueSchema),
    getAccessToken: z.optional(
      z.custom<(context: { storeHash: string; signal: AbortSignal | undefined }) => Promise<string> | string>(
        (value) => typeof value === 'function',
        'expected a function',
      ),
    ),
  })
  .check(
    z.superRefine((options, context) => {
      if ((options.accessToken === undefined) === (options.getAccessToken === undefined)) {
        context.addIssue({ code: 'custom', path: ['accessToken'], message: 'give exactly one of accessToken and getAccessToken' });
      }
    }),
  );

/**
 * Authenticates with the token an app received when a store installed it (see
 * {@link createOAuthApp}). Pass the token, or a function that reads it from your token store.
 *
 * @throws {@link ConfigError} when `clientId` is missing, not exactly one of `accessToken` and
 * `getAccessToken` is given, or a value has characters a header cannot carry (anything but visible
 * ASCII). A token from `getAccessToken` is checked before each request: one a header cannot carry
 * fails that request with a {@link ConfigError} naming the header, and is never sent or shown.
 * @example
 * ```ts
 * const auth = createOAuth2Auth({
 *   clientId: process.env.BC_APP_CLIENT_ID!,
 *   getAccessToken: ({ storeHash }) => tokens.get(storeHash),
 * });
 * ```
 * @see https://developer.bigcommerce.com/docs/integrations/apps/guide/auth
 */
export function createOAuth2Auth(options: OAuth2AuthOptions): AuthStrategy {
  const { clientId, accessToken, getAccessToken } = parseAuthOptions('createOAuth2Auth', oauth2AuthOptionsSchema, options);
  return {
    type: 'oauth2',
    async getRequestHeaders({ storeHash, signal }) {
      const token = accessToken ?? (await readToken(getAccessToken!, storeHash, signal));
      return { 'X-Auth-Token': token, 'X-Auth-Client': clientId };
    },
    toJSON: () => ({ type: 'oauth2', clientId }),
  };
}

async function readToken(
  getAccessToken: NonNullable<OAuth2AuthOptions['getAccessToken']>,
  storeHash: string,
  signal: AbortSignal | undefined,
): Promise<string> {
  let token: unknown;
  try {
    token = await getAccessToken({ storeHash, signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new BigCommerceError(`createOAuth2Auth: getAccessToken() failed for store ${storeHash}.`, { cause: error });
  }
  if (typeof token !== 'string' || token.trim() === '') {
    throw new BigCommerceError(`createOAuth2Auth: getAccessToken() returned no token for store ${storeHash}.`);
  }
  // Trimmed as a fixed token is (a token read from a file often ends with a line break); the HTTP
  // core refuses what is left if a header cannot carry it.
  return token.trim();
}
