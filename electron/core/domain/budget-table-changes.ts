/**
 * What differs between two budget tables, and a held table brought up to date with it. A typed amount changes
 * one cell of a line, of the lines above it and of the totals; at thirty times the association the table is
 * 310 lines by 60 columns, so the screen gets the rows that differ and keeps every other row as it holds it
 * (the same object, which is what lets it redraw only those rows).
 */
import type { BudgetCell, BudgetColumnView, BudgetRow, BudgetStated, BudgetTable, BudgetTotalKey, BudgetTotalRow, BudgetWarning } from '../../contract';
import type { Budget, BudgetColumn } from '../store/schema';
import { budgetTable } from './budget';

/** The part of `budget/get-changes`'s `changes` answer that is about the table. */
type BudgetTableDiff = {
  columns: BudgetColumnView[];
  rows: BudgetRow[];
  totals: BudgetTotalRow[];
  result: BudgetTotalRow;
  warnings: BudgetWarning[];
};

function sameStated(a: BudgetStated | undefined, b: BudgetStated | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.statedOre === b.statedOre &&
    a.differenceOre === b.differenceOre &&
    a.differs === b.differs &&
    a.accepted?.by === b.accepted?.by &&
    a.accepted?.at === b.accepted?.at
  );
}

function sameCell(a: BudgetCell | undefined, b: BudgetCell | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.columnId === b.columnId &&
    a.amountOre === b.amountOre &&
    a.entered === b.entered &&
    a.unusualSign === b.unusualSign &&
    sameStated(a.stated, b.stated)
  );
}

function sameCells(a: readonly BudgetCell[], b: readonly BudgetCell[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameCell(a[i], b[i])) return false;
  return true;
}

function sameRow(a: BudgetRow | undefined, b: BudgetRow): boolean {
  if (a === b) return true;
  return (
    a !== undefined &&
    a.lineId === b.lineId &&
    a.parentId === b.parentId &&
    a.name === b.name &&
    a.kind === b.kind &&
    a.depth === b.depth &&
    a.isLeaf === b.isLeaf &&
    a.registerSource === b.registerSource &&
    sameCells(a.cells, b.cells)
  );
}

function sameTotal(a: BudgetTotalRow | undefined, b: BudgetTotalRow): boolean {
  return a === b || (a !== undefined && a.key === b.key && a.label === b.label && sameCells(a.cells, b.cells));
}

function sameColumns(a: readonly BudgetColumnView[], b: readonly BudgetColumnView[]): boolean {
  return (
    a.length === b.length &&
    a.every((c, i) => {
      const d = b[i];
      return d !== undefined && c.id === d.id && c.year === d.year && c.kind === d.kind && c.label === d.label && c.missing === d.missing && c.reference === d.reference;
    })
  );
}

/** The same columns, and in each section the same lines in the same order: the tables differ at most in cells and names. */
function sameShape(held: BudgetTable, next: BudgetTable): boolean {
  return (
    sameColumns(held.columns, next.columns) &&
    held.sections.length === next.sections.length &&
    next.sections.every((section, i) => {
      const before = held.sections[i];
      return (
        before !== undefined &&
        before.kind === section.kind &&
        before.label === section.label &&
        before.rows.length === section.rows.length &&
        section.rows.every((row, j) => before.rows[j]?.lineId === row.lineId)
      );
    })
  );
}

/**
 * The rows of `next` that differ from `held`, with its columns, totals, result and warnings; undefined when the
 * columns or the lines themselves differ (the caller sends the whole table).
 */
export function budgetTableChanges(held: BudgetTable, next: BudgetTable): BudgetTableDiff | undefined {
  if (!sameShape(held, next)) return undefined;
  const rows = next.sections.flatMap((section, i) => section.rows.filter((row, j) => !sameRow(held.sections[i]?.rows[j], row)));
  return { columns: next.columns, rows, totals: next.sections.map((s) => s.total), result: next.result, warnings: next.warnings };
}

/**
 * `held` brought up to date with `diff`: the changed rows replace those with their line ids, and every row,
 * total and list that did not change stays the object `held` has. Undefined when the diff does not fit the
 * table held (a row or a section it does not have); the caller then asks for the whole table.
 */
export function applyBudgetTableChanges(held: BudgetTable, diff: BudgetTableDiff): BudgetTable | undefined {
  if (diff.totals.length !== held.sections.length || !sameColumns(held.columns, diff.columns)) return undefined;
  const changed = new Map(diff.rows.map((row) => [row.lineId, row]));
  let applied = 0;
  const sections = held.sections.map((section, i) => {
    const total = diff.totals[i] as BudgetTotalRow;
    let rowsChanged = false;
    const rows = section.rows.map((row) => {
      const next = changed.get(row.lineId);
      if (!next) return row;
      applied += 1;
      rowsChanged = true;
      return next;
    });
    const keepTotal = sameTotal(section.total, total);
    if (!rowsChanged && keepTotal) return section;
    return { ...section, rows: rowsChanged ? rows : section.rows, total: keepTotal ? section.total : total };
  });
  if (applied !== changed.size) return undefined;
  const result = sameTotal(held.result, diff.result) ? held.result : diff.result;
  const warnings = JSON.stringify(held.warnings) === JSON.stringify(diff.warnings) ? held.warnings : diff.warnings;
  return { columns: held.columns, sections, result, warnings };
}

// ---------------------------------------------------------------- the new table from the one before

/** Beyond this many changed columns, computing the whole table is as quick. */
const MAX_COLUMNS_ALONE = 4;

/**
 * The columns of `next` that differ from `before` in their own figures only (amounts, stated totals, accepted
 * differences): same lines, same columns in the same places with the same year and kind. Undefined when the
 * budgets differ otherwise, or in many columns.
 */
function changedColumns(before: Budget, next: Budget): BudgetColumn[] | undefined {
  if (before.lines !== next.lines || before.columns.length !== next.columns.length) return undefined;
  const changed: BudgetColumn[] = [];
  for (let i = 0; i < next.columns.length; i++) {
    const a = before.columns[i] as BudgetColumn;
    const b = next.columns[i] as BudgetColumn;
    if (a === b) continue;
    if (a.id !== b.id || a.year !== b.year || a.kind !== b.kind) return undefined;
    changed.push(b);
  }
  return changed.length <= MAX_COLUMNS_ALONE ? changed : undefined;
}

const totalOrder: Record<BudgetTotalKey, number> = { 'sum-income': 0, 'sum-cost': 1, result: 2 };

/**
 * The order `budgetTable` gives its warnings: the lines' in row order (per row, column by column, a stated
 * figure before an ignored amount of a parent), then the totals' (sums, then the result), column by column.
 */
function warningOrder(table: BudgetTable): (w: BudgetWarning) => number[] {
  const rowIndex = new Map<string, number>();
  for (const section of table.sections) for (const row of section.rows) rowIndex.set(row.lineId, rowIndex.size);
  const columnIndex = new Map(table.columns.map((c, i) => [c.id, i]));
  return (w) => {
    const col = columnIndex.get(w.columnId) ?? -1;
    if (w.kind === 'ignored-parent-amount') return [0, rowIndex.get(w.lineId) ?? -1, col, 1];
    const total = totalOrder[w.key as BudgetTotalKey];
    return total !== undefined && !rowIndex.has(w.key) ? [1, total, col, 0] : [0, rowIndex.get(w.key) ?? -1, col, 0];
  };
}

function byKey(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** `table` with the column `one` was computed for (a table of that column alone) in its place; undefined if they do not match. */
function withColumn(table: BudgetTable, one: BudgetTable): BudgetTable | undefined {
  const column = one.columns[0];
  const at = column ? table.columns.findIndex((c) => c.id === column.id) : -1;
  if (!column || at < 0 || one.sections.length !== table.sections.length) return undefined;
  const place = <R extends { cells: BudgetCell[] }>(row: R, cell: BudgetCell | undefined): R | undefined => {
    if (!cell) return undefined;
    if (sameCell(row.cells[at], cell)) return row;
    const cells = row.cells.slice();
    cells[at] = cell;
    return { ...row, cells };
  };
  const sections = [];
  for (let s = 0; s < table.sections.length; s++) {
    const section = table.sections[s] as BudgetTable['sections'][number];
    const alone = one.sections[s];
    if (!alone || alone.rows.length !== section.rows.length) return undefined;
    const rows: BudgetRow[] = [];
    for (let r = 0; r < section.rows.length; r++) {
      const row = section.rows[r] as BudgetRow;
      const other = alone.rows[r];
      if (!other || other.lineId !== row.lineId) return undefined;
      const placed = place(row, other.cells[0]);
      if (!placed) return undefined;
      rows.push(placed);
    }
    const total = place(section.total, alone.total.cells[0]);
    if (!total) return undefined;
    const same = total === section.total && rows.every((row, r) => row === section.rows[r]);
    sections.push(same ? section : { ...section, rows, total });
  }
  const result = place(table.result, one.result.cells[0]);
  if (!result) return undefined;
  const order = warningOrder(table);
  const warnings = [...table.warnings.filter((w) => w.columnId !== column.id), ...one.warnings].sort((a, b) => byKey(order(a), order(b)));
  return { columns: table.columns, sections, result, warnings };
}

/**
 * The table of `budget`. Where it differs from the budget `before` was computed for only in a few columns'
 * own figures (an amount typed, a difference accepted), each of those columns is computed alone and put in the
 * table before, every other row and cell kept; otherwise the whole table is computed. Equal to
 * `budgetTable(budget)` either way (the property test holds them together).
 */
export function budgetTableAfter(before: { budget: Budget; table: BudgetTable } | undefined, budget: Budget): BudgetTable {
  const changed = before && changedColumns(before.budget, budget);
  if (!before || !changed) return budgetTable(budget);
  let table: BudgetTable | undefined = before.table;
  for (const column of changed) {
    table = table && withColumn(table, budgetTable({ lines: budget.lines, columns: [column] }));
  }
  return table ?? budgetTable(budget);
}
