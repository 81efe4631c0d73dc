import type { Shipment, ShipmentListOptions } from '../../index';
import { dateFlag, integerFlag, stringFlag } from '../args';
import { printResumeCursor, type CommandContext } from '../context';
import { connect } from '../credentials';
import { UsageError } from '../errors';
import { createRowWriter, type Column } from '../output';
import { Progress } from '../progress';

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

/** `shipments`: of one order, of one PO, or of every order modified since a date (resumable). */
export async function shipmentsCommand(context: CommandContext): Promise<number> {
  const { flags, terminal } = context;
  const order = integerFlag(flags, 'order', { min: 1, max: Number.MAX_SAFE_INTEGER });
  const po = stringFlag(flags, 'po');
  const since = dateFlag(flags, 'since');
  const cursor = stringFlag(flags, 'cursor');
  const modes = [order !== undefined, po !== undefined, since !== undefined || cursor !== undefined].filter(Boolean).length;
  if (modes !== 1) {
    throw new UsageError(modes === 0 ? 'shipments: say which shipments' : 'shipments: --order, --po and --since/--cursor exclude each other', 'give one of --order ID, --po NUMBER, --since DATE (optionally with --cursor C)');
  }
  if ((order !== undefined || po !== undefined) && flags['page-size'] !== undefined) throw new UsageError('shipments: --page-size goes with --since or --cursor', 'drop --page-size');
  const pageSize = integerFlag(flags, 'page-size');
  const connection = await connect(flags, context.io, terminal, { onEvent: context.onEvent });
  const writer = createRowWriter(context.format, terminal, SHIPMENT_COLUMNS);
  const request = context.signal ? { signal: context.signal } : {};
  try {
    if (order !== undefined || po !== undefined) {
      const shipments = order !== undefined ? await connection.source.shipments.forOrder(order, request) : await connection.source.shipments.forPurchaseOrder(po!, request);
      for (const shipment of shipments) await writer.write(shipment);
      await writer.end();
      return 0;
    }
    const progress = new Progress(terminal, 'shipments', 'orders');
    const options: ShipmentListOptions = {
      ...(since === undefined ? {} : { since }),
      ...(cursor === undefined ? {} : { cursor }),
      ...(pageSize === undefined ? {} : { pageSize }),
      ...request,
      onProgress: (state) => progress.update(state.ordersDone, undefined, `${state.shipmentsYielded} shipments`),
    };
    let lastCursor = cursor;
    const pages = connection.source.shipments.pages(options);
    try {
      for await (const page of pages) {
        for (const shipment of page.items) await writer.write(shipment);
        lastCursor = page.cursor;
        if (context.signal?.aborted) throw context.signal.reason;
      }
    } catch (error) {
      progress.clear();
      const fromError = typeof (error as { cursor?: unknown })?.cursor === 'string' ? (error as { cursor: string }).cursor : undefined;
      printResumeCursor(context, 'shipments', fromError ?? lastCursor);
      await writer.end().catch(() => {});
      throw error;
    }
    progress.clear();
    await writer.end();
    // The checkpoint for the next run: every shipment up to now is behind it.
    if (lastCursor) terminal.err(`bigcommerce-source: to carry on from here next time: bigcommerce-source shipments --cursor ${lastCursor}\n`);
    return 0;
  } finally {
    await connection.close();
  }
}
