import * as z from 'zod/mini';
import { ConfigError } from '../errors/config-error';
import { describeIssues, toFieldIssues, withMessages } from '../internal/zod-issues';

/**
 * A credential sent as a header (`X-Auth-Token`, `X-Auth-Client`): trimmed, then visible ASCII
 * only. A line break would make fetch refuse the request with an error quoting the value, and a
 * non-ASCII character is sent mangled; either way the value must not be sent or shown.
 */
export const headerValueSchema = z.string().check(
  z.trim(),
  z.minLength(1, 'expected a non-empty string'),
  z.regex(/^[\x21-\x7e]+$/, 'expected visible ASCII characters without spaces; the value has others (a line break, a space, a non-ASCII letter)'),
);

/** Parses a factory's options, or throws one {@link ConfigError} listing every problem. */
export function parseAuthOptions<T>(factory: string, schema: z.core.$ZodType<T>, options: unknown): T {
  const result = z.safeParse(schema, options, withMessages);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error);
  throw new ConfigError(`${factory}: invalid options. ${describeIssues(issues)}`, issues);
}
