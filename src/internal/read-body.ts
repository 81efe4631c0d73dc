/** A body read once: `undefined` when empty (204, or a 200 with no bytes), else the text and JSON. */
export interface ReadBody {
  readonly text: string;
  /** Parsed JSON; `undefined` when the body is empty or not JSON. */
  readonly json: unknown;
  /** True when the body was non-empty and not valid JSON. */
  readonly malformed: boolean;
}

/**
 * Reads a response body. An empty body is never handed to `JSON.parse`: BigCommerce answers v2
 * lists with 204 and no body when there is nothing to list.
 * @see https://developer.bigcommerce.com/docs/rest-management/orders/order-shipments#get-order-shipments
 */
export async function readBody(response: Response): Promise<ReadBody> {
  if (response.status === 204 || response.status === 205) {
    await response.body?.cancel();
    return { text: '', json: undefined, malformed: false };
  }
  const text = await response.text();
  if (text.trim() === '') return { text, json: undefined, malformed: false };
  try {
    return { text, json: JSON.parse(text), malformed: false };
  } catch {
    return { text, json: undefined, malformed: true };
  }
}
