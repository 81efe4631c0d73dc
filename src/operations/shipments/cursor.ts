import { z } from 'zod';
import { ValidationError } from '../../errors/validation-error';

/** What a shipments cursor holds: where the checkpoint is and the filters it was made with. */
export const shipmentCursorSchema = z.strictObject({
  v: z.literal(1),
  kind: z.literal('shipments'),
  /** The checkpoint: ISO 8601, whole seconds. Orders modified at or after it are read next. */
  since: z.iso.datetime({ offset: true }),
  /** The status filter: ids, or 'all'. */
  statusIds: z.union([z.literal('all'), z.array(z.number().int().min(0))]),
  /** Shipments already yielded for orders modified in the checkpoint's second. */
  seen: z.array(z.number().int()),
});

export type ShipmentCursor = z.infer<typeof shipmentCursorSchema>;

/** An opaque, URL-safe string: base64url of the JSON. Not a secret, not signed: it is validated on the way in. */
export function encodeShipmentCursor(cursor: ShipmentCursor): string {
  const bytes = new TextEncoder().encode(JSON.stringify(cursor));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** @throws {@link ValidationError} naming `cursor` for anything that is not a shipments cursor. */
export function decodeShipmentCursor(text: string): ShipmentCursor {
  let parsed: unknown;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    parsed = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))));
  } catch {
    parsed = undefined;
  }
  const result = shipmentCursorSchema.safeParse(parsed);
  if (result.success) return result.data;
  const message = 'expected a cursor from a page of shipments.list() or shipments.pages()';
  throw new ValidationError(`shipments: invalid options. cursor: ${message}.`, [{ path: 'cursor', message }]);
}
