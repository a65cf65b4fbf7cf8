/**
 * The pack's budget section works out the table from the columns of the meeting's year and the year before
 * only; the year's table is the same as from the whole budget, for every year of a register with several.
 */
import { describe, expect, it } from 'vitest';
import { budgetOfYear } from '../../../electron/core/domain/board-pack';
import { budgetTable, budgetYearTable } from '../../../electron/core/domain/budget';
import { generateDemoDocument } from '../../../tools/demo/demo-document';
import { readDemoBase } from '../../../scripts/demo-data';
import { loadDefaultDocument } from '../../support/memory-document';

describe('the board pack’s budget of one year', () => {
  const demo = generateDemoDocument({ scale: 3, seed: 'pack-budget', base: readDemoBase() });
  const years = [...new Set(demo.budget.columns.map((c) => c.year))].sort();

  it('has several years to choose from in the demo register', () => {
    expect(years.length).toBeGreaterThanOrEqual(3);
  });

  it.each([...years, (years[0] ?? 2022) - 1, (years[years.length - 1] ?? 2022) + 1])('gives the year’s table of the whole budget for %i', (year) => {
    const whole = budgetYearTable(budgetTable(demo.budget), year);
    expect(budgetYearTable(budgetTable(budgetOfYear(demo.budget, year)), year)).toEqual(whole);
  });

  it('keeps the default register’s stated totals and their warnings', () => {
    const doc = loadDefaultDocument();
    for (const year of [2021, 2022]) {
      const whole = budgetYearTable(budgetTable(doc.budget), year);
      expect(budgetYearTable(budgetTable(budgetOfYear(doc.budget, year)), year)).toEqual(whole);
    }
    expect(budgetYearTable(budgetTable(doc.budget), 2022).warnings.length + budgetYearTable(budgetTable(doc.budget), 2021).warnings.length).toBeGreaterThan(0);
  });
});
