// Loads the built package the way users do: require() from CommonJS and import() from ESM, by the
// package's own name (Node resolves a package's self-reference through its "exports" map).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const expectedExports = ['BigCommerceSource', 'createApiKeyAuth', 'createOAuth2Auth', 'createOAuthApp', 'parseStoreHash', 'isBigCommerceError', 'ApiError'];

const required = require('bigcommerce-source');
const imported = await import('bigcommerce-source');
for (const [style, module] of [['require', required], ['import', imported]]) {
  for (const name of expectedExports) assert.equal(typeof module[name], 'function', `${style}('bigcommerce-source').${name}`);
  assert.equal(module.parseStoreHash('https://store-abc123.mybigcommerce.com/'), 'abc123');
}
assert.equal(typeof require('bigcommerce-source/testing').createSandboxStore, 'function');
assert.equal(typeof (await import('bigcommerce-source/testing')).createSandboxStore, 'function');

// The library entry must run on edge runtimes: no Node built-in may be imported by it.
for (const file of ['dist/index.js', 'dist/index.cjs']) {
  const code = readFileSync(file, 'utf8');
  assert.doesNotMatch(code, /(?:from\s*|require\(|import\()\s*["']node:/, `${file} imports a node: built-in`);
  assert.doesNotMatch(code, /\bBuffer\./, `${file} uses Buffer`);
}

// A real call through the built package, against the sandbox over its in-memory fetch.
const { createSandboxStore } = await import('bigcommerce-source/testing');
const sandbox = createSandboxStore();
const source = new imported.BigCommerceSource({
  storeHash: sandbox.storeHash,
  auth: imported.createApiKeyAuth({ accessToken: sandbox.accessToken }),
  fetch: sandbox.fetch,
});
const store = await source.verifyConnection();
assert.equal(store.storeHash, sandbox.storeHash);

console.log(`smoke: require() and import() of bigcommerce-source ${imported.VERSION} work; verifyConnection() -> ${store.name}`);
