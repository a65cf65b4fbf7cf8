import { describe, expect, it } from 'vitest';
import { formatOre } from '../../../../electron/core/domain/amounts';
import { addLine, budgetTable } from '../../../../electron/core/domain/budget';
import {
  budgetTableVm,
  cellAt,
  clampPos,
  firstCell,
  gridMoveForKey,
  moveInGrid,
  startsTyping,
  type LineRowVm,
  type TotalRowVm,
} from '../../../../renderer/features/budget/budget-table.view-model';
import { ids, kr, planBudget, plain } from '../../../fixtures/budget/plan-budget';

const vmOf = (budget = planBudget(), collapsed: string[] = []) => budgetTableVm(budgetTable(budget), new Set(collapsed));
const lineRow = (vm: ReturnType<typeof vmOf>, id: string) => vm.rows.find((r): r is LineRowVm => r.type === 'line' && r.lineId === id);
const totalRow = (vm: ReturnType<typeof vmOf>, key: string) => vm.rows.find((r): r is TotalRowVm => r.type === 'total' && r.totalKey === key);

/** The plan with Nettoomsättning split into two sub-lines (their amounts made up for the test). */
function withSubLines() {
  const budget = planBudget();
  addLine(budget, { id: 'sub-bibblix', name: 'Bibblix', parentId: ids.net });
  addLine(budget, { id: 'sub-egil', name: 'EGIL', parentId: ids.net });
  const b2022 = budget.columns.find((c) => c.id === ids.budget2022);
  if (!b2022) throw new Error('fixture');
  b2022.amounts['sub-egil'] = kr(1_000);
  return budget;
}

describe('budgetTableVm', () => {
  it('lays out sections, lines and computed totals in the statement’s order', () => {
    const vm = vmOf();
    expect(vm.columns.map((c) => c.label)).toEqual(['Utfall 2021', 'Budget 2022']);
    expect(vm.rows.map((r) => (r.type === 'header' ? '(kolumner)' : r.type === 'line' ? r.name : r.type === 'total' ? r.label : `[${r.label}]`))).toEqual([
      '(kolumner)',
      '[Intäkter]',
      'Medlemsavgifter',
      'Nettoomsättning',
      'Övriga intäkter',
      'Summa intäkter',
      '[Kostnader]',
      'Övriga externa kostnader',
      'Personalkostnader',
      'Summa kostnader',
      'Verksamhetsresultat',
    ]);
    expect(totalRow(vm, 'result')?.emphasis).toBe('result');
    expect(totalRow(vm, 'sum-income')?.emphasis).toBe('sum');
  });

  it('shows every amount with the core’s formatter and totals as computed, never as stated', () => {
    const table = budgetTable(planBudget());
    const vm = budgetTableVm(table);
    const result = totalRow(vm, 'result');
    expect(result?.cells.map((c) => c.text)).toEqual(table.result.cells.map((c) => formatOre(c.amountOre)));
    expect(plain(result?.cells[1]?.text ?? '')).toBe('96 817 kr');
    expect(plain(lineRow(vm, ids.external)?.cells[0]?.text ?? '')).toBe('−15 948 991 kr');
  });

  it('shows a stated total that differs beside the computed one, in words', () => {
    const vm = vmOf();
    const cell = totalRow(vm, 'result')?.cells[1];
    expect(plain(cell?.stated?.label ?? '')).toBe('Underlaget: 96 818 kr');
    expect(plain(cell?.stated?.description ?? '')).toBe('Uträknat 96 817 kr, underlaget anger 96 818 kr (skillnad −1 kr).');
    expect(plain(cell?.ariaLabel ?? '')).toContain('Verksamhetsresultat, Budget 2022: 96 817 kr. Uträknat 96 817 kr, underlaget anger 96 818 kr');
    // The 2021 outcome's stated totals agree with the lines: nothing to flag.
    expect(totalRow(vm, 'result')?.cells[0]?.stated).toBeUndefined();
    expect(vm.warnings).toHaveLength(2);
  });

  it('lets only leaves be typed in, starting the editor from the bare figure', () => {
    const vm = vmOf(withSubLines());
    const net = lineRow(vm, ids.net);
    expect(net?.isLeaf).toBe(false);
    expect(net?.cells.every((c) => !c.editable)).toBe(true);
    expect(totalRow(vm, 'sum-income')?.cells.every((c) => !c.editable)).toBe(true);
    const bibblix = lineRow(vm, 'sub-bibblix');
    expect(bibblix).toMatchObject({ depth: 1, parentId: ids.net, isLeaf: true });
    // The first sub-line took over the line's amounts.
    expect(plain(bibblix?.cells[1]?.editText ?? '')).toBe('17 873 120');
    const egil = lineRow(vm, 'sub-egil');
    expect(egil?.cells[0]).toMatchObject({ text: '', editText: '', entered: false, editable: true });
    expect(plain(net?.cells[1]?.text ?? '')).toBe('17 874 120 kr');
    expect(net?.subLineCount).toBe(2);
  });

  it('hides the sub-lines of a collapsed line and says so on the line', () => {
    const vm = vmOf(withSubLines(), [ids.net]);
    expect(lineRow(vm, 'sub-bibblix')).toBeUndefined();
    expect(lineRow(vm, ids.net)?.expanded).toBe(false);
    expect(lineRow(vmOf(withSubLines()), ids.net)?.expanded).toBe(true);
  });

  it('asks about a cost typed as positive', () => {
    const budget = planBudget();
    const b2022 = budget.columns.find((c) => c.id === ids.budget2022);
    if (!b2022) throw new Error('fixture');
    b2022.amounts[ids.staff] = kr(100);
    expect(lineRow(vmOf(budget), ids.staff)?.cells[1]?.unusualSign).toBe('Positiv kostnad: stämmer tecknet?');
    expect(lineRow(vmOf(budget), ids.staff)?.cells[0]?.unusualSign).toBeUndefined();
  });
});

describe('the keyboard grid', () => {
  const vm = vmOf(withSubLines());

  it('starts on the first amount that can be typed in', () => {
    expect(firstCell(vm)).toEqual({ row: ids.members, col: 1 });
  });

  it('moves with the arrows, skipping section rows in the amount columns but not in the name column', () => {
    expect(moveInGrid(vm, { row: 'total-sum-income', col: 2 }, 'down')).toEqual({ row: ids.external, col: 2 });
    expect(moveInGrid(vm, { row: 'total-sum-income', col: 0 }, 'down')).toEqual({ row: 'section-cost', col: 0 });
    expect(moveInGrid(vm, { row: 'columns', col: 1 }, 'up')).toEqual({ row: 'columns', col: 1 });
    expect(moveInGrid(vm, { row: ids.members, col: 2 }, 'right')).toEqual({ row: ids.members, col: 2 });
    expect(moveInGrid(vm, { row: ids.members, col: 0 }, 'left')).toEqual({ row: ids.members, col: 0 });
    expect(moveInGrid(vm, { row: ids.members, col: 0 }, 'end')).toEqual({ row: ids.members, col: 2 });
    expect(moveInGrid(vm, { row: ids.staff, col: 2 }, 'first')).toEqual({ row: 'columns', col: 0 });
    // The column headers are the grid's first row: up from the first line reaches a column's header.
    expect(moveInGrid(vm, { row: ids.members, col: 2 }, 'up')).toEqual({ row: 'columns', col: 2 });
    expect(moveInGrid(vm, { row: ids.members, col: 1 }, 'last')).toEqual({ row: 'total-result', col: 2 });
  });

  it('moves on with Tab to the next cell that takes typing, past parents and totals, row by row', () => {
    expect(moveInGrid(vm, { row: ids.members, col: 1 }, 'next-editable')).toEqual({ row: ids.members, col: 2 });
    // Nettoomsättning has sub-lines: its cells are sums, so Tab goes on to Bibblix.
    expect(moveInGrid(vm, { row: ids.members, col: 2 }, 'next-editable')).toEqual({ row: 'sub-bibblix', col: 1 });
    expect(moveInGrid(vm, { row: ids.otherIncome, col: 2 }, 'next-editable')).toEqual({ row: ids.external, col: 1 });
    expect(moveInGrid(vm, { row: ids.external, col: 1 }, 'previous-editable')).toEqual({ row: ids.otherIncome, col: 2 });
    expect(moveInGrid(vm, { row: ids.staff, col: 2 }, 'next-editable')).toEqual({ row: ids.staff, col: 2 });
  });

  it('finds the cell under a position, and recovers a position whose row is gone', () => {
    expect(cellAt(vm, { row: ids.members, col: 2 })?.columnId).toBe(ids.budget2022);
    expect(cellAt(vm, { row: ids.members, col: 0 })).toBeUndefined();
    expect(clampPos(vm, { row: 'gone', col: 2 })).toEqual(firstCell(vm));
    expect(clampPos(vm, { row: 'section-cost', col: 2 })).toEqual({ row: 'section-cost', col: 0 });
  });

  it('reads keys as a spreadsheet does', () => {
    const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
      key: k,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      altKey: false,
      ...mods,
    });
    expect(gridMoveForKey(key('ArrowDown'))).toBe('down');
    expect(gridMoveForKey(key('Home', { ctrlKey: true }))).toBe('first');
    expect(gridMoveForKey(key('Tab'))).toBeUndefined();
    for (const k of ['1', '-', '−', ',', '.']) expect(startsTyping(key(k))).toBe(true);
    expect(startsTyping(key('a'))).toBe(false);
    expect(startsTyping(key('1', { ctrlKey: true }))).toBe(false);
  });
});
