import { BigCommerceSource, createApiKeyAuth, type BigCommerceSourceOptions } from '../../src/index';
import type { SandboxStore } from '../../src/testing/index';

/** A source talking to `sandbox` in memory, through its `fetch`. */
export function sourceFor(sandbox: SandboxStore, options: Partial<BigCommerceSourceOptions> = {}): BigCommerceSource {
  return new BigCommerceSource({
    storeHash: sandbox.storeHash,
    auth: createApiKeyAuth({ accessToken: sandbox.accessToken }),
    fetch: sandbox.fetch,
    ...options,
  });
}
