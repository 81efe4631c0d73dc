/**
 * The sandbox's orders (v2). Filled in by the orders routes; see `routes/orders.ts`.
 */
export class OrderState {}
