import type { SandboxVariant } from './catalog-model';
import type { CatalogState, SandboxProductInput, SandboxVariantInput } from './catalog-state';
import { SeededRandom } from './seeded-random';

/** Options of {@link generateProducts} and {@link seedCatalog}. */
export interface CatalogGeneratorOptions {
  /** How many products to make. */
  readonly products: number;
  /**
   * The seed: the same seed and options give the same catalog.
   * @default 1
   */
  readonly seed?: number | undefined;
  /**
   * Share of products without options (one base variant each).
   * @default 0.4
   */
  readonly simpleShare?: number | undefined;
  /**
   * Share of hidden products (`is_visible: false`).
   * @default 0.1
   */
  readonly hiddenShare?: number | undefined;
  /**
   * Share of products with a unicode name and SKU (accents, CJK, emoji).
   * @default 0.1
   */
  readonly unicodeShare?: number | undefined;
  /**
   * The most variants a product with options gets; counts from 2 up to this are drawn so that the
   * whole catalog averages about 3 variants a product.
   * @default 20
   */
  readonly maxVariants?: number | undefined;
  /**
   * A prefix for every SKU, so that two generated batches can share a catalog.
   * @default 'G'
   */
  readonly skuPrefix?: string | undefined;
}

const COLORS = ['Red', 'Blue', 'Green', 'Black', 'White', 'Grün', 'Rosé', '赤'];
const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL', '3XL'];
const MATERIALS = ['Cotton', 'Wool', 'Linen'];
const NOUNS = ['T-shirt', 'Mug', 'Poster', 'Hoodie', 'Cap', 'Notebook', 'Bottle', 'Sticker'];
const UNICODE_NAMES = ['Café Crème', 'Smörgåsbord Tray', 'Über Jacket', '咖啡杯', 'Łódź Scarf', 'Ñandú Plush ☕', 'Crêpe Pan 🍳'];
const UNICODE_SKU_PARTS = ['CAFÉ', 'SMÖR', 'ÜBER', '咖啡', 'ŁÓDŹ', 'ÑANDÚ', 'CRÊPE'];

/**
 * Makes product inputs for a sandbox catalog with the mix real stores have: simple products,
 * products with 2 to 20 variants (about 3 variants a product overall), hidden products, all three
 * inventory tracking modes, variants with and without their own prices (`null` inherits the
 * product's), purchasing-disabled variants, and unicode names and SKUs. Lazy, so a 200 000-product
 * catalog never exists twice in memory.
 * @example
 * ```ts
 * const sandbox = createSandboxStore({ products: [...generateProducts({ products: 3000, seed: 7 })] });
 * ```
 */
export function* generateProducts(options: CatalogGeneratorOptions): Generator<SandboxProductInput> {
  const random = new SeededRandom(options.seed ?? 1);
  const simpleShare = options.simpleShare ?? 0.4;
  const hiddenShare = options.hiddenShare ?? 0.1;
  const unicodeShare = options.unicodeShare ?? 0.1;
  const maxVariants = Math.max(2, Math.min(20, options.maxVariants ?? 20));
  const prefix = options.skuPrefix ?? 'G';
  for (let index = 1; index <= options.products; index += 1) {
    const unicode = random.chance(unicodeShare);
    const noun = random.pick(NOUNS);
    const name = unicode ? `${random.pick(UNICODE_NAMES)} ${index}` : `${noun} ${index}`;
    const sku = unicode ? `${prefix}-${random.pick(UNICODE_SKU_PARTS)}-${index}` : `${prefix}-${noun.toUpperCase()}-${index}`;
    const price = random.price(2, 200);
    const simple = random.chance(simpleShare);
    const product: SandboxProductInput = {
      name,
      sku,
      price,
      cost_price: Math.round(price * 0.45 * 100) / 100,
      retail_price: random.chance(0.5) ? Math.round(price * 1.3 * 100) / 100 : 0,
      sale_price: random.chance(0.2) ? Math.round(price * 0.9 * 100) / 100 : 0,
      map_price: random.chance(0.1) ? Math.round(price * 0.95 * 100) / 100 : 0,
      weight: random.price(0.1, 5),
      width: random.int(1, 40),
      height: random.int(1, 40),
      depth: random.int(1, 40),
      brand_id: random.chance(0.7) ? random.int(1, 50) : 0,
      inventory_level: random.int(0, 500),
      is_visible: !random.chance(hiddenShare),
      availability: random.chance(0.05) ? 'preorder' : random.chance(0.03) ? 'disabled' : 'available',
      upc: random.chance(0.5) ? String(random.int(100_000_000_000, 999_999_999_999)) : '',
      gtin: '',
      mpn: random.chance(0.3) ? `MPN-${index}` : '',
      inventory_tracking: simple ? random.pick(['product', 'product', 'none'] as const) : random.pick(['variant', 'variant', 'variant', 'product', 'none'] as const),
    };
    if (!simple) product.variants = makeVariants(random, sku, variantCount(random, maxVariants));
    yield product;
  }
}

/** What {@link seedCatalog} added. */
export interface SeededCatalog {
  /** Products added. */
  readonly products: number;
  /** Sellable SKUs added: every variant of every product (a simple product counts one). */
  readonly skus: number;
  /** Sellable SKUs of visible products: what a sync with `skipHiddenProducts` yields. */
  readonly visibleSkus: number;
}

/**
 * Adds {@link generateProducts}' products to a catalog and says how many sellable SKUs (variants)
 * it added, in all and on visible products.
 * @example
 * ```ts
 * const sandbox = createSandboxStore();
 * const { skus } = seedCatalog(sandbox.catalog, { products: 10_000, seed: 1 });
 * ```
 */
export function seedCatalog(catalog: CatalogState, options: CatalogGeneratorOptions): SeededCatalog {
  let skus = 0;
  let visibleSkus = 0;
  for (const input of generateProducts(options)) {
    const product = catalog.addProduct(input);
    skus += product.variants.length;
    if (product.is_visible) visibleSkus += product.variants.length;
  }
  return { products: options.products, skus, visibleSkus };
}

/** What {@link mutateCatalog} did. */
export interface CatalogMutations {
  /** Ids of the products added (they get ids above every existing one). */
  readonly added: number[];
  /** Ids of the products deleted. */
  readonly deleted: number[];
  /** Ids of the products changed (price, stock, visibility, a variant), `date_modified` bumped. */
  readonly updated: number[];
}

/**
 * Changes a catalog as a merchant at work would, for drift tests: adds, deletes and updates
 * `count` random products. Call it while a sync runs (from a `latencyMs` function, an
 * `onProgress` callback or a timer) to prove the sync neither skips nor repeats a product.
 */
export function mutateCatalog(catalog: CatalogState, options: { readonly count: number; readonly seed?: number | undefined }): CatalogMutations {
  const random = new SeededRandom(options.seed ?? 1);
  const result: CatalogMutations = { added: [], deleted: [], updated: [] };
  for (let step = 0; step < options.count; step += 1) {
    const products = catalog.productsById();
    const roll = random.next();
    if (roll < 0.3 || products.length === 0) {
      const [input] = generateProducts({ products: 1, seed: random.int(1, 2 ** 31), skuPrefix: `M${random.int(0, 2 ** 31).toString(36)}` });
      result.added.push(catalog.addProduct(input!).id);
    } else if (roll < 0.55) {
      const victim = random.pick(products);
      catalog.deleteProduct(victim.id);
      result.deleted.push(victim.id);
    } else {
      const target = random.pick(products);
      catalog.updateProduct(target.id, { price: random.price(2, 200), inventory_level: random.int(0, 500) });
      const variant = random.pick(target.variants);
      catalog.updateVariant(variant.id, { inventory_level: random.int(0, 100) });
      result.updated.push(target.id);
    }
  }
  return result;
}

/** 2 to `max` variants, skewed low so the catalog averages about 3 variants a product. */
function variantCount(random: SeededRandom, max: number): number {
  // Geometric tail: products with options average about 4.3 variants, so 0.4 × 1 + 0.6 × 4.3 ≈ 3.
  let count = 2;
  while (count < max && random.chance(0.7)) count += 1;
  return count;
}

function makeVariants(random: SeededRandom, sku: string, count: number): SandboxVariantInput[] {
  const variants: SandboxVariantInput[] = [];
  for (let index = 0; index < count; index += 1) {
    const color = COLORS[index % COLORS.length]!;
    const size = SIZES[Math.floor(index / COLORS.length) % SIZES.length]!;
    const material = MATERIALS[Math.floor(index / (COLORS.length * SIZES.length))]!;
    const optionValues: SandboxVariant['option_values'] = [
      { id: 100 + (index % COLORS.length), label: color, option_id: 10, option_display_name: 'Color' },
      { id: 200 + (Math.floor(index / COLORS.length) % SIZES.length), label: size, option_id: 11, option_display_name: 'Size' },
    ];
    if (count > COLORS.length * SIZES.length) optionValues.push({ id: 300 + MATERIALS.indexOf(material), label: material, option_id: 12, option_display_name: 'Material' });
    variants.push({
      sku: `${sku}-${index + 1}`,
      option_values: optionValues,
      // About half the variants have their own price; `null` inherits the product's.
      price: random.chance(0.5) ? random.price(2, 200) : null,
      sale_price: null,
      retail_price: null,
      cost_price: random.chance(0.3) ? random.price(1, 90) : null,
      weight: random.chance(0.2) ? random.price(0.1, 5) : null,
      inventory_level: random.int(0, 100),
      purchasing_disabled: random.chance(0.05),
      upc: random.chance(0.3) ? String(random.int(100_000_000_000, 999_999_999_999)) : null,
      image_url: random.chance(0.3) ? `https://cdn.example/images/${encodeURIComponent(sku)}-${index + 1}.jpg` : '',
    });
  }
  return variants;
}
