import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOAuthApp, SignedPayloadError, type SignedPayloadCheck } from '../../src/index';

const CLIENT_ID = 'app-client-id-123';
const CLIENT_SECRET = 'super-secret-client-value-9f8e7d';
const NOW_SECONDS = 1_780_000_000;
const DAY_SECONDS = 24 * 60 * 60;

const app = createOAuthApp({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: 'https://app.example.com/auth' });

const encoder = new TextEncoder();
const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const encodeJson = (value: unknown) => base64url(encoder.encode(JSON.stringify(value)));

async function hmacSha256(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return base64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(text))));
}

/** A payload as BigCommerce sends it to the load callback. */
function claims(overrides: Record<string, unknown> = {}) {
  return {
    aud: CLIENT_ID,
    iss: 'bc',
    iat: NOW_SECONDS - 60,
    nbf: NOW_SECONDS - 60,
    exp: NOW_SECONDS - 60 + DAY_SECONDS,
    jti: 'b7c4b4bb-30f4-4e0c-a4a8-1a3b5c7d9e0f',
    sub: 'stores/abc123',
    user: { id: 9876543, email: 'user@example.com', locale: 'en-US' },
    owner: { id: 7654321, email: 'owner@example.com' },
    url: '/products/12',
    channel_id: 1,
    ...overrides,
  };
}

/** Signs `header.payload` with HS256; the raw segments may be given to build malformed tokens. */
async function sign(
  payload: unknown,
  { secret = CLIENT_SECRET, header = { alg: 'HS256', typ: 'JWT' } as unknown, rawHeader, rawPayload }: { secret?: string; header?: unknown; rawHeader?: string; rawPayload?: string } = {},
): Promise<string> {
  const signingInput = `${rawHeader ?? encodeJson(header)}.${rawPayload ?? encodeJson(payload)}`;
  return `${signingInput}.${await hmacSha256(secret, signingInput)}`;
}

async function failureOf(jwt: string): Promise<SignedPayloadError> {
  try {
    await app.verifySignedPayload(jwt);
  } catch (error) {
    expect(error).toBeInstanceOf(SignedPayloadError);
    const rendered = [JSON.stringify(error), (error as Error).message, (error as Error).stack].join('\n');
    expect(rendered).not.toContain(CLIENT_SECRET);
    if (jwt.length > 0) expect(rendered).not.toContain(jwt);
    return error as SignedPayloadError;
  }
  throw new Error('expected verifySignedPayload to reject');
}

async function expectCheck(jwt: string, check: SignedPayloadCheck): Promise<void> {
  const error = await failureOf(jwt);
  expect(error.check).toBe(check);
  expect(error.message).toContain(`(check: ${check})`);
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW_SECONDS * 1000);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('verifySignedPayload', () => {
  it('returns the typed claims of a valid token', async () => {
    await expect(app.verifySignedPayload(await sign(claims({ extra: 'ignored' })))).resolves.toEqual({
      aud: CLIENT_ID,
      iss: 'bc',
      iat: NOW_SECONDS - 60,
      nbf: NOW_SECONDS - 60,
      exp: NOW_SECONDS - 60 + DAY_SECONDS,
      jti: 'b7c4b4bb-30f4-4e0c-a4a8-1a3b5c7d9e0f',
      sub: 'stores/abc123',
      storeHash: 'abc123',
      user: { id: 9876543, email: 'user@example.com', locale: 'en-US' },
      owner: { id: 7654321, email: 'owner@example.com' },
      url: '/products/12',
      channelId: 1,
    });
  });

  it('leaves out optional claims that were not sent', async () => {
    const { url: _url, channel_id: _channel, ...rest } = claims({ user: { id: 1, email: 'u@example.com' } });
    const verified = await app.verifySignedPayload(await sign(rest));
    expect(verified.user).toEqual({ id: 1, email: 'u@example.com' });
    expect(verified).not.toHaveProperty('url');
    expect(verified).not.toHaveProperty('channelId');
  });

  it('rejects a token signed with another secret', async () => {
    await expectCheck(await sign(claims(), { secret: 'another-secret-entirely' }), 'signature');
  });

  it('rejects a tampered payload', async () => {
    const [header, , signature] = (await sign(claims())).split('.');
    await expectCheck(`${header}.${encodeJson(claims({ sub: 'stores/victim' }))}.${signature}`, 'signature');
  });

  it("rejects alg 'none' with an empty signature", async () => {
    await expectCheck(`${encodeJson({ alg: 'none', typ: 'JWT' })}.${encodeJson(claims())}.`, 'algorithm');
  });

  it.each(['HS512', 'RS256', 'hs256', 'none'])('rejects alg %s even when HMAC-signed with the secret', async (alg) => {
    await expectCheck(await sign(claims(), { header: { alg, typ: 'JWT' } }), 'algorithm');
  });

  it('rejects a header without alg', async () => {
    await expectCheck(await sign(claims(), { header: { typ: 'JWT' } }), 'algorithm');
  });

  it('rejects a token expired beyond the clock skew', async () => {
    await expectCheck(await sign(claims({ exp: NOW_SECONDS - 121 })), 'expired');
    await expectCheck(await sign(claims({ exp: NOW_SECONDS - 120 })), 'expired');
  });

  it('accepts a token expired within the clock skew', async () => {
    await expect(app.verifySignedPayload(await sign(claims({ exp: NOW_SECONDS - 119 })))).resolves.toMatchObject({ storeHash: 'abc123' });
  });

  it('rejects a token that is not valid yet beyond the clock skew, and accepts one within it', async () => {
    await expectCheck(await sign(claims({ nbf: NOW_SECONDS + 121, iat: NOW_SECONDS + 121 })), 'not-yet-valid');
    await expect(app.verifySignedPayload(await sign(claims({ nbf: NOW_SECONDS + 120 })))).resolves.toBeDefined();
  });

  it('follows the system clock', async () => {
    const jwt = await sign(claims());
    vi.setSystemTime((NOW_SECONDS + DAY_SECONDS + 120) * 1000);
    await expectCheck(jwt, 'expired');
  });

  it('rejects a wrong audience', async () => {
    await expectCheck(await sign(claims({ aud: 'another-app' })), 'audience');
    await expectCheck(await sign(claims({ aud: [CLIENT_ID] })), 'audience');
  });

  it('rejects a wrong issuer', async () => {
    await expectCheck(await sign(claims({ iss: 'evil' })), 'issuer');
    await expectCheck(await sign(claims({ iss: undefined })), 'issuer');
  });

  it.each(['abc123', 'stores/', 'stores/ABC123', 'stores/abc/../x', 'stores/abc123/extra', 42])('rejects sub %s', async (sub) => {
    await expectCheck(await sign(claims({ sub })), 'subject');
  });

  it('rejects malformed tokens as format errors', async () => {
    const valid = await sign(claims());
    const [header, payload, signature] = valid.split('.') as [string, string, string];
    await expectCheck(`${header}.${payload}`, 'format');
    await expectCheck(`${valid}.extra`, 'format');
    await expectCheck('', 'format');
    await expectCheck(`${header}!.${payload}.${signature}`, 'format');
    await expectCheck(`${header}.${payload}.${signature}=`, 'format');
    await expectCheck(`.${payload}.${signature}`, 'format');
    await expectCheck(await sign(claims(), { rawHeader: base64url(encoder.encode('{"alg":"HS256"')) }), 'format');
    await expectCheck(await sign(claims(), { rawHeader: encodeJson(['HS256']) }), 'format');
    await expectCheck(await sign(undefined, { rawPayload: base64url(encoder.encode('{"aud":')) }), 'format');
    await expectCheck(await sign(undefined, { rawPayload: encodeJson('a string') }), 'format');
    await expectCheck(await sign(claims(), { header: { alg: 'HS256', crit: ['exp'] } }), 'format');
    await expectCheck(await sign(claims({ exp: 'tomorrow' })), 'format');
    await expectCheck(await sign(claims({ user: { email: 'no-id@example.com' } })), 'format');
    await expectCheck('a'.repeat(20_000), 'format');
    await expectCheck(123 as unknown as string, 'format');
  });

  it('never includes the token in the message', async () => {
    const jwt = await sign(claims({ aud: 'another-app' }));
    const error = await failureOf(jwt);
    expect(error.message).toBe("[bigcommerce-source] verifySignedPayload: the signed payload aud claim is not this app's client id (check: audience).");
  });
});
