import type { Shipment, ShipmentListOptions } from '../../index';
import type { CommandContext } from '../context';
import { connect } from '../credentials';
import { readIncrementalFlags, writeIncrementalPages } from '../incremental';
import { createRowWriter, type Column } from '../output';

export const SHIPMENT_COLUMNS: readonly Column<Shipment>[] = [
  { header: 'id', value: (shipment) => shipment.id },
  { header: 'orderId', value: (shipment) => shipment.orderId },
  { header: 'poNumber', value: (shipment) => shipment.poNumber },
  { header: 'carrier', value: (shipment) => shipment.carrier },
  { header: 'carrierCode', value: (shipment) => shipment.carrierCode, table: false },
  { header: 'trackingNumber', value: (shipment) => shipment.trackingNumber },
  { header: 'trackingUrl', value: (shipment) => shipment.trackingUrl, table: false },
  { header: 'shippingMethod', value: (shipment) => shipment.shippingMethod, table: false },
  { header: 'shippedAt', value: (shipment) => shipment.shippedAt },
  { header: 'items', value: (shipment) => shipment.items.map((item) => `${item.sku}×${item.quantity}`).join(' ') },
];

/**
 * `shipments`: of one order, of one PO, or of every order modified since a date. The last is
 * incremental: it ends with the command that carries on from there next time, and `--checkpoint`
 * keeps that point in a file (kept when the run completes: it is the next run's start).
 */
export async function shipmentsCommand(context: CommandContext): Promise<number> {
  const { flags, terminal, reporter } = context;
  const asked = await readIncrementalFlags(context, 'shipments', ['page-size']);
  const connection = await connect(flags, context.io, terminal, { onEvent: context.onEvent });
  const writer = createRowWriter(context.format, terminal, SHIPMENT_COLUMNS);
  const request = context.signal ? { signal: context.signal } : {};
  try {
    if (asked.kind === 'one') {
      const { orderId, po } = asked;
      const shipments = orderId !== undefined ? await connection.source.shipments.forOrder(orderId, request) : await connection.source.shipments.forPurchaseOrder(po!, request);
      for (const shipment of shipments) await writer.write(shipment);
      await writer.end();
      return 0;
    }
    const { cursor, since, pageSize } = asked;
    const options: ShipmentListOptions = {
      // The cursor carries `since`; both given, the SDK takes the cursor.
      ...(cursor === undefined && since !== undefined ? { since: since.iso } : {}),
      ...(cursor === undefined ? {} : { cursor }),
      ...(pageSize === undefined ? {} : { pageSize }),
      ...request,
      onProgress: (state) => reporter.progress({ done: state.ordersDone, extra: `${state.shipmentsYielded} shipments`, fields: state }),
    };
    reporter.start('shipments', 'orders');
    return await writeIncrementalPages(context, 'shipments', asked, connection.source.shipments.pages(options), writer, (count) => `${count} shipment${count === 1 ? '' : 's'}`);
  } finally {
    await connection.close();
  }
}
