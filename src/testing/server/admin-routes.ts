import { jsonResponse, emptyResponse } from '../responses/json-response';
import type { SandboxFault } from '../faults';
import type { SandboxStore } from '../sandbox-store';
import type { SandboxProduct } from '../catalog/catalog-model';

/**
 * The path of the merchant's actions: no BigCommerce client calls anything below it, and the
 * store routes never answer it.
 */
export const ADMIN_PREFIX = '/__sandbox';

/** Counts a server keeps per store. */
export interface StoreCounters {
  /** Requests the store answered (admin requests not counted). */
  requests: number;
  /** Of those, answered 429. */
  rateLimited: number;
}

/** What an admin request needs. */
export interface AdminContext {
  readonly store: SandboxStore;
  readonly counters: StoreCounters;
  readonly method: string;
  /** The path below `/__sandbox/stores/{hash}`, e.g. `/orders/100/shipments`. */
  readonly path: string;
  readonly body: unknown;
}

/** An admin answer, and whether it changed the store (the server then saves its state first). */
export interface AdminOutcome {
  readonly response: Response;
  readonly changed: boolean;
}

/** Product fields the admin path may change: the catalog's own fields, not ids or variants. */
const PRODUCT_FIELDS = new Set([
  'name', 'type', 'sku', 'description', 'weight', 'width', 'depth', 'height', 'price', 'cost_price', 'retail_price', 'sale_price', 'map_price',
  'brand_id', 'categories', 'inventory_level', 'inventory_warning_level', 'inventory_tracking', 'is_visible', 'availability', 'upc', 'gtin', 'mpn',
]);

const fail = (status: number, title: string): AdminOutcome => ({ response: jsonResponse({ status, title }, status), changed: false });
const done = (body: unknown, status = 200): AdminOutcome => ({ response: jsonResponse({ data: body }, status), changed: true });

function record(body: unknown): Record<string, unknown> | undefined {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}

function wholeNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * Answers one admin request (the merchant at work in the control panel), e.g.
 * `POST /__sandbox/stores/sandbox1/orders/100/shipments`. See docs/testing.md for the list.
 */
export function answerAdminRequest({ store, counters, method, path, body }: AdminContext): AdminOutcome {
  const segments = path.split('/').filter((segment) => segment !== '').map(decodeURIComponent);
  const [collection, idText, action] = segments;
  const id = wholeNumber(idText);
  const fields = record(body);
  try {
    if (method === 'GET' && segments.length === 0) {
      return {
        changed: false,
        response: jsonResponse({
          data: { storeHash: store.storeHash, products: store.catalog.size, orders: store.orders.size, customers: store.customers.size, ...counters },
        }),
      };
    }
    if (collection === 'orders' && id !== undefined && segments.length === 3) {
      if (!store.orders.get(id)) return fail(404, `No order ${id}.`);
      if (method === 'POST' && action === 'shipments') return done(store.shipOrder(id, (fields ?? {}) as Parameters<SandboxStore['shipOrder']>[1]), 201);
      if (method === 'POST' && action === 'refunds') {
        if (fields?.amount !== undefined && typeof fields.amount !== 'number') return fail(400, 'The body must be {} (refund the rest) or {"amount": a number}.');
        return done(store.refundOrder(id, fields?.amount as number | undefined));
      }
      if (method === 'PUT' && action === 'status') {
        if (typeof fields?.statusId !== 'number') return fail(400, 'The body must be {"statusId": 0 to 14}.');
        return done(store.setOrderStatus(id, fields.statusId));
      }
    }
    if (collection === 'products' && id !== undefined && segments.length === 2) {
      if (!store.catalog.getProduct(id)) return fail(404, `No product ${id}.`);
      if (method === 'DELETE') {
        store.catalog.deleteProduct(id);
        return { response: emptyResponse(204), changed: true };
      }
      if (method === 'PATCH' || method === 'PUT') {
        const unknown = Object.keys(fields ?? {}).filter((key) => !PRODUCT_FIELDS.has(key));
        if (!fields || unknown.length > 0) return fail(400, `The body must be an object of product fields; unknown: ${unknown.join(', ') || '(not an object)'}.`);
        return done(store.catalog.updateProduct(id, fields as Partial<SandboxProduct>));
      }
    }
    if (collection === 'stock' && idText !== undefined && segments.length === 2 && method === 'PUT') return setStock(store, idText, fields);
    if (collection === 'faults' && segments.length === 1) {
      if (method === 'DELETE') {
        store.clearFaults();
        return { response: emptyResponse(204), changed: false };
      }
      if (method === 'POST') {
        if (!fields || typeof record(fields.fault)?.kind !== 'string') return fail(400, 'The body must be {"fault": {"kind": …}, "match"?, "times"?}.');
        const times = fields.times === null || fields.times === 'Infinity' ? Infinity : (fields.times as number | undefined);
        const injected = store.injectFault(fields.fault as SandboxFault, { ...(fields.match ? { match: fields.match as { method?: string; path?: string } } : {}), ...(times === undefined ? {} : { times }) });
        return { response: jsonResponse({ data: { remaining: Number.isFinite(injected.remaining) ? injected.remaining : null } }, 201), changed: false };
      }
    }
    return fail(404, `No admin action ${method} ${path || '/'}; see docs/testing.md.`);
  } catch (error) {
    // The store's own checks (an unknown SKU, more than is left to ship, a bad status id).
    const message = error instanceof Error ? error.message.replace(/^\[bigcommerce-source\/testing\]\s*/, '') : String(error);
    return fail(400, message);
  }
}

/** `PUT /stock/{sku}` `{ quantity, location? }`: the stock the store counts for the SKU. */
function setStock(store: SandboxStore, sku: string, fields: Record<string, unknown> | undefined): AdminOutcome {
  const quantity = fields?.quantity;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 0) return fail(400, 'The body must be {"quantity": a whole number ≥ 0, "location"?: a location code}.');
  const variant = store.catalog.findVariantBySku(sku);
  const product = variant && store.catalog.getProduct(variant.product_id);
  if (!variant || !product) return fail(404, `No SKU ${JSON.stringify(sku)}.`);
  if (typeof fields?.location === 'string') {
    const location = store.catalog.locations().find((candidate) => candidate.code === fields.location);
    if (!location) return fail(404, `No location ${JSON.stringify(fields.location)}.`);
    if (location.id !== 1) {
      store.catalog.setLocationStock(variant.id, location.id, { onHand: quantity });
      return done({ sku: variant.sku, location: location.code, quantity });
    }
  }
  if (product.inventory_tracking === 'none') return fail(409, `The product of ${variant.sku} tracks no stock (inventory_tracking: none).`);
  if (product.inventory_tracking === 'variant') store.catalog.updateVariant(variant.id, { inventory_level: quantity });
  else store.catalog.updateProduct(product.id, { inventory_level: quantity });
  return done({ sku: variant.sku, quantity });
}
