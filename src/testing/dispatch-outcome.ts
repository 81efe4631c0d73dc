/** Marks a request whose connection the sandbox drops instead of answering. */
export const DROPPED: unique symbol = Symbol('bigcommerce-source/testing.dropped');

/** What the sandbox does with a request: answer it, or drop the connection. */
export type DispatchOutcome = Response | typeof DROPPED;

/**
 * Takes one request to its outcome. Rejects with the reason of `signal` (the caller's own signal,
 * `request.signal` when omitted) when the request is aborted.
 */
export type Dispatch = (request: Request, signal?: AbortSignal) => Promise<DispatchOutcome>;
