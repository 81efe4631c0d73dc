import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every `@see` link in src/ must be well-formed, on an allowed host, and, for BigCommerce's
// developer docs, point at a page of the bigcommerce/docs repository (checked by hand when the
// link was written, listed here; a page that moves gets a new entry and its links follow).

/** Hosts a `@see` link may point at (redis.io: the Redis gate's use of Redis, e.g. Cluster's hash tags). */
const ALLOWED_HOSTS = new Set(['developer.bigcommerce.com', 'github.com', 'www.rfc-editor.org', 'redis.io']);

/** Narrative pages of developer.bigcommerce.com, each an .mdx file of bigcommerce/docs. */
const NARRATIVE_PAGES = new Set([
  '/docs/start/about', // docs/start/about/index.mdx
  '/docs/start/about/common-query-params', // docs/start/about/common-query-params.mdx
  '/docs/start/about/status-codes', // docs/start/about/status-codes.mdx
  '/docs/start/authentication/api-accounts', // docs/start/authentication/api-accounts.mdx
  // BigCommerce's own pages link here (e.g. the migration guides' error handling); the source is
  // docs/api-docs/getting-started/api-rate-limits.mdx.
  '/docs/start/best-practices/api-rate-limits',
  '/docs/integrations/apps/guide/auth', // docs/integrations/apps/guide/auth.mdx
  '/docs/integrations/apps/guide/buttons',
  '/docs/integrations/apps/guide/callbacks',
  '/docs/integrations/apps/guide/requirements',
  '/docs/store-operations/catalog/inventory-locations', // docs/store-operations/catalog/inventory-locations.mdx
  '/docs/store-operations/orders', // docs/store-operations/orders/index.mdx
  '/docs/store-operations/orders/refunds', // docs/store-operations/orders/refunds.mdx
]);

/** API reference pages, each rendered from an OpenAPI file under reference/ in bigcommerce/docs. */
const REFERENCE_PAGE = /^\/docs\/(?:rest-management\/(?:orders|customers|inventory|store-information)|rest-catalog\/(?:products|product-variants))(?:\/[a-z-]+)?$/;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : Promise.resolve(entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []))));
  return nested.flat();
}

async function seeLinks(): Promise<Array<{ file: string; link: string }>> {
  const root = new URL('../../src', import.meta.url).pathname;
  const links: Array<{ file: string; link: string }> = [];
  for (const file of await sourceFiles(root)) {
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(/@see\s+(https?:\/\/\S+)/g)) links.push({ file: file.slice(root.length + 1), link: match[1]! });
  }
  return links;
}

describe('@see links in src/', () => {
  it('are https URLs on an allowed host', async () => {
    const links = await seeLinks();
    expect(links.length).toBeGreaterThan(30);
    const bad = links.filter(({ link }) => {
      try {
        const url = new URL(link);
        return url.protocol !== 'https:' || !ALLOWED_HOSTS.has(url.host);
      } catch {
        return true;
      }
    });
    expect(bad).toEqual([]);
  });

  it('point BigCommerce links at a page of the current developer docs', async () => {
    const bad = (await seeLinks()).filter(({ link }) => {
      const url = new URL(link);
      if (url.host !== 'developer.bigcommerce.com') return false;
      return !(NARRATIVE_PAGES.has(url.pathname) || REFERENCE_PAGE.test(url.pathname)) || (url.hash !== '' && !/^#[a-z0-9-]+$/.test(url.hash));
    });
    expect(bad).toEqual([]);
  });
});
