import type { OrderChangesOptions, OrderSnapshot } from '../../index';
import type { CommandContext } from '../context';
import { connect } from '../credentials';
import { UsageError } from '../errors';
import { stringFlag } from '../flag-values';
import { readIncrementalFlags, writeIncrementalPages } from '../incremental';
import { createRowWriter, type Column } from '../output';

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
  const asked = await readIncrementalFlags(context, 'orders', ['page-size', 'status', 'external-source']);
  const statusIds = statusFlag(stringFlag(flags, 'status'));
  const externalSource = stringFlag(flags, 'external-source');
  const connection = await connect(flags, context.io, terminal, { onEvent: context.onEvent });
  const writer = createRowWriter(context.format, terminal, ORDER_COLUMNS);
  const request = context.signal ? { signal: context.signal } : {};
  try {
    if (asked.kind === 'one') {
      const { orderId, po } = asked;
      const order = await connection.source.orders.get(orderId !== undefined ? { orderId } : { poNumber: po! }, request);
      await writer.write(order);
      await writer.end();
      return 0;
    }
    const { cursor, since, pageSize } = asked;
    // The cursor carries `since`, the statuses and the source; both given, the SDK takes the cursor.
    const options: OrderChangesOptions = {
      ...(cursor === undefined ? { ...(since ? { since: since.iso } : {}), ...(statusIds ? { statusIds } : {}), ...(externalSource ? { externalSource } : {}) } : { cursor }),
      ...(pageSize === undefined ? {} : { pageSize }),
      ...request,
    };
    reporter.start('orders', 'orders');
    return await writeIncrementalPages(
      context,
      'orders',
      asked,
      connection.source.orders.changePages(options),
      writer,
      (count) => `${count} order${count === 1 ? '' : 's'} changed`,
      () => reporter.progress({ done: writer.count, fields: { ordersYielded: writer.count } }),
    );
  } finally {
    await connection.close();
  }
}
