import * as z from 'zod/mini';
import { INSTANT_RULE, parseInstant } from '../../internal/iso-datetime';
import { requestOptionsShape } from '../../internal/parse-request-options';
import { V2_MAX_PAGE_SIZE } from '../../internal/v2-pages';
import { isStatusId } from './checkpoint-cursor';

/**
 * The options every "since a checkpoint" read of orders takes: `since` or `cursor`, `statusIds`,
 * `pageSize`, and the per-call request options. Predicates rather than unions: one message that
 * says what is expected (a union's is 'Invalid input'), and no union in the bundle.
 */
export const checkpointOptionsShape = {
  ...requestOptionsShape,
  since: z.optional(z.custom<Date | string>((value) => parseInstant(value) !== undefined, INSTANT_RULE)),
  statusIds: z.optional(
    z.custom<'all' | number[]>(
      (value) => value === 'all' || (Array.isArray(value) && value.length > 0 && value.every(isStatusId)),
      "expected 'all' or a non-empty array of order status ids (integers ≥ 0)",
    ),
  ),
  cursor: z.optional(z.string().check(z.minLength(1))),
  pageSize: z.optional(z.int().check(z.minimum(1), z.maximum(V2_MAX_PAGE_SIZE))),
};

/** The check that a run has a start: `since`, or a cursor that carries one. */
export const sinceOrCursor = z.refine<{ since?: unknown; cursor?: unknown }>((options) => options.since !== undefined || options.cursor !== undefined, {
  message: 'give since (a Date or an ISO 8601 string) or a cursor',
  path: ['since'],
});
