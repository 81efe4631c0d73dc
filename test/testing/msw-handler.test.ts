import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxStore } from '../../src/testing/index';

const sandbox = createSandboxStore();
const server = setupServer(http.all('https://api.bigcommerce.com/*', ({ request }) => sandbox.handle(request)));

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => sandbox.reset());
afterAll(() => server.close());

const call = (path: string) =>
  fetch(`https://api.bigcommerce.com/stores/sandbox1${path}`, { headers: { 'X-Auth-Token': 'sandbox-token' } });

describe('sandbox.handle() behind msw', () => {
  it('answers intercepted requests', async () => {
    const response = await call('/v2/store');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 'sandbox1' });
    expect(sandbox.requests.map((request) => request.path)).toEqual(['/v2/store']);
  });

  it('plays status faults', async () => {
    sandbox.injectFault({ kind: 'status', status: 503 });
    expect((await call('/v2/store')).status).toBe(503);
  });

  it('turns a dropped connection into msw\'s network error', async () => {
    sandbox.injectFault({ kind: 'drop' });
    await expect(call('/v2/store')).rejects.toBeInstanceOf(TypeError);
  });
});
