/**
 * The income statement as the screen draws it: `budget/get` -> rows of display strings, and the keyboard
 * grid over them. Every figure is the core's (totals included); this module only formats and arranges.
 */
import type { BudgetCell, ChannelInput, BudgetRow, BudgetTable, BudgetTotalKey, BudgetTotalRow } from '../../../electron/contract';
import { formatOre, formatOreSigned } from '../../../electron/core/domain/amounts';
import { acceptedText } from '../../../electron/core/domain/budget';
import { sv } from '../../lib/i18n/sv';

const t = sv.budget;

export type ColumnVm = { id: string; label: string; year: number; kind: string };

export type StatedVm = {
  /** `Underlaget: 96 818 kr`. */
  label: string;
  /** The whole story in one sentence, for the tooltip and screen readers. */
  description: string;
};

export type AmountCellVm = {
  key: string;
  lineId: string;
  columnId: string;
  columnLabel: string;
  /** `1 234 567 kr`, or '' for an empty leaf. */
  text: string;
  /** The figure behind `text` in öre; null when `text` is empty. */
  amountOre: number | null;
  /** What the editor starts with: the bare figure the parser reads back (`−15 948 991`), '' when empty. */
  editText: string;
  editable: boolean;
  entered: boolean;
  negative: boolean;
  /** A Swedish question for a sign that looks wrong (a positive cost), else undefined. */
  unusualSign?: string;
  stated?: StatedVm;
  /** The accessible name of the cell: line, column and figure. */
  ariaLabel: string;
};

/** The column headers, as the grid's first row: keyboard users reach each column's menu there. */
export type HeaderRowVm = { type: 'header'; key: 'columns' };

export type SectionRowVm = { type: 'section'; key: string; kind: 'income' | 'cost'; label: string };

export type LineRowVm = {
  type: 'line';
  key: string;
  lineId: string;
  parentId?: string;
  name: string;
  kind: 'income' | 'cost';
  depth: number;
  isLeaf: boolean;
  expanded: boolean;
  subLineCount: number;
  registerSource: boolean;
  cells: AmountCellVm[];
};

export type TotalRowVm = {
  type: 'total';
  key: string;
  totalKey: BudgetTotalKey;
  label: string;
  /** The result is the bottom line: drawn strongest. */
  emphasis: 'sum' | 'result';
  cells: AmountCellVm[];
};

export type TableRowVm = HeaderRowVm | SectionRowVm | LineRowVm | TotalRowVm;

export type BudgetTableVm = {
  columns: ColumnVm[];
  /** Visible rows in order, the column headers first: a collapsed line hides everything under it. */
  rows: TableRowVm[];
  /** The core's sentences on stated totals and ignored amounts. */
  warnings: string[];
};

function statedVm(cell: BudgetCell): StatedVm | undefined {
  if (!cell.stated?.differs) return undefined;
  const stated = formatOre(cell.stated.statedOre);
  return {
    label: t.statedLabel(stated),
    description:
      t.statedDiffers(formatOre(cell.amountOre), stated, formatOreSigned(cell.stated.differenceOre)) +
      (cell.stated.accepted ? ` ${t.statedAccepted(acceptedText(cell.stated.accepted))}` : ''),
  };
}

function cellVm(
  cell: BudgetCell,
  column: ColumnVm,
  rowLabel: string,
  options: { editable: boolean; kind?: 'income' | 'cost'; rowKey: string },
): AmountCellVm {
  const showFigure = cell.entered || !options.editable;
  const text = showFigure ? formatOre(cell.amountOre) : '';
  const stated = statedVm(cell);
  const unusualSign = cell.unusualSign && options.kind ? t.unusualSign[options.kind] : undefined;
  const spoken = [text || t.emptyCell, ...(stated ? [stated.description] : []), ...(unusualSign ? [unusualSign] : [])].join('. ');
  return {
    key: `${options.rowKey}|${column.id}`,
    lineId: options.rowKey,
    columnId: column.id,
    columnLabel: column.label,
    text,
    amountOre: showFigure ? cell.amountOre : null,
    editText: cell.entered && options.editable ? formatOre(cell.amountOre, { unit: false }) : '',
    editable: options.editable,
    entered: cell.entered,
    negative: cell.amountOre < 0,
    ...(unusualSign ? { unusualSign } : {}),
    ...(stated ? { stated } : {}),
    ariaLabel: `${t.cellLabel(rowLabel, column.label)}: ${spoken}`,
  };
}

/** Ids of every line under `lineId` (any depth), from the table's parent links. */
function descendantsOf(rows: readonly BudgetRow[], lineId: string): Set<string> {
  const out = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of rows) {
      if (r.parentId !== undefined && (r.parentId === lineId || out.has(r.parentId)) && !out.has(r.lineId)) {
        out.add(r.lineId);
        grew = true;
      }
    }
  }
  return out;
}

/**
 * Row models kept per row of the core's table (and the columns and state they were made for): a table brought
 * up to date after an edit keeps its unchanged rows as the same objects, so their models, and the grid rows
 * drawn from them, are reused and only the changed rows are formatted and drawn again.
 */
const columnVms = new WeakMap<BudgetTable['columns'], ColumnVm[]>();
const lineVms = new WeakMap<BudgetRow, LineRowVm>();
const totalVms = new WeakMap<BudgetTotalRow, TotalRowVm>();

function columnsVm(table: BudgetTable): ColumnVm[] {
  let columns = columnVms.get(table.columns);
  if (!columns) {
    columns = table.columns.map((c) => ({ id: c.id, label: c.label, year: c.year, kind: c.kind }));
    columnVms.set(table.columns, columns);
  }
  return columns;
}

function lineVm(row: BudgetRow, columns: ColumnVm[], expanded: boolean, subLineCount: number): LineRowVm {
  const kept = lineVms.get(row);
  if (kept && kept.expanded === expanded && kept.subLineCount === subLineCount && keptColumns.get(kept) === columns) return kept;
  const vm = withLazyCells<LineRowVm>(
    {
      type: 'line',
      key: row.lineId,
      lineId: row.lineId,
      ...(row.parentId !== undefined ? { parentId: row.parentId } : {}),
      name: row.name,
      kind: row.kind,
      depth: row.depth,
      isLeaf: row.isLeaf,
      expanded,
      subLineCount,
      registerSource: row.registerSource !== undefined,
    },
    () => row.cells.map((cell, i) => cellVm(cell, columns[i] ?? fallbackColumn(cell), row.name, { editable: row.isLeaf, kind: row.kind, rowKey: row.lineId })),
  );
  lineVms.set(row, vm);
  keptColumns.set(vm, columns);
  return vm;
}

/**
 * A row model whose cells are formatted when first read: the grid draws the rows in view, and a large budget
 * has thousands of cells out of view that the keyboard, the export or a scroll may never reach.
 */
function withLazyCells<R extends { cells: AmountCellVm[] }>(row: Omit<R, 'cells'>, make: () => AmountCellVm[]): R {
  let cells: AmountCellVm[] | undefined;
  return Object.defineProperty(row, 'cells', { enumerable: true, get: () => (cells ??= make()) }) as R;
}

/** The columns each kept row model was made for (a renamed or moved column makes new cell labels). */
const keptColumns = new WeakMap<object, ColumnVm[]>();

function keptTotalVm(total: BudgetTotalRow, columns: ColumnVm[]): TotalRowVm {
  const kept = totalVms.get(total);
  if (kept && keptColumns.get(kept) === columns) return kept;
  const vm = totalVm(total.key, total.label, total.cells, columns);
  totalVms.set(total, vm);
  keptColumns.set(vm, columns);
  return vm;
}

export function budgetTableVm(table: BudgetTable, collapsed: ReadonlySet<string> = new Set()): BudgetTableVm {
  const columns = columnsVm(table);
  const rows: TableRowVm[] = [{ type: 'header', key: 'columns' }];
  for (const section of table.sections) {
    rows.push({ type: 'section', key: `section-${section.kind}`, kind: section.kind, label: section.label });
    const hidden = new Set<string>();
    for (const id of collapsed) for (const d of descendantsOf(section.rows, id)) hidden.add(d);
    const subLines = new Map<string, number>();
    for (const r of section.rows) if (r.parentId !== undefined) subLines.set(r.parentId, (subLines.get(r.parentId) ?? 0) + 1);
    for (const row of section.rows) {
      if (hidden.has(row.lineId)) continue;
      rows.push(lineVm(row, columns, !row.isLeaf && !collapsed.has(row.lineId), subLines.get(row.lineId) ?? 0));
    }
    rows.push(keptTotalVm(section.total, columns));
  }
  rows.push(keptTotalVm(table.result, columns));
  return { columns, rows, warnings: table.warnings.map((w) => w.message) };
}

function fallbackColumn(cell: BudgetCell): ColumnVm {
  return { id: cell.columnId, label: cell.columnId, year: 0, kind: '' };
}

function totalVm(key: BudgetTotalKey, label: string, cells: readonly BudgetCell[], columns: readonly ColumnVm[]): TotalRowVm {
  return withLazyCells<TotalRowVm>({ type: 'total', key: `total-${key}`, totalKey: key, label, emphasis: key === 'result' ? 'result' : 'sum' }, () =>
    cells.map((cell, i) => cellVm(cell, columns[i] ?? fallbackColumn(cell), label, { editable: false, rowKey: `total-${key}` })),
  );
}

/**
 * The income statement as shown, for `exports/table`: the visible rows (a collapsed line without its
 * sub-lines), the section headings, sums and result, each amount the core's figure in öre (a `kr` column),
 * an empty leaf empty. Sub-lines are indented as on screen.
 */
export function budgetExport(vm: BudgetTableVm): ChannelInput<'exports/table'> {
  const collapsed = vm.rows.filter((r): r is LineRowVm => r.type === 'line' && !r.isLeaf && !r.expanded).map((r) => r.name);
  const blank = vm.columns.map(() => null);
  return {
    title: t.tableHeading,
    filtersDescription: collapsed.length > 0 ? t.exportCollapsed(collapsed.join(', ')) : '',
    columns: [{ header: t.lineColumn, kind: 'text' }, ...vm.columns.map((c) => ({ header: c.label, kind: 'kr' as const }))],
    rows: vm.rows.flatMap((row) => {
      switch (row.type) {
        case 'header':
          return [];
        case 'section':
          return [[row.label, ...blank]];
        case 'line':
          return [['  '.repeat(row.depth) + row.name, ...row.cells.map((c) => c.amountOre)]];
        case 'total':
          return [[row.label, ...row.cells.map((c) => c.amountOre)]];
      }
    }),
  };
}

// ---------------------------------------------------------------- the keyboard grid

/** A focus position: a visible row (by key) and a column, 0 being the row's name. */
export type GridPos = { row: string; col: number };

export type GridMove =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'home'
  | 'end'
  | 'first'
  | 'last'
  /** Tab and Shift+Tab while editing: the next (previous) editable amount, row by row. */
  | 'next-editable'
  | 'previous-editable';

/** Columns a row can take focus in: a section row only its name, others the name and every amount. */
function colsOf(row: TableRowVm, columnCount: number): number {
  return row.type === 'section' ? 1 : columnCount + 1;
}

function isEditableAt(row: TableRowVm | undefined, col: number): boolean {
  return row?.type === 'line' && col > 0 && (row.cells[col - 1]?.editable ?? false);
}

/** Where focus goes from `pos` on a key; stays put at an edge. Unknown rows start at the first cell. */
export function moveInGrid(vm: BudgetTableVm, pos: GridPos, move: GridMove): GridPos {
  const n = vm.columns.length;
  const index = vm.rows.findIndex((r) => r.key === pos.row);
  if (index < 0) return firstCell(vm);
  const row = vm.rows[index];
  if (!row) return pos;
  const at = (i: number, col: number): GridPos => ({ row: vm.rows[i]?.key ?? pos.row, col });
  switch (move) {
    case 'left':
      return { row: pos.row, col: Math.max(0, pos.col - 1) };
    case 'right':
      return { row: pos.row, col: Math.min(colsOf(row, n) - 1, pos.col + 1) };
    case 'home':
      return { row: pos.row, col: 0 };
    case 'end':
      return { row: pos.row, col: colsOf(row, n) - 1 };
    case 'first':
      return at(0, 0);
    case 'last':
      return at(vm.rows.length - 1, n);
    case 'up':
    case 'down': {
      const step = move === 'up' ? -1 : 1;
      // Amount columns skip the section rows, which have none; the name column visits every row.
      for (let i = index + step; i >= 0 && i < vm.rows.length; i += step) {
        const r = vm.rows[i];
        if (r && pos.col < colsOf(r, n)) return at(i, pos.col);
      }
      return pos;
    }
    case 'next-editable':
    case 'previous-editable': {
      const step = move === 'next-editable' ? 1 : -1;
      let i = index;
      let col = pos.col + step;
      while (i >= 0 && i < vm.rows.length) {
        while (col >= 1 && col <= n) {
          if (isEditableAt(vm.rows[i], col)) return at(i, col);
          col += step;
        }
        i += step;
        col = step > 0 ? 1 : n;
      }
      return pos;
    }
  }
}

/** The first amount that can be typed in, else the first row's name. */
export function firstCell(vm: BudgetTableVm): GridPos {
  for (const row of vm.rows) {
    if (row.type === 'line') {
      const col = row.cells.findIndex((c) => c.editable);
      if (col >= 0) return { row: row.key, col: col + 1 };
    }
  }
  return { row: vm.rows[0]?.key ?? '', col: 0 };
}

/** A position still on screen after the table changed (a row removed or hidden, a column gone). */
export function clampPos(vm: BudgetTableVm, pos: GridPos): GridPos {
  const row = vm.rows.find((r) => r.key === pos.row);
  if (!row) return firstCell(vm);
  return { row: row.key, col: Math.min(pos.col, colsOf(row, vm.columns.length) - 1) };
}

export function cellAt(vm: BudgetTableVm, pos: GridPos): AmountCellVm | undefined {
  const row = vm.rows.find((r) => r.key === pos.row);
  if (!row || row.type === 'section' || row.type === 'header' || pos.col < 1) return undefined;
  return row.cells[pos.col - 1];
}

/** The key a pressed key means in the grid, or undefined for keys the grid leaves alone. */
export function gridMoveForKey(e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): GridMove | undefined {
  const ctrl = e.ctrlKey || e.metaKey;
  switch (e.key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'Home':
      return ctrl ? 'first' : 'home';
    case 'End':
      return ctrl ? 'last' : 'end';
    default:
      return undefined;
  }
}

/** A key that starts editing with itself as the first character (like a spreadsheet): digits, signs, separators. */
export function startsTyping(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  return !e.ctrlKey && !e.metaKey && !e.altKey && /^[0-9+\-−–,.]$/.test(e.key);
}
