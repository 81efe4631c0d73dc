import * as z from 'zod/mini';
import { ValidationError } from '../../errors/validation-error';
import { decodeBase64Url, encodeBase64Url } from '../../internal/base64url-text';
import { isoDateTime } from '../../internal/iso-datetime';

/** An order status id, as `statusIds` lists them: an integer ≥ 0. */
export const isStatusId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** What a shipments cursor holds: where the checkpoint is and the filters it was made with. */
export const shipmentCursorSchema = z.strictObject({
  v: z.literal(1),
  kind: z.literal('shipments'),
  /** The checkpoint: ISO 8601, whole seconds. Orders modified at or after it are read next. */
  since: isoDateTime(true),
  /** The status filter: ids, or 'all'. */
  statusIds: z.custom<'all' | number[]>((value) => value === 'all' || (Array.isArray(value) && value.every(isStatusId))),
  /** Shipments already yielded for orders modified in the checkpoint's second. */
  seen: z.array(z.int()),
});

export type ShipmentCursor = z.infer<typeof shipmentCursorSchema>;

/** An opaque, URL-safe string: base64url of the JSON. Not a secret, not signed: it is validated on the way in. */
export function encodeShipmentCursor(cursor: ShipmentCursor): string {
  return encodeBase64Url(JSON.stringify(cursor));
}

/** @throws {@link ValidationError} naming `cursor` for anything that is not a shipments cursor. */
export function decodeShipmentCursor(text: string): ShipmentCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeBase64Url(text) ?? '');
  } catch {
    parsed = undefined;
  }
  const result = shipmentCursorSchema.safeParse(parsed);
  if (result.success) return result.data;
  const message = 'expected a cursor from a page of shipments.list() or shipments.pages()';
  throw new ValidationError(`shipments: invalid options. cursor: ${message}.`, [{ path: 'cursor', message }]);
}
