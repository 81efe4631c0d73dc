import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';
import { allOptions, COMMAND_SPECS, COMMANDS, isCommand, optionsOf, type CommandName, type OptionTable } from './options';

export type { CommandName } from './options';

/** Parsed flags: strings and booleans by long name. */
export type Flags = Readonly<Record<string, string | boolean | undefined>>;

export type ParsedCommandLine =
  | { readonly kind: 'help'; readonly command: CommandName | undefined }
  | { readonly kind: 'version' }
  | { readonly kind: 'run'; readonly command: CommandName; readonly flags: Flags; readonly positionals: readonly string[] };

type ParserOptions = NonNullable<ParseArgsConfig['options']>;

/** The table in the form `node:util`'s parseArgs takes. */
function parserOptions(table: OptionTable): ParserOptions {
  const options: ParserOptions = {};
  for (const [name, spec] of Object.entries(table)) options[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  return options;
}

/**
 * Reads argv (without `node` and the script): the command may come before or after the options.
 * Throws {@link UsageError} for an unknown command or option, or a missing value.
 */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) return { kind: 'version' };
  // A first, loose pass with every option of every command finds the command, wherever it is.
  const loose = parseArgs({ args: [...argv], options: parserOptions(allOptions()), strict: false, allowPositionals: true, tokens: true });
  const commandToken = loose.tokens.find((token) => token.kind === 'positional');
  const name = commandToken?.kind === 'positional' ? commandToken.value : undefined;
  if (!isCommand(name)) {
    if (loose.values.help) return { kind: 'help', command: undefined };
    if (name === undefined) throw new UsageError('no command given', `one of ${COMMANDS.join(', ')}; bigcommerce-source help`);
    throw new UsageError(`unknown command ${JSON.stringify(name)}`, `one of ${COMMANDS.join(', ')}`);
  }
  const rest = argv.filter((_, index) => index !== commandToken!.index);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: parserOptions(optionsOf(name)), strict: true, allowPositionals: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split(/\. |\n/)[0]! : String(error);
    throw new UsageError(`${name}: ${message.replace(/^Option '(.+?)'/, "option '$1'")}`, `bigcommerce-source help ${name}`);
  }
  if (name === 'help') {
    const topic = parsed.positionals[0] ?? (parsed.values.help ? 'help' : undefined);
    if (topic !== undefined && !isCommand(topic)) throw new UsageError(`help: unknown command ${JSON.stringify(topic)}`, `one of ${COMMANDS.join(', ')}`);
    return { kind: 'help', command: topic };
  }
  if (parsed.values.help) return { kind: 'help', command: name };
  const allowed = COMMAND_SPECS[name].positionals;
  if (parsed.positionals.length > allowed) {
    throw new UsageError(`${name}: unexpected argument ${JSON.stringify(parsed.positionals[allowed])}`, `bigcommerce-source help ${name}`);
  }
  return { kind: 'run', command: name, flags: parsed.values as Flags, positionals: parsed.positionals };
}
