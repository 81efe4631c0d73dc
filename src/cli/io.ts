import type { SandboxStore } from '../testing/index';
import { Interrupted } from './interrupt';

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
  /**
   * Aborts the running command (SIGINT, SIGTERM, a closed stdout); the command to resume from is
   * printed. An {@link Interrupted} reason sets the exit code (130, 143).
   */
  readonly signal?: AbortSignal;
  /** The store `--sandbox` uses instead of a fresh demo store (tests: scopes, faults). */
  readonly sandbox?: SandboxStore;
  /** Milliseconds clock, for rates and ETAs. */
  readonly now?: () => number;
}

/**
 * Secrets this long are credentials (a BigCommerce token has 31 characters) and are scrubbed even
 * from the SDK's own messages, as a last resort; a shorter one (a test's `--access-token wrong`)
 * could be a word of the SDK's wording, which is never rewritten.
 */
export const CREDENTIAL_LENGTH = 12;

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

  /**
   * Remembers a secret as given and as sent (auth trims it), so a padded `TOKEN\r` is caught in
   * either form. Records on stdout are redacted whole; lines on stderr redact the values they insert.
   */
  addSecret(secret: string | undefined): void {
    for (const form of [secret, secret?.trim()]) if (form && form.length >= 4) this.#secrets.add(form);
  }

  /**
   * The text with every registered secret replaced by `[redacted]`; with `minimumLength`, only the
   * secrets at least that long (see {@link CREDENTIAL_LENGTH}).
   */
  readonly redact = (text: string, minimumLength = 0): string => {
    let result = text;
    for (const secret of this.#secrets) {
      if (secret.length >= minimumLength && result.includes(secret)) result = result.split(secret).join('[redacted]');
    }
    return result;
  };

  /**
   * Writes to stdout, waiting for the stream to drain when its buffer is full. A signal (SIGINT,
   * SIGTERM) lets the page in hand be written whole; any other abort (the reader of a pipe went
   * away) throws the abort reason instead, since nobody reads what follows.
   */
  async out(text: string): Promise<void> {
    const { stdout } = this.#io;
    const signal = this.#io.signal;
    const stopsWriting = () => signal?.aborted === true && !(signal.reason instanceof Interrupted && signal.reason.signal !== undefined);
    if (stopsWriting()) throw signal!.reason;
    if (stdout.write(this.redact(text)) !== false || !stdout.once) return;
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        if (stopsWriting()) reject(signal!.reason);
      };
      stdout.once!('drain', () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Writes to stderr as it is: the caller has redacted the values it inserted (see error-line.ts). */
  err(text: string): void {
    this.#io.stderr.write(text);
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
