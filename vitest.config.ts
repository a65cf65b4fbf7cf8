import { defineConfig } from 'vitest/config';

/**
 * One runner, four projects: pure core logic, the file store on real temp files (with the tools/ commands and
 * demo generator), the Electron shell with `electron` mocked, and the UI end to end in Chromium (playwright-core)
 * against the web entry.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['test/core/**/*.test.ts', 'test/renderer/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'node', include: ['test/node/**/*.test.ts', 'test/tools/**/*.test.ts', 'test/scripts/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 60_000 } },
      { test: { name: 'main', include: ['test/main/**/*.test.ts', 'test/preload/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
