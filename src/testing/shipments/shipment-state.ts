import type { SandboxShipment } from './shipment-model';

/** The sandbox's shipments, per order, in id order. Filled by `POST /v2/orders/{id}/shipments` or `shipOrder`. */
export class ShipmentState {
  readonly #byOrder = new Map<number, SandboxShipment[]>();
  #nextId = 1;

  /** The shipments of one order, oldest first. */
  ofOrder(orderId: number): readonly SandboxShipment[] {
    return this.#byOrder.get(orderId) ?? [];
  }

  /** Stores a shipment, assigning its id. */
  add(shipment: Omit<SandboxShipment, 'id'>): SandboxShipment {
    const stored = { ...shipment, id: this.#nextId++ };
    const list = this.#byOrder.get(shipment.order_id) ?? [];
    list.push(stored);
    this.#byOrder.set(shipment.order_id, list);
    return stored;
  }

  /** Removes every shipment; ids keep growing. */
  clear(): void {
    this.#byOrder.clear();
  }
}
