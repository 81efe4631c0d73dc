// The one table of the command line: every command, every option, with what help prints for it.
// The parser (args.ts), the value checks (flag-values.ts) and help (help.ts) all read it, so help
// and parser cannot disagree.

/** One option of the command line. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The value's placeholder in help, e.g. `N`, `DATE`. */
  readonly value?: string;
  readonly description: string;
  /** Shown as `(default …)`. */
  readonly default?: string;
  /** For whole numbers: the accepted range, checked before anything is sent. */
  readonly range?: { readonly min: number; readonly max: number };
  /** For words: the accepted ones. */
  readonly choices?: readonly string[];
  /** The environment variable read when the option is not given. */
  readonly env?: string;
  /** Never repeated in a printed command (a resume line): a credential. */
  readonly secret?: boolean;
  /** Left out of a printed resume command: it names where to start, and the cursor replaces it. */
  readonly replacedByCursor?: boolean;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** A titled group of options, shared by several commands. */
export interface OptionGroup {
  readonly title: string;
  readonly options: OptionTable;
}

/** Environment variables the connection reads. */
export const ENV = {
  storeHash: 'BIGCOMMERCE_STORE_HASH',
  clientId: 'BIGCOMMERCE_CLIENT_ID',
  accessToken: 'BIGCOMMERCE_ACCESS_TOKEN',
  apiUrl: 'BIGCOMMERCE_API_URL',
} as const;

export const CUSTOMER_POLICIES = ['guest', 'create-if-missing', 'require-existing'] as const;
export const PRICINGS = ['store', 'po'] as const;
export const FORMATS = ['ndjson', 'table', 'csv'] as const;

const CONNECTION: OptionGroup = {
  title: 'Connection',
  options: {
    'store-hash': { type: 'string', value: 'HASH', env: ENV.storeHash, description: 'the store: its hash, a store URL or the API path' },
    'access-token': { type: 'string', value: 'TOKEN', env: ENV.accessToken, secret: true, description: 'a store-level API account token (prefer the variable: flags show up in ps)' },
    'client-id': { type: 'string', value: 'ID', env: ENV.clientId, description: 'sent as X-Auth-Client; optional' },
    'api-url': { type: 'string', value: 'URL', env: ENV.apiUrl, default: 'https://api.bigcommerce.com', description: 'the API origin; http only on a loopback host (e.g. a `bigcommerce-source sandbox` server)' },
    timeout: { type: 'string', value: 'MS', default: '30000', range: { min: 1, max: 2_147_483_647 }, description: 'milliseconds per request attempt' },
    'max-retries': { type: 'string', value: 'N', default: '5', range: { min: 0, max: 20 }, description: 'retries of a failed read (429, 5xx, timeouts, dropped connections)' },
    sandbox: { type: 'boolean', description: 'use a fresh in-memory sandbox store: no credentials, nothing leaves the process' },
    'sandbox-scopes': { type: 'string', value: 'LIST', description: 'with --sandbox: give its token only these comma-separated scopes' },
    'sandbox-quirks': { type: 'string', value: 'LIST', description: 'with --sandbox: other readings of undocumented behaviour to play, comma-separated name or name=value, e.g. externalOrderIdMatch=prefix,skuFilterCaseSensitive (see docs/testing.md)' },
  },
};

const OUTPUT: OptionGroup = {
  title: 'Output',
  options: {
    format: { type: 'string', value: 'FORMAT', choices: FORMATS, default: 'ndjson', description: 'records on stdout: NDJSON for programs, an aligned table or CSV for people' },
    quiet: { type: 'boolean', short: 'q', description: 'no progress, retry or summary lines on stderr (errors and resume lines still)' },
    'json-progress': { type: 'boolean', description: 'progress, retries and throttle waits as one JSON object per line on stderr' },
    'progress-every': { type: 'string', value: 'S', default: '5', range: { min: 1, max: 3600 }, description: 'off a terminal: seconds between progress lines' },
    debug: { type: 'boolean', description: 'stack traces, and every request and response on stderr (never a token)' },
  },
};

const HELP: OptionGroup = {
  title: 'Help',
  options: { help: { type: 'boolean', short: 'h', description: "this command's help" } },
};

const CHECKPOINT: OptionTable = {
  checkpoint: {
    type: 'string',
    value: 'FILE',
    description: 'after every page, write the cursor and the absolute filters to FILE (atomically); an existing FILE wins over the filters given',
  },
};

/** One command: its options, what it does, how to call it. */
export interface CommandSpec {
  /** One line, for the command list. */
  readonly summary: string;
  /** Usage lines, after `bigcommerce-source `. */
  readonly usage: readonly string[];
  /** What it does, a few lines. */
  readonly description: string;
  /** Its own options, listed first. */
  readonly options: OptionTable;
  /** Shared groups it also takes. */
  readonly groups: readonly OptionGroup[];
  /** Positional arguments: at most this many. */
  readonly positionals: number;
  readonly examples: readonly string[];
  /** Exit codes beyond the common ones, e.g. what 1 means here. */
  readonly exitCodes?: readonly string[];
  /** Whether it reads the store's credentials (help lists the variables). */
  readonly connects: boolean;
}

const DATE_FORMS = 'DATE: ISO 8601 (2026-11-26 is midnight UTC, 2026-11-26T10:00:00Z) or an age (90m, 24h, 7d) counted back from now';

export const COMMAND_SPECS = {
  verify: {
    summary: 'check the connection and the scopes the operations need',
    usage: ['verify [--customer-policy POLICY]'],
    description: 'Checks the connection (GET /v2/store), then each OAuth scope with one cheap request (nothing is ever written), one line per check.',
    options: {
      'customer-policy': { type: 'string', value: 'POLICY', choices: CUSTOMER_POLICIES, default: 'guest', description: 'the policy send-order will use: decides whether the customers scopes are required' },
      locations: { type: 'boolean', description: 'no effect (kept for scripts): inventory read is checked either way' },
    },
    groups: [CONNECTION, OUTPUT, HELP],
    positionals: 0,
    examples: ['bigcommerce-source verify --customer-policy create-if-missing --format table'],
    exitCodes: ['1: a required scope is missing, or the store refused or failed'],
    connects: true,
  },
  inventory: {
    summary: 'stream every sellable SKU',
    usage: ['inventory [--skip-hidden] [--modified-since DATE] [--locations] [--page-size N] [--cursor C | --checkpoint FILE]'],
    description: `Streams every SKU (one record per variant). Stopped early (an error, a signal), it prints the command that resumes it exactly.\n${DATE_FORMS}`,
    options: {
      'skip-hidden': { type: 'boolean', description: 'leave out hidden products (never downloaded)' },
      'modified-since': { type: 'string', value: 'DATE', description: 'only products changed since DATE' },
      locations: { type: 'boolean', description: "add each item's stock per inventory location" },
      'page-size': { type: 'string', value: 'N', default: '250', range: { min: 1, max: 250 }, description: 'products per request' },
      cursor: { type: 'string', value: 'C', replacedByCursor: true, description: 'resume a run that stopped (as printed, with the same filters)' },
      ...CHECKPOINT,
    },
    groups: [CONNECTION, OUTPUT, HELP],
    positionals: 0,
    examples: ['bigcommerce-source inventory --skip-hidden --modified-since 24h --checkpoint sync.json > items.ndjson'],
    connects: true,
  },
  'send-order': {
    summary: 'send purchase orders (JSON, NDJSON or a JSON array)',
    usage: ['send-order FILE|- [--customer-policy POLICY] [--pricing store|po] [--concurrency N]'],
    description:
      'Sends one purchase order (a JSON object) or many (NDJSON, or a JSON array); - reads stdin. Everything is read before anything is sent.\n' +
      'One record per PO, in input order; a PO already sent (even earlier in the same batch) comes back with "created": false.',
    options: {
      'customer-policy': { type: 'string', value: 'POLICY', choices: CUSTOMER_POLICIES, default: 'guest', description: "whose order it is: a guest's, the email's customer (created if missing), or an existing customer's only" },
      pricing: { type: 'string', value: 'PRICING', choices: PRICINGS, default: 'store', description: "store: BigCommerce prices the lines; po: each line's unitPrice" },
      concurrency: { type: 'string', value: 'N', default: '4', range: { min: 1, max: 64 }, description: 'purchase orders sent at once' },
    },
    groups: [CONNECTION, OUTPUT, HELP],
    positionals: 1,
    examples: ['bigcommerce-source send-order orders.ndjson --customer-policy create-if-missing > sent.ndjson'],
    exitCodes: ['1: a purchase order failed (the others were sent), or the store refused or failed'],
    connects: true,
  },
  shipments: {
    summary: 'shipments of an order, of a PO, or of every order modified since a date',
    usage: ['shipments --order ID', 'shipments --po NUMBER', 'shipments --since DATE [--page-size N] [--checkpoint FILE]', 'shipments --cursor C [--page-size N]'],
    description: `One record per shipment. With --since, the last stderr line is the command that carries on from there next time; with --checkpoint, FILE keeps that point for the next run.\n${DATE_FORMS}`,
    options: {
      order: { type: 'string', value: 'ID', range: { min: 1, max: Number.MAX_SAFE_INTEGER }, description: 'the shipments of one order' },
      po: { type: 'string', value: 'NUMBER', description: 'the shipments of the order with this PO number' },
      since: { type: 'string', value: 'DATE', replacedByCursor: true, description: 'the shipments of every order modified since DATE' },
      cursor: { type: 'string', value: 'C', replacedByCursor: true, description: 'carry on from a printed cursor (it holds --since)' },
      'page-size': { type: 'string', value: 'N', default: '250', range: { min: 1, max: 250 }, description: 'orders per request, with --since or --cursor' },
      ...CHECKPOINT,
    },
    groups: [CONNECTION, OUTPUT, HELP],
    positionals: 0,
    examples: ['bigcommerce-source shipments --since 1d --checkpoint shipments.json >> shipments.ndjson'],
    connects: true,
  },
  orders: {
    summary: 'the state of sent orders: one by PO or id, or every order modified since a date',
    usage: ['orders --po NUMBER', 'orders --order ID', 'orders --since DATE [--status LIST] [--external-source NAME] [--page-size N] [--checkpoint FILE]', 'orders --cursor C [--page-size N]'],
    description: `One record per order: its current state (status, items shipped, amount refunded), e.g. a PO the supplier cancelled. With --since, one record per order modified since DATE, and the last stderr line is the command that carries on from there next time; with --checkpoint, FILE keeps that point.\n${DATE_FORMS}`,
    options: {
      po: { type: 'string', value: 'NUMBER', description: 'the order with this PO number (the lowest id when several carry it)' },
      order: { type: 'string', value: 'ID', range: { min: 1, max: Number.MAX_SAFE_INTEGER }, description: 'the order with this id' },
      since: { type: 'string', value: 'DATE', replacedByCursor: true, description: 'every order modified since DATE' },
      status: { type: 'string', value: 'LIST', replacedByCursor: true, default: 'all', description: 'with --since: only orders now in these status ids, comma-separated (4,5,6,14: refunded, cancelled, declined, partially refunded)' },
      'external-source': { type: 'string', value: 'NAME', replacedByCursor: true, description: "with --since: only orders whose external_source is NAME (your sends' externalSource)" },
      cursor: { type: 'string', value: 'C', replacedByCursor: true, description: 'carry on from a printed cursor (it holds --since, --status and --external-source)' },
      'page-size': { type: 'string', value: 'N', default: '250', range: { min: 1, max: 250 }, description: 'orders per request, with --since or --cursor' },
      ...CHECKPOINT,
    },
    groups: [CONNECTION, OUTPUT, HELP],
    positionals: 0,
    examples: ['bigcommerce-source orders --since 1d --status 4,5,6,14 --checkpoint orders.json >> order-changes.ndjson'],
    connects: true,
  },
  demo: {
    summary: 'the whole flow against an embedded sandbox store, no credentials',
    usage: ['demo'],
    description: 'verify, inventory, orders under each customer policy, a shipment and a report, against a sandbox store served over HTTP on 127.0.0.1.',
    options: {},
    groups: [{ title: 'Output', options: { debug: OUTPUT.options.debug! } }, HELP],
    positionals: 0,
    examples: ['bigcommerce-source demo'],
    exitCodes: ['130, 143: stopped by SIGINT or SIGTERM'],
    connects: false,
  },
  sandbox: {
    summary: 'serve sandbox stores over HTTP until stopped, for other processes and tools',
    usage: ['sandbox [--port N] [--products N] [--seed S] [--stores N] [--state FILE] [--latency MS] [--quirks LIST] [--json]'],
    description:
      'Serves sandbox stores on a loopback address until SIGINT or SIGTERM; point any command at it with --api-url, and any client with its URL, store hash and token.\n' +
      'Prints the URL, store hash and token (with --json, as the first stdout line). The merchant\'s actions (ship, change an order\'s status, edit, hide or delete a product, change stock) are on /__sandbox/… (see docs/testing.md).',
    options: {
      port: { type: 'string', value: 'N', default: '0', range: { min: 0, max: 65_535 }, description: 'TCP port; 0 picks a free one' },
      host: { type: 'string', value: 'ADDR', default: '127.0.0.1', description: 'loopback address to listen on (127.0.0.1, ::1 or localhost)' },
      products: { type: 'string', value: 'N', range: { min: 0, max: 200_000 }, description: "a generated catalog of N products (default: the demo catalog, with TSHIRT-RED-M, MUG-1, a customer and two orders)" },
      seed: { type: 'string', value: 'S', default: '1', range: { min: 1, max: 2_147_483_647 }, description: 'with --products: the generator seed (store i uses S + i - 1)' },
      stores: { type: 'string', value: 'N', default: '1', range: { min: 1, max: 1000 }, description: 'how many stores: sandbox1 … sandboxN, each with its own catalog, latency and quota' },
      state: { type: 'string', value: 'FILE', description: 'keep the stores in FILE: restored at start, written atomically after every change' },
      latency: { type: 'string', value: 'MS', default: '0', range: { min: 0, max: 60_000 }, description: 'milliseconds before each answer' },
      quota: { type: 'string', value: 'N', default: '10000', range: { min: 1, max: 1_000_000 }, description: 'requests per window per store (BigCommerce Standard: 150)' },
      window: { type: 'string', value: 'MS', default: '30000', range: { min: 1, max: 3_600_000 }, description: "the quota's window" },
      quirks: { type: 'string', value: 'LIST', description: 'the quirks every store plays, comma-separated name or name=value (see docs/testing.md)' },
      json: { type: 'boolean', description: 'print {"url","storeHash","accessToken","stores"} as the first stdout line' },
    },
    groups: [HELP],
    positionals: 0,
    examples: ['bigcommerce-source sandbox --port 8787 --state sandbox.json', 'bigcommerce-source inventory --api-url http://127.0.0.1:8787 --store-hash sandbox1 --access-token sandbox-token'],
    exitCodes: ['0: stopped by SIGINT or SIGTERM (the state is written)'],
    connects: false,
  },
  help: {
    summary: "a command's options, defaults, ranges, variables, an example and exit codes",
    usage: ['help [COMMAND]'],
    description: 'The same as COMMAND --help; without COMMAND, the list of commands.',
    options: {},
    groups: [HELP],
    positionals: 1,
    examples: ['bigcommerce-source help inventory'],
    connects: false,
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMAND_SPECS;
export const COMMANDS = Object.keys(COMMAND_SPECS) as CommandName[];

/** Every option a command accepts, its own first: exactly what the parser accepts for it. */
export function optionsOf(command: CommandName): OptionTable {
  const spec: CommandSpec = COMMAND_SPECS[command];
  const table: Record<string, OptionSpec> = { ...spec.options };
  for (const group of spec.groups) Object.assign(table, group.options);
  return table;
}

/** Every option of every command: the first, loose pass finds the command with it. */
export function allOptions(): OptionTable {
  const table: Record<string, OptionSpec> = {};
  for (const command of COMMANDS) Object.assign(table, optionsOf(command));
  return table;
}

export function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMAND_SPECS, name);
}

/** Exit codes every command shares. */
export const EXIT_CODES = [
  '0: success',
  '1: the operation failed (the store refused or failed, or the run was stopped for another reason)',
  '2: usage or configuration error (an unknown option, a bad value, missing credentials); nothing was sent',
] as const;

/** Exit codes of the commands that talk to a store, when a signal stops them. */
export const SIGNAL_EXIT_CODES_HELP = [
  '130: stopped by SIGINT (Ctrl-C) after the page in hand; the resume command is printed',
  '143: stopped by SIGTERM after the page in hand; the resume command is printed',
] as const;
