/**
 * The body of BigCommerce's 429, copied in shape from the example in customers.v3.yml: note the
 * relative `type`, unlike other v3 errors. The sandbox sends it on v2 paths too, since the limit
 * is enforced in front of both API versions.
 * @see https://developer.bigcommerce.com/docs/start/best-practices/api-rate-limits
 */
export function rateLimitedBody(): { status: 429; title: string; type: string } {
  return { status: 429, title: 'Too many requests', type: '/api-docs/getting-started/api-status-codes' };
}
