import type { SandboxProduct, SandboxVariant } from './catalog-model';
import { definedFields } from '../defined-fields';
import { DEFAULT_LOCATION, type SandboxLocation, type SandboxLocationInput, type SandboxLocationStock } from './location-model';

/** A variant to create with a product; everything but the SKU has a default. */
export type SandboxVariantInput = { [K in Exclude<keyof SandboxVariant, 'id' | 'product_id' | 'sku_id'>]?: SandboxVariant[K] | undefined } & {
  /** Required: BigCommerce requires a SKU on every non-base variant. */
  sku: string;
};

/** A product to create; everything but the name has a default. */
export type SandboxProductInput = {
  [K in Exclude<keyof SandboxProduct, 'id' | 'variants' | 'base_variant_id' | 'date_created' | 'date_modified'>]?: SandboxProduct[K] | undefined;
} & {
  /** Product name. */
  name: string;
  /** Variants with options. Without them the product gets one base variant, as on BigCommerce. */
  variants?: SandboxVariantInput[] | undefined;
};

/** A catalog as plain data (JSON-safe), from {@link CatalogState.snapshot}. */
export interface SandboxCatalogSnapshot {
  /** Every product with its variants, in id order. */
  readonly products: SandboxProduct[];
  /** Every inventory location, the default one first. */
  readonly locations: SandboxLocation[];
  /** Stock at locations other than the default one: `[variantId, [[locationId, stock], …]]`. */
  readonly stock: Array<[number, Array<[number, SandboxLocationStock]>]>;
  /** The next ids to assign, so ids keep growing after a restore. */
  readonly nextIds: {
    /** The next product id. */
    readonly product: number;
    /** The next variant id. */
    readonly variant: number;
    /** The next v2 SKU id. */
    readonly sku: number;
  };
}

/** BigCommerce's v3 timestamps: ISO 8601 with `+00:00` and no milliseconds. */
export function v3Timestamp(epochMs: number = Date.now()): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/**
 * The sandbox's catalog: products with their variants, in id order. Ids only grow, so a product
 * added during a sync always sorts after every existing one, as on BigCommerce.
 */
export class CatalogState {
  readonly #products = new Map<number, SandboxProduct>();
  /** Lower-cased SKU → variant id: SKUs are unique "regardless of the letter case". */
  readonly #variantIdsBySku = new Map<string, number>();
  readonly #variantsById = new Map<number, SandboxVariant>();
  #nextProductId = 1;
  #nextVariantId = 1;
  #nextSkuId = 1;
  /** Products in id order, for id-range queries; rebuilt after a delete. */
  #sorted: SandboxProduct[] | undefined = [];
  #locations: SandboxLocation[] = [{ ...DEFAULT_LOCATION }];
  /** Variant id → location id → stock, for every location but the default one. */
  readonly #stock = new Map<number, Map<number, SandboxLocationStock>>();
  /** Product id → how many times it changed, so routes can cache what they render of it. */
  readonly #revisions = new Map<number, number>();

  /** Number of products. */
  get size(): number {
    return this.#products.size;
  }

  /** Every product in ascending id order. The objects are the store's own: treat them as read-only. */
  products(): IterableIterator<SandboxProduct> {
    return this.#products.values();
  }

  /**
   * Every product in ascending id order, as an array, so that id ranges can be found by binary
   * search (see {@link CatalogState.indexAfterId}). The array is the store's own: do not change it.
   */
  productsById(): readonly SandboxProduct[] {
    this.#sorted ??= [...this.#products.values()];
    return this.#sorted;
  }

  /** The index in {@link CatalogState.productsById} of the first product whose id is greater than `id`. */
  indexAfterId(id: number): number {
    const sorted = this.productsById();
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]!.id <= id) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** A number that changes whenever the product or one of its variants is changed through this class. */
  revision(id: number): number {
    return this.#revisions.get(id) ?? 0;
  }

  /** One product by id. */
  getProduct(id: number): SandboxProduct | undefined {
    return this.#products.get(id);
  }

  /** One variant by id. */
  getVariant(id: number): SandboxVariant | undefined {
    return this.#variantsById.get(id);
  }

  /** The variant whose SKU equals `sku`, compared case-insensitively. */
  findVariantBySku(sku: string): SandboxVariant | undefined {
    const id = this.#variantIdsBySku.get(sku.toLowerCase());
    return id === undefined ? undefined : this.#variantsById.get(id);
  }

  /**
   * Adds a product with its variants (or its base variant) and returns it.
   * @throws {TypeError} when a SKU is already taken (case-insensitively).
   */
  addProduct(input: SandboxProductInput): SandboxProduct {
    const id = this.#nextProductId++;
    const now = v3Timestamp();
    const { variants: variantInputs, ...fields } = input;
    const product: SandboxProduct = {
      id,
      type: 'physical',
      sku: `SKU-${id}`,
      description: '',
      weight: 1,
      width: 0,
      depth: 0,
      height: 0,
      price: 10,
      cost_price: 0,
      retail_price: 0,
      sale_price: 0,
      map_price: 0,
      brand_id: 0,
      categories: [],
      inventory_level: 0,
      inventory_warning_level: 0,
      inventory_tracking: variantInputs && variantInputs.length > 0 ? 'variant' : 'product',
      is_visible: true,
      availability: 'available',
      upc: '',
      gtin: '',
      mpn: '',
      ...definedFields(fields),
      calculated_price: 0,
      date_created: now,
      date_modified: now,
      base_variant_id: null,
      variants: [],
    };
    product.calculated_price = effectivePrice(product.price, product.sale_price);
    const isBase = !variantInputs || variantInputs.length === 0;
    const inputs: SandboxVariantInput[] = isBase ? [{ sku: product.sku }] : variantInputs;
    const taken = inputs.map((variant) => variant.sku.toLowerCase());
    const clash = taken.find((sku, index) => this.#variantIdsBySku.has(sku) || taken.indexOf(sku) !== index);
    if (clash !== undefined) throw new TypeError(`[bigcommerce-source/testing] SKU ${JSON.stringify(clash)} is already taken.`);
    product.variants = inputs.map((variantInput) => this.#makeVariant(product, variantInput, isBase));
    if (isBase) product.base_variant_id = product.variants[0]!.id;
    this.#products.set(id, product);
    // Ids only grow, so a new product always goes last.
    this.#sorted?.push(product);
    for (const variant of product.variants) this.#index(variant);
    return product;
  }

  /** Changes fields of a product and bumps its `date_modified`. */
  updateProduct(id: number, changes: { [K in Exclude<keyof SandboxProduct, 'id' | 'variants'>]?: SandboxProduct[K] | undefined }): SandboxProduct {
    const product = this.#require(id);
    Object.assign(product, definedFields(changes), { date_modified: v3Timestamp() });
    this.#revisions.set(id, this.revision(id) + 1);
    product.calculated_price = effectivePrice(product.price, product.sale_price);
    return product;
  }

  /** Changes fields of a variant and bumps its product's `date_modified`. */
  updateVariant(variantId: number, changes: { [K in Exclude<keyof SandboxVariant, 'id' | 'product_id' | 'sku'>]?: SandboxVariant[K] | undefined }): SandboxVariant {
    const variant = this.#variantsById.get(variantId);
    if (!variant) throw new TypeError(`[bigcommerce-source/testing] No variant ${variantId}.`);
    Object.assign(variant, definedFields(changes));
    this.#require(variant.product_id).date_modified = v3Timestamp();
    this.#revisions.set(variant.product_id, this.revision(variant.product_id) + 1);
    return variant;
  }

  /** Removes a product and its variants. */
  deleteProduct(id: number): boolean {
    const product = this.#products.get(id);
    if (!product) return false;
    for (const variant of product.variants) {
      this.#variantsById.delete(variant.id);
      this.#variantIdsBySku.delete(variant.sku.toLowerCase());
      this.#stock.delete(variant.id);
    }
    this.#sorted = undefined;
    return this.#products.delete(id);
  }

  /**
   * Removes one variant of a product with options and bumps the product's `date_modified`, as
   * `DELETE /v3/catalog/products/{id}/variants/{variant_id}` does. A product keeps at least one
   * variant ("everything you can buy should be a variant"): delete the product instead.
   * @throws {TypeError} for an unknown variant, or the product's last one.
   */
  deleteVariant(variantId: number): void {
    const variant = this.#variantsById.get(variantId);
    if (!variant) throw new TypeError(`[bigcommerce-source/testing] No variant ${variantId}.`);
    const product = this.#require(variant.product_id);
    if (product.variants.length === 1) {
      throw new TypeError(`[bigcommerce-source/testing] Variant ${variantId} is the last variant of product ${product.id}: delete the product instead.`);
    }
    product.variants = product.variants.filter((candidate) => candidate.id !== variantId);
    this.#variantsById.delete(variantId);
    this.#variantIdsBySku.delete(variant.sku.toLowerCase());
    this.#stock.delete(variantId);
    product.date_modified = v3Timestamp();
    this.#revisions.set(product.id, this.revision(product.id) + 1);
  }

  /** Every inventory location, the default one (id 1) first. */
  locations(): readonly SandboxLocation[] {
    return this.#locations;
  }

  /** Adds an inventory location and returns it. */
  addLocation(input: SandboxLocationInput): SandboxLocation {
    const id = Math.max(...this.#locations.map((location) => location.id)) + 1;
    const location: SandboxLocation = { ...DEFAULT_LOCATION, description: '', ...definedFields(input), id };
    this.#locations.push(location);
    return location;
  }

  /**
   * Sets a variant's stock at a location other than the default one (whose stock is the catalog's
   * `inventory_level`; change it with {@link CatalogState.updateVariant} or {@link CatalogState.updateProduct}).
   */
  setLocationStock(variantId: number, locationId: number, stock: { onHand: number; safetyStock?: number | undefined }): void {
    if (!this.#variantsById.has(variantId)) throw new TypeError(`[bigcommerce-source/testing] No variant ${variantId}.`);
    if (locationId === DEFAULT_LOCATION.id || !this.#locations.some((location) => location.id === locationId)) {
      throw new TypeError(`[bigcommerce-source/testing] No location ${locationId} besides the default one.`);
    }
    let byLocation = this.#stock.get(variantId);
    if (!byLocation) this.#stock.set(variantId, (byLocation = new Map()));
    byLocation.set(locationId, { onHand: stock.onHand, safetyStock: stock.safetyStock ?? 0 });
  }

  /** A variant's stock at a location: the catalog's level at the default one, 0 where none was set. */
  locationStock(variantId: number, locationId: number): SandboxLocationStock {
    if (locationId === DEFAULT_LOCATION.id) {
      const variant = this.#variantsById.get(variantId);
      const product = variant && this.#products.get(variant.product_id);
      return { onHand: product && variant ? trackedLevel(product, variant) : 0, safetyStock: 0 };
    }
    return this.#stock.get(variantId)?.get(locationId) ?? { onHand: 0, safetyStock: 0 };
  }

  /** Empties the catalog; ids keep growing, as on BigCommerce. */
  clear(): void {
    this.#products.clear();
    this.#variantIdsBySku.clear();
    this.#variantsById.clear();
    this.#stock.clear();
    this.#sorted = [];
  }

  /** The whole catalog as plain data, a copy: save it as JSON and give it to {@link CatalogState.restore}. */
  snapshot(): SandboxCatalogSnapshot {
    return structuredClone({
      products: [...this.#products.values()],
      locations: this.#locations,
      stock: [...this.#stock].map(([variantId, byLocation]): [number, Array<[number, SandboxLocationStock]>] => [variantId, [...byLocation]]),
      nextIds: { product: this.#nextProductId, variant: this.#nextVariantId, sku: this.#nextSkuId },
    });
  }

  /** Replaces the whole catalog with a {@link CatalogState.snapshot}'s (copied), ids included. */
  restore(snapshot: SandboxCatalogSnapshot): void {
    const copy = structuredClone(snapshot);
    this.clear();
    for (const product of copy.products) {
      this.#products.set(product.id, product);
      this.#revisions.set(product.id, this.revision(product.id) + 1);
      for (const variant of product.variants) this.#index(variant);
    }
    this.#sorted = undefined;
    this.#locations = copy.locations;
    for (const [variantId, byLocation] of copy.stock) this.#stock.set(variantId, new Map(byLocation));
    this.#nextProductId = copy.nextIds.product;
    this.#nextVariantId = copy.nextIds.variant;
    this.#nextSkuId = copy.nextIds.sku;
  }

  #makeVariant(product: SandboxProduct, input: SandboxVariantInput, isBase: boolean): SandboxVariant {
    const variant: SandboxVariant = {
      id: this.#nextVariantId++,
      product_id: product.id,
      sku_id: isBase ? null : this.#nextSkuId++,
      option_values: [],
      price: null,
      sale_price: null,
      retail_price: null,
      cost_price: null,
      weight: null,
      width: null,
      height: null,
      depth: null,
      inventory_level: isBase ? product.inventory_level : 0,
      inventory_warning_level: 0,
      purchasing_disabled: false,
      purchasing_disabled_message: '',
      upc: null,
      mpn: null,
      gtin: null,
      image_url: '',
      is_free_shipping: false,
      fixed_cost_shipping_price: null,
      bin_picking_number: null,
      ...definedFields(input),
      calculated_price: 0,
      calculated_weight: 0,
    };
    variant.calculated_price = variant.price ?? product.calculated_price;
    variant.calculated_weight = variant.weight ?? product.weight;
    return variant;
  }

  #index(variant: SandboxVariant): void {
    this.#variantsById.set(variant.id, variant);
    this.#variantIdsBySku.set(variant.sku.toLowerCase(), variant.id);
  }

  #require(id: number): SandboxProduct {
    const product = this.#products.get(id);
    if (!product) throw new TypeError(`[bigcommerce-source/testing] No product ${id}.`);
    return product;
  }
}

/** The stock the catalog shows for a variant: its own level, its product's, or 0 when untracked. */
export function trackedLevel(product: SandboxProduct, variant: SandboxVariant): number {
  if (product.inventory_tracking === 'variant') return variant.inventory_level ?? 0;
  if (product.inventory_tracking === 'product') return product.inventory_level;
  return 0;
}

function effectivePrice(price: number, salePrice: number): number {
  return salePrice > 0 && salePrice < price ? salePrice : price;
}
