import { expect, it } from 'vitest';
import { respondV3List, v3ListBody } from '../../src/testing/responses/v3-list';
import { describeWithSpecs, responseExamples, responseValidator } from '../helpers/openapi';

/** Products shaped like the spec's own example of GET /catalog/products/{product_id}, read at test time. */
async function exampleProducts(count: number): Promise<Array<Record<string, unknown>>> {
  const [example] = await responseExamples('products_catalog.v3', 'get', '/catalog/products/{product_id}', 200);
  const product = (example as { data: Record<string, unknown> }).data;
  expect(product).toMatchObject({ id: expect.any(Number), name: expect.any(String) });
  return Array.from({ length: count }, (_, index) => ({ ...structuredClone(product), id: index + 1, sku: `SKU-${index + 1}` }));
}

describeWithSpecs('the v3 list helper matches products_catalog.v3 GET /catalog/products 200', () => {
  it('a middle page, with previous and next links', async () => {
    const validate = await responseValidator('products_catalog.v3', 'get', '/catalog/products', 200);
    const products = await exampleProducts(5);
    const body = v3ListBody(products, { page: 2, limit: 2 });
    expect(body.meta.pagination).toMatchObject({ total: 5, total_pages: 3, links: { previous: '?page=1&limit=2', next: '?page=3&limit=2' } });
    expect(validate(body)).toEqual([]);
  });

  it('the response respondV3List sends, and an empty list', async () => {
    const validate = await responseValidator('products_catalog.v3', 'get', '/catalog/products', 200);
    const response = respondV3List(await exampleProducts(3), new URLSearchParams('limit=250'));
    expect(validate(await response.json())).toEqual([]);
    expect(validate(v3ListBody([], { page: 1, limit: 50 }))).toEqual([]);
  });

  it('catches a body that breaks the schema (the validator is not vacuous)', async () => {
    const validate = await responseValidator('products_catalog.v3', 'get', '/catalog/products', 200);
    const body = v3ListBody(await exampleProducts(1), { page: 1, limit: 50 });
    const broken = { ...body, meta: { pagination: { ...body.meta.pagination, total: '1' } } };
    expect(validate(broken)).toEqual(['/meta/pagination/total: must be integer']);
  });
});
