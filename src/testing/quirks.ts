/**
 * Switches that make the sandbox play another reading of a behaviour BigCommerce's documentation
 * leaves open. Each default is the reading the sandbox plays without the switch; `docs/testing.md`
 * gives the evidence for each reading, and `docs/real-stores.md` what the SDK does under each.
 */
export interface SandboxQuirks {
  /**
   * How `GET /v2/orders?external_order_id=` matches: exactly, or as a prefix or substring of the
   * order's `external_order_id`. The filter is documented; the kind of match is not.
   * @default 'exact'
   */
  readonly externalOrderIdMatch?: 'exact' | 'prefix' | 'contains' | undefined;
  /**
   * Whether `GET /v2/orders` lists archived orders (`is_deleted: true`, see
   * `sandbox.archiveOrder`). No document says; the control panel's order list hides them.
   * @default false
   */
  readonly archivedOrdersListed?: boolean | undefined;
  /**
   * Whether the store percent-decodes a query before it splits `:in` lists on commas, as
   * BigCommerce's own example (`id%3Ain=138%2C139`) shows: then a value containing `,` is split
   * whatever the client encodes. `false` splits on the literal commas first, so `%2C` survives.
   * @default true
   */
  readonly decodeBeforeSplit?: boolean | undefined;
  /**
   * Whether the SKU filters (`sku:in` of inventory items and products, `sku` of variants and
   * products) compare case-sensitively. SKUs stay unique regardless of case either way.
   * @default false
   */
  readonly skuFilterCaseSensitive?: boolean | undefined;
  /**
   * Whether the customers' `email:in` filter compares case-sensitively. Emails stay unique
   * regardless of case either way (a create with a taken email is a 422).
   * @default false
   */
  readonly emailFilterCaseSensitive?: boolean | undefined;
  /**
   * Whether `GET /v3/inventory/items` lists only the variants of products that track inventory
   * by variant ("all product variants whose inventories are tracked by variant are inventory
   * items"), leaving out products tracked by product or not tracked.
   * @default false
   */
  readonly inventoryItemsOnlyVariantTracked?: boolean | undefined;
  /**
   * Whether `min_date_modified` on `GET /v2/orders` is exclusive (`>`) rather than inclusive (`>=`).
   * @default false
   */
  readonly minDateModifiedExclusive?: boolean | undefined;
  /**
   * Whether `max_date_modified` on `GET /v2/orders` is exclusive (`<`) rather than inclusive (`<=`).
   * Set it with `minDateModifiedExclusive` to play a store whose date bounds both leave their
   * second out.
   * @default false
   */
  readonly maxDateModifiedExclusive?: boolean | undefined;
  /**
   * Whether `min_id` on `GET /v2/orders` is exclusive (`>`) rather than inclusive (`>=`): the spec
   * calls it "the minimum order ID" without saying whether that id is listed.
   * @default false
   */
  readonly minIdExclusive?: boolean | undefined;
  /**
   * Whether a new shipment bumps its order's `date_modified`. With `false` only a shipment that
   * changes the order's status bumps it (the status change does, as documented), so a second
   * shipment of a Partially Shipped order leaves `date_modified` where it was.
   * @default true
   */
  readonly shipmentBumpsOrderModified?: boolean | undefined;
  /**
   * Whether the order's `items_shipped` lags behind its shipments: with `true` a shipment does
   * not add to it (the lines' `quantity_shipped` and the status still change).
   * @default false
   */
  readonly itemsShippedStale?: boolean | undefined;
  /**
   * Whether a v2 order's `refunded_amount` stays `0.0000` after a refund, as orders.v2.oas2.yml
   * describes the field ("always returns `0`"); the status still moves to Refunded or Partially
   * Refunded. With `false` it holds the amount refunded so far.
   * @default false
   */
  readonly refundedAmountAlwaysZero?: boolean | undefined;
}

/** {@link SandboxQuirks} with every default applied. */
export type ResolvedQuirks = { readonly [K in keyof SandboxQuirks]-?: NonNullable<SandboxQuirks[K]> };

/** The readings the sandbox plays without quirks. */
export const DEFAULT_QUIRKS: ResolvedQuirks = {
  externalOrderIdMatch: 'exact',
  archivedOrdersListed: false,
  decodeBeforeSplit: true,
  skuFilterCaseSensitive: false,
  emailFilterCaseSensitive: false,
  inventoryItemsOnlyVariantTracked: false,
  minDateModifiedExclusive: false,
  maxDateModifiedExclusive: false,
  minIdExclusive: false,
  shipmentBumpsOrderModified: true,
  itemsShippedStale: false,
  refundedAmountAlwaysZero: false,
};

/** Every quirk's name, for option checks and the CLI. */
export const QUIRK_NAMES = Object.keys(DEFAULT_QUIRKS) as ReadonlyArray<keyof SandboxQuirks>;

/**
 * The quirks with defaults applied, and a problem per bad entry (unknown name, wrong type).
 */
export function resolveQuirks(input: unknown): { quirks: ResolvedQuirks; problems: string[] } {
  const problems: string[] = [];
  if (input === undefined) return { quirks: DEFAULT_QUIRKS, problems };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { quirks: DEFAULT_QUIRKS, problems: ['quirks: expected an object'] };
  }
  const quirks: Record<string, unknown> = { ...DEFAULT_QUIRKS };
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (!(name in DEFAULT_QUIRKS)) {
      problems.push(`quirks.${name}: unknown quirk (known: ${QUIRK_NAMES.join(', ')})`);
    } else if (name === 'externalOrderIdMatch') {
      if (value === 'exact' || value === 'prefix' || value === 'contains') quirks[name] = value;
      else problems.push(`quirks.externalOrderIdMatch: expected 'exact', 'prefix' or 'contains'`);
    } else if (typeof value === 'boolean') {
      quirks[name] = value;
    } else {
      problems.push(`quirks.${name}: expected true or false`);
    }
  }
  return { quirks: quirks as ResolvedQuirks, problems };
}

/** Compares two strings the way a filter with or without case sensitivity does. */
export function sameText(left: string, right: string, caseSensitive: boolean): boolean {
  return caseSensitive ? left === right : left.toLowerCase() === right.toLowerCase();
}

/**
 * Reads quirks from a comma list, as the CLI's `--sandbox-quirks` takes them: `name` alone is
 * `true`, `name=value` sets a value (`externalOrderIdMatch=prefix`, `shipmentBumpsOrderModified=false`).
 * @throws {TypeError} naming every bad entry.
 */
export function parseSandboxQuirks(text: string): SandboxQuirks {
  const quirks: Record<string, unknown> = {};
  for (const entry of text.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const [name = '', value] = entry.split('=', 2).map((part) => part.trim());
    quirks[name] = value === undefined || value === 'true' ? true : value === 'false' ? false : value;
  }
  const { problems } = resolveQuirks(quirks);
  if (problems.length > 0) throw new TypeError(`[bigcommerce-source/testing] invalid quirks. ${problems.join('; ')}.`);
  return quirks as SandboxQuirks;
}
