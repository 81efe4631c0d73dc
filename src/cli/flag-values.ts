import type { Flags } from './args';
import { UsageError } from './errors';
import { allOptions } from './options';

/** A string flag's value, or undefined. */
export function stringFlag(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

/** A whole number within the range the option table gives it, or a UsageError naming the flag. */
export function integerFlag(flags: Flags, name: string): number | undefined {
  const raw = stringFlag(flags, name);
  if (raw === undefined) return undefined;
  const range = allOptions()[name]?.range;
  const text = raw.trim();
  const value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || (range && (value < range.min || value > range.max))) {
    const expected = range ? `a whole number from ${range.min} to ${range.max}` : 'a whole number';
    throw new UsageError(`--${name} takes ${expected}, got ${JSON.stringify(raw)}`, `e.g. --${name} ${allOptions()[name]?.default ?? range?.min ?? 1}`);
  }
  return value;
}

/** One of the words the option table lists for the flag. */
export function choiceFlag<T extends string>(flags: Flags, name: string): T | undefined {
  const raw = stringFlag(flags, name);
  if (raw === undefined) return undefined;
  const choices = allOptions()[name]?.choices ?? [];
  if (!choices.includes(raw)) {
    throw new UsageError(`--${name} takes ${choices.join(', ')}; got ${JSON.stringify(raw)}`, `e.g. --${name} ${choices[0]}`);
  }
  return raw as T;
}

/** A date flag, as the SDK gets it, and whether it was an age counted back from now. */
export interface DateFlag {
  readonly iso: string;
  readonly relative: boolean;
}

/**
 * A date flag: an age such as `90m`, `24h` or `7d` becomes the time that long before `nowMs`, in
 * whole seconds (the SDK compares to the second, so a printed resume command gives the same
 * filter); a bare date is its midnight UTC; anything else passes through for the SDK to check (it
 * names the option if it is wrong).
 */
export function dateFlag(flags: Flags, name: string, nowMs: number = Date.now()): DateFlag | undefined {
  const raw = stringFlag(flags, name)?.trim();
  if (raw === undefined) return undefined;
  const age = /^(\d+)\s*([smhd])$/.exec(raw);
  if (age) {
    const unitMs = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[age[2] as 's' | 'm' | 'h' | 'd'];
    const epochMs = Math.floor((nowMs - Number(age[1]) * unitMs) / 1000) * 1000;
    return { iso: new Date(epochMs).toISOString().replace('.000Z', 'Z'), relative: true };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return { iso: `${raw}T00:00:00Z`, relative: false };
  return { iso: raw, relative: false };
}
