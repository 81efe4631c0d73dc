/**
 * An inventory location as `GET /v3/inventory/locations` returns it (`LocationResponse`, the fields
 * this store keeps).
 * @see https://developer.bigcommerce.com/docs/rest-management/inventory/locations#get-locations
 */
export interface SandboxLocation {
  /** Location id; the default location is 1. */
  id: number;
  /** The merchant's unique code, e.g. `BC-LOCATION-1`. */
  code: string;
  /** The location's name. */
  label: string;
  /** Description of the location. */
  description: string;
  /** Whether the location is enabled. */
  enabled: boolean;
  /** `PHYSICAL` or `VIRTUAL`. */
  type_id: 'PHYSICAL' | 'VIRTUAL';
  /** Whether a third-party system owns the location's stock. */
  managed_by_external_source: boolean;
  /** Whether shoppers see the location. */
  storefront_visibility: boolean;
  /** IANA time zone of the location. */
  time_zone: string;
}

/** A location to add; everything but the code and label has a default. */
export type SandboxLocationInput = { [K in Exclude<keyof SandboxLocation, 'id'>]?: SandboxLocation[K] | undefined } & {
  /** The merchant's unique code. */
  code: string;
  /** The location's name. */
  label: string;
};

/** Stock of one variant at one location. */
export interface SandboxLocationStock {
  /** Units on hand. */
  onHand: number;
  /** Units kept back: `available_to_sell` is `onHand - safetyStock`. */
  safetyStock: number;
}

/** The location every store has; its stock is the catalog's `inventory_level`. */
export const DEFAULT_LOCATION: SandboxLocation = {
  id: 1,
  code: 'BC-LOCATION-1',
  label: 'Default location',
  description: '',
  enabled: true,
  type_id: 'PHYSICAL',
  managed_by_external_source: false,
  storefront_visibility: true,
  time_zone: 'Etc/UTC',
};
