// One sandbox store for bench/quota-bound.mjs, in its own process (its CPU does not sit on the
// SDK's event loop): a quota, a latency, and the 429s it answered.
import { createSandboxStore } from 'bigcommerce-source/testing';

const { latencyMs, quota, windowMs } = JSON.parse(process.argv[2]);
const sandbox = createSandboxStore({ latencyMs, rateLimit: { quota, windowMs } });
const listener = await sandbox.listen();
process.on('message', (message) => {
  if (message === 'stats') {
    process.send({ requests: sandbox.requests.length });
  } else if (message === 'close') {
    void listener.close().then(() => process.exit(0));
  }
});
process.send({ url: listener.url, storeHash: sandbox.storeHash, accessToken: sandbox.accessToken });
