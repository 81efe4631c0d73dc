/**
 * The sandbox's customers (v3). Filled in by the customers routes; see `routes/customers.ts`.
 */
export class CustomerState {}
