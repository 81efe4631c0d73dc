// The `prepare` script: builds dist/ when it is missing.
//
// npm runs `prepare` after a local `npm install`/`npm ci`, when packing, and when it installs this
// package from git (it clones the repository, installs its devDependencies, runs `prepare`, then
// packs the clone without running `prepack`). Packing and publishing always build through
// `prepack`, which runs first, so here an existing dist/ is left alone: a git install and a fresh
// clone build once, and `npm pack` does not build twice.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
if (!existsSync(join(root, 'dist/index.js'))) {
  try {
    createRequire(join(root, 'package.json')).resolve('tsup/package.json');
  } catch {
    // `npm ci --omit=dev` of the repository itself: nothing to build with.
    console.warn('bigcommerce-source: dist/ is not built (devDependencies are not installed); run `npm ci && npm run build`.');
    process.exit(0);
  }
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
