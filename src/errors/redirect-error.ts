import { BigCommerceError } from './bigcommerce-error';

/**
 * The store's address answered with a redirect (any 3xx), or a custom `fetch` followed one. The
 * SDK never follows redirects: fetch would send `X-Auth-Token` (and a POST's body) on to the other
 * host. Nothing was sent there by the SDK's own requests, and the answer is not trusted. Never
 * retried: check `apiBaseUrl` and anything between you and BigCommerce (a proxy, a captive portal).
 */
export class RedirectError extends BigCommerceError {
  /** The class name, `'RedirectError'`; it survives minification. */
  override name = 'RedirectError';
  /** HTTP method of the request. */
  readonly method: string;
  /** Request path below the store, with its query. */
  readonly path: string;
  /** The redirect's status (301, 302, 303, 307, 308…), or 0 when the runtime hid it (an opaque redirect). */
  readonly status: number;
  /** The origin the redirect points to (`https://other.example`), when known. Never its path or query. */
  readonly targetOrigin: string | undefined;

  constructor(message: string, details: { method: string; path: string; status: number; targetOrigin: string | undefined }) {
    super(message);
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.targetOrigin = details.targetOrigin;
  }
}
