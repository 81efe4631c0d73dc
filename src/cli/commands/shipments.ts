import { resumeCursorOf, type Shipment, type ShipmentListOptions } from '../../index';
import { readCheckpoint, writeCheckpoint } from '../checkpoint';
import { printResumeCommand, type CommandContext } from '../context';
import { connect } from '../credentials';
import { UsageError } from '../errors';
import { dateFlag, integerFlag, stringFlag } from '../flag-values';
import { createRowWriter, type Column } from '../output';
import { formatDuration } from '../progress';
import { shellQuote } from '../resume';

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
  const order = integerFlag(flags, 'order');
  const po = stringFlag(flags, 'po');
  const since = dateFlag(flags, 'since');
  const checkpointPath = stringFlag(flags, 'checkpoint');
  let cursor = stringFlag(flags, 'cursor');
  const modes = [order !== undefined, po !== undefined, since !== undefined || cursor !== undefined || checkpointPath !== undefined].filter(Boolean).length;
  if (modes !== 1) {
    throw new UsageError(modes === 0 ? 'shipments: say which shipments' : 'shipments: --order, --po and --since/--cursor/--checkpoint exclude each other', 'give one of --order ID, --po NUMBER, --since DATE (optionally with --checkpoint FILE)');
  }
  if ((order !== undefined || po !== undefined) && flags['page-size'] !== undefined) throw new UsageError('shipments: --page-size goes with --since or --cursor', 'drop --page-size');
  const pageSize = integerFlag(flags, 'page-size');
  const saved = checkpointPath === undefined ? undefined : await readCheckpoint(checkpointPath, 'shipments');
  if (saved) {
    cursor = saved.cursor;
    const ignored = since ? ` (--since ${stringFlag(flags, 'since')} is not used: the checkpoint carries its own)` : '';
    terminal.err(`bigcommerce-source: carrying on from --checkpoint ${context.redact(shellQuote(checkpointPath!))} written ${saved.writtenAt}${ignored}\n`);
  } else if (checkpointPath !== undefined && since === undefined && cursor === undefined) {
    throw new UsageError(`shipments: --checkpoint ${checkpointPath} does not exist yet: the first run needs --since DATE`, 'add --since, e.g. --since 1d');
  }
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
    const options: ShipmentListOptions = {
      // The cursor carries `since`; both given, the SDK takes the cursor.
      ...(cursor === undefined && since !== undefined ? { since: since.iso } : {}),
      ...(cursor === undefined ? {} : { cursor }),
      ...(pageSize === undefined ? {} : { pageSize }),
      ...request,
      onProgress: (state) => reporter.progress({ done: state.ordersDone, extra: `${state.shipmentsYielded} shipments`, fields: state }),
    };
    let lastCursor = cursor;
    const pages = connection.source.shipments.pages(options);
    reporter.start('shipments', 'orders');
    try {
      for await (const page of pages) {
        for (const shipment of page.items) await writer.write(shipment);
        lastCursor = page.cursor;
        if (checkpointPath !== undefined) await writeCheckpoint(checkpointPath, { command: 'shipments', filters: {}, cursor: page.cursor });
        if (context.signal?.aborted) throw context.signal.reason;
      }
    } catch (error) {
      reporter.stop();
      printResumeCommand(context, resumeCursorOf(error) ?? lastCursor, {}, 'stopped');
      await writer.end().catch(() => {});
      throw error;
    }
    await writer.end();
    reporter.stop(`shipments: ${writer.count} shipment${writer.count === 1 ? '' : 's'}, ${reporter.requests} requests, ${formatDuration(reporter.elapsedMs)}`);
    // The checkpoint for the next run: every shipment up to now is behind it.
    printResumeCommand(context, lastCursor, {}, 'next');
    return 0;
  } finally {
    await connection.close();
  }
}
