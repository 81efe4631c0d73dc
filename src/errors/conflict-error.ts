import { ApiError } from './api-error';

/** HTTP 409: the request conflicts with the store's current state. */
export class ConflictError extends ApiError {
  /** The class name, `'ConflictError'`; it survives minification. */
  override name = 'ConflictError';
}
