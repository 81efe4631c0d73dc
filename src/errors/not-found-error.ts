import { ApiError } from './api-error';

/** HTTP 404: the resource does not exist. */
export class NotFoundError extends ApiError {
  /** The class name, `'NotFoundError'`; it survives minification. */
  override name = 'NotFoundError';
}
