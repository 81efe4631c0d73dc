/**
 * `AbortSignal.any`, or an equivalent where a runtime lacks it (edge-runtime's VM, older Safari):
 * a signal that aborts, with the same reason, as soon as one of `signals` does.
 */
export function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([...signals]);
  const controller = new AbortController();
  const aborted = signals.find((signal) => signal.aborted);
  if (aborted) {
    controller.abort(aborted.reason);
    return controller.signal;
  }
  const forward = (event: Event) => {
    for (const signal of signals) signal.removeEventListener('abort', forward);
    controller.abort((event.target as AbortSignal).reason);
  };
  for (const signal of signals) signal.addEventListener('abort', forward, { once: true });
  return controller.signal;
}
