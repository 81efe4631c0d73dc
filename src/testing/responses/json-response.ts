/**
 * A JSON response, as BigCommerce sends it (`Content-Type: application/json`).
 *
 * @param body any JSON value.
 * @param status HTTP status, 200 when omitted.
 * @param headers extra headers.
 */
export function jsonResponse(body: unknown, status = 200, headers?: Readonly<Record<string, string>>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/**
 * An answer with no body at all: BigCommerce's v2 "nothing to list" is a 204 without a single byte,
 * not `[]`, and clients must not parse it as JSON.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-shipments#get-order-shipments
 */
export function emptyResponse(status = 204, headers?: Readonly<Record<string, string>>): Response {
  return new Response(null, { status, headers });
}
