import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  ConfigError,
  ConnectionError,
  createOAuthApp,
  ResponseValidationError,
  TimeoutError,
  ValidationError,
  VERSION,
  type OAuthAppOptions,
} from '../../src/index';

const CLIENT_ID = 'app-client-id-123';
const CLIENT_SECRET = 'super-secret-client-value-9f8e7d';
const CODE = 'single-use-code-4b3a2c1d';
const REDIRECT_URI = 'https://app.example.com/auth';

const TOKEN_RESPONSE = {
  access_token: 'store-access-token-abcdef',
  scope: 'store_v2_orders store_v2_products_read_only',
  user: { id: 24654, username: 'merchant', email: 'merchant@example.com' },
  owner: { id: 24654, username: 'owner', email: 'owner@example.com' },
  context: 'stores/abc123',
  account_uuid: '0a1b2c3d-0000-4000-8000-000000000000',
};

interface Captured {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fetch stub that records every request and answers with `respond()`. */
function stubFetch(respond: () => Response | Promise<Response>) {
  const requests: Captured[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body: JSON.parse(await request.text()),
    });
    return respond();
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests, calls: fetch };
}

function makeApp(overrides: Partial<OAuthAppOptions> = {}) {
  return createOAuthApp({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: REDIRECT_URI, ...overrides });
}

const callback = { code: CODE, scope: TOKEN_RESPONSE.scope, context: 'stores/abc123' };

/** Every way an error can end up in a log. */
function everyRendering(error: unknown): string {
  const e = error as Error & { body?: unknown };
  return [JSON.stringify(error), e.message, String(e.cause), JSON.stringify(e.body), String(e.body), e.stack].join('\n');
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('createOAuthApp options', () => {
  it('lists every problem at once, without echoing secret values', () => {
    let thrown: unknown;
    try {
      createOAuthApp({
        clientId: '  ',
        clientSecret: '',
        redirectUri: 'http://app.example.com/auth',
        loginBaseUrl: 'ftp://login.example.com',
        fetch: 'not a function' as never,
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const error = thrown as ConfigError;
    expect(error.issues.map((issue) => issue.path)).toEqual(['clientId', 'clientSecret', 'redirectUri', 'loginBaseUrl', 'fetch']);
    expect(error.message).toContain('createOAuthApp: invalid options.');
    expect(error.message).toContain('redirectUri: expected an https URL');
  });

  it('never puts a misplaced secret into the message', () => {
    const secretAsUrl = `not-a-url-${CLIENT_SECRET}`;
    const error = (() => {
      try {
        createOAuthApp({ clientId: CLIENT_SECRET as unknown as string, clientSecret: 42 as never, redirectUri: secretAsUrl });
      } catch (caught) {
        return caught as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.issues.map((issue) => issue.path)).toEqual(['clientSecret', 'redirectUri']);
    expect(JSON.stringify(error)).not.toContain(CLIENT_SECRET);
    expect(error.message).not.toContain(CLIENT_SECRET);
  });

  it('rejects unknown options', () => {
    expect(() => createOAuthApp({ ...({ clientId: 'a', clientSecret: 'b', redirectUri: REDIRECT_URI, scope: 'x' } as OAuthAppOptions) })).toThrow(
      /Unrecognized key/,
    );
  });

  it('allows http only on loopback hosts', () => {
    expect(makeApp({ redirectUri: 'http://localhost:3000/auth' }).redirectUri).toBe('http://localhost:3000/auth');
    expect(makeApp({ redirectUri: 'http://127.0.0.1:3000/auth' }).redirectUri).toBe('http://127.0.0.1:3000/auth');
    expect(makeApp({ redirectUri: 'http://[::1]:3000/auth' }).redirectUri).toBe('http://[::1]:3000/auth');
    expect(() => makeApp({ redirectUri: 'http://localhost.evil.com/auth' })).toThrow(ConfigError);
    expect(() => makeApp({ redirectUri: '/auth' })).toThrow(ConfigError);
    expect(() => makeApp({ redirectUri: 'https://app.example.com/auth#x' })).toThrow(/fragment/);
    expect(() => makeApp({ loginBaseUrl: 'http://login.example.com' })).toThrow(ConfigError);
  });

  it('keeps redirectUri exactly as given and strips the trailing slash of loginBaseUrl', () => {
    const app = makeApp({ redirectUri: 'https://app.example.com', loginBaseUrl: 'https://login.example.test/' });
    expect(app.redirectUri).toBe('https://app.example.com');
    expect(app.loginBaseUrl).toBe('https://login.example.test');
    expect(makeApp().loginBaseUrl).toBe('https://login.bigcommerce.com');
  });

  it('JSON.stringify(app) shows clientId, redirectUri and loginBaseUrl only', () => {
    const app = makeApp();
    expect(JSON.parse(JSON.stringify(app))).toEqual({
      clientId: CLIENT_ID,
      redirectUri: REDIRECT_URI,
      loginBaseUrl: 'https://login.bigcommerce.com',
    });
    expect(JSON.stringify(app)).not.toContain(CLIENT_SECRET);
    expect(JSON.stringify({ ...app })).not.toContain(CLIENT_SECRET);
    expect(Object.values(app)).not.toContain(CLIENT_SECRET);
  });
});

describe('installUrl', () => {
  it('points at the login service with the percent-encoded client id', () => {
    expect(makeApp().installUrl()).toBe(`https://login.bigcommerce.com/app/${CLIENT_ID}/install`);
    expect(makeApp({ clientId: 'a/b?c' }).installUrl()).toBe('https://login.bigcommerce.com/app/a%2Fb%3Fc/install');
    expect(makeApp({ loginBaseUrl: 'https://login.example.test/' }).installUrl()).toBe(
      `https://login.example.test/app/${CLIENT_ID}/install`,
    );
  });
});

describe('exchangeCode', () => {
  it('POSTs the documented JSON body and maps the response', async () => {
    const stub = stubFetch(() => Response.json(TOKEN_RESPONSE));
    const installation = await makeApp({ fetch: stub.fetch }).exchangeCode(callback);

    expect(stub.requests).toEqual([
      {
        url: 'https://login.bigcommerce.com/oauth2/token',
        method: 'POST',
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          'user-agent': `bigcommerce-source/${VERSION}`,
        },
        body: {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          code: CODE,
          context: 'stores/abc123',
          scope: TOKEN_RESPONSE.scope,
          grant_type: 'authorization_code',
          redirect_uri: REDIRECT_URI,
        },
      },
    ]);
    expect(installation).toEqual({
      accessToken: 'store-access-token-abcdef',
      scope: TOKEN_RESPONSE.scope,
      storeHash: 'abc123',
      user: { id: 24654, username: 'merchant', email: 'merchant@example.com' },
      owner: { id: 24654, username: 'owner', email: 'owner@example.com' },
      accountUuid: '0a1b2c3d-0000-4000-8000-000000000000',
    });
  });

  it('accepts a response without username and account_uuid, and with extra fields', async () => {
    const { account_uuid: _, ...rest } = TOKEN_RESPONSE;
    const stub = stubFetch(() =>
      Response.json({ ...rest, user: { id: 1, email: 'u@example.com' }, owner: { id: 2, email: 'o@example.com' }, extra: true }),
    );
    const installation = await makeApp({ fetch: stub.fetch }).exchangeCode(callback);
    expect(installation.user).toEqual({ id: 1, username: undefined, email: 'u@example.com' });
    expect(installation.accountUuid).toBeUndefined();
  });

  it('uses loginBaseUrl for the token endpoint', async () => {
    const stub = stubFetch(() => Response.json(TOKEN_RESPONSE));
    await makeApp({ fetch: stub.fetch, loginBaseUrl: 'http://localhost:8787/' }).exchangeCode(callback);
    expect(stub.requests[0]?.url).toBe('http://localhost:8787/oauth2/token');
  });

  it('rejects invalid input with a ValidationError naming each field, sending nothing', async () => {
    const stub = stubFetch(() => Response.json(TOKEN_RESPONSE));
    const error = await rejectionOf(
      makeApp({ fetch: stub.fetch }).exchangeCode({ code: '', scope: '', context: 'abc123', timeoutMs: -1 }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['code', 'scope', 'context', 'timeoutMs']);
    expect((error as ValidationError).message).toContain("context: expected 'stores/{store hash}'");
    expect(stub.calls).not.toHaveBeenCalled();

    await expect(makeApp({ fetch: stub.fetch }).exchangeCode(undefined as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(
      makeApp({ fetch: stub.fetch }).exchangeCode({ ...callback, context: 'stores/ABC/../x' }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(stub.calls).not.toHaveBeenCalled();
  });

  it('maps 401 to AuthenticationError, with secrets scrubbed from every rendering', async () => {
    const stub = stubFetch(() =>
      Response.json(
        { error: 'invalid_client', error_description: `bad secret ${CLIENT_SECRET} for code ${CODE}`, echo: { client_secret: CLIENT_SECRET, code: CODE } },
        { status: 401, statusText: 'Unauthorized', headers: { 'X-Request-Id': 'req-1' } },
      ),
    );
    const error = await rejectionOf(makeApp({ fetch: stub.fetch }).exchangeCode(callback));
    expect(error).toBeInstanceOf(AuthenticationError);
    const apiError = error as AuthenticationError;
    expect(apiError.status).toBe(401);
    expect(apiError.method).toBe('POST');
    expect(apiError.path).toBe('/oauth2/token');
    expect(apiError.requestId).toBe('req-1');
    expect(apiError.message).toBe(
      '[bigcommerce-source] exchangeCode: POST https://login.bigcommerce.com/oauth2/token failed with 401 Unauthorized: ' +
        'invalid_client: bad secret [redacted] for code [redacted]. Check clientId and clientSecret. Request id: req-1.',
    );
    expect(apiError.body).toEqual({
      error: 'invalid_client',
      error_description: 'bad secret [redacted] for code [redacted]',
      echo: { client_secret: '[redacted]', code: '[redacted]' },
    });
    const rendered = everyRendering(error);
    expect(rendered).not.toContain(CLIENT_SECRET);
    expect(rendered).not.toContain(CODE);
    expect(stub.calls).toHaveBeenCalledTimes(1);
  });

  it('maps 400 to ApiError and scrubs a text body that echoes the request', async () => {
    const stub = stubFetch(
      () =>
        new Response(`client_secret=${encodeURIComponent(CLIENT_SECRET)}&code=${CODE} is invalid`, {
          status: 400,
          statusText: 'Bad Request',
        }),
    );
    const error = await rejectionOf(makeApp({ fetch: stub.fetch }).exchangeCode(callback));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(AuthenticationError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toContain('failed with 400 Bad Request.');
    expect((error as ApiError).message).toContain('the code is fresh and used once');
    expect((error as ApiError).body).toBe('client_secret=[redacted]&code=[redacted] is invalid');
    const rendered = everyRendering(error);
    expect(rendered).not.toContain(CLIENT_SECRET);
    expect(rendered).not.toContain(CODE);
    // No retry: the code is single-use.
    expect(stub.calls).toHaveBeenCalledTimes(1);
  });

  it('does not retry a 5xx', async () => {
    const stub = stubFetch(() => new Response('oops', { status: 503 }));
    await expect(makeApp({ fetch: stub.fetch }).exchangeCode(callback)).rejects.toMatchObject({ name: 'ServerError', status: 503 });
    expect(stub.calls).toHaveBeenCalledTimes(1);
  });

  it('throws ResponseValidationError for malformed JSON or missing fields, without the token', async () => {
    const notJson = stubFetch(() => new Response('{"access_token": "tok', { status: 200 }));
    await expect(makeApp({ fetch: notJson.fetch }).exchangeCode(callback)).rejects.toBeInstanceOf(ResponseValidationError);

    const empty = stubFetch(() => new Response(null, { status: 200 }));
    await expect(makeApp({ fetch: empty.fetch }).exchangeCode(callback)).rejects.toThrow(/empty body/);

    const { owner: _, ...noOwner } = TOKEN_RESPONSE;
    const missing = stubFetch(() => Response.json({ ...noOwner, context: 'stores/ABC' }));
    const error = await rejectionOf(makeApp({ fetch: missing.fetch }).exchangeCode(callback));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues.map((issue) => issue.path)).toEqual(['owner', 'context']);
    expect(everyRendering(error)).not.toContain(TOKEN_RESPONSE.access_token);
  });

  it('wraps a network failure in ConnectionError', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND login.bigcommerce.com') });
    });
    const error = await rejectionOf(makeApp({ fetch: fetch as unknown as typeof globalThis.fetch }).exchangeCode(callback));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toContain('ENOTFOUND');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  /** A fetch that answers only when its signal aborts, as a real one does. */
  const hangingFetch = (async (_input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
    })) as typeof globalThis.fetch;

  it('throws TimeoutError after timeoutMs', async () => {
    const error = await rejectionOf(makeApp({ fetch: hangingFetch }).exchangeCode({ ...callback, timeoutMs: 20 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 20, method: 'POST', path: '/oauth2/token' });
  });

  it("rethrows the caller's abort reason", async () => {
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const pending = makeApp({ fetch: hangingFetch }).exchangeCode({ ...callback, signal: controller.signal });
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);

    const stub = stubFetch(() => Response.json(TOKEN_RESPONSE));
    await expect(makeApp({ fetch: stub.fetch }).exchangeCode({ ...callback, signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(stub.calls).not.toHaveBeenCalled();
  });
});

describe('exchangeCode without an injected fetch (msw)', () => {
  const server = setupServer();
  // msw 3 renamed onUnhandledRequest to onUnhandledFrame.
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it('sends the exchange through globalThis.fetch when no fetch is given', async () => {
    const app = makeApp();
    let body: unknown;
    server.use(
      http.post('https://login.bigcommerce.com/oauth2/token', async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(TOKEN_RESPONSE);
      }),
    );
    const installation = await app.exchangeCode(callback);
    expect(installation.storeHash).toBe('abc123');
    expect(body).toMatchObject({ code: CODE, grant_type: 'authorization_code', redirect_uri: REDIRECT_URI });
  });

  it('uses a fetch installed after the app was created', async () => {
    const app = makeApp();
    const late = vi.fn(async () => Response.json(TOKEN_RESPONSE));
    vi.stubGlobal('fetch', late);
    try {
      await app.exchangeCode(callback);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(late).toHaveBeenCalledTimes(1);
  });
});

describe('exchangeCode with the callback URL', () => {
  const loginFetch = () => {
    const calls: Array<Record<string, unknown>> = [];
    const fetch = async (_input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
      return Response.json({ access_token: 't0ken', scope: 'store_v2_orders', user: { id: 1, email: 'u@x.example' }, owner: { id: 2, email: 'o@x.example' }, context: 'stores/abc123' });
    };
    return { calls, fetch: fetch as unknown as typeof globalThis.fetch };
  };
  const query = 'code=c0de&scope=store_v2_orders&context=stores%2Fabc123&account_uuid=0f1e&external_install=1&later_param=x';

  for (const [label, input] of [
    ['a URL', new URL(`https://app.example.com/auth?${query}`)],
    ['a URL string', `https://app.example.com/auth?${query}`],
    ['URLSearchParams', new URLSearchParams(query)],
    ['a query string', `?${query}`],
  ] as const) {
    it(`accepts ${label} and ignores the parameters it does not need`, async () => {
      const login = loginFetch();
      const app = createOAuthApp({ clientId: 'client', clientSecret: 'secret', redirectUri: 'https://app.example.com/auth', fetch: login.fetch });
      await expect(app.exchangeCode(input, { timeoutMs: 5_000 })).resolves.toMatchObject({ storeHash: 'abc123', accessToken: 't0ken' });
      expect(login.calls).toEqual([expect.objectContaining({ code: 'c0de', scope: 'store_v2_orders', context: 'stores/abc123' })]);
      expect(login.calls[0]).not.toHaveProperty('account_uuid');
    });
  }

  it('names a missing parameter of the URL in a ValidationError, sending nothing', async () => {
    const login = loginFetch();
    const app = createOAuthApp({ clientId: 'client', clientSecret: 'secret', redirectUri: 'https://app.example.com/auth', fetch: login.fetch });
    const error = await app.exchangeCode(new URL('https://app.example.com/auth?scope=x&context=stores/abc123')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['code']);
    expect(login.calls).toEqual([]);
  });
});
