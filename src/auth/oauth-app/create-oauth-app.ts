import { exchangeCode } from './exchange-code';
import { resolveOAuthAppOptions } from './options';
import type { OAuthApp, OAuthAppOptions } from './types';
import { hmacKeyProvider, verifySignedPayload } from './verify-signed-payload';

/**
 * The app side of BigCommerce's OAuth flow for a single-click app: the install button URL, the
 * code exchange in the auth callback, and verification of the load, uninstall and remove-user
 * callbacks. The client secret stays inside the returned object's closures: it is not a property,
 * so `JSON.stringify(app)`, a logger or a debugger listing the object never shows it.
 *
 * @throws {@link ConfigError} listing every invalid option at once (names and rules, never values).
 * @example
 * ```ts
 * const app = createOAuthApp({
 *   clientId: env.BC_CLIENT_ID,
 *   clientSecret: env.BC_CLIENT_SECRET,
 *   redirectUri: 'https://app.example.com/auth',
 * });
 * const installation = await app.exchangeCode(new URL(request.url)); // the auth callback's URL
 * await tokens.put(installation.storeHash, installation.accessToken);
 * ```
 * @see https://developer.bigcommerce.com/docs/integrations/apps/guide/auth
 */
export function createOAuthApp(options: OAuthAppOptions): OAuthApp {
  const resolved = resolveOAuthAppOptions(options);
  const { clientId, redirectUri, loginBaseUrl } = resolved;
  const signingKey = hmacKeyProvider(resolved.clientSecret);
  return Object.freeze({
    clientId,
    redirectUri,
    loginBaseUrl,
    // The client id is percent-encoded so that no value can change the URL's path.
    installUrl: () => `${loginBaseUrl}/app/${encodeURIComponent(clientId)}/install`,
    exchangeCode: (input, callOptions) => exchangeCode(resolved, input, callOptions),
    verifySignedPayload: (jwt) => verifySignedPayload({ clientId, signingKey }, jwt),
    toJSON: () => ({ clientId, redirectUri, loginBaseUrl }),
  } satisfies OAuthApp);
}
