import type { SandboxStore } from '../testing/index';

/** A stream the CLI writes to: `process.stdout`, `process.stderr`, or a test's collector. */
export interface CliWritable {
  write(chunk: string): boolean | void;
  once?(event: 'drain', listener: () => void): unknown;
  /** Terminal width, when it is a terminal. */
  readonly columns?: number;
}

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  readonly stdout: CliWritable;
  readonly stderr: CliWritable;
  /** Read by `send-order -`. */
  readonly stdin?: AsyncIterable<string | Uint8Array>;
  /** Where credentials are read from. Default: none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal: progress bars and summaries are drawn only then. */
  readonly isTTY?: boolean;
  /** Aborts the running command (Ctrl-C, a closed stdout); the cursor to resume from is printed. */
  readonly signal?: AbortSignal;
  /** The store `--sandbox` uses instead of a fresh demo store (tests: scopes, faults). */
  readonly sandbox?: SandboxStore;
  /** Milliseconds clock, for rates and ETAs. */
  readonly now?: () => number;
}

/** Writes to stdout and stderr, never letting a secret through. */
export class Terminal {
  readonly #io: CliIo;
  readonly #secrets = new Set<string>();

  constructor(io: CliIo) {
    this.#io = io;
  }

  get isTTY(): boolean {
    return this.#io.isTTY === true;
  }

  get columns(): number {
    return this.#io.stderr.columns ?? 100;
  }

  now(): number {
    return this.#io.now?.() ?? performance.now();
  }

  /** Remembers a secret: any output containing it is written with `[redacted]` instead. */
  addSecret(secret: string | undefined): void {
    if (secret && secret.length >= 4) this.#secrets.add(secret);
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.#secrets) if (result.includes(secret)) result = result.split(secret).join('[redacted]');
    return result;
  }

  /**
   * Writes to stdout, waiting for the stream to drain when its buffer is full. Once the run is
   * aborted (Ctrl-C, or the reader of a pipe went away) it throws the abort reason instead.
   */
  async out(text: string): Promise<void> {
    const { stdout, signal } = this.#io;
    if (signal?.aborted) throw signal.reason;
    if (stdout.write(this.redact(text)) !== false || !stdout.once) return;
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(signal!.reason);
      stdout.once!('drain', () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  err(text: string): void {
    this.#io.stderr.write(this.redact(text));
  }
}

/** Splits a byte or text stream into lines (LF or CRLF), the last one without its newline. */
export async function* readLines(source: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of source) {
    buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      yield buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
    }
  }
  buffer += decoder.decode();
  if (buffer !== '') yield buffer.replace(/\r$/, '');
}
