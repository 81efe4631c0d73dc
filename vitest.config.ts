import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The Redis gate's scripts live in a .lua file, imported as text (tsup's `text` loader in the build).
  plugins: [
    {
      name: 'lua-as-text',
      transform(code, id) {
        return id.endsWith('.lua') ? { code: `export default ${JSON.stringify(code)};`, map: null } : undefined;
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    restoreMocks: true,
  },
});
