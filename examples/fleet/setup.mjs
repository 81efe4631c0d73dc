// Packs this repository's SDK (`npm pack`, which builds it first) into bigcommerce-source.tgz here,
// and installs it with BullMQ and ioredis: the example runs on the package as users get it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

export function setup({ quiet = false } = {}) {
  const stdio = quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit';
  const packs = join(here, '.pack');
  rmSync(packs, { recursive: true, force: true });
  mkdirSync(packs);
  execFileSync('npm', ['pack', '--pack-destination', packs], { cwd: root, stdio });
  const tarball = readdirSync(packs).find((name) => name.endsWith('.tgz'));
  renameSync(join(packs, tarball), join(here, 'bigcommerce-source.tgz'));
  rmSync(packs, { recursive: true, force: true });
  // No lockfile: the tarball changes with every pack. Reinstalling it replaces the SDK in node_modules.
  rmSync(join(here, 'node_modules', 'bigcommerce-source'), { recursive: true, force: true });
  execFileSync('npm', ['install', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio });
}
