import { describe, expect, it } from 'vitest';
import {
  addColumn,
  addLine,
  budgetTable,
  columnTotals,
  lineAmount,
  removeLine,
  renameLine,
  setLeafAmount,
  sortColumns,
} from '../../../electron/core/domain/budget';
import type { Budget, BudgetColumn } from '../../../electron/core/store/schema';
import type { BudgetTable } from '../../../electron/contract';
import { ids, kr, planBudget, plain } from '../../fixtures/budget/plan-budget';

const column = (budget: Budget, id: string): BudgetColumn => {
  const c = budget.columns.find((x) => x.id === id);
  if (!c) throw new Error(`no column ${id}`);
  return c;
};

const totalsAt = (table: BudgetTable, columnId: string) => {
  const i = table.columns.findIndex((c) => c.id === columnId);
  const [income, cost] = table.sections;
  return {
    income: income?.total.cells[i]?.amountOre,
    cost: cost?.total.cells[i]?.amountOre,
    result: table.result.cells[i]?.amountOre,
  };
};

/** Nettoomsättning split per service; the parts sum to the plan's figures. */
function withServiceSubLines(): Budget {
  const budget = planBudget();
  budget.lines.push(
    { id: 'sub-bibblix', parentId: ids.net, name: 'Bibblix', kind: 'income', order: 1 },
    { id: 'sub-egil', parentId: ids.net, name: 'EGIL', kind: 'income', order: 2 },
  );
  for (const c of budget.columns) {
    const net = c.amounts[ids.net] ?? 0;
    delete c.amounts[ids.net];
    c.amounts['sub-bibblix'] = kr(1_000_000);
    c.amounts['sub-egil'] = net - kr(1_000_000);
  }
  return budget;
}

describe('budget table: totals and result from the lines', () => {
  it('computes the plan’s 2021 outcome and 2022 budget', () => {
    const table = budgetTable(planBudget());
    expect(totalsAt(table, ids.outcome2021)).toEqual({ income: kr(19_166_523), cost: kr(-19_048_052), result: kr(118_471) });
    // The plan prints −21 176 302 and 96 818; its own lines sum to one krona more cost.
    expect(totalsAt(table, ids.budget2022)).toEqual({ income: kr(21_273_120), cost: kr(-21_176_303), result: kr(96_817) });
  });

  it('keeps columnTotals and lineAmount (used by the overview) in step with the table', () => {
    const budget = withServiceSubLines();
    const c2022 = column(budget, ids.budget2022);
    expect(columnTotals(budget, c2022)).toEqual({ incomeOre: kr(21_273_120), costOre: kr(-21_176_303), resultOre: kr(96_817) });
    expect(lineAmount(budget.lines, c2022, ids.net)).toBe(kr(17_873_120));
    expect(lineAmount(budget.lines, c2022, 'sub-bibblix')).toBe(kr(1_000_000));
  });

  it('lays out sections, rows, labels and cells in column order', () => {
    const table = budgetTable(planBudget());
    expect(table.columns.map((c) => c.label)).toEqual(['Utfall 2021', 'Budget 2022']);
    expect(table.sections.map((s) => s.label)).toEqual(['Intäkter', 'Kostnader']);
    expect(table.sections[0]?.rows.map((r) => r.name)).toEqual(['Medlemsavgifter', 'Nettoomsättning', 'Övriga intäkter']);
    expect(table.sections[1]?.rows.map((r) => r.name)).toEqual(['Övriga externa kostnader', 'Personalkostnader']);
    expect(table.sections.map((s) => s.total.label)).toEqual(['Summa intäkter', 'Summa kostnader']);
    expect(table.result.label).toBe('Verksamhetsresultat');
    const staff = table.sections[1]?.rows[1];
    expect(staff?.cells.map((c) => c.amountOre)).toEqual([kr(-3_099_061), kr(-3_715_589)]);
    expect(staff?.cells.every((c) => c.entered && !c.unusualSign)).toBe(true);
    expect(table.sections[0]?.rows[0]?.registerSource).toBe('membership-fees');
  });

  it('sums sub-lines into their parent and shows them under it', () => {
    const table = budgetTable(withServiceSubLines());
    const rows = table.sections[0]?.rows ?? [];
    expect(rows.map((r) => [r.name, r.depth, r.isLeaf])).toEqual([
      ['Medlemsavgifter', 0, true],
      ['Nettoomsättning', 0, false],
      ['Bibblix', 1, true],
      ['EGIL', 1, true],
      ['Övriga intäkter', 0, true],
    ]);
    expect(rows[1]?.cells.map((c) => c.amountOre)).toEqual([kr(15_993_973), kr(17_873_120)]);
    expect(rows[3]?.cells.map((c) => c.amountOre)).toEqual([kr(14_993_973), kr(16_873_120)]);
    expect(rows[2]?.parentId).toBe(ids.net);
    expect(totalsAt(table, ids.outcome2021).result).toBe(kr(118_471));
  });

  it('ignores (and reports) a parent’s own amount once it has sub-lines', () => {
    const budget = withServiceSubLines();
    column(budget, ids.outcome2021).amounts[ids.net] = kr(99_999_999);
    const table = budgetTable(budget);
    expect(totalsAt(table, ids.outcome2021).income).toBe(kr(19_166_523));
    const warning = table.warnings.find((w) => w.kind === 'ignored-parent-amount');
    expect(warning).toMatchObject({ lineId: ids.net, columnId: ids.outcome2021, ignoredOre: kr(99_999_999) });
    expect(plain(warning?.message ?? '')).toBe(
      'Nettoomsättning, Utfall 2021: raden har underrader, så dess eget belopp 99 999 999 kr räknas inte. Summan av underraderna gäller.',
    );
  });

  it('counts a line whose parent is gone as a line of the statement', () => {
    const budget = planBudget();
    budget.lines.push({ id: 'orphan', parentId: 'gone', name: 'Bidrag', kind: 'income', order: 9 });
    column(budget, ids.outcome2021).amounts.orphan = kr(1_000);
    const table = budgetTable(budget);
    expect(table.sections[0]?.rows.at(-1)?.name).toBe('Bidrag');
    expect(totalsAt(table, ids.outcome2021).income).toBe(kr(19_167_523));
  });

  it('survives a parent loop in hand-edited data', () => {
    const budget = planBudget();
    budget.lines.push(
      { id: 'a', parentId: 'b', name: 'A', kind: 'income', order: 1 },
      { id: 'b', parentId: 'a', name: 'B', kind: 'income', order: 2 },
    );
    expect(totalsAt(budgetTable(budget), ids.outcome2021).income).toBe(kr(19_166_523));
    expect(lineAmount(budget.lines, column(budget, ids.outcome2021), 'a')).toBe(0);
  });

  it('marks empty leaves (count as 0) and unusual signs', () => {
    const budget = planBudget();
    const c = column(budget, ids.budget2022);
    delete c.amounts[ids.otherIncome];
    c.amounts[ids.staff] = kr(3_715_589);
    const table = budgetTable(budget);
    const other = table.sections[0]?.rows[2]?.cells[1];
    expect(other).toMatchObject({ amountOre: 0, entered: false });
    expect(table.sections[1]?.rows[1]?.cells[1]?.unusualSign).toBe(true);
    expect(table.sections[1]?.rows[1]?.cells[0]?.unusualSign).toBeUndefined();
  });

  it('sorts columns by year, then utfall, budget, prognos', () => {
    const make = (id: string, year: number, kind: BudgetColumn['kind']): BudgetColumn => ({ id, year, kind, amounts: {}, statedTotals: {} });
    const sorted = sortColumns([make('p22', 2022, 'prognos'), make('b22', 2022, 'budget'), make('u23', 2023, 'utfall'), make('u22', 2022, 'utfall'), make('b21', 2021, 'budget')]);
    expect(sorted.map((c) => c.id)).toEqual(['b21', 'u22', 'b22', 'p22', 'u23']);
    const budget = planBudget();
    budget.columns.unshift(make('p22', 2022, 'prognos'));
    expect(budgetTable(budget).columns.map((c) => c.label)).toEqual(['Utfall 2021', 'Budget 2022', 'Prognos 2022']);
  });
});

describe('budget table: stated totals', () => {
  it('does not flag stated totals that match (2021)', () => {
    const table = budgetTable(planBudget());
    expect(table.warnings.filter((w) => w.columnId === ids.outcome2021)).toEqual([]);
    const cell = table.result.cells[0];
    expect(cell?.stated).toEqual({ statedOre: kr(118_471), differenceOre: 0, differs: false });
  });

  it('flags the plan’s 2022 cost sum and result, carrying both figures', () => {
    const table = budgetTable(planBudget());
    const flagged = table.warnings.filter((w) => w.kind === 'stated-total');
    expect(flagged.map((w) => w.kind === 'stated-total' && [w.key, w.computedOre, w.statedOre, w.differenceOre])).toEqual([
      ['sum-cost', kr(-21_176_303), kr(-21_176_302), kr(-1)],
      ['result', kr(96_817), kr(96_818), kr(-1)],
    ]);
    expect(table.result.cells[1]).toMatchObject({ amountOre: kr(96_817), stated: { statedOre: kr(96_818), differs: true } });
    expect(table.sections[0]?.total.cells[1]?.stated?.differs).toBe(false);
    expect(plain(flagged[1]?.message ?? '')).toBe(
      'Verksamhetsresultat, Budget 2022: uträknat 96 817 kr, men underlaget anger 96 818 kr (skillnad −1 kr).',
    );
  });

  it('compares a stated figure keyed by a line id with that line', () => {
    const budget = withServiceSubLines();
    column(budget, ids.outcome2021).statedTotals[ids.net] = kr(15_993_973);
    column(budget, ids.budget2022).statedTotals[ids.net] = kr(17_000_000);
    const table = budgetTable(budget);
    const net = table.sections[0]?.rows[1];
    expect(net?.cells[0]?.stated?.differs).toBe(false);
    expect(net?.cells[1]?.stated).toEqual({ statedOre: kr(17_000_000), differenceOre: kr(873_120), differs: true });
    expect(table.warnings.some((w) => w.kind === 'stated-total' && w.key === ids.net && w.columnId === ids.budget2022 && w.label === 'Nettoomsättning')).toBe(true);
    expect(table.warnings.some((w) => w.kind === 'stated-total' && w.key === ids.net && w.columnId === ids.outcome2021)).toBe(false);
  });

  it('ignores a stated key that names nothing', () => {
    const budget = planBudget();
    column(budget, ids.outcome2021).statedTotals['no-such-line'] = kr(1);
    expect(budgetTable(budget).warnings.filter((w) => w.columnId === ids.outcome2021)).toEqual([]);
  });
});

describe('budget changes (pure, on a plain budget)', () => {
  it('moves a line’s amounts into its first sub-line, so no total changes', () => {
    const budget = planBudget();
    const before = budgetTable(budget);
    const first = addLine(budget, { id: 'sub-1', name: '  Bibblix ', parentId: ids.net });
    expect(first).toMatchObject({ movedAmounts: true, line: { name: 'Bibblix', kind: 'income', parentId: ids.net, order: 1 } });
    expect(column(budget, ids.budget2022).amounts).not.toHaveProperty(ids.net);
    expect(column(budget, ids.budget2022).amounts['sub-1']).toBe(kr(17_873_120));
    const second = addLine(budget, { id: 'sub-2', name: 'EGIL', parentId: ids.net });
    expect(second.movedAmounts).toBe(false);
    expect(column(budget, ids.budget2022).amounts['sub-2']).toBeUndefined();
    const after = budgetTable(budget);
    expect(after.result).toEqual(before.result);
    expect(after.sections.map((s) => s.total)).toEqual(before.sections.map((s) => s.total));
  });

  it('gives the last sub-line’s amounts back to the parent; other removals drop their amounts', () => {
    const budget = withServiceSubLines();
    removeLine(budget, 'sub-bibblix');
    expect(lineAmount(budget.lines, column(budget, ids.budget2022), ids.net)).toBe(kr(16_873_120));
    const removed = removeLine(budget, 'sub-egil');
    expect(removed.foldedBack).toBe(true);
    expect(column(budget, ids.budget2022).amounts[ids.net]).toBe(kr(16_873_120));
    expect(budget.lines.some((l) => l.parentId === ids.net)).toBe(false);
  });

  it('removes a line with its sub-lines, amounts and stated figures', () => {
    const budget = withServiceSubLines();
    column(budget, ids.budget2022).statedTotals['sub-egil'] = kr(1);
    const { snapshot } = removeLine(budget, ids.net);
    expect(budget.lines.map((l) => l.id)).toEqual([ids.members, ids.otherIncome, ids.external, ids.staff]);
    expect(Object.keys(column(budget, ids.budget2022).amounts)).not.toContain('sub-egil');
    expect(column(budget, ids.budget2022).statedTotals).not.toHaveProperty('sub-egil');
    expect(snapshot.lines).toHaveLength(3);
    expect(snapshot.amounts[ids.budget2022]?.['sub-egil']).toBe(kr(16_873_120));
  });

  it('refuses amounts on a line with sub-lines, duplicates and kind mismatches', () => {
    const budget = withServiceSubLines();
    expect(() => setLeafAmount(budget, ids.budget2022, ids.net, 1)).toThrow(/^Budgetrad: ”Nettoomsättning” har underrader/);
    expect(() => addLine(budget, { id: 'x', name: 'egil', parentId: ids.net })).toThrow(/^Namn: Det finns redan en rad som heter ”EGIL”/);
    expect(() => addLine(budget, { id: 'x', name: 'Annat', parentId: ids.net, kind: 'cost' })).toThrow(/^Typ: .*\(intäkt\)/);
    expect(() => addLine(budget, { id: 'x', name: 'Bidrag' })).toThrow(/^Typ: Välj om raden är en intäkt eller en kostnad/);
    expect(() => addLine(budget, { id: 'x', name: 'Avgifter', kind: 'income', registerSource: 'membership-fees' })).toThrow(/^Registerkälla: Raden ”Medlemsavgifter”/);
    expect(() => renameLine(budget, 'sub-egil', 'BIBBLIX')).toThrow(/redan en rad/);
    expect(() => addColumn(budget, { id: 'x', year: 2022, kind: 'budget' })).toThrow('Det finns redan en kolumn Budget 2022.');
    // Same name at another level is fine.
    expect(addLine(budget, { id: 'y', name: 'EGIL', kind: 'cost' }).line.order).toBe(6);
  });
});
