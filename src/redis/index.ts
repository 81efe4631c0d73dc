// bigcommerce-source/redis: a rate gate shared through Redis, for fleets of processes and machines.
// Listed by name; anything not exported here is internal and may change. It imports nothing of
// the SDK but the gate (its interface, and the in-memory gate it falls back to), and the SDK's
// main entry imports nothing of it.

export { createRedisGate, type RedisGate, type RedisGateOptions } from './redis-gate';
export type { RedisGateClient } from './redis-calls';
export type { RedisGateEvent, RedisGateDegradedEvent, RedisGateRecoveredEvent, RedisGateLeaseLostEvent } from './events';
