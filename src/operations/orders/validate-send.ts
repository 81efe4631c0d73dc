import * as z from 'zod/mini';
import type { FieldIssue } from '../../errors/field-issue';
import { ValidationError } from '../../errors/validation-error';
import { describeIssues, toFieldIssues, withMessages } from '../../internal/zod-issues';
import { purchaseOrderObjectSchema, type ValidPurchaseOrder } from './purchase-order';
import type { ResolvedSendOrderOptions } from './send-options';
import { stateRequired } from './state-required';

/** A purchase order and options that passed validation. */
export interface ValidSendInput<O extends ResolvedSendOrderOptions> {
  readonly po: ValidPurchaseOrder;
  readonly options: O;
  /** The email the customer policy uses and the billing address carries, if any. */
  readonly email: string | undefined;
}

/**
 * Validates a purchase order together with the options, since some rules need both (`unitPrice`
 * under `pricing: 'po'`, an email under a customer policy). Every problem is reported at once;
 * PO paths are as in the PO (`items[2].quantity`), option paths start with `options.`.
 * @throws {@link ValidationError} before anything is sent.
 */
export function validateSend<O extends ResolvedSendOrderOptions>(
  operation: string,
  poInput: unknown,
  optionsInput: unknown,
  optionsSchema: z.core.$ZodType<O>,
): ValidSendInput<O> {
  const issues: FieldIssue[] = [];
  const parsedPo = purchaseOrderObjectSchema.safeParse(poInput, withMessages);
  if (!parsedPo.success) issues.push(...toFieldIssues(parsedPo.error));
  const parsedOptions = z.safeParse(optionsSchema, optionsInput ?? {}, withMessages);
  if (!parsedOptions.success) issues.push(...toFieldIssues(parsedOptions.error, 'options'));

  const rawPo = asRecord(poInput);
  const rawOptions = asRecord(optionsInput);
  const policy = parsedOptions.success ? parsedOptions.data.customerPolicy : rawOptions.customerPolicy;
  const pricing = parsedOptions.success ? parsedOptions.data.pricing : rawOptions.pricing;
  const po = parsedPo.success ? parsedPo.data : undefined;

  if (pricing === 'po' && Array.isArray(rawPo.items)) {
    rawPo.items.forEach((item: unknown, index) => {
      if (asRecord(item).unitPrice === undefined) issues.push({ path: `items[${index}].unitPrice`, message: "required when pricing is 'po'" });
    });
  }
  const needsEmail = policy === 'create-if-missing' || policy === 'require-existing';
  const rawBilling = asRecord(rawPo.billingAddress ?? rawPo.shippingAddress);
  if (needsEmail && rawPo.email === undefined && rawBilling.email === undefined) {
    issues.push({ path: 'email', message: `required by the customer policy '${String(policy)}'` });
  }

  // Customer addresses need a state in some countries; the new customer gets the billing address.
  const billingPath = rawPo.billingAddress === undefined ? 'shippingAddress' : 'billingAddress';
  if (policy === 'create-if-missing' && po && !(po.billingAddress ?? po.shippingAddress).state && stateRequired((po.billingAddress ?? po.shippingAddress).country)) {
    const country = (po.billingAddress ?? po.shippingAddress).country;
    issues.push({ path: `${billingPath}.state`, message: `required for a new customer in ${country} (customer policy 'create-if-missing')` });
  }

  if (issues.length > 0 || !po || !parsedOptions.success) {
    const label = typeof rawPo.poNumber === 'string' ? ` ${JSON.stringify(rawPo.poNumber)}` : '';
    throw new ValidationError(`${operation}: invalid purchase order${label}. ${describeIssues(issues)}. Nothing was sent.`, issues);
  }
  const email = po.email ?? (po.billingAddress ?? po.shippingAddress).email;
  return { po, options: parsedOptions.data, email };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
