import type { z } from 'zod';
import { ConfigError } from '../errors/config-error';
import { describeIssues, toFieldIssues } from '../internal/zod-issues';

/** Parses a factory's options, or throws one {@link ConfigError} listing every problem. */
export function parseAuthOptions<T>(factory: string, schema: z.ZodType<T>, options: unknown): T {
  const result = schema.safeParse(options);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error);
  throw new ConfigError(`${factory}: invalid options. ${describeIssues(issues)}`, issues);
}
