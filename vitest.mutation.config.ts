import { defineConfig } from 'vitest/config';

/**
 * The unit tests StrykerJS runs against each mutant of the money and goal logic (stryker.config.json): the tests
 * of the four modules themselves, so the score says how well the logic's own tests pin it, not whether a workbook
 * or board pack happens to show a figure (those heavier tests also made each mutant run many times slower).
 * `isolate: false` keeps the test modules loaded between mutant runs (Stryker switches mutants at run time, so
 * nothing needs loading again); the same range gave the same result for every mutant, several times faster.
 */
export default defineConfig({
  test: {
    include: ['test/core/domain/{fees,memberships,goals,budget}.test.ts', 'test/core/domain/{fees,memberships,goals,budget}.*.test.ts'],
    environment: 'node',
    isolate: false,
  },
});
