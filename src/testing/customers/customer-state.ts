import { definedFields } from '../defined-fields';

/**
 * A customer address as `GET /v3/customers?include=addresses` returns it (`address_Full`).
 * @see https://developer.bigcommerce.com/docs/rest-management/customers/addresses
 */
export interface SandboxCustomerAddress {
  /** Address id. */
  id: number;
  /** The customer it belongs to. */
  customer_id: number;
  /** First name. */
  first_name: string;
  /** Last name. */
  last_name: string;
  /** Company. */
  company: string;
  /** First line. */
  address1: string;
  /** Second line. */
  address2: string;
  /** City. */
  city: string;
  /** State or province. */
  state_or_province: string;
  /** Postal code. */
  postal_code: string;
  /** ISO 3166-1 alpha-2. */
  country_code: string;
  /** Country name. */
  country: string;
  /** Phone. */
  phone: string;
  /** `residential` or `commercial`. */
  address_type: 'residential' | 'commercial';
}

/**
 * A customer as `GET /v3/customers` returns it (`customer_Full`, the fields this store keeps).
 * @see https://developer.bigcommerce.com/docs/rest-management/customers#get-all-customers
 */
export interface SandboxCustomer {
  /** Customer id, unique in the store. */
  id: number;
  /** Email; unique in the store, compared case-insensitively. */
  email: string;
  /** First name. */
  first_name: string;
  /** Last name. */
  last_name: string;
  /** Company. */
  company: string;
  /** Phone. */
  phone: string;
  /** Merchant notes. */
  notes: string;
  /** Customer group id; 0 when none. */
  customer_group_id: number;
  /** ISO 8601 creation time. */
  date_created: string;
  /** ISO 8601 time of the last change. */
  date_modified: string;
  /** Number of addresses. */
  address_count: number;
  /** The addresses (`include=addresses` shows them). */
  addresses: SandboxCustomerAddress[];
  /** The channels the customer can use; omitted for global access. */
  channel_ids?: number[] | undefined;
  /** The channel the customer was created on. */
  origin_channel_id: number;
}

/** An address to create with a customer; the country name is filled in from the code. */
export type SandboxCustomerAddressInput = { [K in Exclude<keyof SandboxCustomerAddress, 'id' | 'customer_id'>]?: SandboxCustomerAddress[K] | undefined } & {
  /** First line. */
  address1: string;
  /** City. */
  city: string;
  /** ISO 3166-1 alpha-2. */
  country_code: string;
};

/** A customer to create; everything but the email has a default. */
export type SandboxCustomerInput = {
  [K in Exclude<keyof SandboxCustomer, 'id' | 'addresses' | 'address_count' | 'date_created' | 'date_modified'>]?: SandboxCustomer[K] | undefined;
} & {
  /** Email; must not be taken (case-insensitively). */
  email: string;
  /** Addresses. */
  addresses?: SandboxCustomerAddressInput[] | undefined;
};

/** ISO 8601 in UTC without milliseconds, as customers.v3.yml shows `date_created`. */
function isoTimestamp(epochMs: number = Date.now()): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The customers as plain data (JSON-safe), from {@link CustomerState.snapshot}. */
export interface SandboxCustomersSnapshot {
  /** Every customer, in id order. */
  readonly customers: SandboxCustomer[];
  /** The next ids to assign, so ids keep growing after a restore. */
  readonly nextIds: {
    /** The next customer id. */
    readonly customer: number;
    /** The next address id. */
    readonly address: number;
  };
}

/**
 * The sandbox's customers (v3), in id order. Emails are unique regardless of letter case, as on
 * BigCommerce, where a second customer with a taken email is refused with 422.
 */
export class CustomerState {
  readonly #customers = new Map<number, SandboxCustomer>();
  readonly #idsByEmail = new Map<string, number>();
  #nextId = 1;
  #nextAddressId = 1;

  /** Number of customers. */
  get size(): number {
    return this.#customers.size;
  }

  /** Every customer in ascending id order. The objects are the store's own: treat them as read-only. */
  all(): IterableIterator<SandboxCustomer> {
    return this.#customers.values();
  }

  /** One customer by id. */
  get(id: number): SandboxCustomer | undefined {
    return this.#customers.get(id);
  }

  /** The customer with this email, compared case-insensitively. */
  findByEmail(email: string): SandboxCustomer | undefined {
    const id = this.#idsByEmail.get(email.trim().toLowerCase());
    return id === undefined ? undefined : this.#customers.get(id);
  }

  /**
   * Adds a customer and returns it.
   * @throws {TypeError} when the email is taken (case-insensitively).
   */
  add(input: SandboxCustomerInput): SandboxCustomer {
    const key = input.email.trim().toLowerCase();
    if (this.#idsByEmail.has(key)) throw new TypeError(`[bigcommerce-source/testing] The email ${JSON.stringify(input.email)} is already taken.`);
    const id = this.#nextId++;
    const now = isoTimestamp();
    const { addresses: addressInputs = [], ...fields } = input;
    const customer: SandboxCustomer = {
      first_name: 'Sandbox',
      last_name: 'Customer',
      company: '',
      phone: '',
      notes: '',
      customer_group_id: 0,
      origin_channel_id: 1,
      ...definedFields(fields),
      id,
      date_created: now,
      date_modified: now,
      address_count: addressInputs.length,
      addresses: [],
    };
    customer.addresses = addressInputs.map((address) => ({
      first_name: customer.first_name,
      last_name: customer.last_name,
      company: '',
      address2: '',
      state_or_province: '',
      postal_code: '',
      phone: '',
      address_type: 'residential',
      country: regionName(address.country_code),
      ...definedFields(address),
      id: this.#nextAddressId++,
      customer_id: id,
    }));
    this.#customers.set(id, customer);
    this.#idsByEmail.set(key, id);
    return customer;
  }

  /** Removes a customer. */
  delete(id: number): boolean {
    const customer = this.#customers.get(id);
    if (!customer) return false;
    this.#idsByEmail.delete(customer.email.trim().toLowerCase());
    return this.#customers.delete(id);
  }

  /** Every customer as plain data, a copy: save it as JSON and give it to {@link CustomerState.restore}. */
  snapshot(): SandboxCustomersSnapshot {
    return structuredClone({ customers: [...this.#customers.values()], nextIds: { customer: this.#nextId, address: this.#nextAddressId } });
  }

  /** Replaces every customer with a {@link CustomerState.snapshot}'s (copied), ids included. */
  restore(snapshot: SandboxCustomersSnapshot): void {
    const copy = structuredClone(snapshot);
    this.clear();
    for (const customer of copy.customers) {
      this.#customers.set(customer.id, customer);
      this.#idsByEmail.set(customer.email.trim().toLowerCase(), customer.id);
    }
    this.#nextId = copy.nextIds.customer;
    this.#nextAddressId = copy.nextIds.address;
  }

  /** Removes every customer; ids keep growing, as on BigCommerce. */
  clear(): void {
    this.#customers.clear();
    this.#idsByEmail.clear();
  }
}

function regionName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
