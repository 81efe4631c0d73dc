import { createReadStream } from 'node:fs';
import type { CustomerPolicy, FieldIssue, OrderPricing, PurchaseOrder, SendManyResult, SendOrderOptions, SentOrder } from '../../index';
import type { CommandContext } from '../context';
import { connect } from '../credentials';
import { errorLine, issuesWithKeyPaths, oneLineMessage, printedMessage, type Redact } from '../error-line';
import { errorName, hintFor, UsageError } from '../errors';
import { choiceFlag, integerFlag } from '../flag-values';
import { readLines, type CliIo } from '../io';
import { createRowWriter, type Column } from '../output';
import { formatDuration } from '../progress';

/** One line of `send-order`'s output: a purchase order's result. */
export type SendOrderRecord =
  | ({ readonly ok: true; readonly index: number } & SentOrder)
  | { readonly ok: false; readonly index: number; readonly poNumber: string | undefined; readonly error: ErrorRecord };

export interface ErrorRecord {
  readonly name: string;
  readonly message: string;
  readonly hint?: string;
  readonly [detail: string]: unknown;
}

export const SEND_ORDER_COLUMNS: readonly Column<SendOrderRecord>[] = [
  { header: 'index', value: (record) => record.index },
  { header: 'poNumber', value: (record) => record.poNumber },
  { header: 'result', value: (record) => (record.ok ? (record.created ? 'created' : 'already sent') : 'failed') },
  { header: 'orderId', value: (record) => (record.ok ? record.orderId : '') },
  { header: 'customerId', value: (record) => (record.ok ? record.customerId : '') },
  { header: 'customer', value: (record) => (record.ok ? (record.customerId === 0 ? 'guest' : record.customerCreated ? 'created' : 'existing') : '') },
  { header: 'lines', value: (record) => (record.ok ? record.lines.map((line) => `${line.sku}×${line.quantity}`).join(' ') : '') },
  { header: 'error', value: (record) => (record.ok ? '' : `${record.error.name}: ${record.error.message}`) },
];

/**
 * The error as an output record: class, message (as the error line prints it), hint, and the
 * fields that say what to fix; an unknown key is an issue at its own path.
 */
export function errorRecord(error: unknown, redact: Redact): ErrorRecord {
  const fields = (error ?? {}) as Record<string, unknown>;
  const hint = hintFor(error, redact);
  return {
    name: errorName(error),
    message: printedMessage(error, redact),
    ...(hint ? { hint } : {}),
    ...(Array.isArray(fields.skus) ? { skus: fields.skus } : {}),
    ...(typeof fields.email === 'string' ? { email: fields.email } : {}),
    ...(Array.isArray(fields.issues) && fields.issues.length > 0 ? { issues: issuesWithKeyPaths(fields.issues as FieldIssue[]) } : {}),
  };
}

/**
 * `send-order FILE|-`: one purchase order (JSON) or many (NDJSON or a JSON array). A signal stops
 * it from starting more; the purchase orders in flight finish (a write cut off mid-way leaves its
 * outcome unknown), and sending the same input again is safe: those sent come back `created: false`.
 */
export async function sendOrderCommand(context: CommandContext): Promise<number> {
  const { flags, positionals, terminal, reporter, redact } = context;
  if (positionals.length !== 1) throw new UsageError('send-order: give one FILE, or - to read stdin', 'bigcommerce-source send-order orders.ndjson');
  const customerPolicy = choiceFlag<CustomerPolicy>(flags, 'customer-policy');
  const pricing = choiceFlag<OrderPricing>(flags, 'pricing');
  const concurrency = integerFlag(flags, 'concurrency');
  const input = await readPurchaseOrders(positionals[0]!, context.io);
  // No signal: an order in flight is never cut off half-sent.
  const options: SendOrderOptions = {
    ...(customerPolicy ? { customerPolicy } : {}),
    ...(pricing ? { pricing } : {}),
  };
  const connection = await connect(flags, context.io, terminal, { onEvent: context.onEvent });
  const writer = createRowWriter(context.format, terminal, SEND_ORDER_COLUMNS);
  try {
    if (input.single) {
      // One PO: its record on stdout either way; a failure is also the error line and its exit code.
      let record: SendOrderRecord;
      let failure: unknown;
      try {
        record = { ok: true, index: 0, ...(await connection.source.orders.send(input.pos[0] as PurchaseOrder, options)) };
      } catch (error) {
        failure = error;
        const poNumber = (input.pos[0] as { poNumber?: unknown }).poNumber;
        record = { ok: false, index: 0, poNumber: typeof poNumber === 'string' ? poNumber : undefined, error: errorRecord(error, redact) };
      }
      await writer.write(record);
      await writer.end();
      if (failure !== undefined) throw failure;
      return 0;
    }
    const counts = { created: 0, existing: 0, failed: 0 };
    let done = 0;
    reporter.start('send-order', 'POs');
    const results = connection.source.orders.sendMany(untilStopped(input.pos as PurchaseOrder[], context.signal), { ...options, ...(concurrency ? { concurrency } : {}) });
    try {
      for await (const result of results) {
        done += 1;
        if (!result.ok) {
          counts.failed += 1;
          reporter.note(failureLine(result, redact));
          if (reporter.mode === 'quiet' || reporter.mode === 'json') terminal.err(`${failureLine(result, redact)}\n`);
        } else if (result.order.created) counts.created += 1;
        else counts.existing += 1;
        await writer.write(toRecord(result, redact));
        reporter.progress({ done, total: input.pos.length, extra: `${counts.failed} failed`, fields: { done, total: input.pos.length, ...counts } });
      }
    } finally {
      await writer.end();
    }
    const summary = `send-order: ${done} of ${input.pos.length} purchase orders: ${counts.created} created, ${counts.existing} already sent (created: false), ${counts.failed} failed, ${formatDuration(reporter.elapsedMs)}`;
    reporter.stop(summary);
    if (context.signal?.aborted) {
      terminal.err(`bigcommerce-source: stopped after ${done} of ${input.pos.length} purchase orders; sending the same input again is safe: those sent come back with "created": false\n`);
      throw context.signal.reason;
    }
    if (counts.failed > 0) {
      terminal.err(`bigcommerce-source: ${counts.failed} of ${input.pos.length} purchase orders failed; the others were sent.\n`);
      return 1;
    }
    return 0;
  } finally {
    await connection.close();
  }
}

/** The purchase orders, until `signal` aborts: sendMany pulls them one at a time, so none starts after. */
async function* untilStopped<T>(items: readonly T[], signal: AbortSignal | undefined): AsyncGenerator<T> {
  for (const item of items) {
    if (signal?.aborted) return;
    yield item;
  }
}

function toRecord(result: SendManyResult, redact: Redact): SendOrderRecord {
  if (result.ok) return { ok: true, index: result.index, ...result.order };
  return { ok: false, index: result.index, poNumber: result.poNumber, error: errorRecord(result.error, redact) };
}

function failureLine(result: Extract<SendManyResult, { ok: false }>, redact: Redact): string {
  const which = result.poNumber === undefined ? `purchase order #${result.index + 1}` : `PO ${result.poNumber}`;
  return errorLine(result.error, redact, `${which}: `);
}

/**
 * Reads every purchase order before sending any, so a malformed line stops the run with nothing
 * sent. One JSON document (an object, even spread over lines, or an array) or NDJSON.
 */
export async function readPurchaseOrders(argument: string, io: CliIo): Promise<{ single: boolean; pos: unknown[] }> {
  const source = argument === '-' ? io.stdin : createReadStream(argument);
  if (!source) throw new UsageError('send-order -: there is no stdin to read', 'give a FILE instead');
  const where = argument === '-' ? 'stdin' : argument;
  const lines: string[] = [];
  try {
    for await (const line of readLines(source)) lines.push(line);
  } catch (error) {
    const code = (error as { code?: unknown })?.code;
    throw new UsageError(`cannot read ${where}: ${typeof code === 'string' ? code : oneLineMessage(error)}`, 'check the path');
  }
  const text = lines.join('\n').trim();
  if (text === '') throw new UsageError(`${where} holds no purchase order`, 'one JSON object, or one per line (NDJSON)');
  const whole = tryParse(text);
  if (whole.ok) {
    if (Array.isArray(whole.value)) return { single: false, pos: whole.value };
    if (typeof whole.value === 'object' && whole.value !== null) return { single: true, pos: [whole.value] };
    throw new UsageError(`${where} is JSON but not a purchase order (an object)`, 'one JSON object, or one per line (NDJSON)');
  }
  const pos: unknown[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const parsed = tryParse(line);
    if (!parsed.ok) throw new UsageError(`${where} line ${index + 1} is not JSON (${parsed.message}); nothing was sent`, 'one purchase order per line (NDJSON), or one JSON object');
    pos.push(parsed.value);
  }
  return { single: false, pos };
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: oneLineMessage(error) };
  }
}

