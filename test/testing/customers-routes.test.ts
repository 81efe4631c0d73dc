import { describe, expect, it } from 'vitest';
import { createSandboxStore, type SandboxStore } from '../../src/testing/index';
import { API, AUTH, get } from './sandbox-fixtures';

function post(sandbox: SandboxStore, body: unknown): Promise<Response> {
  return sandbox.fetch(`${API}/v3/customers`, { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

const customer = (email: string) => ({ email, first_name: 'Ann', last_name: 'Lee' });

describe('GET /v3/customers', () => {
  it('filters by email:in case-insensitively and by id:in, in a v3 list', async () => {
    const sandbox = createSandboxStore({ customers: [customer('a@x.example'), customer('B@x.example'), customer('c@x.example')] });
    const byEmail = await (await get(sandbox, '/v3/customers?email:in=b@X.example,c@x.example')).json();
    expect(byEmail.data.map((found: { id: number }) => found.id)).toEqual([2, 3]);
    expect(byEmail.meta.pagination).toMatchObject({ total: 2 });
    const byId = await (await get(sandbox, '/v3/customers?id:in=1')).json();
    expect(byId.data).toEqual([expect.objectContaining({ id: 1, email: 'a@x.example' })]);
    expect(byId.data[0]).not.toHaveProperty('addresses');
    expect((await (await get(sandbox, '/v3/customers?email:in=none@x.example')).json()).data).toEqual([]);
  });

  it('shows addresses with include=addresses', async () => {
    const sandbox = createSandboxStore({
      customers: [{ ...customer('a@x.example'), addresses: [{ address1: '1 Main', city: 'Austin', country_code: 'US' }] }],
    });
    const body = await (await get(sandbox, '/v3/customers?include=addresses')).json();
    expect(body.data[0].addresses).toEqual([expect.objectContaining({ id: 1, customer_id: 1, address1: '1 Main', country: 'United States' })]);
  });
});

describe('POST /v3/customers', () => {
  it('creates a batch and answers with the customers', async () => {
    const sandbox = createSandboxStore();
    const response = await post(sandbox, [customer('a@x.example'), customer('b@x.example')]);
    expect(response.status).toBe(200);
    expect((await response.json()).data.map((created: { id: number }) => created.id)).toEqual([1, 2]);
    expect(sandbox.customers.size).toBe(2);
  });

  it('refuses a taken email (any letter case) with 422, creating nothing of the batch', async () => {
    const sandbox = createSandboxStore({ customers: [customer('a@x.example')] });
    const response = await post(sandbox, [customer('new@x.example'), customer('A@X.example')]);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ status: 422, title: 'Create customers failed.', errors: { '1.email': expect.stringContaining('already in use') } });
    expect(sandbox.customers.size).toBe(1);
    const twice = await post(sandbox, [customer('z@x.example'), customer('Z@x.example')]);
    expect(twice.status).toBe(422);
  });

  it('refuses more than 10 customers with 413, and missing fields with 422', async () => {
    const sandbox = createSandboxStore();
    expect((await post(sandbox, Array.from({ length: 11 }, (_, index) => customer(`c${index}@x.example`)))).status).toBe(413);
    const invalid = await post(sandbox, [{ email: 'a@x.example', first_name: '', addresses: [{ address1: '1 Main' }] }]);
    expect(invalid.status).toBe(422);
    expect(Object.keys((await invalid.json()).errors)).toEqual(
      expect.arrayContaining(['0.first_name', '0.last_name', '0.addresses.0.city', '0.addresses.0.country_code']),
    );
    expect((await post(sandbox, {})).status).toBe(422);
  });

  it('needs the store_v2_customers scope to create', async () => {
    const sandbox = createSandboxStore({ scopes: ['store_v2_customers_read_only'] });
    expect((await post(sandbox, [customer('a@x.example')])).status).toBe(403);
    expect((await get(sandbox, '/v3/customers')).status).toBe(200);
  });

  it('refuses a seed with a duplicate email', () => {
    expect(() => createSandboxStore({ customers: [customer('a@x.example'), customer('A@x.example')] })).toThrow(/already taken/);
    expect(() => createSandboxStore({ customers: [{} as never] })).toThrow(/customers: expected/);
  });
});
