import { ApiError } from './api-error';

/** HTTP 5xx: BigCommerce failed to handle the request. */
export class ServerError extends ApiError {
  /** The class name, `'ServerError'`; it survives minification. */
  override name = 'ServerError';
}
