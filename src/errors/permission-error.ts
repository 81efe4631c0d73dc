import { ApiError } from './api-error';

/**
 * HTTP 403: the token lacks an OAuth scope the call needs, or the store hash does not belong to
 * the token. BigCommerce uses 403 for both.
 * @see https://developer.bigcommerce.com/docs/start/about/status-codes
 */
export class PermissionError extends ApiError {
  /** The class name, `'PermissionError'`; it survives minification. */
  override name = 'PermissionError';
}
