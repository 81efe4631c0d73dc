import { BigCommerceError } from '../../errors/bigcommerce-error';
import type { SentOrder } from './sent-order';

/** What {@link OrderOperations.sendMany} yields for one purchase order. */
export type SendManyResult = SendManySuccess | SendManyFailure;

/** A purchase order that was sent (or found already sent). */
export interface SendManySuccess {
  /** Always `true` here. */
  readonly ok: true;
  /** The purchase order's position in the input, from 0. */
  readonly index: number;
  /** The purchase order's number. */
  readonly poNumber: string;
  /** What was done. */
  readonly order: SentOrder;
}

/** A purchase order that failed; the others carry on. */
export interface SendManyFailure {
  /** Always `false` here. */
  readonly ok: false;
  /** The purchase order's position in the input, from 0. */
  readonly index: number;
  /** The purchase order's number, when it had a string one. */
  readonly poNumber: string | undefined;
  /**
   * The error {@link OrderOperations.send} would have thrown: a {@link ValidationError},
   * {@link UnknownSkuError}, {@link CustomerNotFoundError}, an {@link ApiError}…
   */
  readonly error: BigCommerceError;
}

/**
 * Runs `send` over `inputs` with at most `concurrency` in flight and yields one result per input,
 * in input order. Inputs are pulled lazily, and no more than `concurrency` finished results wait
 * behind a slow one, so memory stays bounded for any length. Aborting `signal` stops the batch:
 * the iteration throws the signal's reason.
 */
export async function* sendAll(
  inputs: Iterable<unknown> | AsyncIterable<unknown>,
  concurrency: number,
  send: (po: unknown) => Promise<SentOrder>,
  signal: AbortSignal | undefined,
): AsyncGenerator<SendManyResult, void, undefined> {
  const iterator = Symbol.asyncIterator in inputs ? inputs[Symbol.asyncIterator]() : inputs[Symbol.iterator]();
  const pending: Array<Promise<SendManyResult>> = [];
  let index = 0;
  let exhausted = false;
  try {
    for (;;) {
      // Keep up to `concurrency` started; results come out in input order.
      while (!exhausted && pending.length < concurrency) {
        signal?.throwIfAborted();
        const next = await iterator.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        const result = settle(index, next.value, send, signal);
        // Rejects only on abort, which the loop reports when it reaches it; never unhandled.
        result.catch(() => undefined);
        pending.push(result);
        index += 1;
      }
      const head = pending.shift();
      if (!head) return;
      yield await head;
    }
  } finally {
    if (!exhausted) await iterator.return?.();
  }
}

async function settle(index: number, po: unknown, send: (po: unknown) => Promise<SentOrder>, signal: AbortSignal | undefined): Promise<SendManyResult> {
  const poNumber = poNumberOf(po);
  try {
    const order = await send(po);
    return { ok: true, index, poNumber: order.poNumber, order };
  } catch (error) {
    // An abort ends the whole batch; anything else is this purchase order's own failure.
    if (signal?.aborted) throw signal.reason;
    return { ok: false, index, poNumber, error: asBigCommerceError(error) };
  }
}

function poNumberOf(po: unknown): string | undefined {
  const value = typeof po === 'object' && po !== null ? (po as Record<string, unknown>).poNumber : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** SDK errors pass as they are; anything else (a bug) is wrapped, keeping it as the `cause`. */
function asBigCommerceError(error: unknown): BigCommerceError {
  if (error instanceof BigCommerceError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BigCommerceError(`Sending the purchase order failed unexpectedly: ${message}`, { cause: error });
}
