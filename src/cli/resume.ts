import type { Flags } from './args';
import { optionsOf, type CommandName } from './options';

/** Quotes a word for POSIX shells when it needs it. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A command line that replays a run, and the credentials it leaves out. */
export interface ResumeCommand {
  readonly line: string;
  /** Flags that were given but are never printed (credentials): the replay needs them from the environment. */
  readonly omitted: readonly string[];
}

/**
 * The command that replays a run from `cursor`: every flag the run was given (filters, output,
 * connection), in the option table's order, with `overrides` applied (a relative date made
 * absolute), minus what the cursor replaces and minus credentials.
 */
export function resumeCommand(command: CommandName, flags: Flags, positionals: readonly string[], overrides: Readonly<Record<string, string | boolean | undefined>>): ResumeCommand {
  const words = ['bigcommerce-source', command, ...positionals.map(shellQuote)];
  const omitted: string[] = [];
  const values = { ...flags, ...overrides };
  for (const [name, spec] of Object.entries(optionsOf(command))) {
    const value = values[name];
    if (value === undefined || value === false || name === 'help' || name === 'cursor') continue;
    if (spec.secret) {
      omitted.push(`--${name}`);
      continue;
    }
    if (spec.replacedByCursor && !(name in overrides)) continue;
    words.push(`--${name}`);
    if (typeof value === 'string') words.push(shellQuote(value));
  }
  if (typeof values.cursor === 'string') words.push('--cursor', shellQuote(values.cursor));
  return { line: words.join(' '), omitted };
}
