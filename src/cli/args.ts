import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Options every subcommand takes. */
const GLOBAL_OPTIONS = {
  'store-hash': { type: 'string' },
  'client-id': { type: 'string' },
  'access-token': { type: 'string' },
  'api-url': { type: 'string' },
  sandbox: { type: 'boolean' },
  'sandbox-scopes': { type: 'string' },
  'sandbox-quirks': { type: 'string' },
  format: { type: 'string' },
  timeout: { type: 'string' },
  'max-retries': { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

const COMMAND_OPTIONS = {
  verify: {
    'customer-policy': { type: 'string' },
    locations: { type: 'boolean' },
  },
  inventory: {
    'skip-hidden': { type: 'boolean' },
    'page-size': { type: 'string' },
    'modified-since': { type: 'string' },
    locations: { type: 'boolean' },
    cursor: { type: 'string' },
  },
  'send-order': {
    'customer-policy': { type: 'string' },
    pricing: { type: 'string' },
    concurrency: { type: 'string' },
  },
  shipments: {
    order: { type: 'string' },
    po: { type: 'string' },
    since: { type: 'string' },
    cursor: { type: 'string' },
    'page-size': { type: 'string' },
  },
  demo: {},
} as const satisfies Record<string, OptionSpec>;

export type CommandName = keyof typeof COMMAND_OPTIONS;
export const COMMANDS = Object.keys(COMMAND_OPTIONS) as CommandName[];

/** Parsed flags: strings and booleans by long name. */
export type Flags = Readonly<Record<string, string | boolean | undefined>>;

export type ParsedCommandLine =
  | { readonly kind: 'help'; readonly command: CommandName | undefined }
  | { readonly kind: 'version' }
  | { readonly kind: 'run'; readonly command: CommandName; readonly flags: Flags; readonly positionals: readonly string[] };

const GLOBAL_USAGE = `Connection (any subcommand):
  --sandbox                 use the embedded sandbox store (no credentials, nothing leaves the process)
  --sandbox-quirks LIST      play other readings of undocumented behaviour, e.g. externalOrderIdMatch=prefix,skuFilterCaseSensitive
  --store-hash HASH         or BIGCOMMERCE_STORE_HASH (the hash, a store URL or the API path)
  --access-token TOKEN      or BIGCOMMERCE_ACCESS_TOKEN (prefer the variable: flags show up in ps)
  --client-id ID            or BIGCOMMERCE_CLIENT_ID (optional)
  --api-url URL             or BIGCOMMERCE_API_URL (default https://api.bigcommerce.com)
  --timeout MS              per request attempt (default 30000)
  --max-retries N           retries of a failed read (default 5)
Output:
  --format ndjson|table|csv NDJSON on stdout by default
  --debug                   stack traces and every request on stderr (never a token)
  -h, --help`;

const USAGE: Readonly<Record<CommandName, string>> = {
  verify: `bigcommerce-source verify [--customer-policy guest|create-if-missing|require-existing] [--locations]
  Checks the connection and the scopes the operations need, and says which are missing.`,
  inventory: `bigcommerce-source inventory [--skip-hidden] [--page-size N] [--modified-since DATE] [--locations] [--cursor C]
  Streams every sellable SKU. DATE: ISO 8601 (2026-11-26, 2026-11-26T10:00:00Z) or an age (90m, 24h, 7d).`,
  'send-order': `bigcommerce-source send-order FILE|- [--customer-policy guest|create-if-missing|require-existing] [--pricing store|po] [--concurrency N]
  Sends one purchase order (a JSON object) or many (NDJSON, one per line, or a JSON array). - reads stdin.`,
  shipments: `bigcommerce-source shipments (--order ID | --po NUMBER | --since DATE [--cursor C] | --cursor C) [--page-size N]
  Shipments of one order, of one PO, or of every order modified since DATE.`,
  demo: `bigcommerce-source demo
  The whole flow against the embedded sandbox store, no credentials: verify, inventory, orders under
  each customer policy, a shipment, and a short report.`,
};

/** The general usage, or one subcommand's. */
export function usage(command?: CommandName): string {
  if (command) return `Usage: ${USAGE[command]}\n\n${GLOBAL_USAGE}\n`;
  const lines = COMMANDS.map((name) => `  ${USAGE[name].split('\n')[0]!.replace('bigcommerce-source ', '')}`);
  return `Usage: bigcommerce-source <command> [options]\n\nCommands:\n${lines.join('\n')}\n\n${GLOBAL_USAGE}\n\nExit codes: 0 success, 1 the operation failed, 2 usage or configuration error.\nbigcommerce-source <command> --help for a command's options.\n`;
}

function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMAND_OPTIONS, name);
}

/**
 * Reads argv (without `node` and the script): the subcommand may come before or after the global
 * options. Throws {@link UsageError} for an unknown command or option, or a missing value.
 */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) return { kind: 'version' };
  const allOptions: OptionSpec = { ...GLOBAL_OPTIONS };
  for (const options of Object.values(COMMAND_OPTIONS)) Object.assign(allOptions, options);
  const loose = parseArgs({ args: [...argv], options: allOptions, strict: false, allowPositionals: true, tokens: true });
  const commandToken = loose.tokens.find((token) => token.kind === 'positional');
  const name = commandToken?.kind === 'positional' ? commandToken.value : undefined;
  if (!isCommand(name)) {
    if (loose.values.help) return { kind: 'help', command: undefined };
    if (name === undefined) throw new UsageError('no command given', `one of ${COMMANDS.join(', ')}; bigcommerce-source --help`);
    throw new UsageError(`unknown command ${JSON.stringify(name)}`, `one of ${COMMANDS.join(', ')}`);
  }
  const rest = argv.filter((_, index) => index !== commandToken!.index);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...COMMAND_OPTIONS[name] }, strict: true, allowPositionals: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split(/\. |\n/)[0]! : String(error);
    throw new UsageError(`${name}: ${message.replace(/^Option '(.+?)'/, "option '$1'")}`, `bigcommerce-source ${name} --help`);
  }
  if (parsed.values.help) return { kind: 'help', command: name };
  if (name !== 'send-order' && parsed.positionals.length > 0) {
    throw new UsageError(`${name}: unexpected argument ${JSON.stringify(parsed.positionals[0])}`, `bigcommerce-source ${name} --help`);
  }
  return { kind: 'run', command: name, flags: parsed.values as Flags, positionals: parsed.positionals };
}

/** A string flag's value, or undefined. */
export function stringFlag(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

/** A whole number, or a UsageError naming the flag. Range checks are the SDK's, except where noted. */
export function integerFlag(flags: Flags, name: string, range?: { min: number; max: number }): number | undefined {
  const raw = stringFlag(flags, name);
  if (raw === undefined) return undefined;
  const text = raw.trim();
  const value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || (range && (value < range.min || value > range.max))) {
    const expected = range ? `a whole number from ${range.min} to ${range.max}` : 'a whole number';
    throw new UsageError(`--${name} takes ${expected}, got ${JSON.stringify(raw)}`, `e.g. --${name} ${range?.min ?? 1}`);
  }
  return value;
}

/** One of a fixed set of words. */
export function choiceFlag<T extends string>(flags: Flags, name: string, choices: readonly T[]): T | undefined {
  const raw = stringFlag(flags, name);
  if (raw === undefined) return undefined;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new UsageError(`--${name} takes ${choices.join(', ')}; got ${JSON.stringify(raw)}`, `e.g. --${name} ${choices[0]}`);
  }
  return raw as T;
}

/**
 * A date flag: ISO 8601 passes through for the SDK to check (it names the option if it is wrong),
 * an age such as `90m`, `24h` or `7d` becomes the time that long ago.
 */
export function dateFlag(flags: Flags, name: string, nowMs: number = Date.now()): string | undefined {
  const raw = stringFlag(flags, name)?.trim();
  if (raw === undefined) return undefined;
  const age = /^(\d+)\s*([smhd])$/.exec(raw);
  if (age) {
    const unitMs = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[age[2] as 's' | 'm' | 'h' | 'd'];
    return new Date(nowMs - Number(age[1]) * unitMs).toISOString();
  }
  // A bare date means its midnight UTC; the SDK's shipments option wants a full timestamp.
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return `${raw}T00:00:00Z`;
  return raw;
}
