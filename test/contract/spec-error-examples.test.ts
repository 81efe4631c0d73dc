import { expect, it } from 'vitest';
import { apiErrorFromResponse } from '../../src/errors/api-error-from-response';
import { ApiError } from '../../src/errors/api-error';
import { AuthenticationError } from '../../src/errors/authentication-error';
import { ConflictError } from '../../src/errors/conflict-error';
import { NotFoundError } from '../../src/errors/not-found-error';
import { PermissionError } from '../../src/errors/permission-error';
import { RateLimitError } from '../../src/errors/rate-limit-error';
import { ServerError } from '../../src/errors/server-error';
import { UnprocessableEntityError } from '../../src/errors/unprocessable-entity-error';
import { describeWithSpecs, errorResponseExamples, responseExamples, SPEC_NAMES, type ErrorExample } from '../helpers/openapi';

const CLASS_BY_STATUS: Readonly<Record<number, typeof ApiError>> = {
  401: AuthenticationError,
  403: PermissionError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

function expectedClass(status: number): typeof ApiError {
  return CLASS_BY_STATUS[status] ?? (status >= 500 ? ServerError : ApiError);
}

/** The per-field messages an example carries: v3 `errors`, v2 `details`. */
function expectedFieldErrors(body: unknown): Array<{ path: string; message: string }> {
  const fromRecord = (record: unknown) =>
    typeof record === 'object' && record !== null && !Array.isArray(record)
      ? Object.entries(record).map(([path, message]) => ({ path, message: typeof message === 'string' ? message : JSON.stringify(message) }))
      : [];
  if (Array.isArray(body)) return body.flatMap((entry: { details?: unknown }) => fromRecord(entry?.details));
  return fromRecord((body as { errors?: unknown } | null)?.errors);
}

function toError(example: ErrorExample): ApiError {
  return apiErrorFromResponse({
    status: example.status,
    statusText: '',
    method: example.method,
    path: example.path,
    body: example.example,
    requestId: undefined,
    resetMs: undefined,
  });
}

describeWithSpecs("the specs' own error examples through apiErrorFromResponse", () => {
  it.each(SPEC_NAMES)('%s: each error example gives the right class, fieldErrors and a readable message', async (spec) => {
    for (const example of await errorResponseExamples(spec)) {
      const error = toError(example);
      const where = `${spec} ${example.method} ${example.path} ${example.status}`;
      expect(error.constructor, where).toBe(expectedClass(example.status));
      expect(error.status, where).toBe(example.status);
      expect(error.fieldErrors, where).toEqual(expectedFieldErrors(example.example));
      expect(error.message, where).not.toContain('[object Object]');
    }
  });

  it('covers the cases this SDK meets: v2 404, v3 422 with field errors, v3 429', async () => {
    const [v2NotFound] = await responseExamples('orders.v2', 'get', '/orders/{order_id}/consignments', 404);
    const notFound = toError({ spec: 'orders.v2', method: 'GET', path: '/v2/orders/1/consignments', status: 404, contentType: 'application/json', example: v2NotFound });
    expect(notFound).toBeInstanceOf(NotFoundError);
    expect(notFound.message).toContain('The requested resource was not found.');

    const [v3Unprocessable] = await responseExamples('customers.v3', 'post', '/customers', 422);
    const unprocessable = toError({ spec: 'customers.v3', method: 'POST', path: '/v3/customers', status: 422, contentType: 'application/json', example: v3Unprocessable });
    expect(unprocessable).toBeInstanceOf(UnprocessableEntityError);
    expect(unprocessable.fieldErrors).toEqual([{ path: '.customer_create', message: 'Error creating customers' }]);
    expect(unprocessable.message).toContain('Create customers failed.');

    const [v3TooMany] = await responseExamples('customers.v3', 'post', '/customers/validate-credentials', 429);
    const tooMany = toError({ spec: 'customers.v3', method: 'POST', path: '/v3/customers/validate-credentials', status: 429, contentType: 'application/json', example: v3TooMany });
    expect(tooMany).toBeInstanceOf(RateLimitError);
    expect(tooMany.fieldErrors).toEqual([]);

    const [inventoryUnprocessable] = await responseExamples('inventory.v3', 'put', '/inventory/locations/{location_id}/items', 422);
    const fields = toError({ spec: 'inventory.v3', method: 'PUT', path: '/v3/inventory/locations/1/items', status: 422, contentType: 'application/problem+json', example: inventoryUnprocessable });
    expect(fields.fieldErrors).toEqual([
      { path: 'setting.0.settings', message: 'At least one setting must be specified: warning_level, is_in_stock or safety_stock' },
    ]);
  });

  it('finds error examples in every spec that has them', async () => {
    const counts = Object.fromEntries(await Promise.all(SPEC_NAMES.map(async (spec) => [spec, (await errorResponseExamples(spec)).length])));
    expect(counts['orders.v2']).toBeGreaterThan(0);
    expect(counts['customers.v3']).toBeGreaterThan(0);
    expect(counts['products_catalog.v3']).toBeGreaterThan(0);
  });
});
