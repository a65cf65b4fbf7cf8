/**
 * Applies `usage/get-matrix-changes` to the matrix the screen holds. The answer names the rows that differ;
 * every other row, and every column, total and name that compares equal, stays the very object held, so the
 * grid's memoised rows see the same props and only the rows a toggle touched render again.
 */
import type { UsageMatrixAnswer, UsageMatrixChanges, UsageMatrixColumn } from '../../../electron/contract';

type MatrixChangesOnly = Extract<UsageMatrixChanges, { kind: 'changes' }>;

/** The matrix after the changes, or undefined when they do not follow from the matrix held (fetch it whole). */
export function applyMatrixChanges(held: UsageMatrixAnswer, changes: MatrixChangesOnly): UsageMatrixAnswer | undefined {
  if (changes.since !== held.token) return undefined;
  const byId = new Map(held.rows.map((row) => [row.organisationId, row]));
  for (const row of changes.rows) byId.set(row.organisationId, row);
  const rows = [];
  for (const id of changes.rowIds) {
    const row = byId.get(id);
    if (!row) return undefined;
    rows.push(row);
  }
  const columns = changes.columns.map((column, i) => {
    const before = held.columns[i];
    return before && sameColumn(before, column) ? before : column;
  });
  return {
    token: changes.token,
    date: changes.date,
    columns: sameItems(columns, held.columns) ? held.columns : columns,
    rows: sameItems(rows, held.rows) ? held.rows : rows,
    totals: JSON.stringify(changes.totals) === JSON.stringify(held.totals) ? held.totals : changes.totals,
    viaNames: sameRecord(changes.viaNames, held.viaNames) ? held.viaNames : changes.viaNames,
  };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function sameColumn(a: UsageMatrixColumn, b: UsageMatrixColumn): boolean {
  const keys = Object.keys(a) as (keyof UsageMatrixColumn)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}
