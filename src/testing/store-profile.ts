/**
 * The store profile `GET /v2/store` answers, in BigCommerce's shape (snake_case, v2 conventions).
 * Every field can be overridden through {@link SandboxStoreOptions.profile}; extra fields pass
 * through as given.
 * @see https://developer.bigcommerce.com/docs/rest-management/store-information#get-store-information
 */
export interface SandboxStoreProfile {
  /** The store hash. */
  id: string;
  /** UUID of the BigCommerce account that owns the store. */
  account_uuid: string;
  /** The primary domain. */
  domain: string;
  /** The storefront's https URL. */
  secure_url: string;
  /** The control panel's URL, `https://store-{hash}.mybigcommerce.com`. */
  control_panel_base_url: string;
  /** `live`, `maintenance`, `prelaunch`, … */
  status: string;
  /** The store's name. */
  name: string;
  /** Primary contact's first name. */
  first_name: string;
  /** Primary contact's last name. */
  last_name: string;
  /** Display address. */
  address: string;
  /** Country name, e.g. `United States`. */
  country: string;
  /** ISO 3166-1 alpha-2. */
  country_code: string;
  /** Display phone number. */
  phone: string;
  /** The store owner's email. */
  admin_email: string;
  /** Email for orders and fulfillment. */
  order_email: string;
  /** URL of the favicon. */
  favicon_url: string;
  /** The store's time zone and date formats. */
  timezone: {
    /** IANA name, e.g. `America/Chicago`. */
    name: string;
    /** Offset from UTC in seconds. */
    raw_offset: number;
    /** Offset from UTC in seconds during daylight saving time. */
    dst_offset: number;
    /** PHP date formats for display, export and extended display. */
    date_format: {
      /** Format for dates shown in the control panel. */
      display: string;
      /** Format for exported dates. */
      export: string;
      /** Format for dates with times. */
      extended_display: string;
    };
  };
  /** Default language code, e.g. `en`. */
  language: string;
  /** ISO 4217 code of the default currency. */
  currency: string;
  /** Symbol of the default currency. */
  currency_symbol: string;
  /** Decimal separator for money. */
  decimal_separator: string;
  /** Thousands separator for money. */
  thousands_separator: string;
  /** Decimal places for money. */
  decimal_places: number;
  /** `left` or `right`. */
  currency_symbol_location: string;
  /** `Ounces`, `Pounds`, `Grams`, `Kilograms`, … */
  weight_units: string;
  /** `Inches` or `Centimeters`. */
  dimension_units: string;
  /** Decimal places for dimensions. */
  dimension_decimal_places: number;
  /** Decimal separator for dimensions. */
  dimension_decimal_token: string;
  /** Thousands separator for dimensions. */
  dimension_thousands_token: string;
  /** Name of the BigCommerce plan. */
  plan_name: string;
  /** Level of the BigCommerce plan. */
  plan_level: string;
  /** Whether the plan is still a trial. */
  plan_is_trial: boolean;
  /** Industry chosen at sign-up. */
  industry: string;
  /** An object with a URL, or `[]` when the store has no logo (a v2 quirk). */
  logo: unknown;
  /** Whether catalog prices include tax. */
  is_price_entered_with_tax: boolean;
  /** The numeric store id, not the hash. */
  store_id: number;
  /** Id of the default storefront's site. */
  default_site_id: number;
  /** Id of the default channel (1 for the first storefront). */
  default_channel_id: number;
  /** Comparison modules enabled (usually empty). */
  active_comparison_modules: unknown[];
  /** Feature flags of the store (Stencil, checkout type, multi-storefront, …). */
  features: Record<string, unknown>;
}

/** The profile of a fictional wholesale supplier, for a store with the hash `storeHash`. */
export function defaultStoreProfile(storeHash: string): SandboxStoreProfile {
  const controlPanel = `https://store-${storeHash}.mybigcommerce.com`;
  return {
    id: storeHash,
    /** UUID of the BigCommerce account that owns the store. */
    account_uuid: '00000000-0000-4000-8000-000000000001',
    domain: 'sandbox-supply.example',
    /** The storefront's https URL. */
    secure_url: 'https://sandbox-supply.example',
    /** The control panel's URL, `https://store-{hash}.mybigcommerce.com`. */
    control_panel_base_url: controlPanel,
    status: 'live',
    /** The store's name. */
    name: 'Sandbox Supply Co.',
    /** Primary contact's first name. */
    first_name: 'Sam',
    /** Primary contact's last name. */
    last_name: 'Sandbox',
    /** Display address. */
    address: '100 Example Street\nAustin, TX 78701\nUnited States',
    /** Country name, e.g. `United States`. */
    country: 'United States',
    country_code: 'US',
    /** Display phone number. */
    phone: '+1 512 555 0100',
    /** The store owner's email. */
    admin_email: 'owner@sandbox-supply.example',
    /** Email for orders and fulfillment. */
    order_email: 'orders@sandbox-supply.example',
    /** URL of the favicon. */
    favicon_url: `${controlPanel}/product_images/favicon.ico`,
    timezone: {
      /** The store's name. */
      name: 'America/Chicago',
      raw_offset: -21600,
      dst_offset: -18000,
      /** PHP date formats for display, export and extended display. */
      date_format: { display: 'jS M Y', export: 'M jS Y', extended_display: 'M jS Y @ g:i A' },
    },
    /** Default language code, e.g. `en`. */
    language: 'en',
    currency: 'USD',
    /** Symbol of the default currency. */
    currency_symbol: '$',
    /** Decimal separator for money. */
    decimal_separator: '.',
    /** Thousands separator for money. */
    thousands_separator: ',',
    /** Decimal places for money. */
    decimal_places: 2,
    /** `left` or `right`. */
    currency_symbol_location: 'left',
    /** `Ounces`, `Pounds`, `Grams`, `Kilograms`, … */
    weight_units: 'LBS',
    /** `Inches` or `Centimeters`. */
    dimension_units: 'Inches',
    /** Decimal places for dimensions. */
    dimension_decimal_places: 2,
    /** Decimal separator for dimensions. */
    dimension_decimal_token: '.',
    /** Thousands separator for dimensions. */
    dimension_thousands_token: ',',
    /** Name of the BigCommerce plan. */
    plan_name: 'Sandbox',
    /** Level of the BigCommerce plan. */
    plan_level: 'Sandbox',
    /** Whether the plan is still a trial. */
    plan_is_trial: false,
    /** Industry chosen at sign-up. */
    industry: 'Wholesale',
    logo: [],
    /** Whether catalog prices include tax. */
    is_price_entered_with_tax: false,
    store_id: 1000001,
    /** Id of the default storefront's site. */
    default_site_id: 1000,
    /** Id of the default channel (1 for the first storefront). */
    default_channel_id: 1,
    /** Comparison modules enabled (usually empty). */
    active_comparison_modules: [],
    /** Feature flags of the store (Stencil, checkout type, multi-storefront, …). */
    features: {
      stencil_enabled: true,
      sitewidehttps_enabled: true,
      checkout_type: 'optimized',
      wishlists_enabled: false,
      graphql_storefront_api_enabled: true,
      multi_storefront_enabled: false,
    },
  };
}
