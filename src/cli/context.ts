import type { SourceEvent } from '../index';
import type { Flags } from './args';
import type { CliIo, Terminal } from './io';
import type { Format } from './output';

/** What every command gets. */
export interface CommandContext {
  readonly flags: Flags;
  readonly positionals: readonly string[];
  readonly io: CliIo;
  readonly terminal: Terminal;
  readonly format: Format;
  readonly signal: AbortSignal | undefined;
  /** The SDK's events, written to stderr under `--debug`. */
  readonly onEvent: ((event: SourceEvent) => void) | undefined;
}

/** Prints where to resume a run that stopped early. */
export function printResumeCursor(context: CommandContext, command: string, cursor: string | undefined): void {
  if (cursor) context.terminal.err(`bigcommerce-source: stopped early; resume with: bigcommerce-source ${command} --cursor ${cursor}\n`);
}
