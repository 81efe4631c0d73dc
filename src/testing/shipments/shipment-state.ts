import type { SandboxShipment } from './shipment-model';

/** The shipments as plain data (JSON-safe), from {@link ShipmentState.snapshot}. */
export interface SandboxShipmentsSnapshot {
  /** Every shipment, in id order. */
  readonly shipments: SandboxShipment[];
  /** The next id to assign, so ids keep growing after a restore. */
  readonly nextId: number;
}

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

  /** Every shipment as plain data, a copy: save it as JSON and give it to {@link ShipmentState.restore}. */
  snapshot(): SandboxShipmentsSnapshot {
    const shipments = [...this.#byOrder.values()].flat().sort((a, b) => a.id - b.id);
    return structuredClone({ shipments, nextId: this.#nextId });
  }

  /** Replaces every shipment with a {@link ShipmentState.snapshot}'s (copied), ids included. */
  restore(snapshot: SandboxShipmentsSnapshot): void {
    const copy = structuredClone(snapshot);
    this.#byOrder.clear();
    for (const shipment of copy.shipments) {
      const list = this.#byOrder.get(shipment.order_id) ?? [];
      list.push(shipment);
      this.#byOrder.set(shipment.order_id, list);
    }
    this.#nextId = copy.nextId;
  }

  /** Removes every shipment; ids keep growing. */
  clear(): void {
    this.#byOrder.clear();
  }
}
