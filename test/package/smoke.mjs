// Run by scripts/smoke.mjs inside the throwaway project where the packed tarball is installed:
// loads the package the way users do, require() from CommonJS and import() from ESM, by name.
import { createRequire } from 'node:module';
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const app = dirname(fileURLToPath(import.meta.url));
const expectedExports = ['BigCommerceSource', 'createApiKeyAuth', 'createOAuth2Auth', 'createOAuthApp', 'parseStoreHash', 'isBigCommerceError', 'ApiError'];

// Everything resolves inside this project: the package from the tarball, its dependencies from the registry.
for (const name of ['bigcommerce-source', 'bigcommerce-source/testing', 'zod', 'ky', 'p-retry']) {
  const resolved = realpathSync(fileURLToPath(import.meta.resolve(name)));
  assert.ok(resolved.startsWith(join(app, 'node_modules') + sep), `${name} resolves to ${resolved}, outside the project`);
}

const required = require('bigcommerce-source');
const imported = await import('bigcommerce-source');
for (const [style, module] of [['require', required], ['import', imported]]) {
  for (const name of expectedExports) assert.equal(typeof module[name], 'function', `${style}('bigcommerce-source').${name}`);
  assert.equal(module.parseStoreHash('https://store-abc123.mybigcommerce.com/'), 'abc123');
}
assert.equal(typeof require('bigcommerce-source/testing').createSandboxStore, 'function');
assert.equal(typeof (await import('bigcommerce-source/testing')).createSandboxStore, 'function');
assert.equal(typeof require('bigcommerce-source/redis').createRedisGate, 'function');
assert.equal(typeof (await import('bigcommerce-source/redis')).createRedisGate, 'function');

// The library entry must run on edge runtimes: no Node built-in may be imported by it.
const dist = dirname(fileURLToPath(import.meta.resolve('bigcommerce-source')));
for (const file of ['index.js', 'index.cjs']) {
  const code = readFileSync(join(dist, file), 'utf8');
  assert.doesNotMatch(code, /(?:from\s*|require\(|import\()\s*["']node:/, `dist/${file} imports a node: built-in`);
  assert.doesNotMatch(code, /\bBuffer\./, `dist/${file} uses Buffer`);
  // Nothing of bigcommerce-source/redis (its gate, its Lua scripts) is in the library entry.
  for (const marker of ['redis.call', 'lease_acquire', 'RedisStoreLane', 'RedisGateTimeoutError']) assert.ok(!code.includes(marker), `dist/${file} contains ${marker}`);
}

// A real call through the installed package, against the sandbox over its in-memory fetch.
const { createSandboxStore } = await import('bigcommerce-source/testing');
const sandbox = createSandboxStore();
const source = new imported.BigCommerceSource({
  storeHash: sandbox.storeHash,
  auth: imported.createApiKeyAuth({ accessToken: sandbox.accessToken }),
  fetch: sandbox.fetch,
});
const store = await source.verifyConnection();
assert.equal(store.storeHash, sandbox.storeHash);

console.log(`require() and import() of bigcommerce-source ${imported.VERSION} work; verifyConnection() -> ${store.name}`);
