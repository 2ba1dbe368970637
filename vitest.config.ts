import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  // WxtVitest: WXT's aliases and auto-imports, and a fake `browser` for code that touches it.
  plugins: [WxtVitest()],
  test: {
    // Every colocated unit test, wherever a module lives: a list of folders silently missed the
    // tests of a folder added later (and named two folders that held none).
    include: ['**/*.test.ts'],
    exclude: [
      ...configDefaults.exclude,
      '.output/**',
      '.wxt/**',
      // DOM code runs in real browsers: `npm run test:browser` (test/browser/README.md).
      '**/*.browser.test.ts',
    ],
    // fake-indexeddb must load before dexie is evaluated.
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
  },
});
