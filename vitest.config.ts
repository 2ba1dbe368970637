import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  // WxtVitest: WXT's aliases and auto-imports, and a fake `browser` for code that touches it.
  plugins: [WxtVitest()],
  test: {
    include: [
      'core/**/*.test.ts',
      'db/**/*.test.ts',
      'entrypoints/**/*.test.ts',
      'messaging/**/*.test.ts',
      'settings/**/*.test.ts',
      'i18n/**/*.test.ts',
      'ui-data/**/*.test.ts',
    ],
    // fake-indexeddb must load before dexie is evaluated.
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
  },
});
