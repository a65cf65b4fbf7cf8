/** Row models are reused for the rows an edit did not change, so the grid draws only the changed rows again. */
import { describe, expect, it } from 'vitest';
import { addLine, budgetTable, setLeafAmount } from '../../../../electron/core/domain/budget';
import { applyBudgetTableChanges, budgetTableChanges } from '../../../../electron/core/domain/budget-table-changes';
import type { BudgetTable } from '../../../../electron/contract';
import { budgetTableVm, type LineRowVm } from '../../../../renderer/features/budget/budget-table.view-model';
import { ids, kr, planBudget } from '../../../fixtures/budget/plan-budget';

function split() {
  const budget = planBudget();
  addLine(budget, { id: 'sub-bibblix', name: 'Bibblix', parentId: ids.net });
  addLine(budget, { id: 'sub-egil', name: 'EGIL', parentId: ids.net });
  return budget;
}

const byKey = (vm: ReturnType<typeof budgetTableVm>) => new Map(vm.rows.map((r) => [r.key, r]));

describe('budget table models kept per row', () => {
  it('reuse the model of every row an amount did not change, and make new ones for the changed rows and totals', () => {
    const budget = split();
    const held = budgetTable(structuredClone(budget));
    const before = byKey(budgetTableVm(held));
    setLeafAmount(budget, ids.budget2022, 'sub-egil', kr(5_000));
    const diff = budgetTableChanges(held, budgetTable(budget));
    const next = applyBudgetTableChanges(held, diff as NonNullable<typeof diff>) as BudgetTable;
    const after = byKey(budgetTableVm(next));
    const changed = [...after.entries()].filter(([key, row]) => row !== before.get(key)).map(([key]) => key);
    // The header and section rows are cheap and made anew; every unchanged line keeps its model.
    expect(changed.filter((k) => !k.startsWith('section-') && k !== 'columns').sort()).toEqual(
      ['sub-egil', ids.net, 'total-result', 'total-sum-income'].sort(),
    );
    expect((after.get('sub-egil') as LineRowVm).cells.find((c) => c.columnId === ids.budget2022)?.amountOre).toBe(kr(5_000));
  });

  it('make a new model when a line is folded or unfolded', () => {
    const table = budgetTable(split());
    const open = byKey(budgetTableVm(table));
    const folded = byKey(budgetTableVm(table, new Set([ids.net])));
    expect((folded.get(ids.net) as LineRowVm).expanded).toBe(false);
    expect(folded.get(ids.net)).not.toBe(open.get(ids.net));
    expect(folded.get(ids.staff)).toBe(open.get(ids.staff));
    expect(folded.has('sub-egil')).toBe(false);
  });
});
