import * as z from 'zod/mini';
import { wellFormed } from '../../internal/well-formed';
import { countryName } from './country';

/**
 * Limits follow the tightest place a value lands: customer names and phones (customers.v3.yml
 * `customer_Post`: names ≤ 100, phone ≤ 50, email ≤ 250) and customer addresses (city and state
 * ≤ 100, postal code ≤ 30), since `create-if-missing` copies the PO's address there.
 */
const text = (max: number) => z.string().check(z.trim(), z.minLength(1, 'expected a non-empty string'), z.maxLength(max), wellFormed());
const optionalText = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max), wellFormed()));

const emailSchema = z.email('expected an email address').check(z.maxLength(250), wellFormed());

/** ISO 3166-1 alpha-2, in any case; upper-cased. */
const countrySchema = z
  .string()
  .check(
    z.trim(),
    z.toUpperCase(),
    z.refine((value) => countryName(value) !== undefined, 'expected an ISO 3166-1 alpha-2 country code such as US'),
  );

/** An address of a purchase order. */
export const purchaseOrderAddressSchema = z.strictObject({
  firstName: text(100),
  lastName: text(100),
  company: optionalText(255),
  street1: text(255),
  street2: optionalText(255),
  city: text(100),
  state: optionalText(100),
  // orders.v2.oas2.yml: `zip` is required, "two or more characters".
  zip: z.string().check(z.trim(), z.minLength(2, 'expected at least 2 characters'), z.maxLength(30)),
  country: countrySchema,
  phone: optionalText(50),
  email: z.optional(emailSchema),
});

/** One line of a purchase order. */
export const purchaseOrderItemSchema = z.strictObject({
  sku: text(255),
  // z.int() as a check, so its message is for non-integers only; a non-number is worded as usual.
  quantity: z.number().check(z.int('expected an integer'), z.positive('expected a positive integer'), z.maximum(1_000_000)),
  unitPrice: z.optional(z.number().check(z.nonnegative(), z.maximum(1_000_000_000))),
});

// The schema the SDK validates with; exported publicly below as purchaseOrderSchema, under a documented type.
export const purchaseOrderObjectSchema = z.strictObject({
  poNumber: text(100),
  email: z.optional(emailSchema),
  items: z.array(purchaseOrderItemSchema).check(z.minLength(1, 'expected at least one item'), z.maxLength(1000)),
  shippingAddress: purchaseOrderAddressSchema,
  billingAddress: z.optional(purchaseOrderAddressSchema),
  shippingMethod: optionalText(250),
  shippingCost: z.optional(z.number().check(z.nonnegative(), z.maximum(1_000_000_000))),
  // orders.v2.oas2.yml: `staff_notes` maxLength 65535.
  notes: z.optional(z.string().check(z.maxLength(65_535))),
  customerMessage: z.optional(z.string().check(z.maxLength(65_535))),
});

/** An address of a {@link PurchaseOrder}. */
export interface PurchaseOrderAddress {
  /** First name, 1 to 100 characters. */
  readonly firstName: string;
  /** Last name, 1 to 100 characters. */
  readonly lastName: string;
  /** Company name, up to 255 characters. */
  readonly company?: string | undefined;
  /** First address line, 1 to 255 characters. */
  readonly street1: string;
  /** Second address line, up to 255 characters. */
  readonly street2?: string | undefined;
  /** City, 1 to 100 characters. */
  readonly city: string;
  /** State or province, up to 100 characters. */
  readonly state?: string | undefined;
  /** Postal code, 2 to 30 characters. */
  readonly zip: string;
  /** ISO 3166-1 alpha-2 country code, e.g. `'US'` (any case). */
  readonly country: string;
  /** Phone, up to 50 characters. */
  readonly phone?: string | undefined;
  /** Email at this address. */
  readonly email?: string | undefined;
}

/** One line of a {@link PurchaseOrder}. */
export interface PurchaseOrderItem {
  /** The supplier's SKU: a variant SKU or a simple product's SKU, in any letter case. */
  readonly sku: string;
  /** How many, a positive integer. */
  readonly quantity: number;
  /** Price per unit; sent only with `pricing: 'po'`, where it is required. */
  readonly unitPrice?: number | undefined;
}

/** A purchase order from the buyer's side, as {@link OrderOperations.send} takes it. */
export interface PurchaseOrder {
  /** The buyer's PO number, 1 to 100 characters. Stored on the order as `external_order_id`; it makes sending idempotent. */
  readonly poNumber: string;
  /**
   * The buyer's email. Required by the `create-if-missing` and `require-existing` policies (the
   * billing address's email is used when this is absent).
   */
  readonly email?: string | undefined;
  /** The lines, at least one. */
  readonly items: readonly PurchaseOrderItem[];
  /** Where the goods go. */
  readonly shippingAddress: PurchaseOrderAddress;
  /** Who pays. @default the shipping address */
  readonly billingAddress?: PurchaseOrderAddress | undefined;
  /** Shipping method shown on the order, e.g. `'UPS Ground'`. */
  readonly shippingMethod?: string | undefined;
  /** Shipping cost, charged as given (no tax added). */
  readonly shippingCost?: number | undefined;
  /** Goes to the order's staff notes, which only the merchant sees. */
  readonly notes?: string | undefined;
  /** Goes to the order's customer message ("Order Comments"). */
  readonly customerMessage?: string | undefined;
}

/** A purchase order after validation: trimmed, country codes upper-cased. */
export type ValidPurchaseOrder = z.output<typeof purchaseOrderObjectSchema>;

/**
 * Validates a {@link PurchaseOrder} (a zod/mini schema). Strict: an unknown field is an error, so a typo
 * (`shipping_address`) never goes unnoticed. Typed by the documented {@link PurchaseOrder}
 * interface so that its fields carry their documentation.
 * @example
 * ```ts
 * const result = purchaseOrderSchema.safeParse(JSON.parse(body));
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export const purchaseOrderSchema: z.ZodMiniType<PurchaseOrder, PurchaseOrder> = purchaseOrderObjectSchema;
/** An address after validation. */
export type ValidPurchaseOrderAddress = z.output<typeof purchaseOrderAddressSchema>;
