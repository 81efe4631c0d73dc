import * as z from 'zod/mini';
import { ValidationError } from '../../errors/validation-error';
import { decodeBase64Url, encodeBase64Url } from '../../internal/base64url-text';

/** An order status id, as `statusIds` lists them: an integer ≥ 0. */
export const isStatusId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** A status filter as a cursor keeps it: `'all'`, or the ids sorted without repeats. */
export function normalizeStatusIds(statusIds: readonly number[] | 'all'): number[] | 'all' {
  return statusIds === 'all' ? 'all' : [...new Set(statusIds)].sort((a, b) => a - b);
}

/**
 * A checkpoint cursor as an opaque, URL-safe string: base64url of its JSON. Not a secret, not
 * signed: it is validated on the way in.
 */
export function encodeCheckpointCursor(cursor: object): string {
  return encodeBase64Url(JSON.stringify(cursor));
}

/**
 * Reads a cursor made by {@link encodeCheckpointCursor} with `schema`.
 * @throws {@link ValidationError} naming `cursor`, with `expected`, for anything else.
 */
export function decodeCheckpointCursor<T>(text: string, schema: z.core.$ZodType<T>, operation: string, expected: string): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeBase64Url(text) ?? '');
  } catch {
    parsed = undefined;
  }
  const result = z.safeParse(schema, parsed);
  if (result.success) return result.data;
  throw new ValidationError(`${operation}: invalid options. cursor: ${expected}.`, [{ path: 'cursor', message: expected }]);
}
