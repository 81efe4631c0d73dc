import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOAuthApp, isBigCommerceError, SignedPayloadError, ValidationError } from '../../src/index';

// The callback handler from docs/authentication.md, copied verbatim between the markers. The first
// test compares the copy with the doc, so the doc cannot drift from code that runs.

const CLIENT_SECRET = 'docs-example-client-secret';
const TOKEN_RESPONSE = {
  access_token: 'docs-example-store-token',
  scope: 'store_v2_orders',
  user: { id: 1, email: 'user@example.com' },
  owner: { id: 2, email: 'owner@example.com' },
  context: 'stores/abc123',
};
const loginFetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => Response.json(TOKEN_RESPONSE));
const env = { BC_CLIENT_ID: 'docs-client', BC_CLIENT_SECRET: CLIENT_SECRET };
const app = createOAuthApp({
  clientId: env.BC_CLIENT_ID,
  clientSecret: env.BC_CLIENT_SECRET,
  redirectUri: 'https://app.example.com/auth',
  fetch: loginFetch as unknown as typeof globalThis.fetch,
});
const stored = new Map<string, string>();
const tokens = {
  put: async (storeHash: string, token: string) => void stored.set(storeHash, token),
  delete: async (storeHash: string) => void stored.delete(storeHash),
};

// --- verbatim from docs/authentication.md ---
export async function handleCallback(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const query = url.searchParams;
  try {
    switch (url.pathname) {
      case '/auth': {
        // The code is single-use and expires within minutes: exchange it at once. code, scope and
        // context are read from the URL; account_uuid, external_install and the rest are ignored.
        const installation = await app.exchangeCode(url);
        // One token per store, shared by all its users: key it by store hash, never by email.
        await tokens.put(installation.storeHash, installation.accessToken);
        if (query.has('external_install')) {
          // Installed from your own button: tell BigCommerce the install finished.
          return Response.redirect(`${app.installUrl()}/succeeded`, 302);
        }
        return new Response('<p>Installed.</p>', { headers: { 'Content-Type': 'text/html' } });
      }
      case '/load': {
        const claims = await app.verifySignedPayload(query.get('signed_payload_jwt') ?? '');
        // Open your UI for claims.storeHash; claims.user is who opened it, claims.url a deep link if any.
        return Response.redirect(new URL(`/stores/${claims.storeHash}`, url).href, 302);
      }
      case '/uninstall': {
        const claims = await app.verifySignedPayload(query.get('signed_payload_jwt') ?? '');
        await tokens.delete(claims.storeHash);
        return new Response(null, { status: 204 });
      }
      case '/remove_user': {
        await app.verifySignedPayload(query.get('signed_payload_jwt') ?? '');
        return new Response(null, { status: 204 });
      }
      default:
        return new Response('Not found', { status: 404 });
    }
  } catch (error) {
    // An install started from your own button ends on BigCommerce's page, whatever went wrong.
    if (url.pathname === '/auth' && query.has('external_install') && isBigCommerceError(error)) {
      console.error(error.message);
      return Response.redirect(`${app.installUrl()}/failed`, 302);
    }
    // A callback without code/scope/context, or one whose JWT fails a check: refuse it.
    if (error instanceof ValidationError) return new Response('Bad request', { status: 400 });
    if (error instanceof SignedPayloadError) return new Response('Forbidden', { status: 403 });
    if (isBigCommerceError(error)) {
      // The exchange failed (ApiError, TimeoutError, ConnectionError…). The message is safe to log.
      console.error(error.message);
      return new Response('The install failed; please try again.', { status: 502 });
    }
    throw error;
  }
}
// --- end of verbatim copy ---

const encoder = new TextEncoder();
const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const encodeJson = (value: unknown) => base64url(encoder.encode(JSON.stringify(value)));

async function signedPayload(secret = CLIENT_SECRET): Promise<string> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const input = `${encodeJson({ alg: 'HS256', typ: 'JWT' })}.${encodeJson({
    aud: 'docs-client',
    iss: 'bc',
    iat: nowSeconds,
    nbf: nowSeconds,
    exp: nowSeconds + 86_400,
    jti: 'jti-1',
    sub: 'stores/abc123',
    user: { id: 1, email: 'user@example.com' },
    owner: { id: 2, email: 'owner@example.com' },
  })}`;
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return `${input}.${base64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(input))))}`;
}

afterEach(() => {
  stored.clear();
  loginFetch.mockClear();
});

describe('docs/authentication.md callback handler', () => {
  it('runs the code that is in the doc', async () => {
    const doc = await readFile(new URL('../../docs/authentication.md', import.meta.url), 'utf8');
    const self = await readFile(new URL(import.meta.url), 'utf8');
    const block = /```ts\n[^`]*?\n\n(export async function handleCallback[\s\S]*?\n)```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    expect(self).toContain(`// --- verbatim from docs/authentication.md ---\n${block}// --- end of verbatim copy ---`);
  });

  it('stores the token on /auth', async () => {
    const response = await handleCallback(new Request('https://app.example.com/auth?code=c0de-1234&scope=store_v2_orders&context=stores/abc123'));
    expect(response.status).toBe(200);
    expect(stored.get('abc123')).toBe('docs-example-store-token');
    expect(loginFetch).toHaveBeenCalledTimes(1);
  });

  it('reports an external install to BigCommerce', async () => {
    const response = await handleCallback(
      new Request('https://app.example.com/auth?code=c0de-1234&scope=store_v2_orders&context=stores/abc123&external_install=1'),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://login.bigcommerce.com/app/docs-client/install/succeeded');
  });

  it('reads code, scope and context from the callback URL, ignoring account_uuid and unknown parameters', async () => {
    const response = await handleCallback(
      new Request('https://app.example.com/auth?code=c0de-1234&scope=store_v2_orders&context=stores/abc123&account_uuid=0f1e-2d3c&utm_source=x'),
    );
    expect(response.status).toBe(200);
    const sent = JSON.parse(String(loginFetch.mock.calls[0]![1]!.body)) as Record<string, unknown>;
    expect(sent).toMatchObject({ code: 'c0de-1234', scope: 'store_v2_orders', context: 'stores/abc123' });
    expect(sent).not.toHaveProperty('account_uuid');
  });

  it('sends an external install that cannot be exchanged to BigCommerce\'s failed page, sending nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await handleCallback(new Request('https://app.example.com/auth?scope=x&context=stores/abc123&external_install=1'));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://login.bigcommerce.com/app/docs-client/install/failed');
    expect(loginFetch).not.toHaveBeenCalled();
  });

  it('answers 400 to an auth callback without a code, sending nothing', async () => {
    const response = await handleCallback(new Request('https://app.example.com/auth?scope=x&context=stores/abc123'));
    expect(response.status).toBe(400);
    expect(loginFetch).not.toHaveBeenCalled();
  });

  it('answers 502 when the exchange fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    loginFetch.mockResolvedValueOnce(Response.json({ error: 'invalid_grant' }, { status: 400 }));
    const response = await handleCallback(new Request('https://app.example.com/auth?code=c0de-1234&scope=x&context=stores/abc123'));
    expect(response.status).toBe(502);
  });

  it('verifies /load and /uninstall', async () => {
    stored.set('abc123', 'old-token');
    const load = await handleCallback(new Request(`https://app.example.com/load?signed_payload_jwt=${await signedPayload()}`));
    expect(load.headers.get('location')).toBe('https://app.example.com/stores/abc123');
    const uninstall = await handleCallback(new Request(`https://app.example.com/uninstall?signed_payload_jwt=${await signedPayload()}`));
    expect(uninstall.status).toBe(204);
    expect(stored.has('abc123')).toBe(false);
  });

  it('answers 403 to a forged signed payload', async () => {
    stored.set('abc123', 'old-token');
    const response = await handleCallback(new Request(`https://app.example.com/uninstall?signed_payload_jwt=${await signedPayload('forged')}`));
    expect(response.status).toBe(403);
    expect(stored.has('abc123')).toBe(true);
  });
});

