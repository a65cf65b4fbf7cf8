import { describe, expect, it } from 'vitest';
import { budgetTable, budgetYearTable, missingColumnNotes, yearVariancePairs } from '../../../electron/core/domain/budget';
import type { Budget } from '../../../electron/core/store/schema';
import { ids, kr, planBudget } from '../../fixtures/budget/plan-budget';

function withColumns(extra: Budget['columns']): Budget {
  const budget = planBudget();
  return { ...budget, columns: [...budget.columns, ...extra] };
}

describe('a year of the budget, like with like', () => {
  it('shows last year’s outcome as a reference and the year’s budget, outcome and forecast, empty where not entered', () => {
    const year = budgetYearTable(budgetTable(planBudget()), 2022);
    expect(year.columns.map((c) => [c.label, c.missing ?? false, c.reference ?? false])).toEqual([
      ['Utfall 2021 (jämförelse)', false, true],
      ['Budget 2022', false, false],
      ['Utfall 2022 (ej inlagt)', true, false],
      ['Prognos 2022 (ej inlagd)', true, false],
    ]);
    const result = year.result.cells;
    expect(result.map((c) => c.amountOre)).toEqual([kr(118_471), kr(96_817), 0, 0]);
    expect(result.map((c) => c.entered)).toEqual([true, true, false, false]);
    expect(missingColumnNotes(year.columns)).toEqual([
      'Utfall 2022 är inte inlagt ännu; kolumnen är tom tills den förs in.',
      'Prognos 2022 är inte inlagd ännu; kolumnen är tom tills den förs in.',
    ]);
  });

  it('gives 2023 its own columns, not 2021 and 2022, and keeps only the warnings of the columns shown', () => {
    const full = budgetTable(planBudget());
    expect(full.warnings.length).toBeGreaterThan(0);
    const year = budgetYearTable(full, 2023);
    expect(year.columns.map((c) => c.label)).toEqual([
      'Utfall 2022 (jämförelse, ej inlagt)',
      'Budget 2023 (ej inlagd)',
      'Utfall 2023 (ej inlagt)',
      'Prognos 2023 (ej inlagd)',
    ]);
    expect(year.warnings).toEqual([]);
  });

  it('compares outcome and forecast with the same year’s budget only, never with another year', () => {
    const budget2022 = planBudget().columns.find((c) => c.id === ids.budget2022)!;
    const table = budgetTable(
      withColumns([
        { ...budget2022, id: 'u22', kind: 'utfall', statedTotals: {} },
        { ...budget2022, id: 'p22', kind: 'prognos', statedTotals: {} },
      ]),
    );
    expect(yearVariancePairs(table.columns, 2022)).toEqual([
      { actualColumnId: 'u22', budgetColumnId: ids.budget2022 },
      { actualColumnId: 'p22', budgetColumnId: ids.budget2022 },
    ]);
    // 2021 has an outcome but no budget, and 2023 nothing: no variance, whatever other years hold.
    expect(yearVariancePairs(table.columns, 2021)).toEqual([]);
    expect(yearVariancePairs(table.columns, 2023)).toEqual([]);
    expect(yearVariancePairs(budgetYearTable(budgetTable(planBudget()), 2022).columns, 2022)).toEqual([]);
  });
});
