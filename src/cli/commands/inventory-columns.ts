import { inventoryItemSchema, type InventoryItem } from '../../index';
import type { Column } from '../output';

/** The item schema's fields, in its order: CSV's fixed header, the same whatever the run's options. */
export function inventoryItemFields(): string[] {
  const shape = (inventoryItemSchema as unknown as { _zod: { def: { shape?: Record<string, unknown> } } })._zod.def.shape;
  if (!shape) throw new TypeError('inventoryItemSchema is not an object schema');
  return Object.keys(shape);
}

/** A cell for a field: lists as `name=value` / `code:availableToSell` pairs joined by `; `. */
function fieldValue(field: string): (item: InventoryItem) => unknown {
  if (field === 'optionValues') return (item) => item.optionValues.map((option) => `${option.name}=${option.value}`).join('; ');
  if (field === 'locations') return (item) => item.locations?.map((stock) => `${stock.code}:${stock.availableToSell}`).join('; ');
  return (item) => (item as unknown as Record<string, unknown>)[field];
}

/** CSV: every field of the item schema. */
export const INVENTORY_CSV_COLUMNS: readonly Column<InventoryItem>[] = inventoryItemFields().map((field) => ({ header: field, value: fieldValue(field) }));

const TABLE_FIELDS = ['sku', 'productId', 'variantId', 'productName', 'optionValues', 'quantity', 'isVisible', 'price', 'locations'];

/** The table: the fields a person scans for. */
export const INVENTORY_TABLE_COLUMNS: readonly Column<InventoryItem>[] = TABLE_FIELDS.map((field) => ({
  header: field === 'optionValues' ? 'options' : field,
  value: fieldValue(field),
}));
