import { COMMAND_SPECS, COMMANDS, ENV, EXIT_CODES, SIGNAL_EXIT_CODES_HELP, type CommandName, type CommandSpec, type OptionSpec, type OptionTable } from './options';

/** The left column of an option: `-h, --help`, `--page-size N`. */
function optionLabel(name: string, spec: OptionSpec): string {
  const value = spec.choices ? spec.choices.join('|') : spec.value;
  return `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' && value ? ` ${value}` : ''}`;
}

/** The right column: what it does, its range, default and variable. */
function optionText(spec: OptionSpec): string {
  const notes: string[] = [];
  if (spec.range) notes.push(`${spec.range.min} to ${spec.range.max === Number.MAX_SAFE_INTEGER ? 'any' : spec.range.max}`);
  if (spec.default !== undefined) notes.push(`default ${spec.default}`);
  if (spec.env) notes.push(`or ${spec.env}`);
  return notes.length > 0 ? `${spec.description} (${notes.join('; ')})` : spec.description;
}

function optionLines(table: OptionTable): string[] {
  const rows = Object.entries(table).map(([name, spec]) => [optionLabel(name, spec), optionText(spec)] as const);
  const width = Math.min(Math.max(...rows.map(([label]) => label.length)) + 2, 40);
  return rows.map(([label, text]) => (label.length + 2 > width ? `  ${label}\n  ${' '.repeat(width)}${text}` : `  ${label.padEnd(width)}${text}`));
}

/** One command's help, generated from the table the parser reads. */
export function commandHelp(command: CommandName): string {
  const spec: CommandSpec = COMMAND_SPECS[command];
  const out: string[] = [];
  out.push(`Usage: ${spec.usage.map((line) => `bigcommerce-source ${line}`).join('\n       ')}`, '', spec.description, '');
  if (Object.keys(spec.options).length > 0) out.push('Options:', ...optionLines(spec.options), '');
  for (const group of spec.groups) out.push(`${group.title}:`, ...optionLines(group.options), '');
  if (spec.connects) {
    out.push(
      'Environment:',
      `  ${ENV.storeHash}, ${ENV.accessToken}, ${ENV.clientId}, ${ENV.apiUrl}`,
      '  read when the matching flag is not given (a flag wins over its variable)',
      '',
    );
  }
  out.push(spec.examples.length > 1 ? 'Examples:' : 'Example:', ...spec.examples.map((example) => `  ${example}`), '');
  const codes = [...EXIT_CODES, ...(spec.connects ? SIGNAL_EXIT_CODES_HELP : []), ...(spec.exitCodes ?? [])];
  out.push('Exit codes:', ...codes.map((line) => `  ${line}`), '');
  return out.join('\n');
}

/** The list of commands. */
export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((name) => name.length)) + 2;
  return [
    'Usage: bigcommerce-source <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((name) => `  ${name.padEnd(width)}${COMMAND_SPECS[name].summary}`),
    '',
    'bigcommerce-source help <command> (or <command> --help): its options, defaults, ranges, variables, an example and exit codes.',
    'bigcommerce-source --version: the version.',
    '',
    'Exit codes:',
    ...[...EXIT_CODES, ...SIGNAL_EXIT_CODES_HELP].map((line) => `  ${line}`),
    '',
  ].join('\n');
}
