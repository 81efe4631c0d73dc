import * as z from 'zod/mini';
import { isoDateTime } from '../../internal/iso-datetime';
import { decodeCheckpointCursor, encodeCheckpointCursor, isStatusId } from '../checkpoint/checkpoint-cursor';

export { isStatusId };

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
  /** While a crowded checkpoint second is read by id: the last order id read in it. */
  afterId: z.optional(z.int().check(z.minimum(0))),
});

export type ShipmentCursor = z.infer<typeof shipmentCursorSchema>;

/** An opaque, URL-safe string: base64url of the JSON. Not a secret, not signed: it is validated on the way in. */
export function encodeShipmentCursor(cursor: ShipmentCursor): string {
  return encodeCheckpointCursor(cursor);
}

/** @throws {@link ValidationError} naming `cursor` for anything that is not a shipments cursor. */
export function decodeShipmentCursor(text: string): ShipmentCursor {
  return decodeCheckpointCursor(text, shipmentCursorSchema, 'shipments', 'expected a cursor from a page of shipments.list() or shipments.pages()');
}
