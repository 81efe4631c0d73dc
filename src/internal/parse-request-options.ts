import * as z from 'zod/mini';
import { ValidationError } from '../errors/validation-error';
import { describeIssues, toFieldIssues, withMessages } from './zod-issues';
import type { RequestOptions } from './request-options';

/** Limits shared by the source's options and every call's {@link RequestOptions}. */
export const timeoutMsSchema = z.int().check(z.minimum(1), z.maximum(2_147_483_647));
export const maxRetriesSchema = z.int().check(z.minimum(0), z.maximum(20));

/** The per-call options every operation accepts; operations extend this with their own. */
export const requestOptionsShape = {
  signal: z.optional(z.custom<AbortSignal>((value) => value instanceof AbortSignal, 'expected an AbortSignal')),
  timeoutMs: z.optional(timeoutMsSchema),
  maxRetries: z.optional(maxRetriesSchema),
};

const requestOptionsSchema = z.strictObject(requestOptionsShape);

/**
 * Validates an operation's options (or, with `what`, another input) before anything is sent.
 * @throws {@link ValidationError} naming every bad option.
 */
export function parseOperationOptions<T>(operation: string, schema: z.core.$ZodType<T>, options: unknown, what = 'options'): T {
  const result = z.safeParse(schema, options ?? {}, withMessages);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error);
  throw new ValidationError(`${operation}: invalid ${what}. ${describeIssues(issues)}`, issues);
}

/** Validates plain {@link RequestOptions}. */
export function parseRequestOptions(operation: string, options: unknown): RequestOptions {
  return parseOperationOptions(operation, requestOptionsSchema, options);
}
