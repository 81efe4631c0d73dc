/**
 * `AbortSignal.any`, or an equivalent where a runtime lacks it (edge-runtime's VM, older Safari):
 * a signal that aborts, with the same reason, as soon as one of `signals` does.
 *
 * Without the native one, the combined signal is a listener on each input; `unlink()` removes
 * them, so a long-lived caller's signal does not collect one per request. (The native one holds
 * its inputs weakly and needs no unlinking; `unlink()` is then a no-op.)
 */
export function anySignal(signals: readonly AbortSignal[]): AbortSignal & { readonly unlink?: () => void } {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([...signals]);
  const controller = new AbortController();
  const aborted = signals.find((signal) => signal.aborted);
  if (aborted) {
    controller.abort(aborted.reason);
    return controller.signal;
  }
  const unlink = () => {
    for (const signal of signals) signal.removeEventListener('abort', forward);
  };
  const forward = (event: Event) => {
    unlink();
    controller.abort((event.target as AbortSignal).reason);
  };
  for (const signal of signals) signal.addEventListener('abort', forward, { once: true });
  return Object.assign(controller.signal, { unlink });
}
