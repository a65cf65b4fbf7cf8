import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type ReactNode, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  Button,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import {
  Add20Regular,
  ChevronDown16Regular,
  ChevronRight16Regular,
  Delete20Regular,
  ErrorCircle16Filled,
  MoreHorizontal20Regular,
  Rename20Regular,
  TextBulletListAdd20Regular,
  Warning16Filled,
} from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import type { BudgetTable } from '../../../electron/contract';
import { useApiMutation } from '../../app/api';
import { ExportButton } from '../../components/ExportButton';
import { sv } from '../../lib/i18n/sv';
import {
  budgetExport,
  budgetTableVm,
  cellAt,
  clampPos,
  firstCell,
  gridMoveForKey,
  moveInGrid,
  startsTyping,
  type AmountCellVm,
  type ColumnVm,
  type GridMove,
  type GridPos,
  type LineRowVm,
  type TableRowVm,
} from './budget-table.view-model';
import { usePrinting } from './ChartParts';
import { heldBudgetTable, storeBudgetAnswer } from './useBudgetTable';

const t = sv.budget;

export type GridAction =
  | { type: 'add-sub-line'; lineId: string; name: string }
  | { type: 'add-line'; kind: 'income' | 'cost'; section: string }
  | { type: 'rename'; lineId: string; name: string }
  | { type: 'remove-line'; lineId: string; name: string; subLineCount: number }
  | { type: 'remove-column'; columnId: string; label: string };

type Editing = {
  key: string;
  lineId: string;
  columnId: string;
  pos: GridPos;
  initial: string;
  text: string;
  error?: string;
  saving: boolean;
};

/**
 * From this many columns on (a column per year and kind over many years), the grid also draws only the columns
 * in view, each then of one fixed width so the room of those not drawn is known without measuring them.
 */
const VIRTUAL_FROM_COLUMNS = 12;
const COLUMN_PX = 184;

/** What a row draws after its name cell: the columns in view, with empty cells standing in for the rest. */
type ColumnSlot = { type: 'column'; index: number } | { type: 'gap'; key: string; width: number };

const useStyles = makeStyles({
  exportRow: { display: 'flex', justifyContent: 'flex-end', marginBottom: tokens.spacingVerticalS },
  scroller: {
    width: 'fit-content',
    maxWidth: '100%',
    overflowX: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    paddingBottom: tokens.spacingVerticalS,
  },
  scrollerVirtual: {
    maxHeight: 'min(70vh, 960px)',
    overflowY: 'auto',
    '@media print': { maxHeight: 'none', overflowY: 'visible' },
  },
  spacer: { padding: 0, border: 'none' },
  /** A column of a grid that draws only the columns in view: one width for all, its notes wrapping within it. */
  fixedColumn: {
    width: `${COLUMN_PX}px`,
    minWidth: `${COLUMN_PX}px`,
    maxWidth: `${COLUMN_PX}px`,
    boxSizing: 'border-box',
    '& span': { whiteSpace: 'normal' },
  },
  /** The bottom line stays in view at the foot of the pane, so an edit far up shows its effect on the result. */
  stickyResult: {
    '& > th, & > td': { position: 'sticky', bottom: 0, zIndex: 1 },
    '& > th': { zIndex: 2 },
    '@media print': { '& > th, & > td': { position: 'static' } },
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  headCell: {
    position: 'sticky',
    top: 0,
    textAlign: 'end',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'nowrap',
    minWidth: '168px',
    backgroundColor: tokens.colorNeutralBackground1,
    // Above the body's cells (positioned for their error notes) when the grid scrolls in its own pane.
    zIndex: 2,
  },
  headInner: { display: 'flex', alignItems: 'center', justifyContent: 'flex-end', columnGap: tokens.spacingHorizontalXS },
  nameHead: { textAlign: 'start', minWidth: '300px', left: 0, zIndex: 3 },
  nameCell: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: 'nowrap',
  },
  nameInner: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXXS, minHeight: '32px' },
  nameText: { flexGrow: 1 },
  /** A section's name stays at the left edge while the grid scrolls sideways (its cell spans every column). */
  sectionText: { position: 'sticky', left: tokens.spacingHorizontalS, flexGrow: 0, marginInlineEnd: 'auto' },
  toggleSpace: { display: 'inline-block', width: '24px', flexShrink: 0 },
  amount: {
    position: 'relative',
    textAlign: 'end',
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
    outlineStyle: 'none',
    cursor: 'cell',
  },
  amountInner: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', minHeight: '32px', justifyContent: 'center' },
  readOnly: { cursor: 'default' },
  focused: {
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
    ':focus': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  empty: { color: tokens.colorNeutralForeground4 },
  negativeResult: { color: tokens.colorPaletteRedForeground3 },
  section: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  sumRow: {
    '& > th, & > td': {
      fontWeight: tokens.fontWeightSemibold,
      backgroundColor: tokens.colorNeutralBackground1Selected,
      borderTop: `1px solid ${tokens.colorNeutralForeground1}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    },
  },
  resultRow: {
    '& > th, & > td': {
      fontWeight: tokens.fontWeightBold,
      fontSize: tokens.fontSizeBase400,
      backgroundColor: tokens.colorBrandBackground2,
      borderTop: `3px double ${tokens.colorNeutralForeground1}`,
      borderBottom: `2px solid ${tokens.colorNeutralForeground1}`,
    },
  },
  stated: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXXS,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorPaletteDarkOrangeForeground2,
  },
  signNote: { display: 'inline-flex', alignItems: 'center', columnGap: '2px', fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteDarkOrangeForeground2 },
  input: {
    width: '100%',
    minWidth: '140px',
    boxSizing: 'border-box',
    textAlign: 'end',
    fontVariantNumeric: 'tabular-nums',
    font: 'inherit',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke1Pressed}`,
    borderBottom: `2px solid ${tokens.colorCompoundBrandStroke}`,
    borderRadius: tokens.borderRadiusMedium,
    outlineStyle: 'none',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  inputInvalid: { border: `2px solid ${tokens.colorPaletteRedBorder2}` },
  error: {
    position: 'absolute',
    right: 0,
    top: '100%',
    zIndex: 3,
    width: '300px',
    whiteSpace: 'normal',
    textAlign: 'start',
    display: 'flex',
    columnGap: tokens.spacingHorizontalXS,
    padding: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorPaletteRedForeground1,
    backgroundColor: tokens.colorPaletteRedBackground1,
    border: `1px solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
  },
  errorIcon: { flexShrink: 0, marginTop: '1px' },
  rowButton: { minWidth: 'auto' },
  notice: { minHeight: '20px', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

const posKey = (pos: GridPos) => `${pos.row}:${pos.col}`;

/**
 * From this many rows on (a budget with a line per service at ten times the association), the grid scrolls in
 * a pane of its own and draws only the rows in view; a smaller table is drawn whole, which costs less than
 * measuring it. Printing always draws every row.
 */
const VIRTUAL_FROM_ROWS = 60;
const ROW_ESTIMATE_PX = 41;

/**
 * The height of a row as the styles above draw it (a 32 px line, its padding and borders), or undefined when a
 * note under an amount (a stated total, an unusual sign) makes it taller: only those rows are measured.
 * test/e2e/budget.virtual.test.ts compares these with the rows as drawn.
 */
function fixedRowHeight(row: BodyRowVm): number | undefined {
  if (row.type === 'section') return 49;
  if (row.cells.some((c) => c.stated !== undefined || c.unusualSign !== undefined)) return undefined;
  if (row.type === 'line') return 41;
  return row.emphasis === 'result' ? 45 : 42;
}

export function BudgetGrid({ table, onAction }: { table: BudgetTable; onAction: (action: GridAction) => void }) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const vm = useMemo(() => budgetTableVm(table, collapsed), [table, collapsed]);
  const [activeRaw, setActive] = useState<GridPos | undefined>(undefined);
  const active = activeRaw ? clampPos(vm, activeRaw) : firstCell(vm);
  const [editing, setEditingState] = useState<Editing | undefined>(undefined);
  const editingRef = useRef<Editing | undefined>(undefined);
  const [notice, setNotice] = useState('');
  const tableRef = useRef<HTMLTableElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [focusRequest, setFocusRequest] = useState<{ pos: GridPos; n: number } | undefined>(undefined);
  const setAmount = useApiMutation('budget/set-amount');

  const setEditing = (next: Editing | undefined) => {
    editingRef.current = next;
    setEditingState(next);
  };

  useEffect(() => {
    if (!focusRequest) return;
    const el = tableRef.current?.querySelector<HTMLElement>(`[data-pos="${CSS.escape(posKey(focusRequest.pos))}"]`);
    el?.focus();
  }, [focusRequest]);

  const focusPos = useCallback((pos: GridPos) => {
    setActive(pos);
    setFocusRequest((r) => ({ pos, n: (r?.n ?? 0) + 1 }));
  }, []);

  const toggle = (lineId: string) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(lineId)) next.delete(lineId);
      else next.add(lineId);
      return next;
    });

  const startEdit = (pos: GridPos, cell: AmountCellVm, text?: string) => {
    const current = editingRef.current;
    if (current?.error && current.key !== cell.key) {
      setNotice(t.fixFirst);
      inputRef.current?.focus();
      return;
    }
    setNotice('');
    setActive(pos);
    setEditing({
      key: cell.key,
      lineId: cell.lineId,
      columnId: cell.columnId,
      pos,
      initial: cell.editText,
      text: text ?? cell.editText,
      saving: false,
    });
  };

  /** Saves the typed text through the core; keeps the editor (and the text) open with the core's message on refusal. */
  const commit = async (after?: GridMove, refocus = true) => {
    const ed = editingRef.current;
    if (!ed || ed.saving) return;
    const done = () => {
      setEditing(undefined);
      const target = after ? moveInGrid(vm, ed.pos, after) : ed.pos;
      if (refocus) focusPos(target);
      else setActive(target);
    };
    if (ed.text === ed.initial) {
      done();
      return;
    }
    setEditing({ ...ed, saving: true });
    try {
      const since = heldBudgetTable(queryClient)?.token;
      const answer = await setAmount.mutateAsync({ ...(since ? { since } : {}), columnId: ed.columnId, lineId: ed.lineId, amount: ed.text });
      storeBudgetAnswer(queryClient, answer);
      done();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setEditing({ ...ed, saving: false, error: message });
      if (refocus) requestAnimationFrame(() => inputRef.current?.focus());
    }
  };

  const cancel = () => {
    const ed = editingRef.current;
    if (!ed) return;
    setEditing(undefined);
    setNotice('');
    focusPos(ed.pos);
  };

  const clearCell = async (cell: AmountCellVm) => {
    if (!cell.entered) return;
    try {
      const since = heldBudgetTable(queryClient)?.token;
      const answer = await setAmount.mutateAsync({ ...(since ? { since } : {}), columnId: cell.columnId, lineId: cell.lineId, amount: null });
      storeBudgetAnswer(queryClient, answer);
    } catch (error) {
      setNotice(error instanceof Error ? error.message : String(error));
    }
  };

  const onCellKeyDown = (e: ReactKeyboardEvent<HTMLElement>, pos: GridPos, row: TableRowVm) => {
    if (e.target !== e.currentTarget && !(e.target instanceof HTMLButtonElement)) return;
    const move = gridMoveForKey(e);
    if (move) {
      e.preventDefault();
      focusPos(moveInGrid(vm, pos, move));
      return;
    }
    if (row.type === 'header') {
      if (pos.col > 0 && (e.key === 'Enter' || e.key === 'F2' || e.key === ' ' || e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey))) {
        e.preventDefault();
        (e.currentTarget.querySelector('[data-column-menu]') as HTMLButtonElement | null)?.click();
      }
      return;
    }
    if (pos.col === 0) {
      if (row.type === 'total') return;
      if (e.key === 'Enter' || e.key === 'F2' || e.key === ' ' || e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
        e.preventDefault();
        (e.currentTarget.querySelector('[data-row-menu]') as HTMLButtonElement | null)?.click();
      }
      return;
    }
    const cell = cellAt(vm, pos);
    if (!cell) return;
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      if (cell.editable) startEdit(pos, cell);
      else setNotice(row.type === 'line' ? t.sumOfSubLines(row.name) : t.computedTotal(row.type === 'total' ? row.label : ''));
      return;
    }
    if (!cell.editable) return;
    if (e.key === 'Delete') {
      e.preventDefault();
      void clearCell(cell);
    } else if (e.key === 'Backspace') {
      e.preventDefault();
      startEdit(pos, cell, '');
    } else if (startsTyping(e)) {
      e.preventDefault();
      startEdit(pos, cell, e.key);
    }
  };

  const onInputKeyDown = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void commit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cancel();
    } else if (e.key === 'Tab') {
      e.preventDefault();
      void commit(e.shiftKey ? 'previous-editable' : 'next-editable');
    }
  };

  const columnCount = vm.columns.length;
  const bodyRows = useMemo(() => vm.rows.filter((r): r is BodyRowVm => r.type !== 'header'), [vm]);

  const printing = usePrinting();
  const virtual = bodyRows.length >= VIRTUAL_FROM_ROWS && !printing;
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(0);
  useLayoutEffect(() => {
    const height = headRef.current?.offsetHeight ?? 0;
    if (virtual && height !== headHeight) setHeadHeight(height);
  }, [virtual, headHeight, vm]);
  // The focused row (and the one being edited) stays drawn when scrolled away, so the grid keeps its one tab
  // stop and an edit in progress survives scrolling.
  const activeIndex = bodyRows.findIndex((r) => r.key === active.row);
  const resultIndex = bodyRows.findIndex((r) => r.type === 'total' && r.emphasis === 'result');
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      for (const kept of [activeIndex, resultIndex]) if (kept >= 0 && !indexes.includes(kept)) indexes.push(kept);
      return indexes.sort((a, b) => a - b);
    },
    [activeIndex, resultIndex],
  );
  // Once per set of rows: the virtualiser lays out every row again whenever these functions change.
  const rowHeights = useMemo(() => bodyRows.map(fixedRowHeight), [bodyRows]);
  const estimateSize = useCallback((index: number) => rowHeights[index] ?? ROW_ESTIMATE_PX, [rowHeights]);
  // A row measured once (it had a note) and fixed now must not keep the measured height: the keys differ.
  const getItemKey = useCallback(
    (index: number) => {
      const row = bodyRows[index];
      return row ? (rowHeights[index] === undefined ? `${row.key}\u0000measured` : row.key) : index;
    },
    [bodyRows, rowHeights],
  );
  // TanStack Virtual hands back functions the React Compiler cannot memoise; this component opts out by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: bodyRows.length,
    enabled: virtual,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: 8,
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
    getItemKey,
    rangeExtractor,
  });

  // Columns likewise, when there are many: those in view, the focused one and a couple either side. The name
  // column stays put (sticky) and the columns scroll beneath it, so it is the columns' scroll margin.
  const virtualColumns = columnCount >= VIRTUAL_FROM_COLUMNS && !printing;
  const [nameWidth, setNameWidth] = useState(0);
  useLayoutEffect(() => {
    const width = (headRef.current?.querySelector('th') as HTMLElement | null)?.offsetWidth ?? 0;
    if (virtualColumns && width !== nameWidth) setNameWidth(width);
  }, [virtualColumns, nameWidth, vm]);
  const activeColumn = active.col - 1;
  const columnRangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeColumn >= 0 && !indexes.includes(activeColumn)) indexes.push(activeColumn);
      return indexes.sort((a, b) => a - b);
    },
    [activeColumn],
  );
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columnCount,
    enabled: virtualColumns,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => COLUMN_PX,
    overscan: 2,
    scrollMargin: nameWidth,
    scrollPaddingStart: nameWidth,
    rangeExtractor: columnRangeExtractor,
  });
  const columnItems = virtualColumns ? columnVirtualizer.getVirtualItems() : undefined;
  const slotsKey = columnItems ? `${columnItems.map((c) => `${c.index}@${c.start}`).join(',')}|${columnVirtualizer.getTotalSize()}` : '';
  // One array while the same columns are drawn, so the memoised rows redraw only when the columns in view change.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const slots = useMemo(() => columnSlots(columnItems, columnVirtualizer.getTotalSize(), nameWidth), [slotsKey, nameWidth]);

  // The rows are drawn by a memoised component that gets the grid's handlers through one stable object, so an
  // edit redraws the rows whose models changed (the line, its parents, the totals) and not every row in view.
  const latest = useRef<GridHandlers | undefined>(undefined);
  const current: GridHandlers = {
    onCellKeyDown,
    setActive,
    startEdit,
    onInputKeyDown,
    onInputChange: (text) => {
      const ed = editingRef.current;
      if (ed) setEditing({ ...ed, text });
    },
    onInputBlur: (cellKey) => {
      const ed = editingRef.current;
      if (ed && !ed.saving && ed.key === cellKey) void commit(undefined, false);
    },
    toggle,
    onAction,
  };
  useLayoutEffect(() => {
    latest.current = current;
  });
  const handlers = useMemo<GridHandlers>(() => {
    const call = <K extends keyof GridHandlers>(key: K) =>
      ((...args: Parameters<GridHandlers[K]>) => (latest.current?.[key] as ((...a: Parameters<GridHandlers[K]>) => void) | undefined)?.(...args)) as GridHandlers[K];
    return {
      onCellKeyDown: call('onCellKeyDown'),
      setActive: call('setActive'),
      startEdit: call('startEdit'),
      onInputKeyDown: call('onInputKeyDown'),
      onInputChange: call('onInputChange'),
      onInputBlur: call('onInputBlur'),
      toggle: call('toggle'),
      onAction: call('onAction'),
    };
  }, []);

  const bodyRow = (row: BodyRowVm, index: number, measure?: (el: HTMLTableRowElement | null) => void) => (
    <GridRow
      key={row.key}
      row={row}
      index={index}
      columnCount={columnCount}
      slots={slots}
      activeCol={active.row === row.key ? active.col : undefined}
      editing={editing !== undefined && editing.pos.row === row.key ? editing : undefined}
      sticky={virtual && index === resultIndex}
      measure={measure}
      handlers={handlers}
      inputRef={inputRef}
    />
  );

  /** The rows in view (and the focused one), with empty rows standing in for the height of those between. */
  const virtualRows = () => {
    const spacer = (key: string, height: number) =>
      height > 0 ? (
        <tr key={key} aria-hidden="true" role="presentation" style={{ height: `${height}px` }}>
          <td className={styles.spacer} colSpan={(slots?.length ?? columnCount) + 1} />
        </tr>
      ) : null;
    const out = [];
    let cursor = headHeight;
    for (const item of virtualizer.getVirtualItems()) {
      const row = bodyRows[item.index];
      if (!row) continue;
      out.push(spacer(`gap-${item.index}`, item.start - cursor));
      out.push(bodyRow(row, item.index, rowHeights[item.index] === undefined ? virtualizer.measureElement : undefined));
      cursor = item.end;
    }
    out.push(spacer('gap-end', virtualizer.getTotalSize() + headHeight - cursor));
    return out;
  };

  return (
    <div>
      <div className={styles.exportRow} data-print="hide">
        <ExportButton channel="exports/table" input={() => budgetExport(vm)} />
      </div>
      <div
        ref={scrollRef}
        className={mergeClasses(styles.scroller, virtual && styles.scrollerVirtual)}
        data-virtual={virtual ? 'true' : undefined}
        data-virtual-columns={virtualColumns ? 'true' : undefined}
        // A cell focused far to the right is scrolled into view beside the sticky name column, not under it.
        style={virtualColumns ? { scrollPaddingLeft: `${nameWidth}px` } : undefined}
      >
        <table
          ref={tableRef}
          role="grid"
          aria-label={t.tableHeading}
          aria-describedby="budget-tabell-hjalp"
          aria-rowcount={bodyRows.length + 1}
          aria-colcount={columnCount + 1}
          className={styles.table}
        >
          <thead ref={headRef}>
            <GridHeader columns={vm.columns} slots={slots} activeCol={active.row === 'columns' ? active.col : undefined} handlers={handlers} />
          </thead>
          <tbody>{virtual ? virtualRows() : bodyRows.map((row, index) => bodyRow(row, index))}</tbody>
        </table>
      </div>
      <div className={styles.notice} role="status" aria-live="polite">
        {notice || (setAmount.isPending ? t.saving : '')}
      </div>
    </div>
  );
}

/** The drawn columns in order, with a gap before, between (the focused column kept far away) and after them. */
function columnSlots(items: readonly { index: number; start: number; end: number }[] | undefined, total: number, margin: number): ColumnSlot[] | undefined {
  if (!items) return undefined;
  const out: ColumnSlot[] = [];
  let cursor = margin;
  for (const item of items) {
    if (item.start > cursor) out.push({ type: 'gap', key: `gap-${item.index}`, width: item.start - cursor });
    out.push({ type: 'column', index: item.index });
    cursor = item.end;
  }
  if (total + margin > cursor) out.push({ type: 'gap', key: 'gap-end', width: total + margin - cursor });
  return out;
}

/** Indexes of the columns a row draws: all of them, or those of the slots. */
function drawnColumns(slots: readonly ColumnSlot[] | undefined, count: number): readonly (ColumnSlot | number)[] {
  return slots ?? Array.from({ length: count }, (_, i) => i);
}

function GapCell({ slot, header }: { slot: Extract<ColumnSlot, { type: 'gap' }>; header?: boolean }) {
  const styles = useStyles();
  const style = { width: `${slot.width}px`, minWidth: `${slot.width}px`, maxWidth: `${slot.width}px` };
  return header ? (
    <th aria-hidden="true" role="presentation" className={mergeClasses(styles.spacer, styles.headCell)} style={{ ...style, padding: 0 }} />
  ) : (
    <td aria-hidden="true" role="presentation" className={styles.spacer} style={style} />
  );
}

const HEADER_ROW: TableRowVm = { type: 'header', key: 'columns' };
const headerPos = (col: number): GridPos => ({ row: 'columns', col });

/** The column headers; drawn again only when the columns or the focus among them change. */
const GridHeader = memo(function GridHeader({
  columns,
  slots,
  activeCol,
  handlers,
}: {
  columns: readonly ColumnVm[];
  slots: readonly ColumnSlot[] | undefined;
  activeCol: number | undefined;
  handlers: GridHandlers;
}) {
  const styles = useStyles();
  const onFocus = (e: FocusEvent<HTMLElement>, col: number) => {
    if (e.target === e.currentTarget) handlers.setActive(headerPos(col));
  };
  return (
    <tr aria-rowindex={1}>
      <th
        scope="col"
        className={mergeClasses(styles.headCell, styles.nameHead, styles.focused)}
        data-pos={posKey(headerPos(0))}
        aria-colindex={1}
        tabIndex={activeCol === 0 ? 0 : -1}
        onKeyDown={(e) => handlers.onCellKeyDown(e, headerPos(0), HEADER_ROW)}
        onFocus={(e) => onFocus(e, 0)}
      >
        {t.lineColumn}
      </th>
      {drawnColumns(slots, columns.length).map((slot) => {
        if (typeof slot !== 'number' && slot.type === 'gap') return <GapCell key={slot.key} slot={slot} header />;
        const i = typeof slot === 'number' ? slot : slot.index;
        const c = columns[i];
        if (!c) return null;
        return (
        <th
          key={c.id}
          scope="col"
          className={mergeClasses(styles.headCell, styles.focused, slots && styles.fixedColumn)}
          data-column={c.id}
          aria-haspopup="menu"
          aria-colindex={i + 2}
          data-pos={posKey(headerPos(i + 1))}
          tabIndex={activeCol === i + 1 ? 0 : -1}
          onKeyDown={(e) => handlers.onCellKeyDown(e, headerPos(i + 1), HEADER_ROW)}
          onFocus={(e) => onFocus(e, i + 1)}
        >
          <div className={styles.headInner}>
            <span>{c.label}</span>
            <LazyMenu label={t.columnActions(c.label)} data-column-menu="">
              <MenuItem icon={<Delete20Regular />} onClick={() => handlers.onAction({ type: 'remove-column', columnId: c.id, label: c.label })}>
                {t.removeColumn}
              </MenuItem>
            </LazyMenu>
          </div>
        </th>
        );
      })}
    </tr>
  );
});

type BodyRowVm = Exclude<TableRowVm, { type: 'header' }>;

/** What a grid row calls back; one stable object for the grid's life, so a row redraws only when its props change. */
type GridHandlers = {
  onCellKeyDown: (e: ReactKeyboardEvent<HTMLElement>, pos: GridPos, row: TableRowVm) => void;
  setActive: (pos: GridPos) => void;
  startEdit: (pos: GridPos, cell: AmountCellVm) => void;
  onInputKeyDown: (e: ReactKeyboardEvent<HTMLInputElement>) => void;
  onInputChange: (text: string) => void;
  onInputBlur: (cellKey: string) => void;
  toggle: (lineId: string) => void;
  onAction: (action: GridAction) => void;
};

type GridRowProps = {
  row: BodyRowVm;
  index: number;
  columnCount: number;
  /** The columns drawn, when the grid draws only those in view. */
  slots: readonly ColumnSlot[] | undefined;
  /** The focused column when the grid's focus is in this row. */
  activeCol: number | undefined;
  /** The cell being edited when it is in this row. */
  editing: Editing | undefined;
  /** The result row stays at the foot of a scrolling pane. */
  sticky: boolean;
  measure: ((el: HTMLTableRowElement | null) => void) | undefined;
  handlers: GridHandlers;
  inputRef: RefObject<HTMLInputElement | null>;
};

const GridRow = memo(function GridRow({ row, index, columnCount, slots, activeCol, editing, sticky, measure, handlers, inputRef }: GridRowProps) {
  const styles = useStyles();
  // Merged once per row, not once per cell: a wide budget draws thousands of cells.
  const amountClass = useMemo(
    () => ({
      editable: mergeClasses(styles.amount, styles.focused, slots && styles.fixedColumn),
      readOnly: mergeClasses(styles.amount, styles.focused, styles.readOnly, slots && styles.fixedColumn),
    }),
    [styles, slots],
  );

  const nameCell = () => {
    const pos: GridPos = { row: row.key, col: 0 };
    const common = {
      'data-pos': posKey(pos),
      'aria-colindex': 1,
      tabIndex: activeCol === 0 ? 0 : -1,
      onKeyDown: (e: ReactKeyboardEvent<HTMLElement>) => handlers.onCellKeyDown(e, pos, row),
      onFocus: () => handlers.setActive(pos),
    };
    if (row.type === 'section') {
      return (
        <th scope="rowgroup" colSpan={(slots?.length ?? columnCount) + 1} className={mergeClasses(styles.section, styles.focused)} {...common} aria-label={row.label} aria-haspopup="menu">
          <div className={styles.nameInner}>
            <span className={styles.sectionText}>{row.label}</span>
            <SectionMenu label={row.label} onAdd={() => handlers.onAction({ type: 'add-line', kind: row.kind, section: row.label })} />
          </div>
        </th>
      );
    }
    if (row.type === 'total') {
      return (
        <th scope="row" className={mergeClasses(styles.nameCell, styles.focused)} {...common}>
          <div className={styles.nameInner}>
            <span className={styles.toggleSpace} />
            <span className={styles.nameText}>{row.label}</span>
          </div>
        </th>
      );
    }
    return (
      <th
        scope="row"
        className={mergeClasses(styles.nameCell, styles.focused)}
        {...common}
        aria-label={t.rowHeader(row.name, row.isLeaf ? 'none' : row.expanded ? 'shown' : 'hidden')}
        aria-haspopup="menu"
      >
        <div className={styles.nameInner} style={{ paddingLeft: `${row.depth * 24}px` }}>
          {row.isLeaf ? (
            <span className={styles.toggleSpace} />
          ) : (
            <Button
              size="small"
              appearance="transparent"
              tabIndex={-1}
              className={styles.rowButton}
              icon={row.expanded ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
              aria-expanded={row.expanded}
              aria-label={row.expanded ? t.collapse(row.name) : t.expand(row.name)}
              onClick={() => handlers.toggle(row.lineId)}
            />
          )}
          <span className={styles.nameText}>{row.name}</span>
          <LineMenu row={row} onAction={handlers.onAction} onToggle={() => handlers.toggle(row.lineId)} />
        </div>
      </th>
    );
  };

  const amountCell = (line: Exclude<TableRowVm, { type: 'section' | 'header' }>, cell: AmountCellVm, i: number) => {
    const pos: GridPos = { row: line.key, col: i + 1 };
    const isEditing = editing?.key === cell.key;
    const errorId = `fel-${cell.key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
    const resultNegative = line.type === 'total' && line.emphasis === 'result' && cell.negative;
    return (
      <td
        key={cell.columnId}
        role="gridcell"
        aria-colindex={i + 2}
        data-pos={posKey(pos)}
        data-cell={cell.key}
        tabIndex={isEditing ? -1 : activeCol === i + 1 ? 0 : -1}
        aria-readonly={!cell.editable}
        title={cell.stated?.description ?? cell.unusualSign ?? (line.type === 'total' ? t.computedTotal(line.label) : undefined)}
        className={cell.editable ? amountClass.editable : amountClass.readOnly}
        onKeyDown={(e) => handlers.onCellKeyDown(e, pos, line)}
        onFocus={(e) => e.target === e.currentTarget && handlers.setActive(pos)}
        onDoubleClick={() => cell.editable && handlers.startEdit(pos, cell)}
      >
        {isEditing && editing ? (
          <>
            <input
              ref={inputRef}
              className={mergeClasses(styles.input, editing.error !== undefined && styles.inputInvalid)}
              value={editing.text}
              autoFocus
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              readOnly={editing.saving}
              aria-label={t.editLabel(line.type === 'line' ? line.name : line.label, cell.columnLabel)}
              aria-invalid={editing.error !== undefined}
              aria-describedby={editing.error !== undefined ? errorId : undefined}
              onFocus={(e) => {
                if (editing.text === editing.initial) e.currentTarget.select();
                else e.currentTarget.setSelectionRange(editing.text.length, editing.text.length);
              }}
              onChange={(e) => handlers.onInputChange(e.target.value)}
              onKeyDown={handlers.onInputKeyDown}
              onBlur={() => handlers.onInputBlur(cell.key)}
            />
            {editing.error !== undefined && (
              <div id={errorId} role="alert" className={styles.error} data-testid="amount-error">
                <ErrorCircle16Filled className={styles.errorIcon} aria-hidden />
                <span>{editing.error}</span>
              </div>
            )}
          </>
        ) : (
          <div className={styles.amountInner}>
            <span className={!cell.entered && cell.editable ? styles.empty : resultNegative ? styles.negativeResult : undefined} data-amount="">
              {cell.text || (cell.editable ? '–' : '')}
            </span>
            {cell.unusualSign && (
              <span className={styles.signNote}>
                <Warning16Filled aria-hidden />
                {cell.unusualSign}
              </span>
            )}
            {cell.stated && (
              <span className={styles.stated} data-testid="stated-total">
                <Warning16Filled aria-hidden />
                {cell.stated.label}
              </span>
            )}
          </div>
        )}
      </td>
    );
  };

  return (
    <tr
      ref={measure}
      data-index={index}
      data-row={row.key}
      data-row-type={row.type}
      data-fixed-height={measure ? undefined : fixedRowHeight(row)}
      aria-rowindex={index + 2}
      className={row.type === 'total' ? mergeClasses(row.emphasis === 'result' ? styles.resultRow : styles.sumRow, sticky && styles.stickyResult) : undefined}
    >
      {nameCell()}
      {row.type !== 'section' &&
        drawnColumns(slots, row.cells.length).map((slot) => {
          if (typeof slot !== 'number' && slot.type === 'gap') return <GapCell key={slot.key} slot={slot} />;
          const i = typeof slot === 'number' ? slot : slot.index;
          const cell = row.cells[i];
          return cell ? amountCell(row, cell, i) : null;
        })}
    </tr>
  );
});

/**
 * A row's or column's menu: only its button until first opened. A closed Fluent menu still runs its hooks, and
 * every drawn row and column header has one; the menu itself is built on the first click (or Enter on the cell,
 * which clicks the button) and opens at once, with focus on its first item as before.
 */
function LazyMenu({ label, children, ...data }: { label: string; children: ReactNode; 'data-row-menu'?: string; 'data-column-menu'?: string }) {
  const [open, setOpen] = useState<boolean | undefined>(undefined);
  const button = (
    <Button
      size="small"
      appearance="subtle"
      tabIndex={-1}
      icon={<MoreHorizontal20Regular />}
      aria-label={label}
      aria-haspopup="menu"
      aria-expanded={open ?? false}
      data-print="hide"
      onClick={open === undefined ? () => setOpen(true) : undefined}
      {...data}
    />
  );
  if (open === undefined) return button;
  return (
    <Menu open={open} onOpenChange={(_e, d) => setOpen(d.open)}>
      <MenuTrigger disableButtonEnhancement>{button}</MenuTrigger>
      <MenuPopover>
        <MenuList>{children}</MenuList>
      </MenuPopover>
    </Menu>
  );
}

function SectionMenu({ label, onAdd }: { label: string; onAdd: () => void }) {
  return (
    <LazyMenu label={t.sectionActions(label)} data-row-menu="">
      <MenuItem icon={<Add20Regular />} onClick={onAdd}>
        {t.addLine(label)}
      </MenuItem>
    </LazyMenu>
  );
}

function LineMenu({ row, onAction, onToggle }: { row: LineRowVm; onAction: (a: GridAction) => void; onToggle: () => void }) {
  return (
    <LazyMenu label={t.rowActions(row.name)} data-row-menu="">
          <MenuItem icon={<TextBulletListAdd20Regular />} onClick={() => onAction({ type: 'add-sub-line', lineId: row.lineId, name: row.name })}>
            {t.addSubLine}
          </MenuItem>
          <MenuItem icon={<Rename20Regular />} onClick={() => onAction({ type: 'rename', lineId: row.lineId, name: row.name })}>
            {t.rename}
          </MenuItem>
          {!row.isLeaf && (
            <MenuItem icon={row.expanded ? <ChevronDown16Regular /> : <ChevronRight16Regular />} onClick={onToggle}>
              {row.expanded ? t.hideSubLines : t.showSubLines}
            </MenuItem>
          )}
          <MenuItem
            icon={<Delete20Regular />}
            onClick={() => onAction({ type: 'remove-line', lineId: row.lineId, name: row.name, subLineCount: row.subLineCount })}
          >
            {t.removeLine}
          </MenuItem>
    </LazyMenu>
  );
}
