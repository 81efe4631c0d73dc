import * as z from 'zod/mini';

/**
 * `GET /v2/store`. Loose: new fields pass; strict on the four the SDK returns without fallback.
 * @see https://developer.bigcommerce.com/docs/rest-management/store-information#get-store-information
 */
export const storeInformationResponseSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  domain: z.string(),
  secure_url: z.string(),
  control_panel_base_url: z.optional(z.string()),
  status: z.optional(z.string()),
  country_code: z.optional(z.string()),
  currency: z.optional(z.string()),
  timezone: z.optional(z.looseObject({ name: z.optional(z.string()) })),
  plan_name: z.optional(z.string()),
  store_id: z.optional(z.number()),
  default_channel_id: z.optional(z.number()),
});

/** What {@link BigCommerceSource.verifyConnection} tells about the store. */
export interface StoreInfo {
  /** The store hash the source talks to. */
  readonly storeHash: string;
  /** The store's name. */
  readonly name: string;
  /** Primary domain, e.g. `acme-supply.com`. */
  readonly domain: string;
  /** The storefront's https URL. */
  readonly secureUrl: string;
  /** The control panel's URL, when BigCommerce sent it. */
  readonly controlPanelUrl: string | undefined;
  /** `live`, `maintenance`, …, when sent. */
  readonly status: string | undefined;
  /** ISO 3166-1 alpha-2 country of the store. */
  readonly countryCode: string | undefined;
  /** Default currency code, e.g. `USD`. */
  readonly currency: string | undefined;
  /** IANA time zone, e.g. `America/Chicago`. */
  readonly timezone: string | undefined;
  /** The BigCommerce plan. */
  readonly planName: string | undefined;
  /** The numeric store id (not the hash). */
  readonly storeId: number | undefined;
  /** The default channel's id. */
  readonly defaultChannelId: number | undefined;
}

export function toStoreInfo(raw: z.infer<typeof storeInformationResponseSchema>): StoreInfo {
  return {
    storeHash: raw.id,
    name: raw.name,
    domain: raw.domain,
    secureUrl: raw.secure_url,
    controlPanelUrl: raw.control_panel_base_url,
    status: raw.status,
    countryCode: raw.country_code,
    currency: raw.currency,
    timezone: raw.timezone?.name,
    planName: raw.plan_name,
    storeId: raw.store_id,
    defaultChannelId: raw.default_channel_id,
  };
}
