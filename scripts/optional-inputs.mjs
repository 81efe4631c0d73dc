// Finds optional properties of the public API's inputs that refuse an explicit `undefined` under
// `exactOptionalPropertyTypes`, reading the installed package's declaration files.
//
// Inputs are what a caller hands to the package: the parameters of every exported function,
// constructor and method (of the exported values, and of the objects they return, such as
// `source.inventory`), followed through properties, arrays and unions. A callback's parameters are
// the package's outputs and its return value an input again. Output types (items, errors, claims)
// keep exact optional properties: the package leaves those keys out rather than setting them to
// undefined.
import { relative } from 'node:path';

/**
 * Each problem as `path.to.property (file:line)`, e.g. `createSandboxStore(options).rateLimit.quota`.
 * `program` is a TypeScript program with `exactOptionalPropertyTypes` that holds the package's
 * entry declaration files (`files`), installed in the folder `installed`.
 */
export function optionalInputsRefusingUndefined(ts, program, installed, files) {
  const checker = program.getTypeChecker();
  const undefinedType = checker.getUndefinedType();
  const ours = (declaration) => declaration.getSourceFile().fileName.startsWith(`${installed}/`);
  const seen = new Set();
  const problems = new Map();

  /** With exactOptionalPropertyTypes, an optional property's type holds `undefined` only when declared so (otherwise a distinct "missing" type). */
  const acceptsUndefined = (type) =>
    (type.isUnion() ? type.types : [type]).some((member) => member === undefinedType || member.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown));

  function visit(type, input, path) {
    if (type.isUnion()) {
      for (const member of type.types) visit(member, input, path);
      return;
    }
    if (!(type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) || seen.has(`${type.id}:${input}`)) return;
    seen.add(`${type.id}:${input}`);
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      for (const element of checker.getTypeArguments(type)) visit(element, input, `${path}[]`);
      return;
    }
    const signatures = [...type.getCallSignatures(), ...type.getConstructSignatures()];
    for (const signature of signatures) {
      for (const parameter of signature.getParameters()) visit(checker.getTypeOfSymbol(parameter), !input, `${path}(${parameter.name})`);
      visit(signature.getReturnType(), input, `${path}()`);
    }
    const properties = type.getProperties().filter((property) => (property.declarations ?? []).some(ours));
    // Types of the platform and of dependencies (AbortSignal, Date, zod schemas) are not ours to check,
    // but their type arguments may be (AsyncIterable<InventoryPage>, Promise<SentOrder>).
    if (properties.length === 0) {
      for (const argument of type.aliasTypeArguments ?? (type.objectFlags & ts.ObjectFlags.Reference ? checker.getTypeArguments(type) : [])) visit(argument, input, path);
      return;
    }
    for (const property of properties) {
      const propertyType = checker.getTypeOfSymbol(property);
      if (input && property.flags & ts.SymbolFlags.Optional && !acceptsUndefined(propertyType)) {
        const declaration = property.declarations[0];
        const file = declaration.getSourceFile();
        const where = `${relative(installed, file.fileName)}:${file.getLineAndCharacterOfPosition(declaration.getStart()).line + 1}`;
        if (![...problems.values()].includes(where)) problems.set(`${path}.${property.name}`, where);
      }
      visit(propertyType, input, `${path}.${property.name}`);
    }
  }

  for (const file of files) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(file));
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (symbol.flags & ts.SymbolFlags.Value) visit(checker.getTypeOfSymbol(symbol), false, exported.name);
    }
  }
  return [...problems].map(([path, where]) => `${path} (${where})`);
}
