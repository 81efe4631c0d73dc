/// <reference path="./lua.d.ts" />
import { createHash } from 'node:crypto';
import source from './gate.lua';

/** The scripts of `gate.lua`, by the name each section starts with. */
export type ScriptName = 'acquire' | 'report' | 'release' | 'pause' | 'renew' | 'lease_acquire' | 'lease_renew' | 'lease_release';

/** One script, ready for `EVALSHA` (and `EVAL` when Redis does not know it yet, as after a restart). */
export interface GateScript {
  readonly name: ScriptName;
  readonly text: string;
  readonly sha: string;
}

const NAMES: readonly ScriptName[] = ['acquire', 'report', 'release', 'pause', 'renew', 'lease_acquire', 'lease_renew', 'lease_release'];

/**
 * Splits a file of sections (`--! name` on a line of its own starts each) into scripts, each
 * with the `common` section in front. Exported for the scripts' own tests.
 */
export function parseScripts(text: string): Record<ScriptName, GateScript> {
  const sections = new Map<string, string>();
  let name: string | undefined;
  let lines: string[] = [];
  const close = () => {
    if (name !== undefined) sections.set(name, lines.join('\n'));
  };
  for (const line of text.split('\n')) {
    const header = /^--! (\w+)\s*$/.exec(line);
    if (header) {
      close();
      name = header[1]!;
      lines = [];
    } else lines.push(line);
  }
  close();
  const common = sections.get('common') ?? '';
  const scripts = {} as Record<ScriptName, GateScript>;
  for (const script of NAMES) {
    const body = sections.get(script);
    if (body === undefined) throw new Error(`gate.lua has no section ${script}`);
    const full = `${common}\n${body}`;
    scripts[script] = { name: script, text: full, sha: createHash('sha1').update(full).digest('hex') };
  }
  return scripts;
}

/** The gate's scripts. */
export const SCRIPTS: Record<ScriptName, GateScript> = parseScripts(source);
