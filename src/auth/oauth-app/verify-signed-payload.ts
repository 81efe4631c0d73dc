import * as z from 'zod/mini';
import { SignedPayloadError, type SignedPayloadCheck } from '../../errors/signed-payload-error';
import { describeIssues, toFieldIssues, withMessages } from '../../internal/zod-issues';
import { decodeBase64Url } from './base64url';
import { constantTimeEqual } from './constant-time-equal';
import type { SignedPayloadClaims } from './types';

/** How far the app's clock may be off BigCommerce's, in seconds, when checking `exp` and `nbf`. */
export const CLOCK_SKEW_SECONDS = 120;
/** Real payloads are well under 1 KB; anything this long is refused before any decoding or hashing. */
const MAX_TOKEN_LENGTH = 16_384;
const SUBJECT = /^stores\/([a-z0-9]{1,64})$/;

const userSchema = z.looseObject({ id: z.int(), email: z.string(), locale: z.optional(z.string()) });
const ownerSchema = z.looseObject({ id: z.int(), email: z.string() });

// Loose: BigCommerce may add claims. aud, iss and sub are checked before this, one by one.
const claimsSchema = z.looseObject({
  // z.number() refuses Infinity and NaN.
  iat: z.number(),
  nbf: z.number(),
  exp: z.number(),
  jti: z.string(),
  user: userSchema,
  owner: ownerSchema,
  url: z.optional(z.string()),
  channel_id: z.optional(z.nullable(z.int())),
});

/** The HMAC key made from the client secret, imported once per app on first use. */
export type SigningKeyProvider = () => Promise<CryptoKey>;

/**
 * Makes a provider of the HS256 key for `clientSecret`. WebCrypto rather than Node's crypto module, so it
 * runs on Workers, Vercel Edge, Deno and Bun.
 */
export function hmacKeyProvider(clientSecret: string): SigningKeyProvider {
  let key: Promise<CryptoKey> | undefined;
  return () => {
    if (key === undefined) {
      const imported = crypto.subtle.importKey('raw', new TextEncoder().encode(clientSecret), { name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
      ]);
      // A failed import is not cached, so the next call tries again.
      imported.catch(() => {
        if (key === imported) key = undefined;
      });
      key = imported;
    }
    return key;
  };
}

/**
 * Verifies a `signed_payload_jwt` (load, uninstall and remove-user callbacks) and returns its
 * claims. The order of checks matters: the header's `alg` must be exactly `HS256` before the
 * signature is looked at, so `alg: none` or an RS256/HS256 key-confusion token is refused outright;
 * claims are trusted only after the signature matched.
 *
 * @throws {@link SignedPayloadError} whose `check` names the failed check. The message never
 * contains the token or the secret.
 * @see https://developer.bigcommerce.com/docs/integrations/apps/guide/callbacks
 */
export async function verifySignedPayload(
  app: { readonly clientId: string; readonly signingKey: SigningKeyProvider },
  jwt: string,
): Promise<SignedPayloadClaims> {
  if (typeof jwt !== 'string' || jwt.length === 0) fail('format', 'expected a non-empty string');
  if (jwt.length > MAX_TOKEN_LENGTH) fail('format', `is longer than ${MAX_TOKEN_LENGTH} characters`);
  const segments = jwt.split('.');
  if (segments.length !== 3) fail('format', `has ${segments.length} segments, expected 3 (header.payload.signature)`);
  const [headerText, payloadText, signatureText] = segments as [string, string, string];

  const header = decodeJsonSegment(headerText, 'header');
  if (!isPlainObject(header)) fail('format', 'header is not a JSON object');
  // Exactly HS256: BigCommerce signs with the client secret. 'none' and every other algorithm are
  // refused here, before the signature is touched.
  if (header.alg !== 'HS256') fail('algorithm', "header alg is not 'HS256'");
  // RFC 7515 §4.1.11: critical extensions we do not understand make the token invalid.
  if (header.crit !== undefined) fail('format', 'header has critical extensions (crit) this SDK does not support');

  const signature = decodeBase64Url(signatureText);
  if (signature === undefined) fail('format', 'signature is not base64url');
  const signed = new TextEncoder().encode(`${headerText}.${payloadText}`);
  const expected = new Uint8Array(await crypto.subtle.sign('HMAC', await app.signingKey(), signed));
  if (!constantTimeEqual(expected, signature)) fail('signature', 'signature does not match the client secret');

  const claims = decodeJsonSegment(payloadText, 'payload');
  if (!isPlainObject(claims)) fail('format', 'payload is not a JSON object');
  if (claims.aud !== app.clientId) fail('audience', "aud claim is not this app's client id");
  if (claims.iss !== 'bc') fail('issuer', "iss claim is not 'bc'");
  const subject = typeof claims.sub === 'string' ? SUBJECT.exec(claims.sub) : null;
  if (!subject) fail('subject', "sub claim is not 'stores/{store hash}'");

  const parsed = claimsSchema.safeParse(claims, withMessages);
  if (!parsed.success) fail('format', `payload has unexpected claims: ${describeIssues(toFieldIssues(parsed.error))}`);
  const data = parsed.data;
  // Date.now(), not performance.now(): fake timers and vi.setSystemTime then apply in tests.
  const nowSeconds = Date.now() / 1000;
  if (nowSeconds >= data.exp + CLOCK_SKEW_SECONDS) fail('expired', `expired more than ${CLOCK_SKEW_SECONDS} s ago (exp)`);
  if (nowSeconds < data.nbf - CLOCK_SKEW_SECONDS) fail('not-yet-valid', `is not valid for more than another ${CLOCK_SKEW_SECONDS} s (nbf)`);

  return {
    aud: app.clientId,
    iss: 'bc',
    iat: data.iat,
    nbf: data.nbf,
    exp: data.exp,
    jti: data.jti,
    sub: subject[0],
    storeHash: subject[1]!,
    user: {
      id: data.user.id,
      email: data.user.email,
      ...(data.user.locale === undefined ? {} : { locale: data.user.locale }),
    },
    owner: { id: data.owner.id, email: data.owner.email },
    ...(data.url === undefined ? {} : { url: data.url }),
    ...(data.channel_id === undefined || data.channel_id === null ? {} : { channelId: data.channel_id }),
  };
}

function decodeJsonSegment(segment: string, name: 'header' | 'payload'): unknown {
  const bytes = decodeBase64Url(segment);
  if (bytes === undefined || bytes.length === 0) fail('format', `${name} is not base64url`);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    fail('format', `${name} is not JSON`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(check: SignedPayloadCheck, problem: string): never {
  throw new SignedPayloadError(`verifySignedPayload: the signed payload ${problem} (check: ${check}).`, check);
}
