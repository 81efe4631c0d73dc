import { BigCommerceSource, ConfigError, createApiKeyAuth, type FieldIssue, type SourceEvent } from '../index';
import type { SandboxListener, SandboxStore } from '../testing/index';
import type { Flags } from './args';
import { UsageError } from './errors';
import { integerFlag, stringFlag } from './flag-values';
import type { CliIo, Terminal } from './io';
import { ENV } from './options';
import { createCliSandbox, sandboxQuirksFlag } from './sandbox';

export { ENV } from './options';

/** A connected source, and the sandbox behind it if any. */
export interface Connection {
  readonly source: BigCommerceSource;
  readonly storeHash: string;
  /** Set with `--sandbox` (and by `demo`). */
  readonly sandbox: SandboxStore | undefined;
  /** Where the connection points, for people: never the token. */
  readonly label: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Serve the sandbox over real HTTP on 127.0.0.1 instead of its in-memory fetch (`demo`). */
  readonly listen?: boolean;
  readonly connectionName?: string;
  readonly onEvent?: (event: SourceEvent) => void;
}

/**
 * Builds the source from flags, else the environment; with `--sandbox`, from the embedded store
 * (flags may still override its token or hash, e.g. to see a wrong token's error).
 * @throws {@link ConfigError} naming the missing or invalid setting (exit code 2).
 */
export async function connect(flags: Flags, io: CliIo, terminal: Terminal, options: ConnectOptions = {}): Promise<Connection> {
  const env = io.env ?? {};
  const sandboxMode = flags.sandbox === true || options.listen === true;
  const timeoutMs = integerFlag(flags, 'timeout') ?? 30_000;
  const maxRetries = integerFlag(flags, 'max-retries');
  let sandbox: SandboxStore | undefined;
  let listener: SandboxListener | undefined;
  let storeHash = stringFlag(flags, 'store-hash');
  let accessToken = stringFlag(flags, 'access-token');
  let clientId = stringFlag(flags, 'client-id');
  let apiBaseUrl = stringFlag(flags, 'api-url');
  let fetch: typeof globalThis.fetch | undefined;

  if (sandboxMode) {
    const scopes = stringFlag(flags, 'sandbox-scopes')?.split(',').map((scope) => scope.trim()).filter((scope) => scope !== '');
    const quirks = sandboxQuirksFlag(flags);
    sandbox = io.sandbox ?? (await createCliSandbox({ scopes, quirks, latencyMs: options.listen ? 15 : 0 }));
    storeHash ??= sandbox.storeHash;
    accessToken ??= sandbox.accessToken;
    clientId ??= 'sandbox-client';
    if (options.listen) {
      listener = await sandbox.listen();
      apiBaseUrl = listener.url;
    } else {
      // In memory: the sandbox answers on the path, whatever the host.
      apiBaseUrl ??= 'https://api.bigcommerce.com';
      fetch = sandbox.fetch as typeof globalThis.fetch;
    }
  } else {
    const sandboxOnly = ['sandbox-scopes', 'sandbox-quirks'].find((name) => flags[name] !== undefined);
    if (sandboxOnly) {
      throw new UsageError(`--${sandboxOnly} goes with --sandbox`, 'add --sandbox, or start a `bigcommerce-source sandbox` server (its own --quirks) and point --api-url at it');
    }
    storeHash ??= env[ENV.storeHash];
    accessToken ??= env[ENV.accessToken];
    clientId ??= env[ENV.clientId];
    apiBaseUrl ??= env[ENV.apiUrl];
  }
  terminal.addSecret(accessToken);

  const missing: FieldIssue[] = [];
  if (!storeHash) missing.push({ path: 'storeHash', message: `missing: pass --store-hash or set ${ENV.storeHash} (or use --sandbox)` });
  if (!accessToken) missing.push({ path: 'auth.accessToken', message: `missing: set ${ENV.accessToken} or pass --access-token (or use --sandbox)` });
  if (missing.length > 0) {
    throw new ConfigError(`No credentials: ${missing.map((issue) => issue.message.replace('missing: ', '')).join('; ')}.`, missing);
  }

  const auth = createApiKeyAuth({ accessToken: accessToken!, ...(clientId ? { clientId } : {}) });
  const source = new BigCommerceSource({
    connectionName: options.connectionName ?? 'bigcommerce-source CLI',
    storeHash: storeHash!,
    auth,
    ...(apiBaseUrl ? { apiBaseUrl } : {}),
    ...(fetch ? { fetch } : {}),
    timeoutMs,
    ...(maxRetries === undefined ? {} : { maxRetries }),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  const resolvedBase = String(source.toJSON().apiBaseUrl ?? 'https://api.bigcommerce.com');
  return {
    source,
    storeHash: source.storeHash,
    sandbox,
    label: sandbox ? `sandbox store ${source.storeHash}${listener ? ` at ${listener.url}` : ' (in memory)'}` : `store ${source.storeHash} at ${resolvedBase}`,
    close: async () => {
      await listener?.close();
    },
  };
}
