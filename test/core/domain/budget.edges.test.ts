/**
 * The budget's arithmetic and edits at their edges, on a small budget with round figures: totals and result,
 * stated figures and accepted differences, moving amounts into and out of sub-lines, columns, and the
 * comparison with the register figures. Amounts are signed öre (costs negative).
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import {
  acceptedText,
  acceptStatedDifference,
  addColumn,
  addLine,
  budgetTable,
  budgetVsRegister,
  budgetYearTable,
  childrenOf,
  columnLabel,
  columnTotals,
  hasChildren,
  lineAmount,
  missingColumnNotes,
  normaliseLineName,
  removeColumn,
  removeLine,
  renameLine,
  rootLines,
  setLeafAmount,
  sortColumns,
  subtreeIds,
  yearVariancePairs,
} from '../../../electron/core/domain/budget';
import type { Budget, BudgetColumn } from '../../../electron/core/store/schema';

const kr = (kronor: number) => kronor * 100;

/** Two income lines (one with two sub-lines), one cost line; a 2022 budget and a 2022 outcome. */
function smallBudget(): Budget {
  return {
    lines: [
      { id: 'fees', name: 'Medlemsavgifter', kind: 'income', order: 1, registerSource: 'membership-fees' },
      { id: 'sales', name: 'Försäljning', kind: 'income', order: 2 },
      { id: 'sales-a', parentId: 'sales', name: 'Tjänst A', kind: 'income', order: 1 },
      { id: 'sales-b', parentId: 'sales', name: 'Tjänst B', kind: 'income', order: 2 },
      { id: 'staff', name: 'Personal', kind: 'cost', order: 3 },
    ],
    columns: [
      { id: 'utfall-2022', year: 2022, kind: 'utfall', amounts: { fees: kr(900), 'sales-a': kr(300), 'sales-b': kr(50), staff: kr(-1_000) }, statedTotals: {} },
      { id: 'budget-2022', year: 2022, kind: 'budget', amounts: { fees: kr(1_000), 'sales-a': kr(200), 'sales-b': kr(100), staff: kr(-1_200) }, statedTotals: {} },
    ],
  } as Budget;
}

const col = (budget: Budget, id: string): BudgetColumn => {
  const c = budget.columns.find((x) => x.id === id);
  if (!c) throw new Error(`no column ${id}`);
  return c;
};

describe('totals', () => {
  it('adds income, costs and the result from the leaves', () => {
    const b = smallBudget();
    expect(columnTotals(b, col(b, 'budget-2022'))).toEqual({ incomeOre: kr(1_300), costOre: kr(-1_200), resultOre: kr(100) });
    expect(columnTotals(b, col(b, 'utfall-2022'))).toEqual({ incomeOre: kr(1_250), costOre: kr(-1_000), resultOre: kr(250) });
    expect(lineAmount(b.lines, col(b, 'budget-2022'), 'sales')).toBe(kr(300));
    expect(lineAmount(b.lines, col(b, 'budget-2022'), 'nothing')).toBe(0);
  });

  it('gives the table the same totals in each section and the result', () => {
    const table = budgetTable(smallBudget());
    expect(table.columns.map((c) => c.label)).toEqual(['Utfall 2022', 'Budget 2022']);
    const [income, cost] = table.sections;
    expect(income).toMatchObject({ kind: 'income', label: 'Intäkter', total: { key: 'sum-income', label: 'Summa intäkter' } });
    expect(cost).toMatchObject({ kind: 'cost', label: 'Kostnader', total: { key: 'sum-cost', label: 'Summa kostnader' } });
    expect(income?.total.cells.map((c) => c.amountOre)).toEqual([kr(1_250), kr(1_300)]);
    expect(cost?.total.cells.map((c) => c.amountOre)).toEqual([kr(-1_000), kr(-1_200)]);
    expect(table.result).toMatchObject({ key: 'result', label: 'Verksamhetsresultat' });
    expect(table.result.cells.map((c) => [c.amountOre, c.entered])).toEqual([[kr(250), true], [kr(100), true]]);
    expect(income?.rows.map((r) => [r.lineId, r.depth, r.isLeaf, r.parentId])).toEqual([
      ['fees', 0, true, undefined],
      ['sales', 0, false, undefined],
      ['sales-a', 1, true, 'sales'],
      ['sales-b', 1, true, 'sales'],
    ]);
    expect(income?.rows[0]).toMatchObject({ registerSource: 'membership-fees' });
    expect(income?.rows[1]).not.toHaveProperty('registerSource');
    expect(table.warnings).toEqual([]);
  });

  it('marks a cost entered as income and income entered as a cost, leaves only', () => {
    const b = smallBudget();
    col(b, 'budget-2022').amounts.staff = kr(5);
    col(b, 'budget-2022').amounts['sales-a'] = kr(-500);
    const table = budgetTable(b);
    const cell = (lineId: string) => table.sections.flatMap((s) => s.rows).find((r) => r.lineId === lineId)?.cells[1];
    expect(cell('staff')).toMatchObject({ amountOre: kr(5), unusualSign: true });
    expect(cell('sales-a')).toMatchObject({ amountOre: kr(-500), unusualSign: true });
    // The parent sums to -400 kr but is not a leaf: its sign is its sub-lines' business.
    expect(cell('sales')).toMatchObject({ amountOre: kr(-400) });
    expect(cell('sales')).not.toHaveProperty('unusualSign');
    expect(cell('fees')).not.toHaveProperty('unusualSign');
    col(b, 'budget-2022').amounts.staff = 0;
    col(b, 'budget-2022').amounts.fees = 0;
    const zero = budgetTable(b).sections.flatMap((s) => s.rows);
    expect(zero.find((r) => r.lineId === 'staff')?.cells[1]).not.toHaveProperty('unusualSign');
    expect(zero.find((r) => r.lineId === 'fees')?.cells[1]).not.toHaveProperty('unusualSign');
  });

  it('warns, without counting it, about an own amount left on a line with sub-lines, but not about a zero', () => {
    const b = smallBudget();
    col(b, 'budget-2022').amounts.sales = kr(7_777);
    col(b, 'utfall-2022').amounts.sales = 0;
    const table = budgetTable(b);
    expect(table.sections[0]?.total.cells[1]?.amountOre).toBe(kr(1_300));
    expect(table.warnings).toEqual([
      {
        kind: 'ignored-parent-amount',
        columnId: 'budget-2022',
        lineId: 'sales',
        label: 'Försäljning',
        ignoredOre: kr(7_777),
        message: expect.stringMatching(/^Försäljning, Budget 2022: raden har underrader, så dess eget belopp 7\s777\skr räknas inte\. Summan av underraderna gäller\.$/),
      },
    ]);
  });

  it('lists root lines by order, including a line whose parent is gone, and children by order', () => {
    const b = smallBudget();
    b.lines.push({ id: 'orphan', parentId: 'gone', name: 'Föräldralös', kind: 'cost', order: 0 });
    expect(rootLines(b.lines).map((l) => l.id)).toEqual(['orphan', 'fees', 'sales', 'staff']);
    b.lines.push({ id: 'sales-0', parentId: 'sales', name: 'Tjänst 0', kind: 'income', order: 0 });
    expect(childrenOf(b.lines, 'sales').map((l) => l.id)).toEqual(['sales-0', 'sales-a', 'sales-b']);
    expect(hasChildren(b.lines, 'sales')).toBe(true);
    expect(hasChildren(b.lines, 'fees')).toBe(false);
    expect(subtreeIds(b.lines, 'sales')).toEqual(new Set(['sales', 'sales-a', 'sales-b', 'sales-0']));
  });

  it('follows sub-lines several levels down', () => {
    const b = smallBudget();
    b.lines.push({ id: 'a-1', parentId: 'sales-a', name: 'Del 1', kind: 'income', order: 1 }, { id: 'a-1-x', parentId: 'a-1', name: 'Del x', kind: 'income', order: 1 });
    col(b, 'budget-2022').amounts['a-1-x'] = kr(40);
    expect(lineAmount(b.lines, col(b, 'budget-2022'), 'sales')).toBe(kr(140));
    expect(subtreeIds(b.lines, 'sales')).toEqual(new Set(['sales', 'sales-a', 'sales-b', 'a-1', 'a-1-x']));
    expect(budgetTable(b).sections[0]?.rows.map((r) => [r.lineId, r.depth])).toEqual([
      ['fees', 0],
      ['sales', 0],
      ['sales-a', 1],
      ['a-1', 2],
      ['a-1-x', 3],
      ['sales-b', 1],
    ]);
  });

  it('sorts columns by year, then outcome, budget and forecast, and labels them', () => {
    const cols = [
      { year: 2023, kind: 'budget' as const },
      { year: 2022, kind: 'prognos' as const },
      { year: 2022, kind: 'budget' as const },
      { year: 2022, kind: 'utfall' as const },
      { year: 2021, kind: 'prognos' as const },
    ];
    expect(sortColumns(cols).map(columnLabel)).toEqual(['Prognos 2021', 'Utfall 2022', 'Budget 2022', 'Prognos 2022', 'Budget 2023']);
  });
});

describe('stated figures and accepted differences', () => {
  it('compares stated totals and line figures with the computed ones, and flags only a difference', () => {
    const b = smallBudget();
    Object.assign(col(b, 'budget-2022').statedTotals, { 'sum-income': kr(1_300), 'sum-cost': kr(-1_150), result: kr(100), sales: kr(290) });
    const table = budgetTable(b);
    expect(table.sections[0]?.total.cells[1]?.stated).toEqual({ statedOre: kr(1_300), differenceOre: 0, differs: false });
    expect(table.sections[1]?.total.cells[1]?.stated).toEqual({ statedOre: kr(-1_150), differenceOre: kr(-50), differs: true });
    expect(table.result.cells[1]?.stated).toEqual({ statedOre: kr(100), differenceOre: 0, differs: false });
    expect(table.sections[0]?.rows[1]?.cells[1]?.stated).toEqual({ statedOre: kr(290), differenceOre: kr(10), differs: true });
    expect(table.result.cells[0]).not.toHaveProperty('stated');
    expect(table.warnings.map((w) => [w.kind, w.kind === 'stated-total' ? w.key : undefined, w.message])).toEqual([
      ['stated-total', 'sales', expect.stringMatching(/^Försäljning, Budget 2022: uträknat 300\skr, men underlaget anger 290\skr \(skillnad \+10\skr\)\.$/)],
      ['stated-total', 'sum-cost', expect.stringMatching(/^Summa kostnader, Budget 2022: uträknat −1\s200\skr, men underlaget anger −1\s150\skr \(skillnad −50\skr\)\.$/)],
    ]);
  });

  it('accepts a difference as it stands, and shows it as accepted until a figure changes', () => {
    const b = smallBudget();
    col(b, 'budget-2022').statedTotals.result = kr(90);
    const accepted = acceptStatedDifference(b, 'budget-2022', 'result', { by: 'anna', at: '2022-05-02T10:00:00.000Z' });
    expect(accepted).toMatchObject({ statedOre: kr(90), computedOre: kr(100), before: undefined });
    expect(col(b, 'budget-2022').acceptedDifferences).toEqual({ result: { statedOre: kr(90), computedOre: kr(100), by: 'anna', at: '2022-05-02T10:00:00.000Z' } });
    const table = budgetTable(b);
    expect(table.result.cells[1]?.stated).toEqual({ statedOre: kr(90), differenceOre: kr(10), differs: true, accepted: { by: 'anna', at: '2022-05-02T10:00:00.000Z' } });
    expect(table.warnings).toHaveLength(1);
    expect(table.warnings[0]).toMatchObject({ accepted: { by: 'anna', at: '2022-05-02T10:00:00.000Z' } });
    expect(table.warnings[0] && 'accepted' in table.warnings[0] ? table.warnings[0].accepted : undefined).toEqual({ by: 'anna', at: '2022-05-02T10:00:00.000Z' });
    expect(table.warnings[0]?.message).toMatch(/\(skillnad \+10\skr\)\. Skillnaden godtogs 2022-05-02 av anna\.$/);

    // A changed computed figure is a new difference nobody has accepted.
    col(b, 'budget-2022').amounts.fees = kr(1_001);
    const changed = budgetTable(b);
    expect(changed.result.cells[1]?.stated).not.toHaveProperty('accepted');
    expect(changed.warnings[0]).not.toHaveProperty('accepted');
    expect(changed.warnings[0]?.message).toMatch(/\(skillnad \+11\skr\)\.$/);
    // So is a changed stated figure.
    col(b, 'budget-2022').amounts.fees = kr(1_000);
    col(b, 'budget-2022').statedTotals.result = kr(80);
    expect(budgetTable(b).result.cells[1]?.stated).not.toHaveProperty('accepted');

    // Accepting again keeps the earlier acceptance as `before`.
    const again = acceptStatedDifference(b, 'budget-2022', 'result', { by: '', at: '2022-06-01T00:00:00.000Z' });
    expect(again.before).toEqual({ statedOre: kr(90), computedOre: kr(100), by: 'anna', at: '2022-05-02T10:00:00.000Z' });
    expect(budgetTable(b).warnings[0]?.message).toMatch(/Skillnaden godtogs 2022-06-01\.$/);
  });

  it('accepts differences of the income and cost sums and of a line, keeping other acceptances', () => {
    const b = smallBudget();
    Object.assign(col(b, 'budget-2022').statedTotals, { 'sum-income': kr(1_000), 'sum-cost': kr(-1_000), sales: kr(1) });
    const by = { by: 'per', at: '2022-01-01T00:00:00.000Z' };
    expect(acceptStatedDifference(b, 'budget-2022', 'sum-income', by)).toMatchObject({ statedOre: kr(1_000), computedOre: kr(1_300) });
    expect(acceptStatedDifference(b, 'budget-2022', 'sum-cost', by)).toMatchObject({ statedOre: kr(-1_000), computedOre: kr(-1_200) });
    expect(acceptStatedDifference(b, 'budget-2022', 'sales', by)).toMatchObject({ statedOre: kr(1), computedOre: kr(300) });
    expect(Object.keys(col(b, 'budget-2022').acceptedDifferences ?? {}).sort()).toEqual(['sales', 'sum-cost', 'sum-income']);
    expect(budgetTable(b).warnings.every((w) => w.kind === 'stated-total' && w.accepted !== undefined)).toBe(true);
  });

  it('refuses to accept what is not a difference, in Swedish', () => {
    const b = smallBudget();
    const by = { by: 'anna', at: '2022-05-02T10:00:00.000Z' };
    col(b, 'budget-2022').statedTotals.result = kr(100);
    col(b, 'budget-2022').statedTotals['no-such-line'] = kr(1);
    expect(() => acceptStatedDifference(b, 'budget-2022', 'result', by)).toThrow(/^Uträknat och underlaget stämmer redan/);
    expect(() => acceptStatedDifference(b, 'budget-2022', 'sum-cost', by)).toThrow('Underlaget anger ingen sådan summa i den här kolumnen.');
    expect(() => acceptStatedDifference(b, 'budget-2022', 'no-such-line', by)).toThrow('Underlaget anger ingen sådan summa i den här kolumnen.');
    expect(() => acceptStatedDifference(b, 'no-column', 'result', by)).toThrow('Kolumnen finns inte (den kan ha tagits bort).');
    expect(col(b, 'budget-2022').acceptedDifferences).toBeUndefined();
  });

  it('shows no acceptance on a figure that agrees, even where imported data records one for it', () => {
    const b = smallBudget();
    const c = col(b, 'budget-2022');
    c.statedTotals.result = kr(100);
    c.acceptedDifferences = { result: { statedOre: kr(100), computedOre: kr(100), by: 'anna', at: '2022-05-02T10:00:00.000Z' } };
    expect(budgetTable(b).result.cells[1]?.stated).toEqual({ statedOre: kr(100), differenceOre: 0, differs: false });
  });

  it('refuses with the codes the screen tells apart: nothing to accept is not-found, no difference is validation', () => {
    const b = smallBudget();
    const by = { by: 'anna', at: '2022-05-02T10:00:00.000Z' };
    col(b, 'budget-2022').statedTotals.result = kr(100);
    expect(() => acceptStatedDifference(b, 'budget-2022', 'sum-cost', by)).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => acceptStatedDifference(b, 'budget-2022', 'result', by)).toThrow(expect.objectContaining({ code: 'validation' }));
  });

  it('keeps in the removal snapshot every removed line and only the amounts that were there, for undo', () => {
    const b = smallBudget();
    const removed = removeLine(b, 'sales');
    expect(removed.line).toStrictEqual({ id: 'sales', name: 'Försäljning', kind: 'income', order: 2 });
    expect(removed.snapshot).toStrictEqual({
      lines: [
        { id: 'sales', name: 'Försäljning', kind: 'income', order: 2 },
        { id: 'sales-a', parentId: 'sales', name: 'Tjänst A', kind: 'income', order: 1 },
        { id: 'sales-b', parentId: 'sales', name: 'Tjänst B', kind: 'income', order: 2 },
      ],
      amounts: { 'utfall-2022': { 'sales-a': kr(300), 'sales-b': kr(50) }, 'budget-2022': { 'sales-a': kr(200), 'sales-b': kr(100) } },
    });
  });

  it('formats who accepted and when', () => {
    expect(acceptedText({ by: 'anna', at: '2022-05-02T10:00:00.000Z' })).toBe('2022-05-02 av anna');
    expect(acceptedText({ by: '', at: '2022-05-02T10:00:00.000Z' })).toBe('2022-05-02');
  });
});

describe('editing lines and columns', () => {
  it('sets and empties a leaf amount, saying what it was', () => {
    const b = smallBudget();
    expect(setLeafAmount(b, 'budget-2022', 'fees', kr(1_100))).toMatchObject({ before: kr(1_000), after: kr(1_100) });
    expect(col(b, 'budget-2022').amounts.fees).toBe(kr(1_100));
    expect(setLeafAmount(b, 'budget-2022', 'fees', undefined)).toMatchObject({ before: kr(1_100), after: undefined });
    expect(col(b, 'budget-2022').amounts).not.toHaveProperty('fees');
    expect(() => setLeafAmount(b, 'budget-2022', 'gone', 1)).toThrow('Budgetraden finns inte (den kan ha tagits bort).');
    expect(() => setLeafAmount(b, 'gone', 'fees', 1)).toThrow(AppError);
  });

  it('adds lines last among their siblings, with the parent’s kind', () => {
    const b = smallBudget();
    expect(addLine(b, { id: 'new', name: 'Bidrag', kind: 'income' }).line).toEqual({ id: 'new', name: 'Bidrag', kind: 'income', order: 4 });
    expect(addLine(b, { id: 'c', name: 'Tjänst C', parentId: 'sales', kind: 'income' })).toMatchObject({ movedAmounts: false, line: { order: 3, kind: 'income', parentId: 'sales' } });
    expect(addLine(b, { id: 'first', name: 'Ny', kind: 'cost' }).line.order).toBe(5);
    expect(() => addLine(b, { id: 'x', name: 'Del', parentId: 'gone' })).toThrow('Budgetraden finns inte (den kan ha tagits bort).');
    expect(() => addLine(b, { id: 'x', name: 'Del', parentId: 'staff', kind: 'income' })).toThrow(/\(kostnad\)/);
    expect(() => addLine(b, { id: 'x', name: '  medlemsavgifter ', kind: 'income' })).toThrow(/”Medlemsavgifter” på samma nivå/);
  });

  it('moves a leaf’s amounts into its first sub-line in every column that has one', () => {
    const b = smallBudget();
    delete col(b, 'utfall-2022').amounts.staff;
    const added = addLine(b, { id: 'staff-1', name: 'Löner', parentId: 'staff' });
    expect(added).toMatchObject({ movedAmounts: true, line: { kind: 'cost', order: 1, parentId: 'staff' } });
    expect(col(b, 'budget-2022').amounts).toMatchObject({ 'staff-1': kr(-1_200) });
    expect(col(b, 'budget-2022').amounts).not.toHaveProperty('staff');
    expect(col(b, 'utfall-2022').amounts).not.toHaveProperty('staff-1');
    expect(columnTotals(b, col(b, 'budget-2022')).costOre).toBe(kr(-1_200));
  });

  it('renames a line to a tidy name, refusing a sibling’s name but allowing a change of case', () => {
    const b = smallBudget();
    expect(renameLine(b, 'sales-a', '  Tjänst   Alfa ')).toMatchObject({ before: 'Tjänst A', line: { name: 'Tjänst Alfa' } });
    expect(renameLine(b, 'sales-a', 'tjänst alfa').line.name).toBe('tjänst alfa');
    expect(() => renameLine(b, 'sales-a', 'TJÄNST B')).toThrow(/”Tjänst B”/);
    expect(renameLine(b, 'sales-a', 'Personal').line.name).toBe('Personal');
    expect(normaliseLineName('  Övriga \t  intäkter  ')).toBe('Övriga intäkter');
  });

  it('gives a parent back the sum of its last sub-line, and empties it where that had no amount', () => {
    const b = smallBudget();
    b.lines.push({ id: 'b-1', parentId: 'sales-b', name: 'Del', kind: 'income', order: 1 });
    col(b, 'budget-2022').amounts['b-1'] = kr(60);
    delete col(b, 'budget-2022').amounts['sales-b'];
    delete col(b, 'utfall-2022').amounts['sales-b'];
    const removed = removeLine(b, 'b-1');
    expect(removed).toMatchObject({ foldedBack: true, parent: { id: 'sales-b' } });
    expect(col(b, 'budget-2022').amounts['sales-b']).toBe(kr(60));
    expect(col(b, 'utfall-2022').amounts).not.toHaveProperty('sales-b');
  });

  it('does not fold back when other sub-lines remain, nor for a line of the statement', () => {
    const b = smallBudget();
    expect(removeLine(b, 'sales-a')).toMatchObject({ foldedBack: false, snapshot: { amounts: { 'utfall-2022': { 'sales-a': kr(300) }, 'budget-2022': { 'sales-a': kr(200) } } } });
    expect(col(b, 'budget-2022').amounts).not.toHaveProperty('sales');
    expect(lineAmount(b.lines, col(b, 'budget-2022'), 'sales')).toBe(kr(100));
    expect(removeLine(b, 'staff')).toMatchObject({ foldedBack: false, parent: undefined });
    expect(columnTotals(b, col(b, 'budget-2022'))).toEqual({ incomeOre: kr(1_100), costOre: 0, resultOre: kr(1_100) });
    expect(() => removeLine(b, 'staff')).toThrow('Budgetraden finns inte (den kan ha tagits bort).');
  });

  it('adds a column for a new year and kind, copying only amounts of lines that exist', () => {
    const b = smallBudget();
    col(b, 'budget-2022').amounts.stale = kr(5);
    col(b, 'budget-2022').statedTotals.result = kr(1);
    const { column, source } = addColumn(b, { id: 'budget-2023', year: 2023, kind: 'budget', copyFromColumnId: 'budget-2022' });
    expect(source?.id).toBe('budget-2022');
    expect(column).toEqual({ id: 'budget-2023', year: 2023, kind: 'budget', amounts: { fees: kr(1_000), 'sales-a': kr(200), 'sales-b': kr(100), staff: kr(-1_200) }, statedTotals: {} });
    expect(b.columns).toHaveLength(3);
    expect(addColumn(b, { id: 'prognos-2022', year: 2022, kind: 'prognos' })).toMatchObject({ column: { amounts: {} }, source: undefined });
    expect(() => addColumn(b, { id: 'x', year: 2024, kind: 'budget', copyFromColumnId: 'gone' })).toThrow('Kolumnen att kopiera från finns inte.');
    expect(() => addColumn(b, { id: 'x', year: 2022, kind: 'utfall' })).toThrow('Det finns redan en kolumn Utfall 2022.');
  });

  it('removes a column and hands back a copy of it', () => {
    const b = smallBudget();
    const removed = removeColumn(b, 'utfall-2022');
    expect(removed).toMatchObject({ id: 'utfall-2022', amounts: { fees: kr(900) } });
    expect(b.columns.map((c) => c.id)).toEqual(['budget-2022']);
    expect(() => removeColumn(b, 'utfall-2022')).toThrow('Kolumnen finns inte (den kan ha tagits bort).');
  });
});

describe('a year’s view and its variances', () => {
  it('shows last year’s outcome, and names what is missing', () => {
    const view = budgetYearTable(budgetTable(smallBudget()), 2022);
    expect(view.columns.map((c) => [c.id, c.label, c.missing ?? false, c.reference ?? false])).toEqual([
      ['saknas-utfall-2021', 'Utfall 2021 (jämförelse, ej inlagt)', true, true],
      ['budget-2022', 'Budget 2022', false, false],
      ['utfall-2022', 'Utfall 2022', false, false],
      ['saknas-prognos-2022', 'Prognos 2022 (ej inlagd)', true, false],
    ]);
    expect(view.result.cells.map((c) => [c.amountOre, c.entered])).toEqual([[0, false], [kr(100), true], [kr(250), true], [0, false]]);
    expect(missingColumnNotes(view.columns)).toEqual([
      'Utfall 2021 är inte inlagt ännu; kolumnen är tom tills den förs in.',
      'Prognos 2022 är inte inlagd ännu; kolumnen är tom tills den förs in.',
    ]);
    expect(yearVariancePairs(view.columns, 2022)).toEqual([{ actualColumnId: 'utfall-2022', budgetColumnId: 'budget-2022' }]);
    expect(yearVariancePairs(view.columns, 2021)).toEqual([]);
  });

  it('labels a present reference column as a reference only, and has no variances without a budget', () => {
    const b = smallBudget();
    b.columns = b.columns.filter((c) => c.kind !== 'budget');
    const view = budgetYearTable(budgetTable(b), 2023);
    expect(view.columns[0]).toMatchObject({ id: 'utfall-2022', label: 'Utfall 2022 (jämförelse)', reference: true });
    expect(view.columns[0]).not.toHaveProperty('missing');
    expect(view.columns[1]).toMatchObject({ label: 'Budget 2023 (ej inlagd)', missing: true });
    expect(view.columns[1]).not.toHaveProperty('reference');
    expect(yearVariancePairs(view.columns, 2023)).toEqual([]);
  });
});

describe('budget against the register', () => {
  it('says how much more or less the register gives than the budget and the outcome', () => {
    const b = smallBudget();
    const cmp = budgetVsRegister({ budget: b }, 2022, { membershipFeesOre: kr(950), serviceRevenueOre: kr(0) });
    expect(cmp).toMatchObject({ year: 2022, budgetColumnId: 'budget-2022', outcomeColumnId: 'utfall-2022' });
    expect(cmp.rows[0]).toMatchObject({
      source: 'membership-fees',
      label: 'Medlemsavgifter',
      lineId: 'fees',
      registerOre: kr(950),
      budget: { columnId: 'budget-2022', amountOre: kr(1_000), differenceOre: kr(-50) },
      outcome: { columnId: 'utfall-2022', amountOre: kr(900), differenceOre: kr(50) },
    });
    expect(cmp.rows[0]?.explanation).toMatch(/^Registret ger 950\skr i medlemsavgifter för 2022, 50\skr mindre än budgeten \(1\s000\skr\) och 50\skr mer än utfallet \(900\skr\)\.$/);
    expect(cmp.rows[1]).toMatchObject({ source: 'service-revenue', label: 'Nettoomsättning', registerOre: 0 });
    expect(cmp.rows[1]).not.toHaveProperty('lineId');
    expect(cmp.rows[1]?.explanation).toMatch(/^Registret ger 0\skr i avgifter för tjänsterna för 2022\. Ingen budgetrad är kopplad till avgifter för tjänsterna, så beloppet kan inte jämföras med budgeten\.$/);
  });

  it('says when the figures agree and which column is missing', () => {
    const b = smallBudget();
    const equal = budgetVsRegister({ budget: b }, 2022, { membershipFeesOre: kr(1_000), serviceRevenueOre: 0 });
    expect(equal.rows[0]?.explanation).toMatch(/lika mycket som budgeten \(1\s000\skr\) och 100\skr mer än utfallet/);
    b.columns = b.columns.filter((c) => c.kind !== 'utfall');
    const noOutcome = budgetVsRegister({ budget: b }, 2022, { membershipFeesOre: kr(1_000), serviceRevenueOre: 0 });
    expect(noOutcome).not.toHaveProperty('outcomeColumnId');
    expect(noOutcome.rows[0]).not.toHaveProperty('outcome');
    expect(noOutcome.rows[0]?.explanation).toMatch(/lika mycket som budgeten \(1\s000\skr\)\. Utfall för 2022 saknas ännu\.$/);
    const none = budgetVsRegister({ budget: b }, 2030, { membershipFeesOre: kr(1), serviceRevenueOre: 0 });
    expect(none).not.toHaveProperty('budgetColumnId');
    expect(none.rows[0]?.explanation).toMatch(/^Registret ger 1\skr i medlemsavgifter för 2030\. Det finns varken budget eller utfall för 2030 att jämföra med\.$/);
    const c = smallBudget();
    c.columns = c.columns.filter((x) => x.kind !== 'budget');
    expect(budgetVsRegister({ budget: c }, 2022, { membershipFeesOre: kr(900), serviceRevenueOre: 0 }).rows[0]?.explanation).toMatch(/lika mycket som utfallet \(900\skr\)\. Budget för 2022 saknas\.$/);
  });
});
