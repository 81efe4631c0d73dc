export { sendRawRequest, type RawRequest, type RawResponse } from './raw-request';
export { paginate, type PaginateOptions } from './paginate';
export { API_PATH_RULE } from './api-path';
