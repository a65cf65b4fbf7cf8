/** The budgets the budget sheet's tests write, and the sheet built from one. */
import { budgetTable } from '../../../electron/core/domain/budget';
import { addBudgetSheet } from '../../../electron/core/exports/budget-sheet';
import { createWorkbook, toBytes } from '../../../electron/core/exports/workbook-kit';
import type { Budget } from '../../../electron/core/store/schema';

export const kr = (kronor: number) => kronor * 100;

/** The income statement at the end of the 2022 plan: outcome 2021, budget 2022, with the plan's stated totals. */
export function planBudget(): Budget {
  return {
    lines: [
      { id: 'fees', name: 'Medlemsavgifter', kind: 'income', order: 1, registerSource: 'membership-fees' },
      { id: 'net', name: 'Nettoomsättning', kind: 'income', order: 2, registerSource: 'service-revenue' },
      { id: 'other', name: 'Övriga intäkter', kind: 'income', order: 3 },
      { id: 'ext', name: 'Övriga externa kostnader', kind: 'cost', order: 4 },
      { id: 'staff', name: 'Personalkostnader', kind: 'cost', order: 5 },
    ],
    columns: [
      {
        id: 'u2021',
        year: 2021,
        kind: 'utfall',
        amounts: { fees: kr(3_172_048), net: kr(15_993_973), other: kr(502), ext: kr(-15_948_991), staff: kr(-3_099_061) },
        statedTotals: { 'sum-income': kr(19_166_523), 'sum-cost': kr(-19_048_052), result: kr(118_471) },
      },
      {
        id: 'b2022',
        year: 2022,
        kind: 'budget',
        amounts: { fees: kr(3_400_000), net: kr(17_873_120), other: 0, ext: kr(-17_460_714), staff: kr(-3_715_589) },
        statedTotals: { 'sum-income': kr(21_273_120), 'sum-cost': kr(-21_176_302), result: kr(96_818) },
      },
    ],
  };
}

/** The same budget with Nettoomsättning split per service (sub-lines, one of them split again). */
export function budgetWithSubLines(): Budget {
  const budget = planBudget();
  budget.lines.push(
    { id: 'net-bibblix', parentId: 'net', name: 'Bibblix', kind: 'income', order: 1 },
    { id: 'net-egil', parentId: 'net', name: 'EGIL', kind: 'income', order: 2 },
    { id: 'net-egil-drift', parentId: 'net-egil', name: 'EGIL drift', kind: 'income', order: 1 },
    { id: 'net-egil-utv', parentId: 'net-egil', name: 'EGIL utveckling', kind: 'income', order: 2 },
    { id: 'net-rest', parentId: 'net', name: 'Övriga tjänster', kind: 'income', order: 3 },
  );
  const [u, b] = budget.columns;
  if (!u || !b) throw new Error('columns');
  delete u.amounts.net;
  delete b.amounts.net;
  Object.assign(u.amounts, { 'net-bibblix': kr(2_000_000), 'net-egil-drift': kr(5_500_000), 'net-egil-utv': kr(1_493_973), 'net-rest': kr(7_000_000) });
  Object.assign(b.amounts, { 'net-bibblix': kr(2_500_000), 'net-egil-drift': kr(6_000_000), 'net-egil-utv': kr(2_373_120), 'net-rest': kr(7_000_000) });
  return budget;
}

const variance = [{ actualColumnId: 'u2021', budgetColumnId: 'b2022' }];

export async function budgetBytes(budget: Budget) {
  const workbook = createWorkbook({ title: 'Budget 2022', subject: 'Resultaträkning', created: new Date(Date.UTC(2022, 5, 30)) });
  const layout = addBudgetSheet(workbook, budgetTable(budget), { year: 2022, variances: variance });
  return { bytes: await toBytes(workbook), layout };
}
