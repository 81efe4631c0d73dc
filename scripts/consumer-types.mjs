// Type test of the packed tarball, installed in a throwaway project (scripts/packed-app.mjs), the
// way four kinds of consumers compile against it: every setup is `strict` with
// `exactOptionalPropertyTypes` and `noUncheckedIndexedAccess`, with the project's own TypeScript
// and @types/node; the package's declaration files are checked too (as with `skipLibCheck: false`).
// Each setup is a folder of the project with its tsconfig.json, so `npx tsc -p types-node10` there
// (KEEP_PACKED_APP=1) replays it.
//
//   node10       module commonjs, moduleResolution node10 (`types` and `typesVersions` → .d.cts)
//   node16-cjs   module node16 in a CommonJS package (`exports` → require → .d.cts)
//   node16-esm   module node16 in an ESM package (`exports` → import → .d.ts)
//   bundler      module esnext, moduleResolution bundler, with the DOM lib (.d.ts)
//
// Each compiles test/package/consumer.ts and every ```ts block of README.md and docs/*.md (as
// test/docs/doc-examples.ts builds them; vitest and msw, which the testing guide imports, are
// declared loosely: the point is the SDK's types). Then:
// - the consumer runs on Node as ESM and as CommonJS against the sandbox store (every optional
//   input it passes is undefined at run time and must mean "not given");
// - every optional property of the public API's inputs must accept an explicit undefined
//   (scripts/optional-inputs.mjs).
//
//   node scripts/consumer-types.mjs      packs and installs first (`npm test` shares one install)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isMain, packedApp, root } from './packed-app.mjs';
import { optionalInputsRefusingUndefined } from './optional-inputs.mjs';
import { documentationFiles, extractExamples, moduleOf, PRELUDE } from '../test/docs/doc-examples.ts';

const STRICT = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: false,
  esModuleInterop: true,
  noEmit: true,
  target: 'es2022',
  lib: ['es2023'],
  types: ['node'],
};

const SETUPS = [
  { name: 'node10', type: 'commonjs', declarations: 'd.cts', options: { module: 'commonjs', moduleResolution: 'node10' } },
  { name: 'node16-cjs', type: 'commonjs', declarations: 'd.cts', options: { module: 'node16', moduleResolution: 'node16' } },
  { name: 'node16-esm', type: 'module', declarations: 'd.ts', options: { module: 'node16', moduleResolution: 'node16' } },
  { name: 'bundler', type: 'module', declarations: 'd.ts', options: { module: 'esnext', moduleResolution: 'bundler', lib: ['es2023', 'dom', 'dom.iterable'] } },
];

/**
 * In a CommonJS file, top-level `await` and `for await` are a syntax error whatever the types
 * (TS1309, TS1375, TS1378, TS1431, TS1432); the examples are written for ESM, so in the CommonJS
 * setups these codes alone are left out, in the examples only (the consumer has none).
 */
const TOP_LEVEL_AWAIT_CODES = new Set(['TS1309', 'TS1375', 'TS1378', 'TS1431', 'TS1432']);

const STUBS = `// The guides' test examples import vitest and msw, which this project does not install: declared
// loosely, as far as the guides use them (this test checks the SDK's types, not theirs).
declare module 'vitest' {
  export const describe: any, it: any, test: any, expect: any, beforeAll: any, afterAll: any, beforeEach: any, afterEach: any, vi: any;
}
declare module 'msw' {
  export const http: { all(path: string, resolver: (info: { request: Request }) => Response | Promise<Response>): unknown };
}
declare module 'msw/node' {
  export function setupServer(...handlers: unknown[]): { listen(options?: object): void; close(): void };
}
`;

/**
 * Type-checks one setup's project as `tsc -p` would, but asks for the diagnostics of the
 * project's own files and of the package's declaration files only: the package's .d.ts/.d.cts are
 * checked as with `skipLibCheck: false`, without paying for every file of zod and @types/node.
 */
function typeCheck(ts, app, dir) {
  const config = ts.getParsedCommandLineOfConfigFile(join(app.dir, dir, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const checked = program.getSourceFiles().filter((file) => !file.fileName.includes('/node_modules/') || file.fileName.startsWith(`${app.installed}/`));
  const found = [
    ...config.errors,
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...checked.flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]),
  ];
  return {
    program,
    packageFiles: checked.filter((file) => file.fileName.startsWith(`${app.installed}/`)).map((file) => file.fileName.slice(app.installed.length + 1)),
    diagnostics: found.map((diagnostic) => ({
      file: diagnostic.file ? diagnostic.file.fileName.slice(app.dir.length + 1) : '',
      line: diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0,
      code: `TS${diagnostic.code}`,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n    '),
    })),
  };
}

export async function consumerTypes(app) {
  const started = performance.now();
  const examples = documentationFiles().flatMap((file) => extractExamples(file));
  const consumer = readFileSync(join(root, 'test/package/consumer.ts'), 'utf8');
  for (const setup of SETUPS) {
    const dir = `types-${setup.name}`;
    app.write(`${dir}/package.json`, `${JSON.stringify({ private: true, type: setup.type }, null, 2)}\n`);
    app.write(`${dir}/tsconfig.json`, `${JSON.stringify({ compilerOptions: { ...STRICT, ...setup.options }, include: ['*.ts'] }, null, 2)}\n`);
    app.write(`${dir}/consumer.ts`, consumer);
    app.write(`${dir}/stubs.d.ts`, STUBS);
    app.write(`${dir}/prelude.ts`, PRELUDE);
    examples.forEach((example, index) => app.write(`${dir}/example-${index}.ts`, moduleOf(example)));
  }

  const ts = createRequire(join(app.dir, 'package.json'))('typescript');
  const failures = [];
  const resolved = [];
  let topLevelAwaits = 0;
  let bundlerProgram;
  for (const setup of SETUPS) {
    const { program, diagnostics, packageFiles } = typeCheck(ts, app, `types-${setup.name}`);
    if (setup.name === 'bundler') bundlerProgram = program;
    const read = packageFiles.filter((file) => file.startsWith('dist/')).sort();
    const expected = [`dist/index.${setup.declarations}`, `dist/redis.${setup.declarations}`, `dist/testing.${setup.declarations}`];
    if (read.join() !== expected.join()) failures.push(`[${setup.name}] read ${read.join(', ') || 'no declaration file'}, expected ${expected.join(', ')}`);
    resolved.push(`${setup.name}: ${read.join(', ')}`);
    for (const diagnostic of diagnostics) {
      const example = /example-(\d+)\.ts$/.exec(diagnostic.file);
      if (example && setup.type === 'commonjs' && TOP_LEVEL_AWAIT_CODES.has(diagnostic.code)) {
        topLevelAwaits += 1;
        continue;
      }
      const where = example
        ? `${examples[Number(example[1])].file}:${examples[Number(example[1])].line + diagnostic.line - 1}`
        : `${diagnostic.file.replace(/^types-[^/]+\//, '')}:${diagnostic.line}`;
      failures.push(`[${setup.name}] ${where}: ${diagnostic.code} ${diagnostic.message}`);
    }
  }
  if (failures.length > 0) {
    throw new Error(`consumer-types: the installed package's types fail a consumer setup (${failures.length} errors):\n${failures.join('\n')}`);
  }
  console.log(`consumer-types: consumer.ts and ${examples.length} README/docs examples compile under every setup (${((performance.now() - started) / 1000).toFixed(1)} s; ${topLevelAwaits} top-level awaits of the examples left out in the CommonJS setups); types read:`);
  for (const line of resolved) console.log(`  ${line}`);

  // The consumer runs on the installed package: as ESM, by Node stripping its types, and as
  // CommonJS, compiled the way a CommonJS build would (imports become require()).
  const esm = app.node(['--disable-warning=ExperimentalWarning', 'types-node16-esm/consumer.ts']).trim();
  console.log(`consumer-types: consumer.ts as ESM: ${esm}`);
  const { outputText } = ts.transpileModule(consumer, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  app.write('types-node16-cjs/consumer.cjs', outputText);
  const cjs = app.node(['types-node16-cjs/consumer.cjs']).trim();
  console.log(`consumer-types: consumer.ts as CommonJS: ${cjs}`);

  // On the bundler setup's program, which holds dist/index.d.ts, dist/testing.d.ts and dist/redis.d.ts.
  const entries = ['dist/index.d.ts', 'dist/testing.d.ts', 'dist/redis.d.ts'].map((file) => join(app.installed, file));
  const refusing = optionalInputsRefusingUndefined(ts, bundlerProgram, app.installed, entries);
  if (refusing.length > 0) {
    throw new Error(`consumer-types: optional input properties that refuse an explicit undefined (add \`| undefined\`):\n${refusing.join('\n')}`);
  }
  console.log('consumer-types: every optional property of the public inputs accepts undefined');
}

if (isMain(import.meta.url)) await consumerTypes(packedApp());
