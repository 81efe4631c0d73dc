import { readFile } from 'node:fs/promises';
import type { SandboxStore } from '../../testing/index';
import { serveSandboxStores } from '../../testing/server/sandbox-server';
import { parseStateFile, restoreStore, snapshotStore, type SandboxStateFile } from '../../testing/server/store-snapshot';
import { writeFileAtomic } from '../atomic-file';
import type { CommandContext } from '../context';
import { UsageError } from '../errors';
import { integerFlag, stringFlag } from '../flag-values';
import { createCliSandbox, sandboxQuirksFlag } from '../sandbox';

const LOOPBACK = /^(?:localhost|::1|127(?:\.\d{1,3}){3})$/;

/**
 * `sandbox`: serves sandbox stores over HTTP until SIGINT or SIGTERM, for other processes (a test
 * suite in any language, `bigcommerce-source --api-url …`). With `--state FILE` the stores are
 * restored from FILE at start and written to it atomically after every change, before the answer
 * leaves, so a client never sees a change that a crash would lose.
 */
export async function sandboxCommand(context: CommandContext): Promise<number> {
  const { flags, terminal } = context;
  const host = stringFlag(flags, 'host') ?? '127.0.0.1';
  if (!LOOPBACK.test(host)) throw new UsageError(`--host ${JSON.stringify(host)} is not a loopback address`, 'the sandbox serves this machine only: 127.0.0.1, ::1 or localhost');
  const port = integerFlag(flags, 'port') ?? 0;
  const count = integerFlag(flags, 'stores') ?? 1;
  const products = integerFlag(flags, 'products');
  const seed = integerFlag(flags, 'seed') ?? 1;
  if (flags.seed !== undefined && products === undefined) throw new UsageError('--seed goes with --products (the demo catalog is always the same)', 'add --products N');
  const latencyMs = integerFlag(flags, 'latency') ?? 0;
  const quota = integerFlag(flags, 'quota');
  const windowMs = integerFlag(flags, 'window');
  const quirks = sandboxQuirksFlag(flags, 'quirks');
  const statePath = stringFlag(flags, 'state');

  const stores: SandboxStore[] = [];
  for (let index = 1; index <= count; index += 1) {
    stores.push(
      await createCliSandbox({
        storeHash: `sandbox${index}`,
        products,
        seed: seed + index - 1,
        latencyMs,
        quirks,
        rateLimit: { ...(quota === undefined ? {} : { quota }), ...(windowMs === undefined ? {} : { windowMs }) },
      }),
    );
  }
  let restored = false;
  if (statePath !== undefined) restored = await restoreFrom(statePath, stores);
  const save = statePath === undefined ? undefined : () => writeFileAtomic(statePath, stateText(stores));
  // The file exists from the start, and a path that cannot be written fails now, not at the first order.
  try {
    await save?.();
  } catch (error) {
    throw new UsageError(`--state ${statePath}: cannot write it (${String((error as { code?: unknown }).code ?? error)})`, 'check the folder exists and is writable');
  }

  const server = await serveSandboxStores({ stores, host, port, ...(save ? { onChange: save } : {}) });
  const first = stores[0]!;
  if (flags.json === true) {
    const storeList = stores.map((store) => ({ storeHash: store.storeHash, accessToken: store.accessToken }));
    await terminal.out(`${JSON.stringify({ url: server.url, storeHash: first.storeHash, accessToken: first.accessToken, stores: storeList })}\n`);
  } else {
    await terminal.out(
      [
        `sandbox: ${count === 1 ? 'a store' : `${count} stores`} at ${server.url}${restored ? `, restored from ${statePath}` : ''}`,
        `  store hash ${count === 1 ? first.storeHash : `sandbox1 … sandbox${count}`}, access token ${first.accessToken}`,
        `  try: bigcommerce-source verify --api-url ${server.url} --store-hash ${first.storeHash} --access-token ${first.accessToken}`,
        `  the merchant's actions: ${server.url}/__sandbox/stores/${first.storeHash}/… (docs/testing.md)`,
        statePath ? `  state: ${statePath}, written after every change` : '  state: in memory only (--state FILE keeps it)',
        '  stop with Ctrl-C or SIGTERM',
        '',
      ].join('\n'),
    );
  }
  await untilAborted(context.signal);
  await server.close();
  await save?.();
  terminal.err(`sandbox: stopped${statePath ? `; the stores are in ${statePath}` : ''}\n`);
  return 0;
}

function stateText(stores: readonly SandboxStore[]): string {
  const file: SandboxStateFile = { version: 1, stores: stores.map(snapshotStore) };
  return JSON.stringify(file);
}

/** Restores the stores from FILE when it exists; every store in it must be one this server serves. */
async function restoreFrom(path: string, stores: readonly SandboxStore[]): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return false;
    throw new UsageError(`--state ${path}: cannot read it (${String((error as { code?: unknown }).code ?? error)})`, 'check the path and its permissions');
  }
  let file: SandboxStateFile;
  try {
    file = parseStateFile(text);
  } catch {
    throw new UsageError(`--state ${path} is not a sandbox state file`, 'give another file, or delete it to start afresh');
  }
  for (const snapshot of file.stores) {
    const store = stores.find((candidate) => candidate.storeHash === snapshot.storeHash);
    if (!store) throw new UsageError(`--state ${path} holds store ${snapshot.storeHash}, which this server does not serve`, `start it with as many --stores as when the file was written (${file.stores.length})`);
    restoreStore(store, snapshot);
  }
  return true;
}

function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
