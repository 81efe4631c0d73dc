import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSandboxStore, type SandboxRequest } from '../../src/testing/index';
import { get } from './sandbox-fixtures';

afterEach(() => {
  vi.useRealTimers();
});

describe('latency', () => {
  it('answers after latencyMs, on the (fake) clock', async () => {
    vi.useFakeTimers();
    const sandbox = createSandboxStore({ latencyMs: 500 });
    let status: number | undefined;
    const pending = get(sandbox, '/v2/store').then((response) => (status = response.status));

    await vi.advanceTimersByTimeAsync(499);
    expect(status).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(status).toBe(200);
  });

  it('takes the latency per request from a function', async () => {
    vi.useFakeTimers();
    const seen: SandboxRequest[] = [];
    const sandbox = createSandboxStore({
      latencyMs: (request) => {
        seen.push(request);
        return request.path === '/v2/time' ? 100 : 1_000;
      },
    });
    const finished: string[] = [];
    const slow = get(sandbox, '/v2/store').then(() => finished.push('store'));
    const fast = get(sandbox, '/v2/time').then(() => finished.push('time'));
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all([slow, fast]);
    expect(finished).toEqual(['time', 'store']);
    expect(seen.map((request) => request.path)).toEqual(['/v2/store', '/v2/time']);
  });

  it('stops waiting when the request is aborted', async () => {
    vi.useFakeTimers();
    const sandbox = createSandboxStore({ latencyMs: 10_000 });
    const controller = new AbortController();
    const pending = get(sandbox, '/v2/store', { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(100);
    controller.abort(new Error('timed out'));
    await expect(pending).rejects.toThrowError('timed out');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('delays faults too', async () => {
    vi.useFakeTimers();
    const sandbox = createSandboxStore({ latencyMs: 200 });
    sandbox.injectFault({ kind: 'status', status: 503 });
    let status: number | undefined;
    const pending = get(sandbox, '/v2/store').then((response) => (status = response.status));
    await vi.advanceTimersByTimeAsync(199);
    expect(status).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(status).toBe(503);
  });
});
