import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSandboxStore, DEFAULT_RATE_LIMIT } from '../../src/testing/index';
import { get, headersOf } from './sandbox-fixtures';

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-03-01T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('rate limit', () => {
  it('defaults to a quota tests do not meet, in a 30 s window', () => {
    expect(DEFAULT_RATE_LIMIT).toEqual({ quota: 10_000, windowMs: 30_000 });
  });

  it('sends the X-Rate-Limit headers on every response, counting down', async () => {
    const sandbox = createSandboxStore({ rateLimit: { quota: 3, windowMs: 30_000 } });

    const first = await get(sandbox, '/v2/store');
    expect(headersOf(first)).toMatchObject({
      'x-rate-limit-time-window-ms': '30000',
      'x-rate-limit-time-reset-ms': '30000',
      'x-rate-limit-requests-quota': '3',
      'x-rate-limit-requests-left': '2',
    });

    vi.advanceTimersByTime(10_000);
    const notFound = await get(sandbox, '/v2/orders/1');
    expect(notFound.status).toBe(404);
    expect(headersOf(notFound)).toMatchObject({ 'x-rate-limit-time-reset-ms': '20000', 'x-rate-limit-requests-left': '1' });
    expect(notFound.headers.get('x-retry-after')).toBeNull();
  });

  it('answers 429 with X-Retry-After and BigCommerce\'s body once the quota is spent', async () => {
    const sandbox = createSandboxStore({ rateLimit: { quota: 2, windowMs: 30_000 } });
    await get(sandbox, '/v2/store');
    const last = await get(sandbox, '/v2/store');
    expect(last.status).toBe(200);
    expect(last.headers.get('x-rate-limit-requests-left')).toBe('0');

    vi.advanceTimersByTime(4_500);
    const limited = await get(sandbox, '/v2/store');
    expect(limited.status).toBe(429);
    expect(headersOf(limited)).toMatchObject({
      'x-rate-limit-time-window-ms': '30000',
      'x-rate-limit-time-reset-ms': '25500',
      'x-rate-limit-requests-quota': '2',
      'x-rate-limit-requests-left': '0',
      // whole seconds, rounded up
      'x-retry-after': '26',
    });
    expect(await limited.json()).toEqual({
      status: 429,
      title: 'Too many requests',
      type: '/api-docs/getting-started/api-status-codes',
    });
  });

  it('refills the quota when the window ends', async () => {
    const sandbox = createSandboxStore({ rateLimit: { quota: 1, windowMs: 1_000 } });
    expect((await get(sandbox, '/v2/time')).status).toBe(200);
    expect((await get(sandbox, '/v2/time')).status).toBe(429);

    vi.advanceTimersByTime(999);
    expect((await get(sandbox, '/v2/time')).status).toBe(429);

    vi.advanceTimersByTime(1);
    const refilled = await get(sandbox, '/v2/time');
    expect(refilled.status).toBe(200);
    expect(headersOf(refilled)).toMatchObject({ 'x-rate-limit-requests-left': '0', 'x-rate-limit-time-reset-ms': '1000' });
  });

  it('refills at once with resetRateLimit()', async () => {
    const sandbox = createSandboxStore({ rateLimit: { quota: 1 } });
    await get(sandbox, '/v2/time');
    expect((await get(sandbox, '/v2/time')).status).toBe(429);
    sandbox.resetRateLimit();
    expect((await get(sandbox, '/v2/time')).status).toBe(200);
  });
});
