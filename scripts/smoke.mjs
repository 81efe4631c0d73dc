// Smoke test of the packed tarball, installed in a throwaway project (scripts/packed-app.mjs):
// require() and import() of the library and of bigcommerce-source/testing by name, no node:
// built-in or Buffer in the library entry, a real verifyConnection(), and the command line
// through npx: `--version` and `demo`.
//
//   node scripts/smoke.mjs      packs and installs first (`npm test` shares one install)
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { isMain, packedApp, root } from './packed-app.mjs';

export function smoke(app) {
  copyFileSync(join(root, 'test/package/smoke.mjs'), join(app.dir, 'smoke.mjs'));
  console.log(`smoke: ${app.node(['smoke.mjs']).trim()}`);

  // The command line as npm links it; `--no` keeps npx from fetching anything.
  const version = app.run('npx', ['--no', '--', 'bigcommerce-source', '--version']).trim();
  assert.equal(version, app.version, 'npx bigcommerce-source --version');
  const demo = app.run('npx', ['--no', '--', 'bigcommerce-source', 'demo']);
  for (const line of [/^Report$/m, /connection {2}Sandbox Supply Co\. \(sandbox1\).*7 of 7 scopes verified/, /orders {6}2 created/, /shipments {3}1 read back by PO number, 1 by date/]) {
    assert.match(demo, line, `npx bigcommerce-source demo:\n${demo}`);
  }
  console.log(`smoke: npx bigcommerce-source --version -> ${version}; demo -> ${/inventory {3}(.*)/.exec(demo)?.[1]}`);
}

if (isMain(import.meta.url)) smoke(packedApp());
