import { ApiError, type ApiErrorDetails } from './api-error';
import { AuthenticationError } from './authentication-error';
import { ConflictError } from './conflict-error';
import type { FieldIssue } from './field-issue';
import { NotFoundError } from './not-found-error';
import { PermissionError } from './permission-error';
import { RateLimitError } from './rate-limit-error';
import { ServerError } from './server-error';
import { UnprocessableEntityError } from './unprocessable-entity-error';

/** What the HTTP core knows when a response has an error status. */
export interface ErrorResponseFacts {
  readonly status: number;
  readonly statusText: string;
  readonly method: string;
  readonly path: string;
  /** Parsed JSON, raw text, or `undefined` for an empty body. */
  readonly body: unknown;
  readonly requestId: string | undefined;
  /** From the rate-limit headers, for 429. */
  readonly resetMs?: number | undefined;
}

const HINTS: Partial<Record<number, string>> = {
  401: 'Check the access token: it is missing, wrong or revoked.',
  403: 'The token lacks an OAuth scope this call needs, or the store hash does not belong to the token.',
  404: 'The resource does not exist in this store.',
  429: "The store's request quota is spent and the retries ran out.",
};

/**
 * Builds the {@link ApiError} subclass for a status, with a message that names the call and what
 * BigCommerce said. v2 errors are arrays (`[{status, message, details}]`), v3 errors objects
 * (`{status, title, errors}`); an HTML error page is reduced to its status line.
 * @see https://developer.bigcommerce.com/docs/start/about/status-codes
 */
export function apiErrorFromResponse(facts: ErrorResponseFacts): ApiError {
  const { summary, fieldErrors } = describeErrorBody(facts.body);
  // What the server sent goes into the message shortened: a body or header can be huge.
  const statusText = shorten(facts.statusText, 100);
  const statusLine = `${facts.status}${statusText ? ` ${statusText}` : ''}`;
  let message = `${facts.method} ${facts.path} failed with ${statusLine}${summary ? `: ${shorten(summary, MESSAGE_INSERT_CHARS)}` : ''}.`;
  const hint = HINTS[facts.status];
  if (hint) message += ` ${hint}`;
  if (facts.requestId) message += ` Request id: ${shorten(facts.requestId, 100)}.`;
  const details: ApiErrorDetails = { ...facts, fieldErrors };

  switch (facts.status) {
    case 401:
      return new AuthenticationError(message, details);
    case 403:
      return new PermissionError(message, details);
    case 404:
      return new NotFoundError(message, details);
    case 409:
      return new ConflictError(message, details);
    case 422:
      return new UnprocessableEntityError(message, details);
    case 429:
      return new RateLimitError(message, { ...details, resetMs: facts.resetMs });
    default:
      return facts.status >= 500 ? new ServerError(message, details) : new ApiError(message, details);
  }
}

function describeErrorBody(body: unknown): { summary: string | undefined; fieldErrors: FieldIssue[] } {
  // v2: [{ status, message, details? }]
  if (Array.isArray(body)) {
    const messages: string[] = [];
    const fieldErrors: FieldIssue[] = [];
    for (const entry of body) {
      if (!isRecord(entry)) continue;
      if (typeof entry.message === 'string') messages.push(entry.message);
      if (isRecord(entry.details)) fieldErrors.push(...fieldIssuesOf(entry.details));
    }
    return { summary: messages.length > 0 ? messages.join('; ') : undefined, fieldErrors };
  }
  // v3: { status, title, type, errors: { field: message } }
  if (isRecord(body)) {
    const fieldErrors = isRecord(body.errors) ? fieldIssuesOf(body.errors) : [];
    const title = typeof body.title === 'string' ? body.title : undefined;
    const fieldText = fieldErrors.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return { summary: [title, fieldText].filter(Boolean).join(' ') || undefined, fieldErrors };
  }
  // An HTML error page or other text says nothing useful beyond the status; keep it out of the message.
  return { summary: undefined, fieldErrors: [] };
}

function fieldIssuesOf(errors: Record<string, unknown>): FieldIssue[] {
  return Object.entries(errors).map(([path, message]) => ({
    path: shorten(path, MESSAGE_INSERT_CHARS),
    message: shorten(typeof message === 'string' ? message : printable(message), MESSAGE_INSERT_CHARS),
  }));
}

/** The most characters of one server-sent text (a title, a field message) that go into a message. */
const MESSAGE_INSERT_CHARS = 300;

function shorten(text: string, maxChars: number): string {
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

/** JSON of a field's value, or a placeholder: nothing on the error path may throw. */
function printable(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return '[unprintable]';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
