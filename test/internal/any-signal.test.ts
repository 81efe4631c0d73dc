import { afterEach, describe, expect, it, vi } from 'vitest';
import { anySignal } from '../../src/internal/any-signal';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe.each([
  ['with AbortSignal.any', false],
  ['without AbortSignal.any (edge-runtime, older runtimes)', true],
])('anySignal %s', (_, removeNative) => {
  const withoutNative = () => {
    if (removeNative) vi.stubGlobal('AbortSignal', Object.assign(function () {}, { prototype: AbortSignal.prototype, any: undefined, abort: AbortSignal.abort }));
  };

  it('aborts with the reason of the first signal that aborts', () => {
    const first = new AbortController();
    const second = new AbortController();
    withoutNative();
    const combined = anySignal([first.signal, second.signal]);
    expect(combined.aborted).toBe(false);
    second.abort(new Error('second'));
    expect(combined.aborted).toBe(true);
    expect((combined.reason as Error).message).toBe('second');
  });

  it('is aborted at once when a signal already is', () => {
    const done = new AbortController();
    done.abort(new Error('already'));
    withoutNative();
    const combined = anySignal([new AbortController().signal, done.signal]);
    expect(combined.aborted).toBe(true);
    expect((combined.reason as Error).message).toBe('already');
  });
});

describe('anySignal without AbortSignal.any', () => {
  it('stops following its inputs once unlinked, so a long-lived signal collects no listeners', () => {
    const longLived = new AbortController();
    const added: unknown[] = [];
    const removed: unknown[] = [];
    const addEventListener = longLived.signal.addEventListener.bind(longLived.signal);
    const removeEventListener = longLived.signal.removeEventListener.bind(longLived.signal);
    longLived.signal.addEventListener = ((type: string, listener: EventListener, options?: AddEventListenerOptions) => {
      added.push(listener);
      addEventListener(type, listener, options);
    }) as typeof longLived.signal.addEventListener;
    longLived.signal.removeEventListener = ((type: string, listener: EventListener) => {
      removed.push(listener);
      removeEventListener(type, listener);
    }) as typeof longLived.signal.removeEventListener;
    vi.stubGlobal('AbortSignal', Object.assign(function () {}, { prototype: AbortSignal.prototype, any: undefined, abort: AbortSignal.abort }));

    for (let attempt = 0; attempt < 3; attempt += 1) {
      const combined = anySignal([longLived.signal, new AbortController().signal]);
      combined.unlink?.();
      expect(combined.aborted).toBe(false);
    }
    expect(added).toHaveLength(3);
    expect(removed).toEqual(added);
    // Unlinked: the caller's abort no longer reaches a finished attempt's signal.
    const finished = anySignal([longLived.signal]);
    finished.unlink?.();
    longLived.abort(new Error('later'));
    expect(finished.aborted).toBe(false);
  });
});
