import type { SourceEvent } from '../index';
import type { Flags } from './args';
import type { Redact } from './error-line';
import type { CliIo, Terminal } from './io';
import type { CommandName } from './options';
import type { Format } from './output';
import type { Reporter } from './reporter';
import { resumeCommand } from './resume';

/** What every command gets. */
export interface CommandContext {
  readonly command: CommandName;
  readonly flags: Flags;
  readonly positionals: readonly string[];
  readonly io: CliIo;
  readonly terminal: Terminal;
  readonly format: Format;
  /** Aborted by SIGINT, SIGTERM or a closed stdout: stop after the page in hand. */
  readonly signal: AbortSignal | undefined;
  /** The SDK's events: to the reporter (retries, waits, request counts), and to stderr under `--debug`. */
  readonly onEvent: (event: SourceEvent) => void;
  /** Progress, retries and waits on stderr, as `--quiet`, `--json-progress` and the terminal decide. */
  readonly reporter: Reporter;
  readonly redact: Redact;
}

/**
 * Prints the command that replays the run from `cursor`: `stopped` after a run that ended early,
 * `next` for the checkpoint of an incremental run that completed.
 */
export function printResumeCommand(
  context: CommandContext,
  cursor: string | undefined,
  overrides: Readonly<Record<string, string | boolean | undefined>>,
  kind: 'stopped' | 'next',
): void {
  if (!cursor) return;
  const { line, omitted } = resumeCommand(context.command, context.flags, context.positionals, { ...overrides, cursor });
  const lead = kind === 'stopped' ? 'stopped early; resume with:' : 'to carry on from here next time:';
  context.terminal.err(`bigcommerce-source: ${lead} ${context.redact(line)}\n`);
  if (omitted.length > 0) {
    context.terminal.err(`bigcommerce-source: the command above leaves out ${omitted.join(' and ')}: set the environment variable instead, or add it back\n`);
  }
}
