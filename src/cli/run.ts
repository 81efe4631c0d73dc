import { VERSION, type SourceEvent } from '../index';
import { parseCommandLine, type CommandName } from './args';
import type { CommandContext } from './context';
import { errorLine } from './error-line';
import { debugDetails, exitCodeOf } from './errors';
import { integerFlag, stringFlag } from './flag-values';
import { commandHelp, generalHelp } from './help';
import { exitCodeOfStop, Interrupted } from './interrupt';
import { Terminal, type CliIo } from './io';
import { COMMAND_SPECS, ENV } from './options';
import { parseFormat } from './output';
import { Reporter, type ReportMode } from './reporter';
import { demoCommand } from './commands/demo';
import { inventoryCommand } from './commands/inventory';
import { ordersCommand } from './commands/orders';
import { sandboxCommand } from './commands/sandbox';
import { sendOrderCommand } from './commands/send-order';
import { shipmentsCommand } from './commands/shipments';
import { verifyCommand } from './commands/verify';

export type { CliIo, CliWritable } from './io';

const COMMAND_RUNNERS: Readonly<Record<Exclude<CommandName, 'help'>, (context: CommandContext) => Promise<number>>> = {
  verify: verifyCommand,
  inventory: inventoryCommand,
  'send-order': sendOrderCommand,
  shipments: shipmentsCommand,
  orders: ordersCommand,
  demo: demoCommand,
  sandbox: sandboxCommand,
};

function reportMode(flags: Readonly<Record<string, unknown>>, isTTY: boolean): ReportMode {
  if (flags.quiet === true) return 'quiet';
  if (flags['json-progress'] === true) return 'json';
  return isTTY ? 'tty' : 'plain';
}

/**
 * Runs the CLI in-process and resolves to its exit code: 0 success, 1 the operation failed, 2 usage
 * or configuration error, 130 and 143 stopped by SIGINT and SIGTERM (see {@link Interrupted}).
 * Never throws; errors become one line on stderr (with the stack under `--debug`), and no output
 * ever contains the access token.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const terminal = new Terminal(io);
  let debug = argv.includes('--debug');
  let reporter: Reporter | undefined;
  const onStop = () => {
    const reason: unknown = io.signal?.reason;
    if (reason instanceof Interrupted && reason.signal) {
      terminal.err(`bigcommerce-source: ${reason.signal}: stopping cleanly (send it again to stop at once)\n`);
    }
  };
  io.signal?.addEventListener('abort', onStop, { once: true });
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.kind === 'version') {
      await terminal.out(`${VERSION}\n`);
      return 0;
    }
    if (parsed.kind === 'help') {
      await terminal.out(parsed.command ? commandHelp(parsed.command) : generalHelp());
      return 0;
    }
    if (parsed.command === 'help') return 0;
    debug = parsed.flags.debug === true;
    // The token is a secret from the moment it is read, even before it is used. The sandbox server
    // has no credentials to protect: the token it prints is its own, even when it equals the variable.
    if (COMMAND_SPECS[parsed.command].connects) terminal.addSecret(io.env?.[ENV.accessToken]);
    terminal.addSecret(stringFlag(parsed.flags, 'access-token'));
    const intervalMs = (integerFlag(parsed.flags, 'progress-every') ?? 5) * 1000;
    reporter = new Reporter(terminal, reportMode(parsed.flags, terminal.isTTY), intervalMs);
    const events = reporter.event;
    const context: CommandContext = {
      command: parsed.command,
      flags: parsed.flags,
      positionals: parsed.positionals,
      io,
      terminal,
      format: parseFormat(stringFlag(parsed.flags, 'format')),
      signal: io.signal,
      onEvent: (event: SourceEvent) => {
        if (debug) terminal.err(`debug: ${terminal.redact(JSON.stringify(event))}\n`);
        events(event);
      },
      reporter,
      redact: terminal.redact,
    };
    return await COMMAND_RUNNERS[parsed.command](context);
  } catch (error) {
    reporter?.stop();
    const stopped = io.signal?.aborted === true;
    const reason: unknown = io.signal?.reason;
    const shown = stopped ? (reason instanceof Interrupted ? reason : new Interrupted(undefined, reason instanceof Error ? reason.message : 'interrupted')) : error;
    terminal.err(`${errorLine(shown, terminal.redact)}\n`);
    if (debug) terminal.err(`${debugDetails(error, terminal.redact)}\n`);
    return stopped ? exitCodeOfStop(reason) : exitCodeOf(error);
  } finally {
    reporter?.stop();
    io.signal?.removeEventListener('abort', onStop);
  }
}
