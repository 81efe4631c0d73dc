import { BigCommerceSource, createApiKeyAuth, type PurchaseOrder } from '../index';
import { createSandboxStore, parseSandboxQuirks, seedCatalog, type RateLimitOptions, type SandboxProductInput, type SandboxQuirks, type SandboxStore, type SandboxVariantInput } from '../testing/index';
import type { Flags } from './args';
import { UsageError } from './errors';
import { stringFlag } from './flag-values';

/** The customer the demo store knows, for `--customer-policy require-existing`. */
export const KNOWN_CUSTOMER = { email: 'buyer@retailer.example', first_name: 'Ann', last_name: 'Lee', company: 'Retailer Inc.' } as const;

export const DEMO_ADDRESS = {
  firstName: 'Ann',
  lastName: 'Lee',
  company: 'Retailer Inc.',
  street1: '500 Congress Ave',
  city: 'Austin',
  state: 'Texas',
  zip: '78701',
  country: 'US',
} as const;

const NOUNS = ['Hoodie', 'Mug', 'Cap', 'Poster', 'Notebook', 'Bottle', 'Tote', 'Scarf'];
const COLORS = ['Red', 'Blue', 'Green', 'Black', 'White'];
const SIZES = ['S', 'M', 'L', 'XL'];
const PRODUCT_COUNT = 300;

/** A small deterministic pseudo-random sequence (mulberry32), so every demo store is the same. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The demo catalog: 300 products, about 40 % without options, 10 % hidden, the rest with 2 to 8
 * Color × Size variants, a few variants that cannot be bought. The first two products carry the
 * SKUs the docs use (`TSHIRT-RED-M`, `MUG-1`).
 */
export function demoProducts(): SandboxProductInput[] {
  const next = random(6);
  const products: SandboxProductInput[] = [
    {
      name: 'Classic T-shirt',
      sku: 'TSHIRT',
      price: 18,
      cost_price: 7.5,
      inventory_tracking: 'variant',
      variants: COLORS.slice(0, 2).flatMap((color, colorIndex) =>
        SIZES.slice(1, 3).map((size, sizeIndex) => variant(`TSHIRT-${color.toUpperCase()}-${size}`, color, colorIndex, size, sizeIndex, 40 + colorIndex * 10 + sizeIndex)),
      ),
    },
    { name: 'Enamel Mug', sku: 'MUG-1', price: 9.5, cost_price: 3.2, inventory_tracking: 'product', inventory_level: 120 },
  ];
  for (let index = products.length + 1; index <= PRODUCT_COUNT; index += 1) {
    const noun = NOUNS[Math.floor(next() * NOUNS.length)]!;
    const sku = `${noun.toUpperCase()}-${index}`;
    const product: SandboxProductInput = {
      name: `${noun} ${index}`,
      sku,
      price: Math.round((4 + next() * 80) * 100) / 100,
      is_visible: next() >= 0.1,
      inventory_level: Math.floor(next() * 300),
      inventory_tracking: next() < 0.15 ? 'none' : 'product',
    };
    if (next() >= 0.4) {
      const count = 2 + Math.floor(next() * 7);
      product.inventory_tracking = 'variant';
      product.variants = [];
      for (let v = 0; v < count; v += 1) {
        const colorIndex = v % COLORS.length;
        const sizeIndex = Math.floor(v / COLORS.length) % SIZES.length;
        const input = variant(`${sku}-${COLORS[colorIndex]!.toUpperCase()}-${SIZES[sizeIndex]}`, COLORS[colorIndex]!, colorIndex, SIZES[sizeIndex]!, sizeIndex, Math.floor(next() * 60));
        input.purchasing_disabled = next() < 0.03;
        product.variants.push(input);
      }
    }
    products.push(product);
  }
  return products;
}

function variant(sku: string, color: string, colorIndex: number, size: string, sizeIndex: number, stock: number): SandboxVariantInput {
  return {
    sku,
    inventory_level: stock,
    option_values: [
      { id: 100 + colorIndex, label: color, option_id: 10, option_display_name: 'Color' },
      { id: 200 + sizeIndex, label: size, option_id: 11, option_display_name: 'Size' },
    ],
  };
}

export interface CliSandboxOptions {
  /** The token's scopes; every scope when absent. Orders are seeded only with every scope. */
  readonly scopes?: readonly string[] | undefined;
  readonly latencyMs?: number;
  /** Seed two orders (PO-1001 shipped, PO-1002 awaiting fulfilment). Default: true. */
  readonly seedOrders?: boolean;
  /** Other readings of undocumented behaviour (`--sandbox-quirks`, the `sandbox` command's `--quirks`). */
  readonly quirks?: SandboxQuirks | undefined;
  /** A generated catalog of this many products instead of the demo catalog (no seeded orders). */
  readonly products?: number | undefined;
  /** The generator's seed, with `products`. */
  readonly seed?: number | undefined;
  readonly storeHash?: string | undefined;
  readonly rateLimit?: Partial<RateLimitOptions> | undefined;
}

/**
 * `--sandbox-quirks name[=value],…` (or the `sandbox` command's `--quirks`), or undefined.
 * @throws {@link UsageError} naming every unknown quirk and bad value.
 */
export function sandboxQuirksFlag(flags: Flags, flag = 'sandbox-quirks'): SandboxQuirks | undefined {
  const text = stringFlag(flags, flag);
  if (text === undefined) return undefined;
  try {
    return parseSandboxQuirks(text);
  } catch (error) {
    throw new UsageError(`--${flag}: ${(error as Error).message.replace(/^\[bigcommerce-source\/testing\] /, '')}`, 'See docs/testing.md for the quirks and their values.');
  }
}

/**
 * The store `--sandbox`, `sandbox` and `demo` use: the demo catalog, a second inventory location, a
 * known customer and, unless told otherwise, two orders of which one has shipped. With `products`,
 * a generated catalog of that many products instead, and nothing else.
 */
export async function createCliSandbox(options: CliSandboxOptions = {}): Promise<SandboxStore> {
  const generated = options.products !== undefined;
  const sandbox = createSandboxStore({
    products: generated ? [] : demoProducts(),
    customers: generated ? [] : [KNOWN_CUSTOMER],
    latencyMs: options.latencyMs ?? 0,
    ...(options.scopes ? { scopes: options.scopes } : {}),
    ...(options.storeHash ? { storeHash: options.storeHash } : {}),
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.quirks ? { quirks: options.quirks } : {}),
  });
  if (generated) {
    seedCatalog(sandbox.catalog, { products: options.products!, seed: options.seed ?? 1 });
    return sandbox;
  }
  const warehouse = sandbox.catalog.addLocation({ code: 'WH-EAST', label: 'East warehouse' });
  for (const product of sandbox.catalog.productsById().slice(0, 40)) {
    for (const [index, item] of product.variants.entries()) sandbox.catalog.setLocationStock(item.id, warehouse.id, { onHand: 5 + ((product.id + index) % 20) });
  }
  if ((options.seedOrders ?? true) && !options.scopes) {
    const source = new BigCommerceSource({ storeHash: sandbox.storeHash, auth: createApiKeyAuth({ accessToken: sandbox.accessToken }), fetch: sandbox.fetch as typeof fetch });
    const first = await source.orders.send(seedOrder('PO-1001', [{ sku: 'TSHIRT-RED-M', quantity: 2 }, { sku: 'MUG-1', quantity: 1 }]));
    await source.orders.send(seedOrder('PO-1002', [{ sku: 'TSHIRT-BLUE-L', quantity: 1 }]), { customerPolicy: 'require-existing' });
    sandbox.shipOrder(first.orderId, { trackingNumber: '9400100000000000000001', shippingProvider: 'usps' });
    sandbox.clearRequests();
  }
  return sandbox;
}

function seedOrder(poNumber: string, items: PurchaseOrder['items']): PurchaseOrder {
  return { poNumber, email: KNOWN_CUSTOMER.email, items, shippingAddress: DEMO_ADDRESS };
}
