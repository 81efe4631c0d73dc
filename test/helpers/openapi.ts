/**
 * Contract-test helpers: BigCommerce's OpenAPI files, loaded from disk at test time.
 *
 * The files are BigCommerce's (see SOURCE.md beside them) and carry no license grant, so they are
 * never copied into this repository: tests read them from `BIGCOMMERCE_OPENAPI_DIR`, by default
 * `../shared/bigcommerce-openapi` next to the repository. Without them the contract suites skip,
 * saying so loudly; set `BIGCOMMERCE_OPENAPI_REQUIRED=1` (e.g. in CI) to fail instead.
 *
 * Each helper takes a spec name, an HTTP method and the path template exactly as the spec writes it
 * (`/orders/{order_id}`, without the `/stores/{store_hash}/v2` server prefix).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describe } from 'vitest';

/** The six spec files, by the name tests use. */
export const SPEC_FILES = {
  'products_catalog.v3': 'products_catalog.v3.yml',
  'product-variants_catalog.v3': 'product-variants_catalog.v3.yml',
  'inventory.v3': 'inventory.v3.yml',
  'locations.v3': 'locations.v3.yml',
  'orders.v2': 'orders.v2.oas2.yml',
  'customers.v3': 'customers.v3.yml',
} as const;

/** A spec, by the name tests use (the file name without `.yml`, and `orders.v2` for `orders.v2.oas2.yml`). */
export type SpecName = keyof typeof SPEC_FILES;

/** Every spec name. */
export const SPEC_NAMES = Object.keys(SPEC_FILES) as SpecName[];

/** The environment variable naming the folder with the spec files. */
export const OPENAPI_DIR_ENV = 'BIGCOMMERCE_OPENAPI_DIR';
/** Set to `1` to fail, rather than skip, when the spec files are missing. */
export const OPENAPI_REQUIRED_ENV = 'BIGCOMMERCE_OPENAPI_REQUIRED';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the spec files are read from. */
export const openApiDir = process.env[OPENAPI_DIR_ENV]
  ? path.resolve(repoRoot, process.env[OPENAPI_DIR_ENV])
  : path.resolve(repoRoot, '..', 'shared', 'bigcommerce-openapi');

/** Whether the spec folder exists. A folder missing a file fails the tests that need it. */
export const specsAvailable = existsSync(openApiDir);

let warned = false;

/**
 * `describe`, or `describe.skip` with a loud warning when the spec folder is absent, so vitest
 * reports the contract tests as skipped rather than passed.
 */
export function describeWithSpecs(name: string, body: () => void): void {
  if (specsAvailable) {
    describe(name, body);
    return;
  }
  const missing = `BigCommerce OpenAPI files not found at ${openApiDir}`;
  const hint = `Set ${OPENAPI_DIR_ENV} to the folder holding ${Object.values(SPEC_FILES).join(', ')}.`;
  if (process.env[OPENAPI_REQUIRED_ENV] === '1') throw new Error(`${missing}, and ${OPENAPI_REQUIRED_ENV}=1. ${hint}`);
  const message = `${missing}: contract tests SKIPPED. ${hint}`;
  if (!warned) {
    warned = true;
    console.warn(`\n⚠️  ${message}\n`);
  }
  describe.skip(`${name} [SKIPPED: no OpenAPI files at ${openApiDir}]`, body);
}

/** The absolute path of a spec file. */
export function specPath(spec: SpecName): string {
  return path.join(openApiDir, SPEC_FILES[spec]);
}

/** A JSON Schema as the specs write it (OpenAPI 3.0 dialect). */
export type JsonSchema = Record<string, unknown>;

/** One media type of a request or response body. */
export interface MediaTypeObject {
  readonly schema?: JsonSchema;
  readonly example?: unknown;
  readonly examples?: Readonly<Record<string, { readonly value?: unknown }>>;
}

/** One response of an operation. */
export interface ResponseObject {
  readonly description?: string;
  readonly content?: Readonly<Record<string, MediaTypeObject>>;
}

/** One operation (method of a path). */
export interface OperationObject {
  readonly operationId?: string;
  readonly requestBody?: { readonly content?: Readonly<Record<string, MediaTypeObject>> };
  readonly responses?: Readonly<Record<string, ResponseObject>>;
}

/** A dereferenced spec: every `$ref` replaced by what it points to. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly components?: {
    readonly schemas?: Readonly<Record<string, JsonSchema>>;
    readonly responses?: Readonly<Record<string, ResponseObject>>;
  };
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const documents = new Map<SpecName, Promise<OpenApiDocument>>();

/** The spec, parsed and dereferenced once per test file. */
export function loadSpec(spec: SpecName): Promise<OpenApiDocument> {
  let document = documents.get(spec);
  if (!document) {
    document = SwaggerParser.dereference(specPath(spec)) as Promise<unknown> as Promise<OpenApiDocument>;
    documents.set(spec, document);
  }
  return document;
}

/** Runs swagger-parser's full validation (schema and spec rules) on a fresh parse of the file. */
export async function validateSpec(spec: SpecName): Promise<OpenApiDocument> {
  return (await SwaggerParser.validate(specPath(spec))) as unknown as OpenApiDocument;
}

/** An operation of the spec. @throws naming the operations the path has, when the method is not one. */
export async function operation(spec: SpecName, method: string, pathTemplate: string): Promise<OperationObject> {
  const document = await loadSpec(spec);
  const item = document.paths[pathTemplate];
  if (!item) throw new Error(`${spec}: no path ${pathTemplate}.`);
  const found = item[method.toLowerCase()];
  if (!found || typeof found !== 'object') {
    const methods = HTTP_METHODS.filter((name) => name in item).map((name) => name.toUpperCase());
    throw new Error(`${spec}: ${pathTemplate} has no ${method.toUpperCase()} (it has ${methods.join(', ') || 'none'}).`);
  }
  return found as OperationObject;
}

/** A response of an operation. `status` may be a number, `'4XX'` or `'default'`. */
export async function response(spec: SpecName, method: string, pathTemplate: string, status: number | string): Promise<ResponseObject> {
  const responses = (await operation(spec, method, pathTemplate)).responses ?? {};
  const found = responses[String(status)];
  if (!found) {
    throw new Error(
      `${spec}: ${method.toUpperCase()} ${pathTemplate} declares no ${status} response (it declares ${Object.keys(responses).join(', ')}).`,
    );
  }
  return found;
}

/** A function checking a value against one schema: readable errors, `[]` when valid. */
export interface SchemaValidator {
  (value: unknown): string[];
  /** What the schema is, for messages: `orders.v2 GET /orders/{order_id} 404 application/json`. */
  readonly label: string;
  readonly schema: JsonSchema;
}

/**
 * A validator for a response body of an operation.
 * @example
 * ```ts
 * const validate = await responseValidator('orders.v2', 'get', '/orders/{order_id}', 404);
 * expect(validate(body)).toEqual([]);
 * ```
 */
export async function responseValidator(
  spec: SpecName,
  method: string,
  pathTemplate: string,
  status: number | string,
  contentType?: string,
): Promise<SchemaValidator> {
  const found = await response(spec, method, pathTemplate, status);
  const [type, media] = pickMedia(found.content, contentType, `${spec}: ${method.toUpperCase()} ${pathTemplate} ${status}`);
  return validatorFor(spec, media.schema, `${spec} ${method.toUpperCase()} ${pathTemplate} ${status} ${type}`);
}

/** A validator for the request body of an operation. */
export async function requestBodyValidator(
  spec: SpecName,
  method: string,
  pathTemplate: string,
  contentType?: string,
): Promise<SchemaValidator> {
  const found = await operation(spec, method, pathTemplate);
  const label = `${spec}: ${method.toUpperCase()} ${pathTemplate} request body`;
  const [type, media] = pickMedia(found.requestBody?.content, contentType, label);
  return validatorFor(spec, media.schema, `${spec} ${method.toUpperCase()} ${pathTemplate} request ${type}`);
}

/** A validator for a schema of `components.schemas`, e.g. customers.v3's `ErrorResponse`. */
export async function componentSchemaValidator(spec: SpecName, name: string): Promise<SchemaValidator> {
  const schema = (await loadSpec(spec)).components?.schemas?.[name];
  if (!schema) throw new Error(`${spec}: no components.schemas.${name}.`);
  return validatorFor(spec, schema, `${spec} #/components/schemas/${name}`);
}

/** A validator for a response of `components.responses`, e.g. orders.v2's `404_Resp`. */
export async function componentResponseValidator(spec: SpecName, name: string, contentType?: string): Promise<SchemaValidator> {
  const found = (await loadSpec(spec)).components?.responses?.[name];
  if (!found) throw new Error(`${spec}: no components.responses.${name}.`);
  const [type, media] = pickMedia(found.content, contentType, `${spec} #/components/responses/${name}`);
  return validatorFor(spec, media.schema, `${spec} #/components/responses/${name} ${type}`);
}

/** The examples of a response (its `example` and every `examples.*.value`), in every media type. */
export async function responseExamples(spec: SpecName, method: string, pathTemplate: string, status: number | string): Promise<unknown[]> {
  return examplesOf((await response(spec, method, pathTemplate, status)).content);
}

/** The examples of an operation's request body. */
export async function requestBodyExamples(spec: SpecName, method: string, pathTemplate: string): Promise<unknown[]> {
  return examplesOf((await operation(spec, method, pathTemplate)).requestBody?.content);
}

/** One example of an error response, with where it comes from. */
export interface ErrorExample {
  readonly spec: SpecName;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly contentType: string;
  readonly example: unknown;
}

/** Every example of a response with a status of 400 or more in the spec. */
export async function errorResponseExamples(spec: SpecName): Promise<ErrorExample[]> {
  const document = await loadSpec(spec);
  const found: ErrorExample[] = [];
  for (const [pathTemplate, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method] as OperationObject | undefined;
      for (const [status, declared] of Object.entries(op?.responses ?? {})) {
        if (!/^\d{3}$/.test(status) || Number(status) < 400) continue;
        for (const [contentType, media] of Object.entries(declared.content ?? {})) {
          for (const example of examplesOf({ [contentType]: media })) {
            found.push({ spec, method: method.toUpperCase(), path: pathTemplate, status: Number(status), contentType, example });
          }
        }
      }
    }
  }
  return found;
}

/** Ajv errors as lines such as `/data/0/price: must be number`. */
export function formatAjvErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath || '(root)';
    const extra =
      error.keyword === 'additionalProperties'
        ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})`
        : error.keyword === 'enum'
          ? ` (${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)})`
          : '';
    return `${where}: ${error.message ?? error.keyword}${extra}`;
  });
}

// One Ajv per spec. strict:false because the specs use OpenAPI keywords (`example`, `x-internal`,
// `discriminator`) and odd formats (`format: string`) that strict JSON Schema rejects.
const ajvs = new Map<SpecName, Ajv>();
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

function validatorFor(spec: SpecName, schema: JsonSchema | undefined, label: string): SchemaValidator {
  if (!schema) throw new Error(`${label} declares no schema.`);
  let ajv = ajvs.get(spec);
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(ajv);
    ajvs.set(spec, ajv);
  }
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  const check = validate;
  return Object.assign((value: unknown) => (check(value) ? [] : formatAjvErrors(check.errors)), { label, schema });
}

function pickMedia(
  content: Readonly<Record<string, MediaTypeObject>> | undefined,
  contentType: string | undefined,
  label: string,
): [string, MediaTypeObject] {
  const entries = Object.entries(content ?? {});
  const found = contentType
    ? entries.find(([type]) => type === contentType)
    : (entries.find(([type]) => type === 'application/json') ?? entries[0]);
  if (!found) {
    throw new Error(`${label} has no ${contentType ?? 'body'} (media types: ${entries.map(([type]) => type).join(', ') || 'none'}).`);
  }
  return found;
}

function examplesOf(content: Readonly<Record<string, MediaTypeObject>> | undefined): unknown[] {
  const found: unknown[] = [];
  for (const media of Object.values(content ?? {})) {
    if (media.example !== undefined) found.push(media.example);
    for (const example of Object.values(media.examples ?? {})) if (example.value !== undefined) found.push(example.value);
  }
  return found;
}
