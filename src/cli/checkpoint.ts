import { readFile, rm } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-file';
import { UsageError } from './errors';

/** What `--checkpoint FILE` holds: where a run stands and the absolute filters it runs with. */
export interface Checkpoint {
  readonly version: 1;
  /** The command that wrote it; another command refuses it. */
  readonly command: 'inventory' | 'shipments' | 'orders';
  /** The filters as flags, relative dates made absolute, e.g. `{ "skip-hidden": true, "modified-since": "2026-11-25T10:00:00Z" }`. */
  readonly filters: Readonly<Record<string, string | boolean>>;
  /** The cursor to resume from. */
  readonly cursor: string;
  /** When it was written, ISO 8601. */
  readonly writtenAt: string;
}

/**
 * Reads a checkpoint, or `undefined` when there is none yet.
 * @throws {@link UsageError} for a file that is not a checkpoint of this command.
 */
export async function readCheckpoint(path: string, command: Checkpoint['command']): Promise<Checkpoint | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw new UsageError(`--checkpoint ${path}: cannot read it (${String((error as { code?: unknown }).code ?? error)})`, 'check the path and its permissions');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const checkpoint = value as Partial<Checkpoint> | undefined;
  const valid =
    typeof checkpoint === 'object' &&
    checkpoint !== null &&
    checkpoint.version === 1 &&
    typeof checkpoint.cursor === 'string' &&
    typeof checkpoint.filters === 'object' &&
    checkpoint.filters !== null &&
    Object.values(checkpoint.filters).every((filter) => typeof filter === 'string' || typeof filter === 'boolean');
  if (!valid) throw new UsageError(`--checkpoint ${path} is not a checkpoint of bigcommerce-source`, 'give another file, or delete it to start over');
  if (checkpoint.command !== command) {
    throw new UsageError(`--checkpoint ${path} belongs to a ${String(checkpoint.command)} run, not ${command}`, 'give each command its own checkpoint file');
  }
  return checkpoint as Checkpoint;
}

/** Writes the checkpoint atomically (see {@link writeFileAtomic}). */
export async function writeCheckpoint(path: string, checkpoint: Omit<Checkpoint, 'version' | 'writtenAt'>): Promise<void> {
  const full: Checkpoint = { version: 1, ...checkpoint, writtenAt: new Date().toISOString() };
  await writeFileAtomic(path, `${JSON.stringify(full, null, 2)}\n`);
}

/** Deletes the checkpoint of a run that completed. */
export async function deleteCheckpoint(path: string): Promise<void> {
  await rm(path, { force: true });
}
