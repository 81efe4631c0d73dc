/** Redis could not be reached (or did not answer in time): slots and pauses use the in-memory fallback, PO leases fail closed. */
export interface RedisGateDegradedEvent {
  /** Discriminant. */
  readonly type: 'degraded';
  /** What failed, e.g. `Redis did not answer the acquire script within 1000 ms` or `connect ECONNREFUSED …`. */
  readonly reason: string;
}

/** Redis answers again: slots, pauses and PO leases are shared through it again. */
export interface RedisGateRecoveredEvent {
  /** Discriminant. */
  readonly type: 'recovered';
  /** How long the gate was degraded, in milliseconds. */
  readonly degradedMs: number;
}

/** A PO lease held here was found lost while renewing it (a stall past its lifetime, or Redis forgot it). Its send fails closed at its next confirmation. */
export interface RedisGateLeaseLostEvent {
  /** Discriminant. */
  readonly type: 'lease-lost';
  /** The store's hash. */
  readonly storeHash: string;
  /** The PO number. */
  readonly poNumber: string;
}

/** What a Redis gate reports to its `onEvent`. Events never carry secrets. */
export type RedisGateEvent = RedisGateDegradedEvent | RedisGateRecoveredEvent | RedisGateLeaseLostEvent;
