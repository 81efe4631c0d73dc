import type { SandboxOrder, SandboxOrderProduct, SandboxOrderShippingAddress } from './order-model';

/** An order to store; the store assigns the ids of the order, its lines and its addresses. */
export type SandboxOrderDraft = Omit<SandboxOrder, 'id' | 'products' | 'shipping_addresses'> & {
  /** The lines, without ids. */
  products: Array<
    Omit<SandboxOrderProduct, 'id' | 'order_id' | 'order_address_id'> & {
      /** Which of `shipping_addresses` the line ships to, by position. */
      address_index: number;
    }
  >;
  /** The shipping addresses, without ids. */
  shipping_addresses: Array<Omit<SandboxOrderShippingAddress, 'id' | 'order_id'>>;
};

/** The orders as plain data (JSON-safe), from {@link OrderState.snapshot}. */
export interface SandboxOrdersSnapshot {
  /** Every order, in id order. */
  readonly orders: SandboxOrder[];
  /** The next ids to assign, so ids keep growing after a restore. */
  readonly nextIds: {
    /** The next order id. */
    readonly order: number;
    /** The next order line id. */
    readonly line: number;
    /** The next shipping address id. */
    readonly address: number;
  };
}

/**
 * The sandbox's orders (v2), in id order. Filled by `POST /v2/orders` (see `routes/orders.ts`);
 * tests read it to check what a send did. Like BigCommerce, it does not enforce unique
 * `external_order_id`s: that is the client's job.
 */
export class OrderState {
  readonly #orders = new Map<number, SandboxOrder>();
  // Order ids start at 100, so an order id never looks like a product or customer id in tests.
  #nextOrderId = 100;
  #nextLineId = 1;
  #nextAddressId = 1;

  /** Number of orders. */
  get size(): number {
    return this.#orders.size;
  }

  /** Every order in ascending id order. The objects are the store's own: treat them as read-only. */
  all(): IterableIterator<SandboxOrder> {
    return this.#orders.values();
  }

  /** One order by id. */
  get(id: number): SandboxOrder | undefined {
    return this.#orders.get(id);
  }

  /** The orders whose `external_order_id` is exactly `externalOrderId`. */
  findByExternalOrderId(externalOrderId: string): SandboxOrder[] {
    return [...this.#orders.values()].filter((order) => order.external_order_id === externalOrderId);
  }

  /** Stores an order, assigning its ids, and returns it. */
  add(draft: SandboxOrderDraft): SandboxOrder {
    const id = this.#nextOrderId++;
    const shippingAddresses = draft.shipping_addresses.map((address) => ({ ...address, id: this.#nextAddressId++, order_id: id }));
    const products = draft.products.map(({ address_index, ...line }) => ({
      ...line,
      id: this.#nextLineId++,
      order_id: id,
      order_address_id: shippingAddresses[address_index]?.id ?? 0,
    }));
    const order: SandboxOrder = { ...draft, id, products, shipping_addresses: shippingAddresses };
    this.#orders.set(id, order);
    return order;
  }

  /** Every order as plain data, a copy: save it as JSON and give it to {@link OrderState.restore}. */
  snapshot(): SandboxOrdersSnapshot {
    return structuredClone({ orders: [...this.#orders.values()], nextIds: { order: this.#nextOrderId, line: this.#nextLineId, address: this.#nextAddressId } });
  }

  /** Replaces every order with an {@link OrderState.snapshot}'s (copied), ids included. */
  restore(snapshot: SandboxOrdersSnapshot): void {
    const copy = structuredClone(snapshot);
    this.#orders.clear();
    for (const order of copy.orders) this.#orders.set(order.id, order);
    this.#nextOrderId = copy.nextIds.order;
    this.#nextLineId = copy.nextIds.line;
    this.#nextAddressId = copy.nextIds.address;
  }

  /** Removes every order; ids keep growing, as on BigCommerce. */
  clear(): void {
    this.#orders.clear();
  }
}
