// npm run bench [-- --quick …]: the inventory benchmark, then the quota bound, with the same arguments.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
for (const script of ['inventory.mjs', 'quota-bound.mjs']) {
  execFileSync(process.execPath, [path.join(here, script), ...process.argv.slice(2)], { stdio: 'inherit' });
}
