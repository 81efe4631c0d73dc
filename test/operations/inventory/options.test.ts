import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/index';
import { collect, setup } from './inventory-fixtures';

const catalog = { products: [{ name: 'Mug', sku: 'MUG-1' }] };

/** The ValidationError an options object gets, from both methods; asserts nothing was sent. */
async function rejection(options: unknown): Promise<ValidationError> {
  const { sandbox, source } = setup(catalog);
  const errors: unknown[] = [];
  for (const method of ['items', 'pages'] as const) {
    try {
      await collect<unknown>(source.inventory[method](options as never) as AsyncIterable<unknown>);
    } catch (error) {
      errors.push(error);
    }
  }
  expect(sandbox.requests).toEqual([]);
  expect(errors).toHaveLength(2);
  expect(errors[0]).toBeInstanceOf(ValidationError);
  return errors[0] as ValidationError;
}

describe('inventory options are checked before any request', () => {
  it.each([0, 251, 1.5, '50', -1, Number.NaN])('rejects pageSize %s', async (pageSize) => {
    const error = await rejection({ pageSize });
    expect(error.issues.map((issue) => issue.path)).toEqual(['pageSize']);
    expect(error.message).toContain('pageSize');
  });

  it.each([
    ['skipHiddenProducts', 'yes'],
    ['locations', 1],
    ['modifiedSince', 'last tuesday'],
    ['modifiedSince', new Date('nope')],
    ['modifiedSince', 1_700_000_000_000],
    ['onProgress', 'log'],
    ['cursor', ''],
    ['timeoutMs', 0],
    ['pagesize', 50],
  ])('rejects %s = %s', async (name, value) => {
    const error = await rejection({ [name]: value });
    expect(error.message).toContain(name);
  });

  it('rejects a garbage, a cut, an edited and a foreign cursor', async () => {
    const { source } = setup({ products: Array.from({ length: 5 }, (_, index) => ({ name: `P${index}` })) });
    const [first] = await collect(source.inventory.pages({ pageSize: 2 }));
    const cursor = first!.cursor;
    const edited = Buffer.from(Buffer.from(cursor, 'base64url').toString('utf8').replace(/"n":\d+/, '"n":0')).toString('base64url');
    for (const bad of ['not a cursor', cursor.slice(0, -4), edited, Buffer.from('{"v":2}').toString('base64url')]) {
      expect((await rejection({ cursor: bad })).issues[0]?.path).toBe('cursor');
    }
  });

  it('rejects a cursor made with other filters, naming them; pageSize may change', async () => {
    const { sandbox, source } = setup({ products: Array.from({ length: 5 }, (_, index) => ({ name: `P${index}` })) });
    const [first] = await collect(source.inventory.pages({ pageSize: 2, skipHiddenProducts: true }));
    sandbox.clearRequests();
    expect(() => source.inventory.pages({ cursor: first!.cursor })).toThrow(/made with other filters \(skipHiddenProducts: true/);
    expect(() => source.inventory.pages({ cursor: first!.cursor, skipHiddenProducts: true, modifiedSince: '2020-01-01' })).toThrow(ValidationError);
    expect(sandbox.requests).toEqual([]);
    const rest = await collect(source.inventory.items({ cursor: first!.cursor, skipHiddenProducts: true, pageSize: 250 }));
    expect(rest).toHaveLength(5 - first!.items.length);
    expect([...first!.items, ...rest].map((item) => item.sku).sort()).toEqual(['SKU-1', 'SKU-2', 'SKU-3', 'SKU-4', 'SKU-5']);
  });

  it('throws at the call, so nothing is ever sent for a bad option', () => {
    const { sandbox, source } = setup(catalog);
    expect(() => source.inventory.items({ pageSize: 0 })).toThrow(ValidationError);
    expect(sandbox.requests).toEqual([]);
  });
});
