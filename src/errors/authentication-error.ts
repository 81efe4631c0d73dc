import { ApiError } from './api-error';

/** HTTP 401: the access token is missing, wrong or revoked. */
export class AuthenticationError extends ApiError {
  /** The class name, `'AuthenticationError'`; it survives minification. */
  override name = 'AuthenticationError';
}
