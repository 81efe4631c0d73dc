/**
 * Whether `granted` covers `required`. A modify scope covers its read-only twin:
 * `store_v2_orders` allows what `store_v2_orders_read_only` allows.
 * @see https://developer.bigcommerce.com/docs/start/authentication/api-accounts#oauth-scopes
 */
export function hasScope(granted: ReadonlySet<string> | undefined, required: string | undefined): boolean {
  if (required === undefined || granted === undefined) return true;
  if (granted.has(required)) return true;
  const suffix = '_read_only';
  return required.endsWith(suffix) && granted.has(required.slice(0, -suffix.length));
}
