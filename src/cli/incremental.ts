import { resumeCursorOf } from '../index';
import { readCheckpoint, writeCheckpoint, type Checkpoint } from './checkpoint';
import { printResumeCommand, type CommandContext } from './context';
import { UsageError } from './errors';
import { dateFlag, integerFlag, stringFlag } from './flag-values';
import type { RowWriter } from './output';
import { formatDuration } from './progress';
import { shellQuote } from './resume';

/** What an incremental command (`shipments`, `orders`) was asked for. */
export type IncrementalRequest =
  | { readonly kind: 'one'; readonly orderId: number | undefined; readonly po: string | undefined }
  | {
      readonly kind: 'since';
      readonly since: { readonly iso: string } | undefined;
      /** From `--cursor`, or the checkpoint's when `--checkpoint FILE` exists (it wins over the flags). */
      readonly cursor: string | undefined;
      readonly checkpointPath: string | undefined;
      readonly pageSize: number | undefined;
    };

/**
 * Reads the flags both incremental commands share: exactly one of `--order`, `--po` and
 * `--since`/`--cursor`/`--checkpoint`, and an existing checkpoint, which wins over the command
 * line (said on stderr). `listOnly` are the flags that go only with `--since`.
 * @throws {@link UsageError} for another combination, or a checkpoint a first run cannot start from.
 */
export async function readIncrementalFlags(context: CommandContext, command: Checkpoint['command'], listOnly: readonly string[]): Promise<IncrementalRequest> {
  const { flags, terminal } = context;
  const orderId = integerFlag(flags, 'order');
  const po = stringFlag(flags, 'po');
  const since = dateFlag(flags, 'since');
  const checkpointPath = stringFlag(flags, 'checkpoint');
  let cursor = stringFlag(flags, 'cursor');
  const modes = [orderId !== undefined, po !== undefined, since !== undefined || cursor !== undefined || checkpointPath !== undefined].filter(Boolean).length;
  if (modes !== 1) {
    throw new UsageError(
      modes === 0 ? `${command}: say which ${command}` : `${command}: --order, --po and --since/--cursor/--checkpoint exclude each other`,
      'give one of --order ID, --po NUMBER, --since DATE (optionally with --checkpoint FILE)',
    );
  }
  if (orderId !== undefined || po !== undefined) {
    const listFlag = listOnly.find((name) => flags[name] !== undefined);
    if (listFlag) throw new UsageError(`${command}: --${listFlag} goes with --since or --cursor`, `drop --${listFlag}`);
    return { kind: 'one', orderId, po };
  }
  const saved = checkpointPath === undefined ? undefined : await readCheckpoint(checkpointPath, command);
  if (saved) {
    cursor = saved.cursor;
    const ignored = since ? ` (--since ${stringFlag(flags, 'since')} is not used: the checkpoint carries its own)` : '';
    terminal.err(`bigcommerce-source: carrying on from --checkpoint ${context.redact(shellQuote(checkpointPath!))} written ${saved.writtenAt}${ignored}\n`);
  } else if (checkpointPath !== undefined && since === undefined && cursor === undefined) {
    throw new UsageError(`${command}: --checkpoint ${checkpointPath} does not exist yet: the first run needs --since DATE`, 'add --since, e.g. --since 1d');
  }
  return { kind: 'since', since, cursor, checkpointPath, pageSize: integerFlag(flags, 'page-size') };
}

/**
 * Writes every page's items, saves each page's cursor in the checkpoint (kept when the run ends:
 * it is the next run's start), and ends with the command that carries on from there: after a stop,
 * the one that resumes the run; after a complete run, the one for next time.
 */
export async function writeIncrementalPages<T>(
  context: CommandContext,
  command: Checkpoint['command'],
  request: Extract<IncrementalRequest, { kind: 'since' }>,
  pages: AsyncIterable<{ readonly items: readonly T[]; readonly cursor: string }>,
  writer: RowWriter<T>,
  summary: (count: number) => string,
  onPage: () => void = () => {},
): Promise<number> {
  const { reporter } = context;
  let lastCursor = request.cursor;
  try {
    for await (const page of pages) {
      for (const item of page.items) await writer.write(item);
      lastCursor = page.cursor;
      onPage();
      if (request.checkpointPath !== undefined) await writeCheckpoint(request.checkpointPath, { command, filters: {}, cursor: page.cursor });
      if (context.signal?.aborted) throw context.signal.reason;
    }
  } catch (error) {
    reporter.stop();
    printResumeCommand(context, resumeCursorOf(error) ?? lastCursor, {}, 'stopped');
    await writer.end().catch(() => {});
    throw error;
  }
  await writer.end();
  reporter.stop(`${command}: ${summary(writer.count)}, ${reporter.requests} requests, ${formatDuration(reporter.elapsedMs)}`);
  printResumeCommand(context, lastCursor, {}, 'next');
  return 0;
}
