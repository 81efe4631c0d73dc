import { describe, expect, it } from 'vitest';
import { respondV2List } from '../../src/testing/responses/v2-list';
import { respondV3List, v3ListBody } from '../../src/testing/responses/v3-list';

const items = Array.from({ length: 7 }, (_, index) => ({ id: index + 1 }));
const query = (search: string) => new URLSearchParams(search);

describe('v3ListBody', () => {
  it('builds data and meta.pagination with query-string links', () => {
    expect(v3ListBody(items, { page: 2, limit: 3 })).toEqual({
      data: [{ id: 4 }, { id: 5 }, { id: 6 }],
      meta: {
        pagination: {
          total: 7,
          count: 3,
          per_page: 3,
          current_page: 2,
          total_pages: 3,
          links: { previous: '?page=1&limit=3', current: '?page=2&limit=3', next: '?page=3&limit=3' },
        },
      },
    });
  });

  it('leaves out previous on the first page and next on the last', () => {
    expect(v3ListBody(items, { page: 1, limit: 3 }).meta.pagination.links).toEqual({ current: '?page=1&limit=3', next: '?page=2&limit=3' });
    const last = v3ListBody(items, { page: 3, limit: 3 }).meta.pagination;
    expect(last).toMatchObject({ count: 1, links: { previous: '?page=2&limit=3', current: '?page=3&limit=3' } });
    expect(last.links).not.toHaveProperty('next');
  });

  it('describes an empty list with zero pages', () => {
    expect(v3ListBody([], { page: 1, limit: 50 })).toEqual({
      data: [],
      meta: { pagination: { total: 0, count: 0, per_page: 50, current_page: 1, total_pages: 0, links: { current: '?page=1&limit=50' } } },
    });
  });

  it('answers a page past the end with no data', () => {
    expect(v3ListBody(items, { page: 5, limit: 3 })).toMatchObject({ data: [], meta: { pagination: { count: 0, current_page: 5, total_pages: 3 } } });
  });
});

describe('respondV3List', () => {
  it('reads page and limit, defaulting to page 1 and 50 items', async () => {
    const response = respondV3List(items, query(''));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect((await response.json()).meta.pagination).toMatchObject({ per_page: 50, current_page: 1, total_pages: 1, count: 7 });

    const paged = await respondV3List(items, query('page=3&limit=2')).json();
    expect(paged.data).toEqual([{ id: 5 }, { id: 6 }]);
  });

  it('accepts limit 250 and answers 413 above it, in v3 style', async () => {
    expect(respondV3List(items, query('limit=250')).status).toBe(200);
    const response = respondV3List(items, query('limit=251'));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ status: 413, title: expect.any(String), type: expect.any(String), errors: { limit: expect.any(String) } });
  });

  it('honours a route\'s own default and maximum', async () => {
    const body = await respondV3List(items, query(''), { defaultLimit: 5, maxLimit: 10 }).json();
    expect(body.meta.pagination.per_page).toBe(5);
    expect(respondV3List(items, query('limit=11'), { maxLimit: 10 }).status).toBe(413);
  });

  it.each(['page=0', 'page=-1', 'limit=abc', 'limit=2.5'])('answers 422 for %s', async (search) => {
    const response = respondV3List(items, query(search));
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toEqual({ [search.split('=')[0]!]: expect.any(String) });
  });
});

describe('respondV2List', () => {
  it('answers a bare array of the page', async () => {
    const response = respondV2List(items, query('page=2&limit=3'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([{ id: 4 }, { id: 5 }, { id: 6 }]);
  });

  it('defaults to page 1 and 50 items', async () => {
    expect(await respondV2List(items, query('')).json()).toHaveLength(7);
  });

  it('answers 204 with an empty body when there is nothing to list', async () => {
    for (const response of [respondV2List([], query('')), respondV2List(items, query('page=4&limit=3'))]) {
      expect(response.status).toBe(204);
      expect(response.headers.get('content-type')).toBeNull();
      expect(await response.text()).toBe('');
    }
  });

  it('answers 413 above limit 250 with details.max_limit, as BigCommerce does', async () => {
    const response = respondV2List(items, query('limit=251'));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual([
      { status: 413, message: 'The specified limit exceeds the maximum allowed.', details: { max_limit: 250 } },
    ]);
  });

  it('answers 400 for a page that is not a positive integer', async () => {
    const response = respondV2List(items, query('page=first'));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual([{ status: 400, message: expect.stringContaining('page') }]);
  });
});
