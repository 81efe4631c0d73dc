import { createApiKeyAuth } from '../../src/index';
import { createMemoryGate } from '../../src/internal/gate/memory-gate';
import type { HttpClientConfig } from '../../src/internal/http-client';

/** An HTTP core's settings as a source would give them, for tests of the core alone. */
export function httpClientConfig(overrides: Partial<HttpClientConfig> & Pick<HttpClientConfig, 'fetch'>): HttpClientConfig {
  return {
    storeHash: 'abc123',
    apiBaseUrl: 'https://api.bigcommerce.com',
    auth: createApiKeyAuth({ accessToken: 'tok-abcdef' }),
    timeoutMs: 30_000,
    maxRetries: 5,
    maxConcurrency: 4,
    ceiling: 4,
    concurrency: 'fixed',
    quotaShare: 1,
    gate: createMemoryGate(),
    maxResponseBytes: 64 * 1024 * 1024,
    onEvent: undefined,
    ...overrides,
  };
}
