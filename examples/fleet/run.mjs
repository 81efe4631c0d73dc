// The fleet example in one command (`npm run fleet`): packs and installs the SDK, starts Redis
// (REDIS_URL, or a redis-server of its own), the stores, the workers and the producer, kills one
// worker mid-run, and prints what came out of it.
//
//   npm run fleet                          10 stores, 4 workers, the Redis gate
//   npm run fleet -- --stores 20 --workers 6 --gate memory
//   npm run fleet -- --no-setup            skip packing and installing (already done)
import { parseArgs } from 'node:util';
import { setup } from './setup.mjs';
import { redisForFleet } from './redis-server.mjs';

const { values } = parseArgs({
  options: {
    stores: { type: 'string' },
    products: { type: 'string' },
    workers: { type: 'string' },
    orders: { type: 'string' },
    gate: { type: 'string' },
    'no-setup': { type: 'boolean' },
  },
});
if (!values['no-setup']) setup();
// Imported after the setup: fleet.mjs needs the installed packages.
const { runFleet, summary } = await import('./fleet.mjs');
const redis = await redisForFleet();
try {
  const numbers = Object.fromEntries(['stores', 'products', 'workers', 'orders'].filter((name) => values[name] !== undefined).map((name) => [name, Number(values[name])]));
  const result = await runFleet(redis.url, { ...numbers, ...(values.gate ? { gate: values.gate } : {}) });
  console.log(summary(result));
} finally {
  await redis.stop();
}
