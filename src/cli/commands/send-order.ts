import { createReadStream } from 'node:fs';
import type { CustomerPolicy, OrderPricing, PurchaseOrder, SendManyResult, SendOrderOptions, SentOrder } from '../../index';
import { choiceFlag, integerFlag } from '../args';
import type { CommandContext } from '../context';
import { connect } from '../credentials';
import { errorLine, errorName, hintFor, oneLineMessage, UsageError } from '../errors';
import { readLines, type CliIo } from '../io';
import { createRowWriter, type Column } from '../output';
import { Progress } from '../progress';

export const CUSTOMER_POLICIES: readonly CustomerPolicy[] = ['guest', 'create-if-missing', 'require-existing'];
const PRICINGS: readonly OrderPricing[] = ['store', 'po'];

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

/** The error as an output record: class, one-line message, hint, and the fields that say what to fix. */
export function errorRecord(error: unknown): ErrorRecord {
  const fields = (error ?? {}) as Record<string, unknown>;
  const hint = hintFor(error);
  return {
    name: errorName(error),
    message: oneLineMessage(error),
    ...(hint ? { hint } : {}),
    ...(Array.isArray(fields.skus) ? { skus: fields.skus } : {}),
    ...(typeof fields.email === 'string' ? { email: fields.email } : {}),
    ...(Array.isArray(fields.issues) && fields.issues.length > 0 ? { issues: fields.issues } : {}),
  };
}

/** `send-order FILE|-`: one purchase order (JSON) or many (NDJSON or a JSON array). */
export async function sendOrderCommand(context: CommandContext): Promise<number> {
  const { flags, positionals, terminal } = context;
  if (positionals.length !== 1) throw new UsageError('send-order: give one FILE, or - to read stdin', 'bigcommerce-source send-order orders.ndjson');
  const customerPolicy = choiceFlag(flags, 'customer-policy', CUSTOMER_POLICIES);
  const pricing = choiceFlag(flags, 'pricing', PRICINGS);
  const concurrency = integerFlag(flags, 'concurrency', { min: 1, max: 50 });
  const input = await readPurchaseOrders(positionals[0]!, context.io);
  const options: SendOrderOptions = {
    ...(customerPolicy ? { customerPolicy } : {}),
    ...(pricing ? { pricing } : {}),
    ...(context.signal ? { signal: context.signal } : {}),
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
        record = { ok: false, index: 0, poNumber: typeof poNumber === 'string' ? poNumber : undefined, error: errorRecord(error) };
      }
      if (!context.signal?.aborted) {
        await writer.write(record);
        await writer.end();
      }
      if (failure !== undefined) throw failure;
      return 0;
    }
    const progress = new Progress(terminal, 'send-order', 'POs');
    let failed = 0;
    let done = 0;
    try {
      const results = connection.source.orders.sendMany(input.pos as PurchaseOrder[], { ...options, ...(concurrency ? { concurrency } : {}) });
      for await (const result of results) {
        done += 1;
        if (!result.ok) {
          failed += 1;
          progress.clear();
          terminal.err(`${failureLine(result)}\n`);
        }
        await writer.write(toRecord(result));
        progress.update(done, input.pos.length);
      }
    } finally {
      progress.clear();
      if (!context.signal?.aborted) await writer.end();
    }
    if (failed > 0) {
      terminal.err(`bigcommerce-source: ${failed} of ${input.pos.length} purchase orders failed; the others were sent.\n`);
      return 1;
    }
    if (terminal.isTTY) terminal.err(`send-order: ${input.pos.length} purchase orders sent\n`);
    return 0;
  } finally {
    await connection.close();
  }
}

function toRecord(result: SendManyResult): SendOrderRecord {
  if (result.ok) return { ok: true, index: result.index, ...result.order };
  return { ok: false, index: result.index, poNumber: result.poNumber, error: errorRecord(result.error) };
}

function failureLine(result: Extract<SendManyResult, { ok: false }>): string {
  const which = result.poNumber === undefined ? `purchase order #${result.index + 1}` : `PO ${result.poNumber}`;
  return errorLine(result.error).replace(/^bigcommerce-source: /, `bigcommerce-source: ${which}: `);
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

