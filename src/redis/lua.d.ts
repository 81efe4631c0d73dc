/** A Lua file, imported as its text (tsup's and vitest's `.lua` loader). */
declare module '*.lua' {
  const text: string;
  export default text;
}
