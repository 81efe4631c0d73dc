import type { InventoryItem, InventoryOptions } from '../../operations/inventory';
import { dateFlag, integerFlag, stringFlag } from '../args';
import { printResumeCursor, type CommandContext } from '../context';
import { connect } from '../credentials';
import { createRowWriter, type Column } from '../output';
import { formatDuration, Progress } from '../progress';

export const INVENTORY_COLUMNS: readonly Column<InventoryItem>[] = [
  { header: 'sku', value: (item) => item.sku },
  { header: 'productId', value: (item) => item.productId },
  { header: 'variantId', value: (item) => item.variantId },
  { header: 'productName', value: (item) => item.productName },
  { header: 'options', value: (item) => item.optionValues.map((option) => `${option.name}=${option.value}`).join('; ') },
  { header: 'quantity', value: (item) => item.quantity },
  { header: 'inventoryTracking', value: (item) => item.inventoryTracking, table: false },
  { header: 'isVisible', value: (item) => item.isVisible },
  { header: 'purchasingDisabled', value: (item) => item.purchasingDisabled, table: false },
  { header: 'availability', value: (item) => item.availability, table: false },
  { header: 'price', value: (item) => item.price },
  { header: 'salePrice', value: (item) => item.salePrice, table: false },
  { header: 'costPrice', value: (item) => item.costPrice, table: false },
  { header: 'upc', value: (item) => item.upc, table: false },
  { header: 'gtin', value: (item) => item.gtin, table: false },
  { header: 'mpn', value: (item) => item.mpn, table: false },
  { header: 'dateModified', value: (item) => item.dateModified, table: false },
  { header: 'locations', value: (item) => item.locations?.map((stock) => `${stock.code}:${stock.availableToSell}`).join(' ') },
];

/** `inventory`: every sellable SKU, streamed; prints the resume cursor if it stops early. */
export async function inventoryCommand(context: CommandContext): Promise<number> {
  const { flags, terminal } = context;
  const pageSize = integerFlag(flags, 'page-size');
  const startCursor = stringFlag(flags, 'cursor');
  const progress = new Progress(terminal, 'inventory', 'products');
  const options: InventoryOptions = {
    skipHiddenProducts: flags['skip-hidden'] === true,
    ...(pageSize === undefined ? {} : { pageSize }),
    ...(flags['modified-since'] === undefined ? {} : { modifiedSince: dateFlag(flags, 'modified-since') }),
    ...(startCursor === undefined ? {} : { cursor: startCursor }),
    locations: flags.locations === true,
    ...(context.signal ? { signal: context.signal } : {}),
    onProgress: (state) => progress.update(state.productsDone, state.productsTotal, `${state.itemsYielded} items`),
  };
  const connection = await connect(flags, context.io, terminal, { onEvent: context.onEvent });
  const writer = createRowWriter(context.format, terminal, INVENTORY_COLUMNS);
  let lastCursor = startCursor;
  let requests = 0;
  let products = 0;
  try {
    // pages() checks the options at once: a bad one throws here, before any request and any cursor.
    const pages = connection.source.inventory.pages(options);
    let started = false;
    try {
      for await (const page of pages) {
        started = true;
        for (const item of page.items) await writer.write(item);
        lastCursor = page.cursor;
        requests = page.progress.requests;
        products = page.progress.productsDone;
        progress.update(page.progress.productsDone, page.progress.productsTotal, `${page.progress.itemsYielded} items`);
        if (context.signal?.aborted) throw context.signal.reason;
      }
    } catch (error) {
      progress.clear();
      const fromError = typeof (error as { cursor?: unknown })?.cursor === 'string' ? (error as { cursor: string }).cursor : undefined;
      if (started || startCursor) printResumeCursor(context, 'inventory', fromError ?? lastCursor);
      await writer.end().catch(() => {});
      throw error;
    }
    progress.clear();
    await writer.end();
    if (terminal.isTTY) {
      terminal.err(`inventory: ${writer.count} items from ${products} products, ${requests} requests, ${formatDuration(progress.elapsedMs)}\n`);
    }
    return 0;
  } finally {
    await connection.close();
  }
}
