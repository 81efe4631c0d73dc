import type { Terminal } from './io';

/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal: done of total, the
 * rate and the time left. Without a total it shows the count and the rate.
 */
export class Progress {
  readonly #terminal: Terminal;
  readonly #label: string;
  readonly #unit: string;
  readonly #startedMs: number;
  #lastDrawMs = -Infinity;
  #drawn = false;

  constructor(terminal: Terminal, label: string, unit: string) {
    this.#terminal = terminal;
    this.#label = label;
    this.#unit = unit;
    this.#startedMs = terminal.now();
  }

  get enabled(): boolean {
    return this.#terminal.isTTY;
  }

  /** Redraws, at most every 80 ms unless `force`. `extra` follows the counts, e.g. `1 204 items`. */
  update(done: number, total: number | undefined, extra = '', force = false): void {
    if (!this.enabled) return;
    const nowMs = this.#terminal.now();
    if (!force && nowMs - this.#lastDrawMs < 80) return;
    this.#lastDrawMs = nowMs;
    const seconds = Math.max((nowMs - this.#startedMs) / 1000, 0.001);
    const rate = done / seconds;
    const parts = [this.#label];
    if (total !== undefined && total > 0) {
      const share = Math.min(done / total, 1);
      const width = 24;
      const filled = Math.round(share * width);
      parts.push(`[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`, `${done}/${total} ${this.#unit}`);
    } else {
      parts.push(`${done} ${this.#unit}`);
    }
    if (extra) parts.push(extra);
    parts.push(`${formatRate(rate)} ${this.#unit}/s`);
    if (total !== undefined && total > done && rate > 0) parts.push(`ETA ${formatDuration(((total - done) / rate) * 1000)}`);
    this.#terminal.err(`\r\x1b[2K${parts.join('  ').slice(0, Math.max(this.#terminal.columns - 1, 20))}`);
    this.#drawn = true;
  }

  /** Clears the bar, so what follows starts on a clean line. */
  clear(): void {
    if (this.#drawn) this.#terminal.err('\r\x1b[2K');
    this.#drawn = false;
  }

  get elapsedMs(): number {
    return this.#terminal.now() - this.#startedMs;
  }
}

function formatRate(rate: number): string {
  return rate >= 100 ? String(Math.round(rate)) : rate.toFixed(1);
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
