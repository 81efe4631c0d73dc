/** `T` with `undefined` taken out of its optional properties' types; required ones stay as they are. */
type DefinedFields<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/**
 * A copy of `fields` without the keys whose value is `undefined`. Every optional input of the
 * sandbox takes an explicit `undefined` as "not given" (as consumers compiling with
 * `exactOptionalPropertyTypes` write it), so spreading an input over defaults must not replace a
 * default with `undefined`.
 */
export function definedFields<T extends object>(fields: T | undefined): DefinedFields<T> {
  const defined: Record<string, unknown> = {};
  if (fields !== undefined) for (const [key, value] of Object.entries(fields)) if (value !== undefined) defined[key] = value;
  return defined as DefinedFields<T>;
}
