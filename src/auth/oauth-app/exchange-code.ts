import * as z from 'zod/mini';
import { apiErrorFromResponse } from '../../errors/api-error-from-response';
import { MESSAGE_PREFIX } from '../../errors/bigcommerce-error';
import { ResponseValidationError } from '../../errors/response-validation-error';
import { ValidationError } from '../../errors/validation-error';
import { throwIfAborted } from '../../internal/abort';
import { exchangeOnce } from '../../internal/exchange';
import { parseBody, type ParsedBody } from '../../internal/read-body';
import { createStoreKy } from '../../internal/store-ky';
import { describeIssues, toFieldIssues, withMessages } from '../../internal/zod-issues';
import { timeoutMsSchema } from '../../internal/parse-request-options';
import { VERSION } from '../../version';
import type { ResolvedOAuthAppOptions } from './options';
import type { ExchangeCodeOptions, OAuthInstallation } from './types';
import { exchangeInputOf, type AuthCallbackInput } from './auth-callback';

/** The token endpoint, below `loginBaseUrl`. */
const TOKEN_PATH = '/oauth2/token';
const DEFAULT_TIMEOUT_MS = 30_000;
/** The token endpoint's answer is a few hundred bytes. */
const MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;
/** `stores/{hash}`: the store hash is lowercase letters and digits. */
const CONTEXT = /^stores\/([a-z0-9]{1,64})$/;
const CONTEXT_RULE = "expected 'stores/{store hash}', e.g. 'stores/abc123'";

const nonEmpty = z.string().check(z.trim(), z.minLength(1, 'expected a non-empty string'));

const exchangeCodeInputSchema = z.strictObject({
  code: nonEmpty,
  scope: nonEmpty,
  context: z.string().check(z.trim(), z.regex(CONTEXT, CONTEXT_RULE)),
  signal: z.optional(z.custom<AbortSignal>((value) => value instanceof AbortSignal, 'expected an AbortSignal')),
  timeoutMs: z.optional(timeoutMsSchema),
});

const tokenUserSchema = z.looseObject({
  id: z.int(),
  username: z.optional(z.string()),
  email: z.string(),
});

// Loose: BigCommerce may add fields at any time; strict only on what is read.
const tokenResponseSchema = z.looseObject({
  access_token: z.string().check(z.minLength(1)),
  scope: z.string(),
  user: tokenUserSchema,
  owner: tokenUserSchema,
  context: z.string().check(z.regex(CONTEXT, CONTEXT_RULE)),
  account_uuid: z.optional(z.string()),
});

/**
 * POSTs the auth callback's code to `{loginBaseUrl}/oauth2/token` and returns the store's token.
 * No retry: the code is single-use, so a second attempt after a lost response would fail anyway.
 * Secrets sent (client secret, code) are scrubbed from any error body before it is thrown.
 *
 * @throws {@link ValidationError}, {@link ApiError} and subclasses, {@link TimeoutError},
 * {@link ConnectionError}, {@link ResponseValidationError}, or the signal's reason.
 * @see https://developer.bigcommerce.com/docs/integrations/apps/guide/auth
 */
export async function exchangeCode(app: ResolvedOAuthAppOptions, input: AuthCallbackInput, options?: ExchangeCodeOptions): Promise<OAuthInstallation> {
  const parsed = exchangeCodeInputSchema.safeParse(exchangeInputOf(input, options), withMessages);
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error);
    throw new ValidationError(`exchangeCode: invalid input. ${describeIssues(issues)}`, issues);
  }
  const { code, scope, context, signal, timeoutMs = DEFAULT_TIMEOUT_MS } = parsed.data;
  throwIfAborted(signal);

  const url = `${app.loginBaseUrl}${TOKEN_PATH}`;
  const describe = { method: 'POST', path: TOKEN_PATH };
  const { response, bytes, redactor } = await exchangeOnce({
    send: createStoreKy({
      prefix: app.loginBaseUrl,
      fetch: app.fetch,
      headers: { Accept: 'application/json', 'User-Agent': `bigcommerce-source/${VERSION}` },
    }),
    request: {
      method: 'POST',
      path: TOKEN_PATH,
      body: {
        client_id: app.clientId,
        client_secret: app.clientSecret,
        code,
        context,
        scope,
        grant_type: 'authorization_code',
        redirect_uri: app.redirectUri,
      },
    },
    describe,
    signal,
    timeoutMs,
    maxResponseBytes: MAX_TOKEN_RESPONSE_BYTES,
    // Also the URL-encoded forms, in case an error page echoes a form-encoded request back.
    secrets: [app.clientSecret, code, encodeURIComponent(app.clientSecret), encodeURIComponent(code)],
    label: 'exchangeCode: ',
  });
  const body = parseBody(bytes);
  const { status } = response;
  if (status < 200 || status >= 300) {
    const statusText = redactor.text(response.statusText);
    const requestIdHeader = response.headers.get('x-request-id');
    const requestId = requestIdHeader === null ? undefined : redactor.text(requestIdHeader);
    const redactedBody = body.json !== undefined ? redactor.value(body.json) : body.text ? redactor.text(body.text) : undefined;
    const error = apiErrorFromResponse({ status, statusText, ...describe, body: redactedBody, requestId });
    // The generic message's hints are about store API tokens; at the token endpoint the causes
    // differ, so say what BigCommerce said (OAuth's error/error_description) and what to check.
    const generic = error.message;
    error.message = tokenErrorMessage(url, status, statusText, redactedBody, requestId);
    if (typeof error.stack === 'string') error.stack = error.stack.replace(generic, error.message);
    throw error;
  }
  return toInstallation(body, describe);
}

function toInstallation(body: ParsedBody, describe: { method: string; path: string }): OAuthInstallation {
  if (body.json === undefined) {
    const problem = body.malformed ? 'a body that is not valid JSON' : 'an empty body';
    throw new ResponseValidationError(`exchangeCode: POST ${describe.path} returned ${problem}.`, {
      ...describe,
      issues: [{ path: '', message: 'expected JSON' }],
    });
  }
  const result = tokenResponseSchema.safeParse(body.json, withMessages);
  if (!result.success) {
    // Paths and rules only: the messages never quote the value, so the token cannot leak here.
    const issues = toFieldIssues(result.error);
    throw new ResponseValidationError(`exchangeCode: POST ${describe.path} returned an unexpected body: ${describeIssues(issues)}`, {
      ...describe,
      issues,
    });
  }
  const data = result.data;
  return {
    accessToken: data.access_token,
    scope: data.scope,
    storeHash: CONTEXT.exec(data.context)![1]!,
    user: { id: data.user.id, username: data.user.username, email: data.user.email },
    owner: { id: data.owner.id, username: data.owner.username, email: data.owner.email },
    accountUuid: data.account_uuid,
  };
}

const STATUS_HINTS: Partial<Record<number, string>> = {
  400: 'Check that the code is fresh and used once, and that redirectUri equals the registered auth callback URL.',
  401: 'Check clientId and clientSecret.',
  403: 'Check clientId and clientSecret, and that the app may be installed on this store.',
};

function tokenErrorMessage(url: string, status: number, statusText: string, body: unknown, requestId: string | undefined): string {
  const said = summarize(body);
  let message = `${MESSAGE_PREFIX} exchangeCode: POST ${url} failed with ${status}${statusText ? ` ${statusText}` : ''}`;
  message += said ? `: ${said}.` : '.';
  const hint = STATUS_HINTS[status] ?? (status === 422 ? STATUS_HINTS[400] : undefined);
  if (hint) message += ` ${hint}`;
  if (requestId) message += ` Request id: ${requestId}.`;
  return message;
}

/** The human part of an error body: OAuth's `error_description`/`error`, or BigCommerce's `title`/`message`. */
function summarize(body: unknown): string | undefined {
  const entry = Array.isArray(body) ? body[0] : body;
  if (typeof entry !== 'object' || entry === null) return undefined;
  const record = entry as Record<string, unknown>;
  const parts = [record.error, record.error_description ?? record.title ?? record.message]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  // Capped: a body is server-controlled and may be long.
  return parts.length > 0 ? parts.join(': ').slice(0, 300) : undefined;
}
