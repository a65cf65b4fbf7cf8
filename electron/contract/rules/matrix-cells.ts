/**
 * A usage matrix row's cells as the matrix channels send them: one string per row instead of an object per cell.
 * At ten times the association's size a matrix holds tens of thousands of cells, and copying an object per cell
 * across the process boundary (structured clone, in the desktop's IPC and the web bridge alike) was the largest
 * part of answering it. The core packs, the screen unpacks only the rows it draws.
 *
 * The form: `column,from,to,source,via` per cell, `;` between cells, where `column` is the cell's column's place
 * in the answer's `columns`, `to` and `via` may be empty, `source` is `d` (the organisation's own record) or `g`
 * (a group's record), and `via` (the group or host) is percent-encoded, so no id can break the form.
 */

/** One filled cell: the use's first (and last) day and how it is reached (see `UsageCell`). */
export type PackedCell = { from: string; to?: string; source: 'direct' | 'group'; viaOrganisationId?: string };

/** The cells of one row, by column place, as one string. */
export function packCells(cells: Iterable<readonly [column: number, cell: PackedCell]>): string {
  const parts: string[] = [];
  for (const [column, cell] of cells) {
    const via = cell.viaOrganisationId === undefined ? '' : encodeURIComponent(cell.viaOrganisationId);
    parts.push(`${column},${cell.from},${cell.to ?? ''},${cell.source === 'group' ? 'g' : 'd'},${via}`);
  }
  return parts.join(';');
}

/** The cells of a packed row by column place. A part that is not in the form is left out. */
export function unpackCells(packed: string): ReadonlyMap<number, PackedCell> {
  const cells = new Map<number, PackedCell>();
  if (packed === '') return cells;
  for (const part of packed.split(';')) {
    const [column = '', from = '', to = '', source = '', via = ''] = part.split(',');
    const at = Number(column);
    if (column === '' || !Number.isInteger(at) || at < 0 || from === '' || (source !== 'd' && source !== 'g')) continue;
    const cell: PackedCell = { from, source: source === 'g' ? 'group' : 'direct' };
    if (to !== '') cell.to = to;
    if (via !== '') {
      try {
        cell.viaOrganisationId = decodeURIComponent(via);
      } catch {
        continue;
      }
    }
    cells.set(at, cell);
  }
  return cells;
}
