import { defineConfig } from 'vitest/config';

/**
 * The unit tests StrykerJS runs against each mutant of the money and goal logic (stryker.config.json): the domain
 * tests only: the score says how well the logic's own tests pin it, not whether a workbook happens to show a figure.
 */
export default defineConfig({
  test: {
    include: ['test/core/domain/**/*.test.ts'],
    environment: 'node',
  },
});
