import { ApiError, isBigCommerceError, type FieldIssue } from '../index';
import { errorName, hintFor } from './errors';
import { CREDENTIAL_LENGTH } from './io';

/**
 * Turns a value into what may be printed: every registered secret replaced (only those at least
 * `minimumLength` long, when given).
 */
export type Redact = (value: string, minimumLength?: number) => string;

const keep: Redact = (value) => value;


/** Queries longer than this are shortened in a printed line; the error object keeps the whole URL. */
export const MAX_PRINTED_QUERY = 300;

/**
 * Shortens every query string longer than {@link MAX_PRINTED_QUERY} characters (250 variant ids
 * make a 1 100-character error line): its start, then how long it was.
 */
export function shortenQueries(text: string): string {
  return text.replace(/(\/[^\s?]*)\?([^\s]+)/g, (whole, path: string, query: string) =>
    query.length > MAX_PRINTED_QUERY ? `${path}?${query.slice(0, 80)}… (a query of ${query.length} characters)` : whole,
  );
}

/**
 * One punctuation mark where two meet: the store's sentence ends with a period and ours adds one
 * (`endpoint.. The token`), or ours follows a `?` or `!`. An ellipsis (`...`) stays.
 */
export function tidyPunctuation(text: string): string {
  return text
    .replace(/(?<!\.)\.\.(?!\.)/g, '.')
    .replace(/([!?;:,])\.(?=\s|$)/g, (_, mark: string) => (mark === '!' || mark === '?' ? mark : '.'));
}

const QUOTED = /"((?:[^"\\]|\\.)*)"/g;

/**
 * zod's `(value): Unrecognized key: "pagesize"` names the object, not the key: this names each key
 * as a path (`pagesize: unknown key`, `shippingAddress.zipp: unknown key`).
 */
export function nameUnknownKeys(text: string): string {
  return text.replace(/(\S+): Unrecognized keys?: ("(?:[^"\\]|\\.)*"(?:, "(?:[^"\\]|\\.)*")*)/g, (_, path: string, keys: string) => {
    const base = path === '(value)' ? '' : `${path}.`;
    return [...keys.matchAll(QUOTED)].map((match) => `${base}${match[1]}: unknown key`).join('; ');
  });
}

/** The same for structured issues: an unknown key becomes an issue at its own path. */
export function issuesWithKeyPaths(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.flatMap((issue) => {
    const match = /^Unrecognized keys?: (.*)$/.exec(issue.message);
    if (!match) return [issue];
    return [...match[1]!.matchAll(QUOTED)].map((key) => ({ path: issue.path ? `${issue.path}.${key[1]}` : key[1]!, message: 'unknown key' }));
  });
}

/** The message on one line, without the SDK's `[bigcommerce-source]` prefix; `redact` applied before anything else. */
export function oneLineMessage(error: unknown, redact: Redact = keep): string {
  const raw = redact(error instanceof Error ? error.message : String(error));
  return raw.replace(/^\[bigcommerce-source(?:\/testing)?\]\s*/, '').replace(/\s+/g, ' ').trim();
}

/**
 * The message as printed. The SDK builds its messages from redacted values, so its wording is left
 * as it is (a token that happens to be a word never rewrites it), and only a credential-length
 * secret is scrubbed from it, as a last resort; any other error's message is entirely foreign
 * text and is redacted whole.
 */
export function printedMessage(error: unknown, redact: Redact = keep): string {
  const message = oneLineMessage(error, isBigCommerceError(error) ? (text) => redact(text, CREDENTIAL_LENGTH) : redact);
  return tidyPunctuation(nameUnknownKeys(shortenQueries(message)));
}

function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/**
 * The one line printed for an error: `bigcommerce-source: <Class>: <message>. Hint: <hint>.`,
 * with `prefix` (e.g. `PO PO-7: `) after the program's name.
 */
export function errorLine(error: unknown, redact: Redact = keep, prefix = ''): string {
  const name = errorName(error);
  let message = name === 'AbortError' ? 'interrupted' : printedMessage(error, redact);
  if (error instanceof ApiError && !message.includes(error.path.split('?')[0]!)) message = `${message} (${error.method} ${shortenQueries(error.path)})`;
  const hint = hintFor(error, redact);
  return tidyPunctuation(`bigcommerce-source: ${prefix}${name}: ${hint ? `${sentence(message)} Hint: ${sentence(hint)}` : message}`);
}
