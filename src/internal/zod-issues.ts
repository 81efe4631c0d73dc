import * as z from 'zod/mini';
import type { FieldIssue } from '../errors/field-issue';

/** Formats a zod path as `items[2].quantity`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>, prefix = ''): string {
  let result = prefix;
  for (const key of path) {
    if (typeof key === 'number') result += `[${key}]`;
    else result += result === '' ? String(key) : `.${String(key)}`;
  }
  return result;
}

/** zod issues as field issues, in the order zod found them. */
export function toFieldIssues(error: z.core.$ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: formatIssuePath(issue.path, prefix),
    // Parsed without `withMessages` (the HTTP core's response checks): word the bare issues here.
    message: issue.message === UNWORDED ? issueMessage(issue) : issue.message,
  }));
}

/** One line per issue: `items[2].quantity: Too small: expected number to be >0`. */
export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((issue) => `${issue.path || '(value)'}: ${issue.message}`).join('; ');
}

/** What zod/mini says for every issue that has no message of its own: it loads no locale. */
const UNWORDED = 'Invalid input';

/**
 * The parse context of the SDK's own checks: issues without a message of their own get one from
 * {@link issueMessage}, which can then also name the type received. Never the value: a misplaced
 * secret must not end up in a message.
 */
export const withMessages: z.core.ParseContext<z.core.$ZodIssue> = { error: (issue) => issueMessage(issue) };

/**
 * A message for an issue, worded as zod's English locale words it (`Too small: expected number to
 * be >=1`), from the issue's code and fields. Only what the SDK's schemas raise without a message
 * of their own is worded: zod/mini's locale would weigh more, and configuring it would be a global
 * side effect on the application's zod.
 */
export function issueMessage(issue: z.core.$ZodIssue | z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // `input` is there while parsing (withMessages); finished issues no longer carry it.
      return `Invalid input: expected ${issue.expected}${'input' in issue ? `, received ${typeName(issue.input)}` : ''}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Invalid input: expected ${showValue(issue.values[0])}`
        : `Invalid option: expected one of ${issue.values.map(showValue).join('|')}`;
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
      return `${big ? 'Too big' : 'Too small'}: expected ${issue.origin} ${unit ? 'to have' : 'to be'} ${big ? '<' : '>'}${issue.inclusive ? '=' : ''}${big ? issue.maximum : issue.minimum}${unit}`;
    }
    case 'invalid_format':
      return `Invalid ${issue.format === 'datetime' ? 'ISO datetime' : issue.format}`;
    case 'unrecognized_keys':
      return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map(showValue).join(', ')}`;
    default:
      return UNWORDED;
  }
}

/**
 * Rejects the value from inside `z.transform`, whose context (unlike classic zod's) has no
 * `addIssue`: the issue is a custom one with this message, at the transform's path.
 */
export function reject(context: z.core.ParsePayload, message: string): never {
  context.issues.push({ code: 'custom', message, input: context.value });
  return z.NEVER;
}

/** The type of a value as zod's messages name it: `undefined`, `null`, `array`, `NaN`, `Date`… */
function typeName(input: unknown): string {
  if (typeof input === 'number') return Number.isNaN(input) ? 'NaN' : Number.isFinite(input) ? 'number' : String(input);
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  // A class instance by its class, as zod names it: `Date`, `AbortSignal`…
  return typeof input === 'object' && Object.getPrototypeOf(input) !== Object.prototype ? (input.constructor?.name ?? 'object') : typeof input;
}

function showValue(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}
