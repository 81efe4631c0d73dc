/** Rethrows the signal's own reason, as `fetch` does, so callers see the same error either way. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason;
}
