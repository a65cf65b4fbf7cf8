/**
 * A budget table brought up to date with the changes between two tables equals the new table computed from
 * scratch, and every row that did not change stays the object the held table has (issue 21: a change
 * recomputes and redraws only what it touches).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BudgetRow, BudgetTable } from '../../../electron/contract';
import { acceptStatedDifference, addColumn, addLine, budgetTable, hasChildren, removeLine, renameLine, setLeafAmount } from '../../../electron/core/domain/budget';
import { applyBudgetTableChanges, budgetTableAfter, budgetTableChanges } from '../../../electron/core/domain/budget-table-changes';
import type { Budget } from '../../../electron/core/store/schema';
import { ids, kr, planBudget } from '../../fixtures/budget/plan-budget';

const allRows = (table: BudgetTable): BudgetRow[] => table.sections.flatMap((s) => s.rows);
const at = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(1, list.length)];

/** The plan's budget grown with sub-lines (some two deep) and a third column, so sums run through parents. */
function grownBudget(shape: readonly { parent: number; column: boolean }[]): Budget {
  const budget = planBudget();
  shape.forEach((step, i) => {
    const parent = at(budget.lines, step.parent);
    addLine(budget, { id: `sub-${i}`, name: `Underrad ${i}`, ...(parent ? { parentId: parent.id } : { kind: 'cost' }) });
    if (step.column && !budget.columns.some((c) => c.year === 2023)) addColumn(budget, { id: 'col-budget-2023', year: 2023, kind: 'budget', copyFromColumnId: ids.budget2022 });
  });
  return budget;
}

type Edit = { kind: 'amount' | 'empty' | 'rename' | 'accept'; pick: number; n: number };

/** An edit that keeps the table's lines and columns (what a typed amount, an accepted difference or a new name do). */
function applyEdit(budget: Budget, edit: Edit): void {
  const leaves = budget.lines.filter((l) => !hasChildren(budget.lines, l.id));
  const line = at(leaves, edit.pick);
  const column = at(budget.columns, edit.n);
  if (!line || !column) return;
  switch (edit.kind) {
    case 'amount':
      setLeafAmount(budget, column.id, line.id, (edit.n % 20_000) * 100 - 1_000_000);
      return;
    case 'empty':
      setLeafAmount(budget, column.id, line.id, undefined);
      return;
    case 'rename':
      renameLine(budget, at(budget.lines, edit.n)?.id ?? line.id, `Namn ${edit.pick}`);
      return;
    case 'accept': {
      const differing = budgetTable(budget).warnings.find((w) => w.kind === 'stated-total' && !w.accepted);
      if (differing?.kind === 'stated-total') acceptStatedDifference(budget, differing.columnId, differing.key, { by: 'anna', at: '2022-05-02T09:30:00.000Z' });
      return;
    }
  }
}

describe('budget table changes', () => {
  it('bring a held table to the new one, keeping every unchanged row, after random edits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ parent: fc.nat(50), column: fc.boolean() }), { maxLength: 8 }),
        fc.array(fc.record({ kind: fc.constantFrom<Edit['kind']>('amount', 'empty', 'rename', 'accept'), pick: fc.nat(1_000), n: fc.nat(100_000) }), {
          minLength: 1,
          maxLength: 6,
        }),
        (shape, edits) => {
          const budget = grownBudget(shape);
          let held = budgetTable(structuredClone(budget));
          for (const edit of edits) {
            applyEdit(budget, edit);
            const next = budgetTable(structuredClone(budget));
            const diff = budgetTableChanges(held, next);
            if (!diff) throw new Error('an edit of cells and names keeps the shape');
            const applied = applyBudgetTableChanges(held, diff);
            expect(applied).toEqual(next);
            const before = new Map(allRows(held).map((r) => [r.lineId, r]));
            for (const row of allRows(applied as BudgetTable)) {
              const old = before.get(row.lineId);
              // A row equal to the one held is that very object; only the rows that differ are sent.
              if (JSON.stringify(old) === JSON.stringify(row)) expect(row).toBe(old);
              else expect(diff.rows).toContainEqual(row);
            }
            expect(diff.rows.length).toBe(allRows(next).filter((r) => JSON.stringify(r) !== JSON.stringify(before.get(r.lineId))).length);
            held = applied as BudgetTable;
          }
        },
      ),
      { numRuns: 200, seed: 21 },
    );
  });

  it('send one leaf, its parents and the totals for a typed amount, and keep the rest', () => {
    const budget = grownBudget([{ parent: 4, column: false }, { parent: 5, column: false }]);
    const held = budgetTable(structuredClone(budget));
    // sub-1 lies under sub-0, which lies under Personalkostnader.
    setLeafAmount(budget, ids.budget2022, 'sub-1', kr(-1_000));
    const next = budgetTable(budget);
    const diff = budgetTableChanges(held, next);
    expect(diff?.rows.map((r) => r.lineId)).toEqual([ids.staff, 'sub-0', 'sub-1']);
    const applied = applyBudgetTableChanges(held, diff as NonNullable<typeof diff>);
    expect(applied?.sections[0]).toBe(held.sections[0]);
    expect(applied?.sections[1]?.total).not.toBe(held.sections[1]?.total);
    expect(applied?.columns).toBe(held.columns);
  });

  it('give no changes when lines or columns were added, removed or moved', () => {
    const budget = planBudget();
    const held = budgetTable(structuredClone(budget));
    const added = structuredClone(budget);
    addLine(added, { id: 'ny', name: 'Ny rad', kind: 'income' });
    expect(budgetTableChanges(held, budgetTable(added))).toBeUndefined();
    const removed = structuredClone(budget);
    removeLine(removed, ids.otherIncome);
    expect(budgetTableChanges(held, budgetTable(removed))).toBeUndefined();
    const column = structuredClone(budget);
    addColumn(column, { id: 'c', year: 2023, kind: 'budget' });
    expect(budgetTableChanges(held, budgetTable(column))).toBeUndefined();
    const moved = structuredClone(budget);
    for (const line of moved.lines) if (line.kind === 'income') line.order = 10 - line.order;
    expect(budgetTableChanges(held, budgetTable(moved))).toBeUndefined();
  });

  it('refuse to apply changes that do not fit the table held', () => {
    const budget = planBudget();
    const held = budgetTable(structuredClone(budget));
    setLeafAmount(budget, ids.budget2022, ids.staff, kr(-1));
    const diff = budgetTableChanges(held, budgetTable(budget));
    if (!diff) throw new Error('expected changes');
    const stranger = { ...(diff.rows[0] as BudgetRow), lineId: 'okand' };
    expect(applyBudgetTableChanges(held, { ...diff, rows: [stranger] })).toBeUndefined();
    expect(applyBudgetTableChanges(held, { ...diff, totals: diff.totals.slice(1) })).toBeUndefined();
    expect(applyBudgetTableChanges(held, { ...diff, columns: diff.columns.slice(1) })).toBeUndefined();
    expect(applyBudgetTableChanges(held, { ...diff, rows: [] })?.sections[1]?.rows).toBe(held.sections[1]?.rows);
  });
});

/** `next` sharing every line list and column `before` has unchanged, as the repository's states do. */
function sharing(before: Budget, next: Budget): Budget {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return {
    lines: same(before.lines, next.lines) ? before.lines : next.lines,
    columns: next.columns.map((c, i) => (same(c, before.columns[i]) ? (before.columns[i] as typeof c) : c)),
  };
}

describe('the table after a change, from the table before', () => {
  it('equals the table computed from scratch after random edits and structural changes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ parent: fc.nat(50), column: fc.boolean() }), { maxLength: 8 }),
        fc.array(
          fc.record({
            kind: fc.constantFrom<Edit['kind'] | 'add-line' | 'add-column' | 'two-columns'>('amount', 'empty', 'rename', 'accept', 'amount', 'add-line', 'add-column', 'two-columns'),
            pick: fc.nat(1_000),
            n: fc.nat(100_000),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (shape, edits) => {
          let before = grownBudget(shape);
          let table = budgetTable(before);
          edits.forEach((edit, i) => {
            const copy = structuredClone(before);
            if (edit.kind === 'add-line') addLine(copy, { id: `ny-${i}`, name: `Ny ${i}`, kind: 'income' });
            else if (edit.kind === 'add-column') {
              if (!copy.columns.some((c) => c.year === 2030 + i)) addColumn(copy, { id: `kol-${i}`, year: 2030 + i, kind: 'prognos' });
            } else if (edit.kind === 'two-columns') {
              applyEdit(copy, { kind: 'amount', pick: edit.pick, n: edit.n });
              applyEdit(copy, { kind: 'amount', pick: edit.pick + 1, n: edit.n + 1 });
            } else applyEdit(copy, { ...edit, kind: edit.kind });
            const next = sharing(before, copy);
            const after = budgetTableAfter({ budget: before, table }, next);
            expect(after).toEqual(budgetTable(structuredClone(next)));
            // Rows the change did not touch are the rows of the table before.
            const old = new Map(allRows(table).map((r) => [r.lineId, r]));
            for (const row of allRows(after)) if (JSON.stringify(row) === JSON.stringify(old.get(row.lineId)) && next.lines === before.lines) expect(row).toBe(old.get(row.lineId));
            before = next;
            table = after;
          });
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  it('computes the whole table without a table before or when the lines changed', () => {
    const budget = planBudget();
    expect(budgetTableAfter(undefined, budget)).toEqual(budgetTable(budget));
    const table = budgetTable(budget);
    const renamed = structuredClone(budget);
    renameLine(renamed, ids.staff, 'Löner');
    const after = budgetTableAfter({ budget, table }, renamed);
    expect(after).toEqual(budgetTable(renamed));
    expect(after.sections[0]).not.toBe(table.sections[0]);
  });
});
