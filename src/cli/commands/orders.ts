import { resumeCursorOf, type OrderChangesOptions, type OrderSnapshot } from '../../index';
import { readCheckpoint, writeCheckpoint } from '../checkpoint';
import { printResumeCommand, type CommandContext } from '../context';
import { connect } from '../credentials';
import { UsageError } from '../errors';
import { dateFlag, integerFlag, stringFlag } from '../flag-values';
import { createRowWriter, type Column } from '../output';
import { formatDuration } from '../progress';
import { shellQuote } from '../resume';

export const ORDER_COLUMNS: readonly Column<OrderSnapshot>[] = [
  { header: 'orderId', value: (order) => order.orderId },
  { header: 'poNumber', value: (order) => order.poNumber },
  { header: 'status', value: (order) => order.status },
  { header: 'statusId', value: (order) => order.statusId, table: false },
  { header: 'statusName', value: (order) => order.statusName },
  { header: 'itemsTotal', value: (order) => order.itemsTotal },
  { header: 'itemsShipped', value: (order) => order.itemsShipped },
  { header: 'refundedAmount', value: (order) => order.refundedAmount },
  { header: 'archived', value: (order) => order.archived, table: false },
  { header: 'externalSource', value: (order) => order.externalSource, table: false },
  { header: 'dateModified', value: (order) => order.dateModified },
];

/** `--status 4,5,6,14` or `all`, as `orders.changes` takes it. */
function statusFlag(text: string | undefined): OrderChangesOptions['statusIds'] {
  if (text === undefined) return undefined;
  if (text.trim() === 'all') return 'all';
  const ids = text.split(',').map((part) => part.trim());
  if (ids.length === 0 || !ids.every((id) => /^\d{1,2}$/.test(id) && Number(id) <= 14)) {
    throw new UsageError(`--status takes status ids from 0 to 14, comma-separated, or all; got ${JSON.stringify(text)}`, 'e.g. --status 4,5,6,14 (refunded, cancelled, declined, partially refunded)');
  }
  return ids.map(Number);
}

/**
 * `orders`: the state of one sent order (by PO number or id), or of every order modified since a
 * date (resumable and incremental, as `shipments --since`): cancelled, refunded, shipped…
 */
export async function ordersCommand(context: CommandContext): Promise<number> {
  const { flags, terminal, reporter } = context;
  const orderId = integerFlag(flags, 'order');
  const po = stringFlag(flags, 'po');
  const since = dateFlag(flags, 'since');
  const checkpointPath = stringFlag(flags, 'checkpoint');
  let cursor = stringFlag(flags, 'cursor');
  const modes = [orderId !== undefined, po !== undefined, since !== undefined || cursor !== undefined || checkpointPath !== undefined].filter(Boolean).length;
  if (modes !== 1) {
    throw new UsageError(modes === 0 ? 'orders: say which orders' : 'orders: --order, --po and --since/--cursor/--checkpoint exclude each other', 'give one of --order ID, --po NUMBER, --since DATE (optionally with --checkpoint FILE)');
  }
  const changeFlags = ['page-size', 'status', 'external-source'].filter((name) => flags[name] !== undefined);
  if ((orderId !== undefined || po !== undefined) && changeFlags.length > 0) throw new UsageError(`orders: --${changeFlags[0]} goes with --since or --cursor`, `drop --${changeFlags[0]}`);
  const pageSize = integerFlag(flags, 'page-size');
  const statusIds = statusFlag(stringFlag(flags, 'status'));
  const externalSource = stringFlag(flags, 'external-source');
  const saved = checkpointPath === undefined ? undefined : await readCheckpoint(checkpointPath, 'orders');
  if (saved) {
    cursor = saved.cursor;
    const ignored = since ? ` (--since ${stringFlag(flags, 'since')} is not used: the checkpoint carries its own)` : '';
    terminal.err(`bigcommerce-source: carrying on from --checkpoint ${context.redact(shellQuote(checkpointPath!))} written ${saved.writtenAt}${ignored}\n`);
  } else if (checkpointPath !== undefined && since === undefined && cursor === undefined) {
    throw new UsageError(`orders: --checkpoint ${checkpointPath} does not exist yet: the first run needs --since DATE`, 'add --since, e.g. --since 1d');
  }
  const connection = await connect(flags, context.io, terminal, { onEvent: context.onEvent });
  const writer = createRowWriter(context.format, terminal, ORDER_COLUMNS);
  const request = context.signal ? { signal: context.signal } : {};
  try {
    if (orderId !== undefined || po !== undefined) {
      const order = await connection.source.orders.get(orderId !== undefined ? { orderId } : { poNumber: po! }, request);
      await writer.write(order);
      await writer.end();
      return 0;
    }
    // The cursor carries `since`, the statuses and the source; both given, the SDK takes the cursor.
    const options: OrderChangesOptions = {
      ...(cursor === undefined ? { ...(since ? { since: since.iso } : {}), ...(statusIds ? { statusIds } : {}), ...(externalSource ? { externalSource } : {}) } : { cursor }),
      ...(pageSize === undefined ? {} : { pageSize }),
      ...request,
    };
    let lastCursor = cursor;
    const pages = connection.source.orders.changePages(options);
    reporter.start('orders', 'orders');
    try {
      for await (const page of pages) {
        for (const order of page.items) await writer.write(order);
        lastCursor = page.cursor;
        reporter.progress({ done: writer.count, fields: { ordersYielded: writer.count } });
        if (checkpointPath !== undefined) await writeCheckpoint(checkpointPath, { command: 'orders', filters: {}, cursor: page.cursor });
        if (context.signal?.aborted) throw context.signal.reason;
      }
    } catch (error) {
      reporter.stop();
      printResumeCommand(context, resumeCursorOf(error) ?? lastCursor, {}, 'stopped');
      await writer.end().catch(() => {});
      throw error;
    }
    await writer.end();
    reporter.stop(`orders: ${writer.count} order${writer.count === 1 ? '' : 's'} changed, ${reporter.requests} requests, ${formatDuration(reporter.elapsedMs)}`);
    printResumeCommand(context, lastCursor, {}, 'next');
    return 0;
  } finally {
    await connection.close();
  }
}
