import { defineConfig } from 'vitest/config';

/**
 * The tests that dominate the run: LibreOffice recalculating workbooks, generated hostile input, real processes
 * killed or raced, registers a hundred times the association's size, and the command-line tools run as processes
 * (the board pack one builds the web entry and prints in Chromium). They form the `slow` project, so the everyday
 * `npm run test:unit` leaves them out while `npm test` still runs them.
 */
const SLOW = [
  'test/core/exports/*.libreoffice.test.ts',
  // The official Peppol rules under Saxon-HE: each rule set compiles for seconds in its JVM.
  'test/core/exports/*.rules.test.ts',
  'test/core/security/channel-fuzz.test.ts',
  'test/core/imports/read-table.fuzz.test.ts',
  'test/contract/rules/amounts.bounds-scale.test.ts',
  'test/node/document-file-store.kill-loop.test.ts',
  'test/node/register-access.first-start-race.test.ts',
  'test/tools/cli/export.test.ts',
  'test/tools/cli/board-pack.test.ts',
];

/**
 * The shared register against a real PostgreSQL: one throwaway cluster for all of them (started by the global
 * setup from the npm package's server binaries), each file in a database of its own.
 */
const POSTGRES = ['test/node/postgres/**/*.test.ts', 'test/tools/cli/register.test.ts'];

/**
 * On CI, a test that races real processes, a browser or the clock is tried once more before it fails the run: a
 * loaded machine can lose such a race once. `scripts/test-summary.mjs` names every test that passed only then, so
 * a flaky one is seen and mended rather than hidden. Pure logic is never retried: there a second try would hide a bug.
 */
const RETRY_ON_CI = { retry: process.env.CI ? 1 : 0 };

/** Node-side tests that spawn processes or touch real files get time for a loaded machine. */
const PROCESS_TIMEOUTS = { testTimeout: 120_000, hookTimeout: 60_000, ...RETRY_ON_CI };

/**
 * One runner, seven projects: pure core logic, the renderer's view-models, the file store on real temp files (with
 * the tools/ commands and scripts), the shared register on PostgreSQL, the Electron shell with `electron` mocked,
 * the slow tests above, and the UI end to end in Chromium (playwright-core) against the web entry.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['test/core/**/*.test.ts', 'test/contract/**/*.test.ts', 'test/*.test.ts'], exclude: SLOW, environment: 'node' } },
      { test: { name: 'renderer', include: ['test/renderer/**/*.test.ts'], exclude: SLOW, environment: 'node' } },
      {
        test: {
          name: 'node',
          include: ['test/node/**/*.test.ts', 'test/tools/**/*.test.ts', 'test/scripts/**/*.test.ts'],
          exclude: [...SLOW, ...POSTGRES],
          environment: 'node',
          ...PROCESS_TIMEOUTS,
        },
      },
      { test: { name: 'postgres', include: POSTGRES, environment: 'node', globalSetup: ['test/support/postgres-global-setup.ts'], ...PROCESS_TIMEOUTS } },
      { test: { name: 'main', include: ['test/main/**/*.test.ts', 'test/preload/**/*.test.ts'], exclude: SLOW, environment: 'node' } },
      { test: { name: 'slow', include: SLOW, environment: 'node', ...PROCESS_TIMEOUTS } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          ...RETRY_ON_CI,
        },
      },
    ],
  },
});
