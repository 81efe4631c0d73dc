import { resumeCursorOf, type InventoryOptions } from '../../index';
import { deleteCheckpoint, readCheckpoint, writeCheckpoint } from '../checkpoint';
import { printResumeCommand, type CommandContext } from '../context';
import { connect } from '../credentials';
import { dateFlag, integerFlag, stringFlag } from '../flag-values';
import { createRowWriter } from '../output';
import { formatDuration } from '../progress';
import { shellQuote } from '../resume';
import { INVENTORY_CSV_COLUMNS, INVENTORY_TABLE_COLUMNS } from './inventory-columns';

/** The filters of a run, as flags: what a cursor and a checkpoint belong to. */
interface InventoryFilters {
  readonly 'skip-hidden': boolean;
  /** Absolute: an age given on the command line is resolved once, at the start of the first run. */
  readonly 'modified-since'?: string;
  readonly locations: boolean;
}

/**
 * `inventory`: every SKU, streamed. Stopped early, it prints the command that replays the run from
 * the last page written; with `--checkpoint`, the same point is kept in a file after every page.
 */
export async function inventoryCommand(context: CommandContext): Promise<number> {
  const { flags, terminal, reporter } = context;
  const pageSize = integerFlag(flags, 'page-size');
  const checkpointPath = stringFlag(flags, 'checkpoint');
  const modifiedSince = dateFlag(flags, 'modified-since');
  let filters: InventoryFilters = {
    'skip-hidden': flags['skip-hidden'] === true,
    ...(modifiedSince ? { 'modified-since': modifiedSince.iso } : {}),
    locations: flags.locations === true,
  };
  let startCursor = stringFlag(flags, 'cursor');
  const saved = checkpointPath === undefined ? undefined : await readCheckpoint(checkpointPath, 'inventory');
  if (saved) {
    filters = {
      'skip-hidden': saved.filters['skip-hidden'] === true,
      ...(typeof saved.filters['modified-since'] === 'string' ? { 'modified-since': saved.filters['modified-since'] } : {}),
      locations: saved.filters.locations === true,
    };
    startCursor = saved.cursor;
    const relative = modifiedSince?.relative ? ` (--modified-since ${stringFlag(flags, 'modified-since')} is not recomputed)` : '';
    terminal.err(
      `bigcommerce-source: resuming from --checkpoint ${context.redact(shellQuote(checkpointPath!))} written ${saved.writtenAt}; its filters win${relative}: ` +
        `${describeFilters(filters)}\n`,
    );
  }
  const options: InventoryOptions = {
    skipHiddenProducts: filters['skip-hidden'],
    ...(filters['modified-since'] === undefined ? {} : { modifiedSince: filters['modified-since'] }),
    locations: filters.locations,
    ...(pageSize === undefined ? {} : { pageSize }),
    ...(startCursor === undefined ? {} : { cursor: startCursor }),
    ...(context.signal ? { signal: context.signal } : {}),
    onProgress: (state) => reporter.progress({ done: state.productsDone, total: state.productsTotal, extra: `${state.itemsYielded} items`, fields: state }),
  };
  const connection = await connect(flags, context.io, terminal, { onEvent: context.onEvent });
  const writer = createRowWriter(context.format, terminal, INVENTORY_TABLE_COLUMNS, INVENTORY_CSV_COLUMNS);
  // What the printed command and the checkpoint say: every filter, relative dates made absolute.
  const overrides = { 'skip-hidden': filters['skip-hidden'], 'modified-since': filters['modified-since'], locations: filters.locations };
  let lastCursor = startCursor;
  let requests = 0;
  let products = 0;
  try {
    // pages() checks the options at once: a bad one throws here, before any request and any cursor.
    const pages = connection.source.inventory.pages(options);
    reporter.start('inventory', 'products');
    let started = false;
    try {
      for await (const page of pages) {
        started = true;
        for (const item of page.items) await writer.write(item);
        lastCursor = page.cursor;
        requests = page.progress.requests;
        products = page.progress.productsDone;
        if (checkpointPath !== undefined) await writeCheckpoint(checkpointPath, { command: 'inventory', filters: definedFilters(filters), cursor: page.cursor });
        // Stop after the page in hand: everything printed so far is behind the cursor.
        if (context.signal?.aborted) throw context.signal.reason;
      }
    } catch (error) {
      reporter.stop();
      if (started || startCursor) printResumeCommand(context, resumeCursorOf(error) ?? lastCursor, overrides, 'stopped');
      await writer.end().catch(() => {});
      throw error;
    }
    await writer.end();
    if (checkpointPath !== undefined) await deleteCheckpoint(checkpointPath);
    reporter.stop(`inventory: ${writer.count} items from ${products} products, ${requests} requests, ${formatDuration(reporter.elapsedMs)}`);
    return 0;
  } finally {
    await connection.close();
  }
}

function definedFilters(filters: InventoryFilters): Record<string, string | boolean> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as Record<string, string | boolean>;
}

function describeFilters(filters: InventoryFilters): string {
  const words = [filters['skip-hidden'] ? '--skip-hidden' : 'hidden products included', filters['modified-since'] ? `--modified-since ${filters['modified-since']}` : 'every product', filters.locations ? '--locations' : 'no locations'];
  return words.join(', ');
}
