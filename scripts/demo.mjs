// `npm run demo`: what a user sees on a first try, against the embedded sandbox store over real
// HTTP on 127.0.0.1. No credentials, no network. Runs the built package, as a user would.
import { BigCommerceSource, createApiKeyAuth } from 'bigcommerce-source';
import { createSandboxStore } from 'bigcommerce-source/testing';

const sandbox = createSandboxStore({ latencyMs: 20 });
const server = await sandbox.listen();
try {
  const events = [];
  const source = new BigCommerceSource({
    connectionName: 'Demo supplier (sandbox)',
    storeHash: `https://store-${sandbox.storeHash}.mybigcommerce.com/manage/dashboard`,
    auth: createApiKeyAuth({ clientId: 'demo-client', accessToken: sandbox.accessToken }),
    apiBaseUrl: server.url,
    onEvent: (event) => events.push(event),
  });

  const startedMs = performance.now();
  const store = await source.verifyConnection();
  const elapsedMs = Math.round(performance.now() - startedMs);
  const response = events.find((event) => event.type === 'response');

  console.log('bigcommerce-source demo');
  console.log('');
  console.log(`  connection   ${source.connectionName}`);
  console.log(`  store hash   ${source.storeHash}  (parsed from a control-panel URL)`);
  console.log(`  api          ${server.url}`);
  console.log('');
  console.log('  verifyConnection()  ->  GET /v2/store');
  console.log(`    name       ${store.name}`);
  console.log(`    domain     ${store.domain}`);
  console.log(`    secure url ${store.secureUrl}`);
  console.log(`    currency   ${store.currency}`);
  console.log(`    plan       ${store.planName}`);
  console.log(`    time zone  ${store.timezone}`);
  console.log('');
  console.log(`  ${events.filter((event) => event.type === 'request').length} request, status ${response?.status}, ${elapsedMs} ms, ${response?.requestsLeft} requests left in the quota window`);
  console.log(`  serialized source (no secrets): ${JSON.stringify(source)}`);
} finally {
  await server.close();
}
