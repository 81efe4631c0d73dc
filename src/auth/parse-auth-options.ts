import * as z from 'zod/mini';
import { ConfigError } from '../errors/config-error';
import { describeIssues, toFieldIssues, withMessages } from '../internal/zod-issues';

/** Parses a factory's options, or throws one {@link ConfigError} listing every problem. */
export function parseAuthOptions<T>(factory: string, schema: z.core.$ZodType<T>, options: unknown): T {
  const result = z.safeParse(schema, options, withMessages);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error);
  throw new ConfigError(`${factory}: invalid options. ${describeIssues(issues)}`, issues);
}
