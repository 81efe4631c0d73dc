/** The signals that stop a run cleanly. */
export type StopSignal = 'SIGINT' | 'SIGTERM';

/** The exit code of a process stopped by `signal`: 128 + the signal's number, as shells report it. */
export const SIGNAL_EXIT_CODES: Readonly<Record<StopSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

/**
 * Why a run was stopped from outside: a signal (SIGINT, SIGTERM), or the reader of stdout going
 * away. The abort reason of {@link CliIo.signal}.
 */
export class Interrupted extends Error {
  override name = 'Interrupted';
  readonly signal: StopSignal | undefined;

  constructor(signal: StopSignal | undefined, message = signal ? `stopped by ${signal}` : 'interrupted') {
    super(message);
    this.signal = signal;
  }

  /** 130 for SIGINT, 143 for SIGTERM, 1 otherwise (a closed pipe, an abort from code). */
  get exitCode(): number {
    return this.signal ? SIGNAL_EXIT_CODES[this.signal] : 1;
  }
}

/** The exit code of a run whose signal was aborted with `reason`. */
export function exitCodeOfStop(reason: unknown): number {
  return reason instanceof Interrupted ? reason.exitCode : 1;
}
