/** Options of {@link createOAuthApp}: the app's credentials from the BigCommerce Developer Portal. */
export interface OAuthAppOptions {
  /** The app's client id (Developer Portal › My Apps › View Client ID). */
  readonly clientId: string;
  /**
   * The app's client secret. It signs the code exchange and the `signed_payload_jwt` of the load,
   * uninstall and remove-user callbacks. Kept inside the app object: never logged, never in an
   * error, never in `JSON.stringify(app)`.
   */
  readonly clientSecret: string;
  /**
   * The auth callback URL registered for the app, exactly as registered: BigCommerce rejects the
   * code exchange when `redirect_uri` differs. Must be https, except on localhost, 127.x.x.x or [::1].
   * @example 'https://app.example.com/auth'
   * @see https://developer.bigcommerce.com/docs/integrations/apps/guide/auth
   */
  readonly redirectUri: string;
  /**
   * Where BigCommerce's login service lives. Change it only to point at a test double. Must be
   * https, except on localhost, 127.x.x.x or [::1]; a trailing slash is removed.
   * @default 'https://login.bigcommerce.com'
   */
  readonly loginBaseUrl?: string | undefined;
  /**
   * The `fetch` to call the token endpoint with. Without it, `globalThis.fetch` is looked up on
   * every call (never captured at import), so interceptors and polyfills installed later apply.
   */
  readonly fetch?: typeof globalThis.fetch | undefined;
}

/** Per-call options of {@link OAuthApp.exchangeCode}. */
export interface ExchangeCodeOptions {
  /** Aborts the exchange; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /**
   * How long to wait for the whole response, in milliseconds.
   * @default 30000
   */
  readonly timeoutMs?: number | undefined;
}

/**
 * What BigCommerce sent to the app's auth callback (`GET /auth?code=…&scope=…&context=…`), plus
 * per-call options. {@link OAuthApp.exchangeCode} also takes the callback's URL or query as is.
 */
export interface ExchangeCodeInput {
  /** The `code` query parameter. Single-use and short-lived: exchange it at once, and only once. */
  readonly code: string;
  /** The `scope` query parameter: the granted scopes, separated by spaces. */
  readonly scope: string;
  /** The `context` query parameter, `stores/{store hash}`. */
  readonly context: string;
  /** Aborts the exchange; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /**
   * How long to wait for the whole response, in milliseconds.
   * @default 30000
   */
  readonly timeoutMs?: number | undefined;
}

/**
 * The result of a code exchange: a store's access token and who installed the app. Store it by
 * `storeHash`, not by user: every user of the store shares the token.
 * @see https://developer.bigcommerce.com/docs/integrations/apps/guide/requirements
 */
export interface OAuthInstallation {
  /**
   * The store's access token, sent as `X-Auth-Token` (see {@link createOAuth2Auth}). It does not
   * expire, but stops working when the app is uninstalled, its scopes change, or the store owner's
   * email changes. Treat it as a secret.
   */
  readonly accessToken: string;
  /** The scopes granted, separated by spaces, e.g. `'store_v2_orders store_v2_products_read_only'`. */
  readonly scope: string;
  /** The store the app was installed on, read from `context` (`stores/{hash}`). */
  readonly storeHash: string;
  /** The control-panel user who installed the app. */
  readonly user: {
    /** BigCommerce's numeric user id. */
    readonly id: number;
    /** The user's name, when BigCommerce sent one. */
    readonly username: string | undefined;
    /** The user's email address. */
    readonly email: string;
  };
  /** The store owner. */
  readonly owner: {
    /** BigCommerce's numeric user id. */
    readonly id: number;
    /** The owner's name, when BigCommerce sent one. */
    readonly username: string | undefined;
    /** The owner's email address. */
    readonly email: string;
  };
  /** The merchant account's UUID (`account_uuid`), when BigCommerce sent one. */
  readonly accountUuid: string | undefined;
}

/**
 * The verified claims of a `signed_payload_jwt` sent to the load, uninstall and remove-user
 * callbacks. Times are NumericDates: seconds since the Unix epoch.
 * @see https://developer.bigcommerce.com/docs/integrations/apps/guide/callbacks
 */
export interface SignedPayloadClaims {
  /** Audience: the app's client id. */
  readonly aud: string;
  /** Issuer: always `'bc'`. */
  readonly iss: 'bc';
  /** Issued at, in seconds since the epoch. */
  readonly iat: number;
  /** Not valid before, in seconds since the epoch (equal to `iat`). */
  readonly nbf: number;
  /** Expiry, in seconds since the epoch (24 hours after `nbf`). */
  readonly exp: number;
  /** The token's unique id. Remember used ids until `exp` to refuse a replayed callback. */
  readonly jti: string;
  /** Subject: `stores/{store hash}`. */
  readonly sub: string;
  /** The store hash read from `sub`. */
  readonly storeHash: string;
  /** The control-panel user who opened, uninstalled or was removed from the app. */
  readonly user: {
    /** BigCommerce's numeric user id. */
    readonly id: number;
    /** The user's email address. */
    readonly email: string;
    /** The user's control-panel locale, e.g. `'en-US'`, when sent. */
    readonly locale?: string;
  };
  /** The store owner. */
  readonly owner: {
    /** BigCommerce's numeric user id. */
    readonly id: number;
    /** The owner's email address. */
    readonly email: string;
  };
  /** A deep-link path inside the app to open, when sent (load callback). */
  readonly url?: string;
  /** The storefront channel the app was opened for (`channel_id`), when sent. */
  readonly channelId?: number;
}

/**
 * The app side of BigCommerce's OAuth flow, made by {@link createOAuthApp}. `JSON.stringify(app)`
 * shows `{ clientId, redirectUri, loginBaseUrl }`: the client secret is never exposed.
 */
export interface OAuthApp {
  /** The app's client id. */
  readonly clientId: string;
  /** The registered auth callback URL sent as `redirect_uri`. */
  readonly redirectUri: string;
  /** The login service's base URL, without a trailing slash. */
  readonly loginBaseUrl: string;
  /**
   * The URL of an external install button: `https://login.bigcommerce.com/app/{clientId}/install`.
   * @see https://developer.bigcommerce.com/docs/integrations/apps/guide/buttons
   */
  installUrl(): string;
  /**
   * Exchanges the code from the auth callback for the store's access token. Sent once, never
   * retried: a code is single-use, so a repeat would fail anyway.
   *
   * @throws {@link ValidationError} when `code`, `scope` or `context` is missing or malformed; no request is sent.
   * @throws {@link ApiError} (or {@link AuthenticationError} for 401, etc.) when BigCommerce refuses the exchange.
   * @throws {@link TimeoutError} when no full response arrives within `timeoutMs`.
   * @throws {@link ConnectionError} when the request fails before a response arrives.
   * @throws {@link ResponseValidationError} when the response is not JSON or lacks a field the SDK reads.
   * @throws the signal's `reason` when `signal` aborts.
   * Takes the callback's URL (a `URL`, or a string such as `request.url`) or its `URLSearchParams`
   * as they come: `code`, `scope` and `context` are read from it and every other parameter
   * (`account_uuid`, `external_install`, …) is ignored. Or an object with the three values.
   *
   * @example
   * ```ts
   * // GET /auth?code=…&scope=…&context=stores/abc123&account_uuid=…
   * const installation = await app.exchangeCode(new URL(request.url));
   * await saveToken(installation.storeHash, installation.accessToken);
   * ```
   */
  exchangeCode(input: ExchangeCodeInput | URL | URLSearchParams | string, options?: ExchangeCodeOptions): Promise<OAuthInstallation>;
  /**
   * Verifies the `signed_payload_jwt` query parameter of a load, uninstall or remove-user callback
   * and returns its claims: HS256 signed with the client secret, `aud` equal to the client id,
   * `iss` equal to `'bc'`, `sub` of the form `stores/{hash}`, and within `nbf`…`exp` allowing 120
   * seconds of clock skew.
   *
   * @throws {@link SignedPayloadError} naming the failed check in `check`.
   * @example
   * ```ts
   * // GET /load?signed_payload_jwt=…
   * const jwt = new URL(request.url).searchParams.get('signed_payload_jwt') ?? '';
   * const claims = await app.verifySignedPayload(jwt); // throws SignedPayloadError when forged or expired
   * console.log(claims.storeHash, claims.user.email);
   * ```
   */
  verifySignedPayload(jwt: string): Promise<SignedPayloadClaims>;
  /** What `JSON.stringify(app)` shows: never the client secret. */
  toJSON(): OAuthAppSummary;
}

/** What `JSON.stringify(app)` shows of an {@link OAuthApp}: never the client secret. */
export interface OAuthAppSummary {
  /** The app's client id. */
  readonly clientId: string;
  /** The registered auth callback URL. */
  readonly redirectUri: string;
  /** The login service's origin. */
  readonly loginBaseUrl: string;
}
