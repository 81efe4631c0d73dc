import { ApiError } from './api-error';

/** HTTP 422: BigCommerce rejected fields of the request; `fieldErrors` says which and why. */
export class UnprocessableEntityError extends ApiError {
  /** The class name, `'UnprocessableEntityError'`; it survives minification. */
  override name = 'UnprocessableEntityError';
}
