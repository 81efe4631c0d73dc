import type * as z from 'zod/mini';
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
  return error.issues.map((issue) => ({ path: formatIssuePath(issue.path, prefix), message: issue.message }));
}

/** One line per issue: `items[2].quantity: Too small: expected number to be >0`. */
export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((issue) => `${issue.path || '(value)'}: ${issue.message}`).join('; ');
}
