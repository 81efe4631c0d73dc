import { VERSION, type SourceEvent } from '../index';
import { parseCommandLine, stringFlag, usage, type CommandName } from './args';
import type { CommandContext } from './context';
import { debugDetails, errorLine, exitCodeOf } from './errors';
import { Terminal, type CliIo } from './io';
import { parseFormat } from './output';
import { demoCommand } from './commands/demo';
import { inventoryCommand } from './commands/inventory';
import { sendOrderCommand } from './commands/send-order';
import { shipmentsCommand } from './commands/shipments';
import { verifyCommand } from './commands/verify';

export type { CliIo, CliWritable } from './io';

const COMMAND_RUNNERS: Readonly<Record<CommandName, (context: CommandContext) => Promise<number>>> = {
  verify: verifyCommand,
  inventory: inventoryCommand,
  'send-order': sendOrderCommand,
  shipments: shipmentsCommand,
  demo: demoCommand,
};

/**
 * Runs the CLI in-process and resolves to its exit code: 0 success, 1 the operation failed, 2 usage
 * or configuration error. Never throws; errors become one line on stderr (with the stack under
 * `--debug`), and no output ever contains the access token.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const terminal = new Terminal(io);
  let debug = argv.includes('--debug');
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.kind === 'version') {
      await terminal.out(`${VERSION}\n`);
      return 0;
    }
    if (parsed.kind === 'help') {
      await terminal.out(usage(parsed.command));
      return 0;
    }
    debug = parsed.flags.debug === true;
    // The token is a secret from the moment it is read, even before it is used.
    terminal.addSecret(stringFlag(parsed.flags, 'access-token'));
    terminal.addSecret(io.env?.BIGCOMMERCE_ACCESS_TOKEN);
    const context: CommandContext = {
      flags: parsed.flags,
      positionals: parsed.positionals,
      io,
      terminal,
      format: parseFormat(stringFlag(parsed.flags, 'format')),
      signal: io.signal,
      onEvent: debug ? (event: SourceEvent) => terminal.err(`debug: ${JSON.stringify(event)}\n`) : undefined,
    };
    return await COMMAND_RUNNERS[parsed.command](context);
  } catch (error) {
    const reason: unknown = io.signal?.reason;
    const stopped = io.signal?.aborted ? Object.assign(new Error(reason instanceof Error ? reason.message : 'interrupted'), { name: 'Interrupted' }) : error;
    terminal.err(`${errorLine(stopped)}\n`);
    if (debug) terminal.err(`${debugDetails(error)}\n`);
    return io.signal?.aborted ? 1 : exitCodeOf(error);
  }
}
