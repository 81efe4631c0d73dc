import type { SourceEvent } from '../index';
import type { Terminal } from './io';
import { formatDuration, Progress } from './progress';

/**
 * How a run says what it is doing, on stderr:
 * - `tty`: a progress bar, and a line for each retry and throttle wait;
 * - `plain` (off a terminal): a progress line every few seconds, and a line for each retry and wait;
 * - `json`: one JSON object per line for each progress step, retry and wait;
 * - `quiet`: nothing (errors and resume lines are not the reporter's).
 */
export type ReportMode = 'tty' | 'plain' | 'json' | 'quiet';

/** One step of progress, from an operation's `onProgress` (or the CLI's own count). */
export interface ProgressStep {
  readonly done: number;
  /** Unknown until the store says. */
  readonly total?: number | undefined;
  /** Shown after the counts, e.g. `1204 items`. */
  readonly extra?: string;
  /** The operation's own progress fields, for `--json-progress`. */
  readonly fields: object;
}

/** Reports one command's progress, retries and waits in the chosen mode. */
export class Reporter {
  readonly #terminal: Terminal;
  readonly #mode: ReportMode;
  readonly #intervalMs: number;
  readonly #startedMs: number;
  #label = '';
  #unit = '';
  #bar: Progress | undefined;
  #last: ProgressStep | undefined;
  #requests = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(terminal: Terminal, mode: ReportMode, intervalMs: number) {
    this.#terminal = terminal;
    this.#mode = mode;
    this.#intervalMs = intervalMs;
    this.#startedMs = terminal.now();
  }

  get mode(): ReportMode {
    return this.#mode;
  }

  /** Starts reporting a run of `unit`s (`products`, `orders`, `POs`). Off a terminal, a line every interval. */
  start(label: string, unit: string): void {
    this.#label = label;
    this.#unit = unit;
    if (this.#mode === 'tty') this.#bar = new Progress(this.#terminal, label, unit);
    if (this.#mode === 'plain' && this.#timer === undefined) {
      this.#timer = setInterval(() => this.#terminal.err(`${this.#plainLine()}\n`), this.#intervalMs);
      // A progress line must never keep the process alive.
      (this.#timer as { unref?: () => void }).unref?.();
    }
  }

  /** The SDK's events: requests are counted; retries and throttle waits get a line each. */
  readonly event = (event: SourceEvent): void => {
    if (event.type === 'request') this.#requests += 1;
    if (event.type !== 'retry' && event.type !== 'throttle') return;
    if (this.#mode === 'quiet') return;
    if (this.#mode === 'json') {
      this.#json({ ...event, type: event.type });
      return;
    }
    const redact = this.#terminal.redact;
    const text =
      event.type === 'retry'
        ? `retry: ${event.method} ${briefPath(redact(event.path))}: attempt ${event.attempt} failed (${event.reason}); the next in ${formatDuration(event.delayMs)}`
        : `wait: ${event.reason === 'rate-limited' ? 'the store answered 429 (too many requests)' : "the store's request quota is spent"}; requests wait ${formatDuration(event.waitMs)}`;
    this.#bar?.clear();
    this.#terminal.err(`${text}\n`);
  };

  /** A progress step: redraws the bar, or writes a JSON line; plain lines come from the timer. */
  progress(step: ProgressStep): void {
    this.#last = step;
    if (this.#mode === 'tty') this.#bar?.update(step.done, step.total, step.extra ?? '');
    if (this.#mode === 'json') this.#json({ type: 'progress', ...step.fields });
  }

  /** A line that is not progress (a notice): clears the bar first. Nothing in quiet or JSON mode. */
  note(text: string): void {
    if (this.#mode === 'quiet' || this.#mode === 'json') return;
    this.#bar?.clear();
    this.#terminal.err(`${text}\n`);
  }

  /** Stops the timer and clears the bar; `summary`, if any, is printed as a note. */
  stop(summary?: string): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#bar?.clear();
    if (summary) this.note(summary);
  }

  get elapsedMs(): number {
    return this.#terminal.now() - this.#startedMs;
  }

  get requests(): number {
    return this.#requests;
  }

  #json(object: Record<string, unknown>): void {
    this.#terminal.err(`${this.#terminal.redact(JSON.stringify({ ...object, elapsedMs: Math.round(this.elapsedMs) }))}\n`);
  }

  #plainLine(): string {
    const step = this.#last;
    const elapsed = formatDuration(this.elapsedMs);
    if (!step) return `${this.#label}: waiting for the store, ${this.#requests} requests sent, ${elapsed}`;
    const parts = [step.total !== undefined && step.total > 0 ? `${step.done}/${step.total} ${this.#unit}` : `${step.done} ${this.#unit}`];
    if (step.extra) parts.push(step.extra);
    parts.push(`${this.#requests} requests`);
    const rate = step.done / Math.max(this.elapsedMs / 1000, 0.001);
    parts.push(`${rate >= 100 ? Math.round(rate) : rate.toFixed(1)} ${this.#unit}/s`);
    if (step.total !== undefined && step.total > step.done && rate > 0) parts.push(`ETA ${formatDuration(((step.total - step.done) / rate) * 1000)}`);
    parts.push(elapsed);
    return `${this.#label}: ${parts.join(', ')}`;
  }
}

/** A path with a long query cut to `?…`, so a retry line fits a terminal's width (`--json-progress` has it whole). */
function briefPath(path: string): string {
  const query = path.indexOf('?');
  return query >= 0 && path.length - query > 60 ? `${path.slice(0, query)}?…` : path;
}
