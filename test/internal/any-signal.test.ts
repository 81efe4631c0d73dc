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
