// Runs the library's ESM build inside Vercel's edge runtime (`edge-runtime`: a VM context that has
// only Web APIs: fetch, Request, Response, URL, crypto.subtle, TextEncoder, AbortSignal… and no
// require, process, Buffer or node:*). dist/index.js is bundled with its dependencies the way an
// edge deployment bundles it, evaluated in the VM, and used for an inventory page, an order and a
// signed-payload verification. The sandbox store runs on the host; the VM reaches it through a fetch
// that copies each request and response across the boundary as plain bytes.
//
// Run after `npm run build`: node test/runtime/edge-runtime.mjs
import { build } from 'esbuild';
import { EdgeRuntime } from 'edge-runtime';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createSandboxStore } from '../../dist/testing.js';

const started = performance.now();
const bundle = await build({
  entryPoints: ['dist/index.js'],
  bundle: true,
  format: 'iife',
  globalName: 'BigCommerceSourceSdk',
  platform: 'neutral', // no Node built-ins may be resolved
  mainFields: ['module', 'main'],
  target: 'es2022',
  write: false,
  logLevel: 'error',
});

const sandbox = createSandboxStore({
  products: Array.from({ length: 60 }, (_, index) => ({ name: `Edge product ${index + 1}`, sku: `EDGE-${index + 1}`, price: 10 + index, inventory_level: 5 })),
});
const runtime = new EdgeRuntime();
const { context } = runtime;

// Only Web APIs in the VM: nothing Node-specific is reachable from its global scope.
for (const name of ['require', 'process', 'Buffer', 'module', 'setImmediate']) {
  assert.equal(runtime.evaluate(`typeof globalThis.${name}`), 'undefined', `the edge VM exposes ${name}`);
}

// edge-runtime 4.0.1 lacks AbortSignal.any; the SDK falls back to its own combination
// (src/internal/any-signal.ts), so the VM is left as it is.
const vmLacksAbortSignalAny = runtime.evaluate('typeof AbortSignal.any') !== 'function';

// The VM's fetch: its Request in, the VM's Response out, the sandbox's handle() in between.
context.sandboxFetch = async (input, init) => {
  const vmRequest = new context.Request(input, init);
  const body = ['GET', 'HEAD'].includes(vmRequest.method) ? undefined : await vmRequest.arrayBuffer();
  const hostResponse = await sandbox.handle(new Request(vmRequest.url, { method: vmRequest.method, headers: [...vmRequest.headers], body }));
  const bytes = new Uint8Array(await hostResponse.arrayBuffer());
  return new context.Response(hostResponse.status === 204 ? null : context.Uint8Array.from(bytes), {
    status: hostResponse.status,
    statusText: hostResponse.statusText,
    headers: [...hostResponse.headers],
  });
};

// A load-callback JWT, signed on the host with the app's client secret.
const CLIENT_ID = 'edge-client-id';
const CLIENT_SECRET = 'edge-client-secret';
const now = Math.floor(Date.now() / 1000);
const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const signingInput = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({
  aud: CLIENT_ID,
  iss: 'bc',
  iat: now,
  nbf: now - 5,
  exp: now + 3600,
  jti: 'edge-jti-1',
  sub: `stores/${sandbox.storeHash}`,
  user: { id: 1, email: 'user@example.com' },
  owner: { id: 1, email: 'owner@example.com' },
})}`;
context.signedPayloadJwt = `${signingInput}.${createHmac('sha256', CLIENT_SECRET).update(signingInput).digest('base64url')}`;
context.sandboxConfig = { storeHash: sandbox.storeHash, accessToken: sandbox.accessToken, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };

runtime.evaluate(bundle.outputFiles[0].text);
const result = await runtime.evaluate(`(async () => {
  const { BigCommerceSource, createApiKeyAuth, createOAuthApp } = BigCommerceSourceSdk;
  const source = new BigCommerceSource({
    storeHash: sandboxConfig.storeHash,
    auth: createApiKeyAuth({ accessToken: sandboxConfig.accessToken }),
    fetch: sandboxFetch,
  });
  const store = await source.verifyConnection();

  let page;
  for await (const first of source.inventory.pages({ pageSize: 50 })) {
    page = first;
    break;
  }
  const item = page.items.find((candidate) => !candidate.purchasingDisabled && candidate.availability === 'available' && (candidate.quantity === null || candidate.quantity >= 1));
  const order = await source.orders.send(
    {
      poNumber: 'PO-EDGE-1',
      email: 'edge@example.com',
      items: [{ sku: item.sku, quantity: 1 }],
      shippingAddress: { firstName: 'Ada', lastName: 'Lovelace', street1: '1 Main St', city: 'Austin', state: 'Texas', zip: '78701', country: 'US' },
    },
    { customerPolicy: 'create-if-missing' },
  );

  const app = createOAuthApp({ clientId: sandboxConfig.clientId, clientSecret: sandboxConfig.clientSecret, redirectUri: 'https://app.example.com/auth' });
  const claims = await app.verifySignedPayload(signedPayloadJwt);
  let tampered;
  try {
    await app.verifySignedPayload(signedPayloadJwt.slice(0, -2) + (signedPayloadJwt.endsWith('AA') ? 'BB' : 'AA'));
  } catch (error) {
    tampered = { name: error.name, check: error.check };
  }
  return JSON.stringify({ store: store.storeHash, pageItems: page.items.length, cursor: typeof page.cursor, sku: item.sku, order, claims: { storeHash: claims.storeHash, aud: claims.aud }, tampered });
})()`);

const outcome = JSON.parse(result);
assert.equal(outcome.store, sandbox.storeHash);
assert.ok(outcome.pageItems > 0, 'an inventory page with items');
assert.equal(outcome.cursor, 'string');
assert.equal(outcome.order.created, true);
assert.equal(outcome.order.poNumber, 'PO-EDGE-1');
assert.deepEqual(outcome.order.lines.map((line) => line.sku), [outcome.sku]);
assert.deepEqual(outcome.claims, { storeHash: sandbox.storeHash, aud: CLIENT_ID });
assert.deepEqual(outcome.tampered, { name: 'SignedPayloadError', check: 'signature' });
// The order really reached the store.
assert.equal([...sandbox.orders.all()].filter((order) => order.external_order_id === 'PO-EDGE-1').length, 1);

console.log(
  `edge-runtime: dist/index.js in the edge VM: inventory page of ${outcome.pageItems} items, order ${outcome.order.orderId}, ` +
    `signed payload verified and a tampered one refused (${Math.round(performance.now() - started)} ms)` +
    (vmLacksAbortSignalAny ? '; the VM has no AbortSignal.any, the SDK did without it' : ''),
);
