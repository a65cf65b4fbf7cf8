import { describe, expect, it } from 'vitest';
import { formatOre, formatOreSigned } from '../../../../electron/core/domain/amounts';
import { budgetTable } from '../../../../electron/core/domain/budget';
import { axisWidthPx } from '../../../../electron/core/domain/budget-charts';
import { registerComparison } from '../../../../electron/core/handlers/budget.handlers';
import { defaultRegisterYear, registerVm, registerYears } from '../../../../renderer/features/budget/budget-register.view-model';
import { ids, planBudget, planDocument } from '../../../fixtures/budget/plan-budget';

describe('registerVm', () => {
  const doc = planDocument();
  const table = budgetTable(doc.budget);
  const comparison = registerComparison(doc, 2022);
  const vm = registerVm(comparison, table);

  it('shows the register figure, the year’s budget and the difference, with the core’s sentences', () => {
    const [members, services] = vm.cards;
    const row = comparison.rows[0]!;
    expect(members?.title).toBe('Medlemsavgifter');
    expect(members?.figures).toEqual([
      { key: 'register', term: 'Enligt registret', value: formatOre(row.registerOre), strong: true },
      { key: 'budget', term: 'Budget 2022', value: formatOre(row.budget!.amountOre), strong: false },
      { key: 'budget-difference', term: 'Registret mot budget 2022', value: formatOreSigned(row.budget!.differenceOre), strong: false },
    ]);
    expect(members?.explanation).toBe(row.explanation);
    expect(members?.reasons).toEqual(row.reasons);
    expect(services?.linked).toBe(true);
  });

  it('charts the register against only the columns the year has, on the core’s axis', () => {
    expect(vm.chart.series.map((s) => s.label)).toEqual(['Registret', 'Budget 2022']);
    expect(vm.chart.data.map((d) => [d.label, d.s0, d.s1])).toEqual(comparison.rows.map((r) => [r.label, r.registerOre, r.budget?.amountOre]));
    expect(vm.chart.axisWidth).toBe(axisWidthPx(vm.chart.axis.widthChars, 12));
    expect(vm.chart.table.headers).toEqual(['Rad', 'Registret', 'Budget 2022']);
    expect(vm.chart.table.rows[1]?.cells).toEqual([formatOre(comparison.rows[1]!.registerOre), formatOre(comparison.rows[1]!.budget!.amountOre)]);
  });

  it('shows the outcome for a year that has one', () => {
    const y2021 = registerVm(registerComparison(doc, 2021), table);
    expect(y2021.cards[0]?.figures.map((f) => f.term)).toEqual(['Enligt registret', 'Utfall 2021', 'Registret mot utfall 2021']);
    expect(y2021.chart.series.map((s) => s.label)).toEqual(['Registret', 'Utfall 2021']);
  });
});

describe('the year compared with the register', () => {
  it('offers the years with columns and starts at the latest budget', () => {
    const table = budgetTable(planBudget());
    expect(registerYears(table)).toEqual([2021, 2022]);
    expect(defaultRegisterYear(table, 2030)).toBe(2022);
    const outcomes = planBudget();
    outcomes.columns = outcomes.columns.filter((c) => c.id === ids.outcome2021);
    expect(defaultRegisterYear(budgetTable(outcomes), 2030)).toBe(2021);
    expect(defaultRegisterYear(budgetTable({ lines: [], columns: [] }), 2030)).toBe(2030);
  });
});
