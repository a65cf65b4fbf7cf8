/**
 * Applies `usage/get-matrix-changes` to the matrix the screen holds. The answer carries the rows and columns that
 * differ, and the order of the rows and the via names only when they changed; every other row, column, total and
 * name stays the very object held, so the grid's memoised rows see the same props and only the rows a toggle
 * touched render again.
 */
import type { UsageMatrixAnswer, UsageMatrixAnswerRow, UsageMatrixChanges } from '../../../electron/contract';

type MatrixChangesOnly = Extract<UsageMatrixChanges, { kind: 'changes' }>;

/** The matrix after the changes, or undefined when they do not follow from the matrix held (fetch it whole). */
export function applyMatrixChanges(held: UsageMatrixAnswer, changes: MatrixChangesOnly): UsageMatrixAnswer | undefined {
  if (changes.since !== held.token) return undefined;
  const rows = changedRows(held.rows, changes);
  if (!rows) return undefined;
  let columns = held.columns;
  if (changes.columns.length > 0) {
    columns = [...held.columns];
    for (const { index, column } of changes.columns) {
      // A column's place is the same in every answer that follows another; one that is not there cannot follow.
      if (!Number.isInteger(index) || index < 0 || index >= columns.length || columns[index]?.serviceId !== column.serviceId) return undefined;
      columns[index] = column;
    }
  }
  return {
    token: changes.token,
    date: changes.date,
    columns,
    rows,
    totals: JSON.stringify(changes.totals) === JSON.stringify(held.totals) ? held.totals : changes.totals,
    viaNames: changes.viaNames ?? held.viaNames,
  };
}

function changedRows(held: readonly UsageMatrixAnswerRow[], changes: MatrixChangesOnly): UsageMatrixAnswerRow[] | undefined {
  if (changes.rowIds === undefined) {
    // The same rows in the same order: only the changed ones are replaced.
    if (changes.rows.length === 0) return held as UsageMatrixAnswerRow[];
    const changed = new Map(changes.rows.map((row) => [row.organisationId, row]));
    let replaced = 0;
    const rows = held.map((row) => {
      const next = changed.get(row.organisationId);
      if (!next) return row;
      replaced += 1;
      return next;
    });
    return replaced === changed.size ? rows : undefined;
  }
  const byId = new Map(held.map((row) => [row.organisationId, row]));
  for (const row of changes.rows) byId.set(row.organisationId, row);
  const rows: UsageMatrixAnswerRow[] = [];
  for (const id of changes.rowIds) {
    const row = byId.get(id);
    if (!row) return undefined;
    rows.push(row);
  }
  return rows.length === held.length && rows.every((row, i) => row === held[i]) ? (held as UsageMatrixAnswerRow[]) : rows;
}
