// Extracts the ```ts code blocks of README.md and the guides in docs/, and type-checks each as its
// own module against the SDK's sources. Used by readme-examples.test.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface DocExample {
  /** `README.md:42`: the file and the line of the opening fence. */
  readonly name: string;
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

/** A line `<!-- doc-example: skip -->` right before a fence leaves that block out (type shapes, pseudo-code). */
const SKIP_MARKER = /<!--\s*doc-example:\s*skip\s*-->/;

export function documentationFiles(): string[] {
  const guides = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...guides];
}

export function extractExamples(file: string, markdown = readFileSync(join(ROOT, file), 'utf8')): DocExample[] {
  const lines = markdown.split('\n');
  const examples: DocExample[] = [];
  for (let index = 0; index < lines.length; index++) {
    const fence = /^(\s*)```(ts|typescript)\s*$/.exec(lines[index]!);
    if (!fence) continue;
    const start = index;
    const body: string[] = [];
    for (index++; index < lines.length && !/^\s*```\s*$/.test(lines[index]!); index++) body.push(lines[index]!.slice(fence[1]!.length));
    let previous = start - 1;
    while (previous >= 0 && lines[previous]!.trim() === '') previous--;
    if (previous >= 0 && SKIP_MARKER.test(lines[previous]!)) continue;
    examples.push({ name: `${file}:${start + 1}`, file, line: start + 1, code: body.join('\n') });
  }
  return examples;
}

/**
 * What a guide's examples may use without declaring it: the objects the surrounding prose has
 * introduced (a source, a sandbox, your own storage). Everything else must be imported or declared
 * in the block, except the SDK's exports and vitest's functions, which are imported for the guides
 * (README blocks must import what they use, apart from these variables).
 */
export const PRELUDE = `
import type { AuthStrategy, BigCommerceSource, OAuthApp, OAuthInstallation, PurchaseOrder, InventoryItem, Shipment } from 'bigcommerce-source';
import type { SandboxStore } from 'bigcommerce-source/testing';

declare global {
  /** A connected source, as built in the quick start. */
  const source: BigCommerceSource;
  /** An OAuth app, as built in the authentication guide. */
  const app: OAuthApp;
  const installation: OAuthInstallation;
  const sandbox: SandboxStore;
  /** A purchase order. */
  const po: PurchaseOrder;
  const pos: PurchaseOrder[];
  /** A store hash and an auth strategy, as in the authentication guide. */
  const storeHash: string;
  const auth: AuthStrategy;
  /** Your logger. */
  const log: { info(message: string): void; warn(message: string): void; error(message: string): void };
  /** When the last sync started. */
  const lastRun: Date;
  /** A saved cursor, if any. */
  const saved: string | undefined;
  /** Environment variables or bindings. */
  const env: { BC_CLIENT_ID: string; BC_CLIENT_SECRET: string; BC_STORE_HASH: string; BC_ACCESS_TOKEN: string };
  function save(items: readonly unknown[]): Promise<void>;
  function saveCheckpoint(cursor: string): Promise<void>;
  function checkpoint(cursor: string): Promise<void>;
  /** Your token store, keyed by store hash. */
  const tokens: {
    get(storeHash: string): Promise<string | undefined>;
    put(storeHash: string, token: string): Promise<void>;
    delete(storeHash: string): Promise<void>;
  };
  const vault: { read(path: string, options?: { signal?: AbortSignal | undefined }): Promise<string> };
  /** Your database. */
  const db: {
    get(key: string): Promise<string | undefined>;
    set(key: string, value: string): Promise<void>;
    delete(key: string): Promise<void>;
    upsertItems(items: readonly InventoryItem[]): Promise<void>;
    upsertShipments(shipments: readonly Shipment[]): Promise<void>;
  };
}
export {};
`;

interface ExportedName {
  readonly name: string;
  readonly typeOnly: boolean;
}

/** The names an entry file exports, and whether each is a type only (read from its `export … from` lines). */
function exportsOf(entry: string): ExportedName[] {
  const file = ts.createSourceFile(entry, readFileSync(join(ROOT, entry), 'utf8'), ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const names: ExportedName[] = [];
  for (const statement of file.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
    for (const element of statement.exportClause.elements) names.push({ name: element.name.text, typeOnly: statement.isTypeOnly || element.isTypeOnly });
  }
  return names;
}

const SDK_EXPORTS = exportsOf('src/index.ts');
const TESTING_EXPORTS = exportsOf('src/testing/index.ts');
const VITEST_EXPORTS = ['describe', 'it', 'test', 'expect', 'beforeAll', 'afterAll', 'beforeEach', 'afterEach', 'vi'].map((name) => ({ name, typeOnly: false }));

/** The names a block imports or declares at its top level. */
function ownNames(code: string): Set<string> {
  const names = new Set<string>();
  const source = ts.createSourceFile('block.ts', code, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  for (const statement of source.statements) {
    if (
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isFunctionDeclaration(statement) ||
      ts.isEnumDeclaration(statement)
    ) {
      if (statement.name) names.add(statement.name.text);
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
    }
    if (!ts.isImportDeclaration(statement) || !statement.importClause) continue;
    const clause = statement.importClause;
    if (clause.name) names.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.add(element.name.text);
  }
  return names;
}

/** The module a block becomes: the block itself, after the imports a guide's reader is assumed to have. */
export function moduleOf(example: DocExample): string {
  const own = ownNames(example.code);
  const header: string[] = [];
  if (example.file !== 'README.md') {
    const pick = (names: ExportedName[]) =>
      names.filter(({ name }) => !own.has(name)).map(({ name, typeOnly }) => (typeOnly ? `type ${name}` : name));
    const fromSdk = pick(SDK_EXPORTS);
    const fromTesting = pick(TESTING_EXPORTS);
    const fromVitest = pick(VITEST_EXPORTS);
    if (fromSdk.length) header.push(`import { ${fromSdk.join(', ')} } from 'bigcommerce-source';`);
    if (fromTesting.length) header.push(`import { ${fromTesting.join(', ')} } from 'bigcommerce-source/testing';`);
    if (fromVitest.length) header.push(`import { ${fromVitest.join(', ')} } from 'vitest';`);
  }
  // A block that spells out the shape of an exported type (`interface OAuthInstallation { … }`) must
  // match it: each must be assignable to the other.
  const shapeChecks: string[] = [];
  for (const { name, typeOnly } of SDK_EXPORTS) {
    if (!typeOnly || !new RegExp(`^(?:export )?(?:interface|type) ${name}\\b`, 'm').test(example.code)) continue;
    shapeChecks.push(
      `import type { ${name} as Sdk${name} } from 'bigcommerce-source';`,
      `declare const sdk${name}: Sdk${name}; declare const doc${name}: ${name};`,
      `export const check${name}: [Sdk${name}, ${name}] = [doc${name}, sdk${name}];`,
    );
  }
  // Keep the block's own line numbers: the header goes on one line before it.
  return `${header.join(' ')}\n${example.code}\n${shapeChecks.join('\n')}\nexport {};\n`;
}

export interface ExampleDiagnostic {
  readonly example: DocExample;
  readonly messages: string[];
}

/** Type-checks every example in one program; returns the diagnostics of each, in markdown line numbers. */
export function typeCheckExamples(examples: readonly DocExample[]): ExampleDiagnostic[] {
  const configFile = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noEmit: true,
    baseUrl: ROOT,
    paths: {
      'bigcommerce-source': ['src/index.ts'],
      'bigcommerce-source/testing': ['src/testing/index.ts'],
      'bigcommerce-source/redis': ['src/redis/index.ts'],
    },
  };
  const virtual = new Map<string, string>();
  const generated = join(ROOT, 'test/docs/.examples');
  virtual.set(join(generated, 'prelude.ts'), PRELUDE);
  const fileOf = new Map<string, DocExample>();
  examples.forEach((example, index) => {
    const path = join(generated, `example-${index}.ts`);
    virtual.set(path, moduleOf(example));
    fileOf.set(path, example);
  });

  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (path) => virtual.has(path) || fileExists.call(host, path);
  host.readFile = (path) => virtual.get(path) ?? readFile.call(host, path);
  host.getSourceFile = (path, language, onError, create) => {
    const text = virtual.get(path);
    return text !== undefined ? ts.createSourceFile(path, text, language, true) : getSourceFile.call(host, path, language, onError, create);
  };
  const program = ts.createProgram({ rootNames: [...virtual.keys()], options, host });

  const results: ExampleDiagnostic[] = [];
  for (const [path, example] of fileOf) {
    const file = program.getSourceFile(path)!;
    const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    const messages = diagnostics.map((diagnostic) => {
      const { line } = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : { line: 0 };
      return `${example.file}:${example.line + line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
    results.push({ example, messages });
  }
  return results;
}
