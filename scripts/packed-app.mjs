// The package as a user meets it: `npm pack` of the working tree (which builds dist/ through
// `prepack`), installed into a throwaway project in the OS temp dir. Nothing there can reach this
// repository's node_modules: the project sits outside the repository, its dependencies (ky,
// p-retry, zod; ioredis for bigcommerce-source/redis; typescript and @types/node for the type
// test) come from the registry or the npm cache, and its commands run without NODE_PATH and with no node_modules/.bin of the repository
// on PATH (only the Node binary that runs this script).
//
// packedApp() packs and installs once per process; the smoke, runtime-matrix and type checks share it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { delimiter, dirname, join, resolve } from 'node:path';
import assert from 'node:assert/strict';

export const root = resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** What the tarball must hold besides the docs, and what it must not. */
const REQUIRED_FILES = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'dist/index.js',
  'dist/index.cjs',
  'dist/index.d.ts',
  'dist/index.d.cts',
  'dist/testing.js',
  'dist/testing.cjs',
  'dist/testing.d.ts',
  'dist/testing.d.cts',
  'dist/redis.js',
  'dist/redis.cjs',
  'dist/redis.d.ts',
  'dist/redis.d.cts',
  'dist/cli.js',
];
const FORBIDDEN = /^(?:src|test|scripts|bench|node_modules|docs\/api)\/|\.tgz$|^tsconfig|^tsup\.config|^vitest\.config/;

/** The environment of every command run in the project: nothing that points into the repository. */
function isolatedEnv() {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name === 'NODE_PATH' || name === 'INIT_CWD' || /^npm_(?:package|lifecycle)_/.test(name) || name === 'npm_config_local_prefix') continue;
    env[name] = value;
  }
  const path = (process.env.PATH ?? '').split(delimiter).filter((entry) => entry && !entry.startsWith(root) && !/node_modules[\\/]\.bin$/.test(entry));
  env.PATH = [dirname(process.execPath), ...path].join(delimiter);
  return env;
}

/** The exact version the repository's lockfile holds, so the npm cache has it. */
function lockedVersion(name) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  return lock.packages[`node_modules/${name}`].version;
}

function run(command, args, cwd, env) {
  try {
    return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${error.status}):\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

/** The files of a .tgz made by `npm pack`, without their `package/` prefix. */
function tarballFiles(tarball) {
  const bytes = gunzipSync(readFileSync(tarball));
  const text = (start, length) => bytes.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
  const files = [];
  for (let offset = 0; offset + 512 <= bytes.length && bytes[offset] !== 0; ) {
    const size = Number.parseInt(text(offset + 124, 12).trim() || '0', 8);
    const prefix = text(offset + 345, 155);
    const name = (prefix ? `${prefix}/` : '') + text(offset, 100);
    if (text(offset + 156, 1) === '0' || text(offset + 156, 1) === '') files.push(name.replace(/^package\//, ''));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** Relative links of a markdown file that point at another file, without their #fragment. */
function relativeLinks(markdown) {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1].split('#')[0])
    .filter((target) => target !== '' && !/^[a-z]+:/i.test(target));
}

function checkTarball(files) {
  const guides = readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`);
  const missing = [...REQUIRED_FILES, ...guides].filter((file) => !files.includes(file));
  assert.deepEqual(missing, [], 'files missing from the tarball (is dist/ built by prepack? is "files" complete?)');
  assert.deepEqual(files.filter((file) => FORBIDDEN.test(file)), [], 'files that do not belong in the tarball');
  // The README's and the guides' relative links must work in the installed package.
  const broken = [];
  for (const file of ['README.md', ...guides]) {
    for (const target of relativeLinks(readFileSync(join(root, file), 'utf8'))) {
      const packed = join(dirname(file), target).replaceAll('\\', '/');
      if (!files.includes(packed)) broken.push(`${file} -> ${target}`);
    }
  }
  assert.deepEqual(broken, [], 'relative links to files the tarball does not hold');
}

function packAndInstall() {
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'bigcommerce-source-package-'));
  if (!process.env.KEEP_PACKED_APP) process.on('exit', () => rmSync(work, { recursive: true, force: true }));

  // From a tree without dist/: the tarball's dist/ can only come from the pack's own build.
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  // (The build's output goes to npm's stdout, so the tarball is found in its folder, not in --json.)
  run('npm', ['pack', '--pack-destination', work], root, process.env);
  const filename = readdirSync(work).find((name) => name.endsWith('.tgz'));
  assert.ok(filename, 'npm pack made no tarball');
  const tarball = join(work, filename);
  const files = tarballFiles(tarball);
  checkTarball(files);
  const packedMs = performance.now() - started;

  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'consumer-app', version: '1.0.0', private: true }, null, 2)}\n`);
  const env = isolatedEnv();
  // ioredis: the optional peer, for the consumer of bigcommerce-source/redis.
  const dependencies = [tarball, `typescript@${lockedVersion('typescript')}`, `@types/node@${lockedVersion('@types/node')}`, `ioredis@${lockedVersion('ioredis')}`];
  run('npm', ['install', ...dependencies, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], app, env);
  const installed = join(app, 'node_modules', manifest.name);
  assert.ok(existsSync(join(installed, 'dist/index.js')), 'the package is installed from the tarball');
  const installedMs = performance.now() - started - packedMs;
  console.log(
    `packed-app: ${filename} (${files.length} files, ${(statSync(tarball).size / 1024).toFixed(1)} kB) packed in ${(packedMs / 1000).toFixed(1)} s, ` +
      `installed in ${app} in ${(installedMs / 1000).toFixed(1)} s`,
  );

  return projectAt(app, { tarball, files, env });
}

/** The object the checks get: the project, and how to run things in it. */
function projectAt(dir, { tarball, files, env }) {
  return {
    dir,
    tarball,
    files,
    env,
    version: manifest.version,
    /** The installed package's folder. */
    installed: join(dir, 'node_modules', manifest.name),
    /** Runs a command in the project, isolated from the repository; returns its stdout. */
    run: (command, args) => run(command, args, dir, env),
    /** Runs a Node program in the project with this script's Node (or `node`, another binary). */
    node: (args, node = process.execPath) => run(node, args, dir, env),
    /** Writes a file of the project. */
    write(file, text) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    },
  };
}

let app;
/** The packed and installed package, made once per process. */
export function packedApp() {
  app ??= packAndInstall();
  return app;
}

/** True when `importMetaUrl` is the script Node was started with. */
export function isMain(importMetaUrl) {
  return process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(importMetaUrl).pathname);
}
