import { ResponseValidationError } from '../../errors/response-validation-error';
import type { HttpClient } from '../../internal/http-client';
import { parseRequestOptions } from '../../internal/parse-request-options';
import type { RequestOptions } from '../../internal/request-options';
import { storeInformationResponseSchema, toStoreInfo, type StoreInfo } from './store-info';

/**
 * Reads the store's profile with `GET /v2/store`: one cheap call that proves the hash, the token
 * and the network all work.
 * @see https://developer.bigcommerce.com/docs/rest-management/store-information#get-store-information
 */
export async function verifyConnection(http: HttpClient, options?: RequestOptions): Promise<StoreInfo> {
  const requestOptions = parseRequestOptions('verifyConnection', options);
  const response = await http.request({ method: 'GET', path: '/v2/store', schema: storeInformationResponseSchema }, requestOptions);
  if (!response.data) {
    throw new ResponseValidationError('GET /v2/store returned an empty body.', {
      method: 'GET',
      path: '/v2/store',
      issues: [{ path: '', message: 'expected the store information object' }],
    });
  }
  return toStoreInfo(response.data);
}
