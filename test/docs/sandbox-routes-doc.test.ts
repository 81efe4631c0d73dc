// docs/testing.md lists every route the sandbox store answers, with its scope: the table and the
// router stay in step.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SandboxRouter } from '../../src/testing/router';
import { registerAllRoutes } from '../../src/testing/routes';
import { ROOT } from './doc-examples';

describe('docs/testing.md route table', () => {
  it('lists every route the store registers, with its scope, and no other', () => {
    const markdown = readFileSync(join(ROOT, 'docs/testing.md'), 'utf8');
    const documented = [...markdown.matchAll(/^\| `(GET|POST|PUT|DELETE) (\/v[23]\/[^`]+)` \| `([a-z0-9_]+)` \|/gm)].map((match) => `${match[1]} ${match[2]} ${match[3]}`);
    const registered = registerAllRoutes(new SandboxRouter())
      .routes()
      .map((route) => `${route.method} ${route.path} ${route.scope ?? ''}`);
    expect(documented.length).toBeGreaterThanOrEqual(18);
    expect([...documented].sort()).toEqual([...registered].sort());
  });
});
