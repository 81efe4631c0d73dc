import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SourceEvent } from '../../src/index';
import { createMemoryGate } from '../../src/internal/gate/memory-gate';
import type { AcquireOptions, GateSlot, RateGate } from '../../src/internal/gate/rate-gate';
import { createHttpClient, type HttpClientConfig } from '../../src/internal/http-client';
import { httpClientConfig } from '../helpers/http-client-config';
import { scriptedFetch, type ScriptStep } from '../helpers/scripted-fetch';

function clientWith(fetch: typeof globalThis.fetch, overrides: Partial<HttpClientConfig> = {}) {
  const events: SourceEvent[] = [];
  const http = createHttpClient(httpClientConfig({ fetch, onEvent: (event) => events.push(event), ...overrides }));
  return { http, events };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('limiter', () => {
  it('never has more than maxConcurrency requests in flight', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const slowFetch = (async () => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 10));
      inFlight -= 1;
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof globalThis.fetch;
    const { http } = clientWith(slowFetch, { ceiling: 3 });
    await Promise.all(Array.from({ length: 20 }, () => http.request({ method: 'GET', path: '/v2/store' })));
    expect(maxInFlight).toBe(3);
  });

  it('holds every request until the window resets when X-Rate-Limit-Requests-Left reaches 0', async () => {
    vi.useFakeTimers();
    const quotaSpent: ScriptStep = {
      status: 200,
      body: {},
      headers: { 'X-Rate-Limit-Requests-Left': '0', 'X-Rate-Limit-Time-Reset-Ms': '2000' },
    };
    const store = scriptedFetch([quotaSpent], { status: 200, body: {} });
    const { http, events } = clientWith(store.fetch);
    await http.request({ method: 'GET', path: '/v2/store' });
    const rest = Promise.all([1, 2, 3].map(() => http.request({ method: 'GET', path: '/v2/store' })));
    await vi.advanceTimersByTimeAsync(1999);
    expect(store.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await rest;
    expect(store.requests).toHaveLength(4);
    expect(events.filter((event) => event.type === 'throttle')).toEqual([
      { type: 'throttle', waitMs: 2000, reason: 'quota-exhausted' },
    ]);
    // No 429 was ever provoked.
    expect(events.filter((event) => event.type === 'response').every((event) => event.type === 'response' && event.status === 200)).toBe(true);
  });

  it('holds the other requests, too, while one waits out a 429', async () => {
    vi.useFakeTimers();
    const store = scriptedFetch(
      [{ status: 429, headers: { 'X-Rate-Limit-Time-Reset-Ms': '3000' } }],
      { status: 200, body: {} },
    );
    const { http, events } = clientWith(store.fetch, { ceiling: 1 });
    const first = http.request({ method: 'GET', path: '/v2/store' });
    await vi.advanceTimersByTimeAsync(0);
    const second = http.request({ method: 'GET', path: '/v2/time' });
    await vi.advanceTimersByTimeAsync(2999);
    expect(store.requests.map((request) => request.url.pathname)).toEqual(['/stores/abc123/v2/store']);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all([first, second]);
    expect(store.requests).toHaveLength(3);
    expect(events.some((event) => event.type === 'throttle' && event.reason === 'rate-limited' && event.waitMs === 3000)).toBe(true);
  });
});

describe('abort', () => {
  it('sends nothing when the signal is already aborted', async () => {
    const store = scriptedFetch([]);
    const { http } = clientWith(store.fetch);
    const reason = new Error('stopped by caller');
    await expect(http.request({ method: 'GET', path: '/v2/store' }, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(store.requests).toHaveLength(0);
  });

  it('cancels a request in flight at once, without retrying', async () => {
    const store = scriptedFetch([{ hang: true }]);
    const { http } = clientWith(store.fetch);
    const controller = new AbortController();
    const result = http.request({ method: 'GET', path: '/v2/store' }, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new Error('user cancelled'));
    await expect(result).rejects.toThrow('user cancelled');
    expect(store.requests).toHaveLength(1);
  });

  it('cancels a retry wait at once', async () => {
    vi.useFakeTimers();
    const store = scriptedFetch([{ status: 503 }], { status: 200, body: {} });
    const { http } = clientWith(store.fetch);
    const controller = new AbortController();
    const result = http.request({ method: 'GET', path: '/v2/store' }, { signal: controller.signal }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error('user cancelled'));
    expect(await result).toMatchObject({ message: 'user cancelled' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(store.requests).toHaveLength(1);
  });

  it('cancels a request waiting for a limiter slot', async () => {
    const store = scriptedFetch([{ hang: true }], { status: 200, body: {} });
    const { http } = clientWith(store.fetch, { ceiling: 1 });
    const blocker = new AbortController();
    const first = http.request({ method: 'GET', path: '/v2/store' }, { signal: blocker.signal }).catch(() => undefined);
    const queued = new AbortController();
    const second = http.request({ method: 'GET', path: '/v2/time' }, { signal: queued.signal });
    queued.abort(new Error('no longer needed'));
    await expect(second).rejects.toThrow('no longer needed');
    blocker.abort();
    await first;
    expect(store.requests.map((request) => request.url.pathname)).toEqual(['/stores/abc123/v2/store']);
  });
});

describe('the in-memory gate', () => {
  const store = { id: 'https://api.bigcommerce.com/stores/abc123', storeHash: 'abc123', apiBaseUrl: 'https://api.bigcommerce.com' };
  const options = (overrides: Partial<AcquireOptions> = {}): AcquireOptions => ({
    priority: 'bulk',
    signal: undefined,
    ceiling: 16,
    concurrency: 'adaptive',
    quotaShare: 1,
    onThrottle: () => {},
    ...overrides,
  });
  const window = (left: number, quota = 450, resetMs = 30_000) => ({
    rateLimit: { requestsLeft: left, requestsQuota: quota, resetMs, windowMs: 30_000, retryAfterMs: undefined },
    latencyMs: 100,
  });
  /** Starts `count` acquisitions and returns the slots granted so far (in grant order). */
  function acquireMany(gate: RateGate, count: number, acquire: AcquireOptions, granted: GateSlot[], tag: string[] = [], label = '') {
    for (let index = 0; index < count; index += 1) {
      void gate.acquire(store, acquire).then((slot) => {
        granted.push(slot);
        tag.push(label);
      });
    }
  }

  it('clears its wake-up timer when the last request waiting for a pause gives up (nothing keeps the process alive)', async () => {
    vi.useFakeTimers();
    const gate = createMemoryGate();
    gate.pause(store, 60_000, () => {});
    const controller = new AbortController();
    const waiting = gate.acquire(store, options({ signal: controller.signal }));
    expect(vi.getTimerCount()).toBe(1);
    controller.abort(new Error('Ctrl-C'));
    await expect(waiting).rejects.toThrow('Ctrl-C');
    expect(vi.getTimerCount()).toBe(0);
    // The pause still holds for whoever asks next, and the timer comes back for them.
    let granted = false;
    void gate.acquire(store, options()).then(() => (granted = true));
    await vi.advanceTimersByTimeAsync(59_000);
    expect(granted).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(granted).toBe(true);
  });

  it('starts at 4 in flight, then as many as the ceiling once the headers say the window allows it', async () => {
    const gate = createMemoryGate();
    const granted: GateSlot[] = [];
    acquireMany(gate, 30, options(), granted);
    await Promise.resolve();
    expect(granted).toHaveLength(4);
    granted[0]!.report(window(400));
    await Promise.resolve();
    expect(granted).toHaveLength(16);
  });

  it('never lets what is in flight exceed what is left of the window, and waits for the refill', async () => {
    vi.useFakeTimers();
    const gate = createMemoryGate();
    const throttles: unknown[] = [];
    const granted: GateSlot[] = [];
    acquireMany(gate, 20, options({ onThrottle: (event) => throttles.push(event) }), granted);
    await Promise.resolve();
    // The first answer: 6 left, and 3 others in flight that the store may not have counted yet.
    granted[0]!.report(window(6, 12, 2000));
    await Promise.resolve();
    expect(granted).toHaveLength(4 + 3);
    expect(throttles).toEqual([{ type: 'throttle', waitMs: 2000, reason: 'quota-exhausted' }]);
    for (const slot of granted) slot.release();
    await vi.advanceTimersByTimeAsync(1999);
    expect(granted).toHaveLength(7);
    await vi.advanceTimersByTimeAsync(1);
    // Refilled: 12, and nothing was in flight.
    expect(granted).toHaveLength(7 + 12);
  });

  it('an answer written before others already counted (arriving late) never raises what is left of the window', async () => {
    const gate = createMemoryGate();
    const granted: GateSlot[] = [];
    acquireMany(gate, 30, options(), granted);
    await Promise.resolve();
    const [a, , , d] = granted;
    // The store counted A, B, C, D (10 per window): D's answer says 6 left and comes first.
    d!.report(window(6, 10, 30_000));
    d!.release();
    await Promise.resolve();
    // 6 left less the 3 others in flight: 3 more start (E, F, G), all counted by the store.
    expect(granted).toHaveLength(7);
    // A's answer, written when only A was counted (9 left), arrives last: with B, C, E, F, G in
    // flight it would read as 4 left, though the store has 3 left and nothing in flight uncounted.
    a!.report(window(9, 10, 30_000));
    a!.release();
    await Promise.resolve();
    expect(granted.length).toBeLessThanOrEqual(10);
    expect(granted).toHaveLength(7);
  });

  it('an answer from the next window replaces the window tracked, even with more left', async () => {
    vi.useFakeTimers();
    const gate = createMemoryGate();
    const granted: GateSlot[] = [];
    acquireMany(gate, 40, options(), granted);
    await Promise.resolve();
    const answer = (left: number, resetMs: number) => ({
      rateLimit: { requestsLeft: left, requestsQuota: 10, resetMs, windowMs: 1_000, retryAfterMs: undefined },
      latencyMs: 100,
    });
    // 3 left of this window with 3 others in flight: nothing more starts.
    granted[0]!.report(answer(3, 1_000));
    granted[0]!.release();
    await Promise.resolve();
    expect(granted).toHaveLength(4);
    // 700 ms on, an answer written in the store's next window (it refilled before the tracked
    // reset, which was counted from a late answer): 9 left, resetting a whole window later.
    await vi.advanceTimersByTimeAsync(700);
    granted[1]!.report(answer(9, 1_000));
    await Promise.resolve();
    // 9 left less the 2 others in flight: 7 more start.
    expect(granted).toHaveLength(4 + 7);
  });

  it('while an operation is under way, bulk requests leave it the last requests of the window', async () => {
    vi.useFakeTimers();
    const gate = createMemoryGate();
    const high = () => gate.acquire(store, options({ priority: 'high' }));
    const firstOfOrder = await high();
    const bulk: GateSlot[] = [];
    acquireMany(gate, 20, options(), bulk);
    await Promise.resolve();
    expect(bulk).toHaveLength(3);
    // The order's first answer: 9 of 12 left (2 s window), 3 bulk requests in flight besides it.
    firstOfOrder.report({ rateLimit: { requestsLeft: 9, requestsQuota: 12, resetMs: 2_000, windowMs: 2_000, retryAfterMs: undefined }, latencyMs: 100 });
    firstOfOrder.release();
    await Promise.resolve();
    // 6 left as far as the gate knows: bulk takes 3 and leaves the order the last 3.
    expect(bulk).toHaveLength(6);
    // The order's next request, 50 ms later, starts at once instead of waiting for the refill.
    await vi.advanceTimersByTimeAsync(50);
    let nextOfOrder: GateSlot | undefined;
    void high().then((slot) => (nextOfOrder = slot));
    await Promise.resolve();
    expect(nextOfOrder).toBeDefined();
    // Once the order has gone quiet (two latencies, 200 ms at least), bulk takes what is left.
    nextOfOrder!.release();
    await vi.advanceTimersByTimeAsync(199);
    expect(bulk).toHaveLength(6);
    await vi.advanceTimersByTimeAsync(1);
    expect(bulk).toHaveLength(8);
    // 1 + 3 + 3 + 1 + 2 = 10 started in a window of 12 (the gate counts the 3 first bulk ones as
    // possibly uncounted by the store when the order's answer was written).
  });

  it('leaves the share of the quota it was not given to the store\'s other apps', async () => {
    const gate = createMemoryGate();
    const granted: GateSlot[] = [];
    acquireMany(gate, 20, options({ quotaShare: 0.5 }), granted);
    await Promise.resolve();
    granted[0]!.report(window(12, 12, 2000));
    for (const slot of granted.splice(0)) slot.release();
    await Promise.resolve();
    // 12 left, less the 3 others in flight the store may not have counted, less 6 kept for the
    // store's other apps: 3 more start.
    expect(granted).toHaveLength(3);
  });

  it('lets a high-priority request go ahead of every waiting bulk one, and one bulk after every four high', async () => {
    const gate = createMemoryGate();
    const order: string[] = [];
    const granted: GateSlot[] = [];
    acquireMany(gate, 1, options({ ceiling: 1, concurrency: 'fixed' }), granted, order, 'first');
    await Promise.resolve();
    acquireMany(gate, 3, options({ ceiling: 1, concurrency: 'fixed' }), granted, order, 'bulk');
    acquireMany(gate, 6, options({ ceiling: 1, concurrency: 'fixed', priority: 'high' }), granted, order, 'high');
    for (let step = 0; step < 9; step += 1) {
      await Promise.resolve();
      granted.at(-1)!.release();
      await Promise.resolve();
    }
    expect(order).toEqual(['first', 'high', 'high', 'high', 'high', 'bulk', 'high', 'high', 'bulk', 'bulk']);
  });

  it('a 429 without headers pauses the store, then one request at a time asks again', async () => {
    vi.useFakeTimers();
    const gate = createMemoryGate();
    const granted: GateSlot[] = [];
    acquireMany(gate, 1, options(), granted);
    await Promise.resolve();
    granted[0]!.report(window(100, 150));
    gate.pause(store, 1000, () => {});
    granted[0]!.release();
    acquireMany(gate, 5, options(), granted);
    await vi.advanceTimersByTimeAsync(999);
    expect(granted).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted.length).toBeGreaterThan(1);
  });
});
