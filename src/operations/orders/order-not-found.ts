import { NotFoundError } from '../../errors/not-found-error';

/** The {@link NotFoundError} of an order lookup that found nothing: a 204, or no exact PO match. */
export function orderNotFound(requestPath: string, message: string): NotFoundError {
  return new NotFoundError(message, { status: 404, method: 'GET', path: requestPath, body: undefined, requestId: undefined });
}
