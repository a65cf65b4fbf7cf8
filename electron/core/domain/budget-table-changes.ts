/**
 * What differs between two budget tables, and a held table brought up to date with it. A typed amount changes
 * one cell of a line, of the lines above it and of the totals; at thirty times the association the table is
 * 310 lines by 60 columns, so the screen gets the rows that differ and keeps every other row as it holds it
 * (the same object, which is what lets it redraw only those rows).
 */
import type { BudgetCell, BudgetColumnView, BudgetRow, BudgetStated, BudgetTable, BudgetTotalRow, BudgetWarning } from '../../contract';

/** The part of `budget/get-changes`'s `changes` answer that is about the table. */
export type BudgetTableDiff = {
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
