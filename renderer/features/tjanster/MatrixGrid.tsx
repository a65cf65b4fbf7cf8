import { memo, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { describeServiceUse, describeVia } from '../../../electron/core/domain/usage-matrix';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { UsageMatrixAnswer, UsageMatrixAnswerColumn, UsageMatrixAnswerRow } from '../../../electron/contract';
import { hrefTo, navigate } from '../../app/router';
import { formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import {
  cellAction,
  FIRST_SERVICE_COL,
  HEADER_ROWS,
  matrixCell,
  matrixColumns,
  moveInGrid,
  resolveFocus,
  type GridFocus,
  type GridPos,
  type MatrixColumnVm,
} from './matrix.view-model';

const t = sv.tjanster.matrix;

const NAME_W = 232;
const COUNT_W = 88;
const NAME_ROW_H = 64;
const TOTAL_ROW_H = 28;
const ROW_H = 36;
const HEADER_H = NAME_ROW_H + (HEADER_ROWS - 1) * TOTAL_ROW_H;
const STICKY_W = NAME_W + COUNT_W;
/** Service columns drawn beyond each side of the view, so a short scroll shows cells already there. */
const COLUMN_OVERSCAN = 4;

/**
 * The scroller's size before it is laid out (its CSS height, and at most the window's width), so the first render
 * already draws the rows and columns in view instead of drawing a sliver and then the rest after a layout.
 */
function expectedScrollerRect(): { width: number; height: number } {
  if (typeof window === 'undefined') return { width: 1200, height: 600 };
  return { width: window.innerWidth, height: Math.max(420, window.innerHeight - 160) };
}

/** The service columns a row or the header draws: those in view, plus the focused one wherever it is. */
type ColumnWindow = { first: number; last: number };

function drawnColumns(shown: ColumnWindow, activeCol: number): number[] {
  const out: number[] = [];
  const active = activeCol - FIRST_SERVICE_COL;
  if (active >= 0 && active < shown.first) out.push(active);
  for (let i = shown.first; i <= shown.last; i += 1) out.push(i);
  if (active > shown.last) out.push(active);
  return out;
}

const useStyles = makeStyles({
  scroller: {
    position: 'relative',
    overflow: 'auto',
    // The grid takes the window's height below the app's header, so scrolling the page past the filters brings a
    // full screen of rows instead of a strip under them.
    height: 'max(420px, calc(100vh - 160px))',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    // Focus moves scroll the cell into view clear of the sticky header and organisation columns.
    scrollPaddingTop: `${HEADER_H}px`,
    scrollPaddingLeft: `${NAME_W + COUNT_W}px`,
    // Its size never depends on its content: scrolling thousands of rows lays out and paints only in here.
    contain: 'strict',
  },
  grid: { position: 'relative', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  head: { position: 'sticky', top: 0, zIndex: 3, backgroundColor: tokens.colorNeutralBackground2 },
  row: { display: 'grid' },
  bodyRow: { position: 'absolute', top: 0, left: 0, height: `${ROW_H}px`, contain: 'layout style' },
  cell: {
    boxSizing: 'border-box',
    display: 'flex',
    alignItems: 'center',
    minWidth: 0,
    paddingInline: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    outlineStyle: 'none',
    ':focus': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
      zIndex: 1,
    },
  },
  sticky: { position: 'sticky', zIndex: 2, backgroundColor: tokens.colorNeutralBackground1 },
  stickyHead: { backgroundColor: tokens.colorNeutralBackground2 },
  name: { left: 0, fontWeight: tokens.fontWeightRegular },
  count: {
    left: `${NAME_W}px`,
    justifyContent: 'flex-end',
    fontVariantNumeric: 'tabular-nums',
    borderRight: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  nameLink: {
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'none',
    ':hover': { textDecorationLine: 'underline' },
  },
  notMember: { marginLeft: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  columnHeader: {
    alignItems: 'flex-end',
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalSNudge,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    hyphens: 'auto',
  },
  headerLink: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'none',
    ':hover': { textDecorationLine: 'underline' },
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  archived: { fontStyle: 'italic', color: tokens.colorNeutralForeground3 },
  totalLabel: { color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  total: { justifyContent: 'flex-end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  serviceCell: {
    justifyContent: 'center',
    cursor: 'pointer',
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  direct: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorPaletteGreenForeground1,
    ':hover': { backgroundColor: tokens.colorPaletteGreenBackground2 },
  },
  group: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontStyle: 'italic',
    backgroundImage: `repeating-linear-gradient(135deg, transparent 0 6px, ${tokens.colorNeutralBackground4} 6px 8px)`,
  },
  check: { marginRight: tokens.spacingHorizontalXS, fontStyle: 'normal', fontWeight: tokens.fontWeightBold },
});

type Props = {
  matrix: UsageMatrixAnswer;
  onToggle: (row: UsageMatrixAnswerRow, column: UsageMatrixAnswerColumn) => void;
};

/** What a row's cells show of their column. */
type CellColumn = Pick<UsageMatrixAnswerColumn, 'serviceId' | 'name'>;

type Classes = {
  name: string;
  count: string;
  headName: string;
  headCount: string;
  columnHeader: string;
  archivedHeader: string;
  headerLink: string;
  nameLink: string;
  notMember: string;
  totalLabel: string;
  total: string;
  empty: string;
  direct: string;
  group: string;
  check: string;
  row: string;
  bodyRow: string;
};

/** Where a cell sits, read from its `data-pos`, for the handlers the grid delegates from its cells. */
function posOf(target: EventTarget | null): GridPos | undefined {
  const element = target instanceof Element ? target.closest<HTMLElement>('[data-pos]') : null;
  const [row, col] = (element?.dataset.pos ?? '').split(':').map(Number);
  return row === undefined || col === undefined || Number.isNaN(row) || Number.isNaN(col) ? undefined : { row, col };
}

/** A service cell's place in its row's grid, whichever of the columns before it are drawn. */
const placeAt = (serviceIndex: number) => ({ gridRowStart: 1, gridColumnStart: FIRST_SERVICE_COL + serviceIndex + 1 });

const cellAttrs = (row: number, col: number, active: number) => ({
  'data-pos': `${row}:${col}`,
  'aria-colindex': col + 1,
  tabIndex: col === active ? 0 : -1,
});

/**
 * The matrix as an ARIA grid with one tab stop (roving focus): arrows, Home/End (Ctrl: grid corners),
 * PageUp/PageDown move; Space toggles a service cell; Enter opens the organisation (or, on a column
 * header, the service). Rows and service columns are virtualised (only those in view are drawn; the keys
 * move the focus to any cell, which is scrolled into view and then drawn) and rows are memoised (a row
 * re-renders only when its data, its focused cell or the columns in view change), and clicks and focus are
 * handled once on the grid, so thousands of rows scroll smoothly; the header and the organisation columns
 * stay in view. Every cell carries its aria-rowindex/aria-colindex, so a screen reader counts the whole grid.
 */
export function MatrixGrid({ matrix, onToggle }: Props) {
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);
  const focusInside = useRef(false);
  const [focus, setFocus] = useState<GridFocus>({ row: HEADER_ROWS, col: FIRST_SERVICE_COL });

  const { rows } = matrix;
  const columns = useMemo(() => matrixColumns(matrix), [matrix]);
  // What a row's cells need of the columns, the same object for as long as the services and their names are:
  // the columns' figures change with every toggle, and rows that were handed them would all render again.
  const cellColumnsKey = JSON.stringify(matrix.columns.map((c) => [c.serviceId, c.name]));
  const cellColumns = useMemo(
    () => (JSON.parse(cellColumnsKey) as [string, string][]).map(([serviceId, name]) => ({ serviceId, name })),
    [cellColumnsKey],
  );
  const colCount = FIRST_SERVICE_COL + columns.length;
  const rowCount = HEADER_ROWS + rows.length;
  const pos = resolveFocus(focus, rows, colCount);
  const template = `${NAME_W}px ${COUNT_W}px ${columns.map((c) => `${c.width}px`).join(' ')}`;
  const width = NAME_W + COUNT_W + columns.reduce((sum, c) => sum + c.width, 0);

  // One set of class names per render of the styles, so memoised rows see the same object and skip re-rendering.
  const classes = useMemo<Classes>(
    () => ({
      name: mergeClasses(styles.cell, styles.sticky, styles.name),
      count: mergeClasses(styles.cell, styles.sticky, styles.count),
      headName: mergeClasses(styles.cell, styles.sticky, styles.name, styles.stickyHead),
      headCount: mergeClasses(styles.cell, styles.sticky, styles.count, styles.stickyHead),
      columnHeader: mergeClasses(styles.cell, styles.columnHeader),
      archivedHeader: mergeClasses(styles.cell, styles.columnHeader, styles.archived),
      headerLink: styles.headerLink,
      nameLink: styles.nameLink,
      notMember: styles.notMember,
      totalLabel: styles.totalLabel,
      total: mergeClasses(styles.cell, styles.total),
      empty: mergeClasses(styles.cell, styles.serviceCell),
      direct: mergeClasses(styles.cell, styles.serviceCell, styles.direct),
      group: mergeClasses(styles.cell, styles.serviceCell, styles.group),
      check: styles.check,
      row: styles.row,
      bodyRow: mergeClasses(styles.row, styles.bodyRow),
    }),
    [styles],
  );

  // TanStack Virtual hands back functions the React Compiler cannot memoise; this component opts out by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    overscan: 6,
    scrollMargin: HEADER_H,
    scrollPaddingStart: HEADER_H,
    getItemKey: (index) => rows[index]?.organisationId ?? index,
    initialRect: expectedScrollerRect(),
  });
  // Columns are virtualised too: a hundred services times a screen of rows were thousands of cells for the
  // browser to style and lay out, nearly all of them scrolled out of view to the right.
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => columns[index]?.width ?? 0,
    overscan: COLUMN_OVERSCAN,
    scrollMargin: STICKY_W,
    scrollPaddingStart: STICKY_W,
    getItemKey: (index) => columns[index]?.serviceId ?? index,
    initialRect: expectedScrollerRect(),
  });
  const virtualColumns = columnVirtualizer.getVirtualItems();
  const firstColumn = virtualColumns[0]?.index ?? 0;
  const lastColumn = virtualColumns.at(-1)?.index ?? -1;
  // The same object while the range is, so memoised rows skip rendering while the grid scrolls vertically.
  const shownColumns = useMemo<ColumnWindow>(() => ({ first: firstColumn, last: lastColumn }), [firstColumn, lastColumn]);

  // After a keyboard move (or when the focused row left the list), focus the cell once it is rendered.
  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    if (focusInside.current && (document.activeElement === document.body || document.activeElement === null)) focusPending.current = true;
    if (!focusPending.current) return;
    const element = grid.querySelector<HTMLElement>(`[data-pos="${pos.row}:${pos.col}"]`);
    if (element) {
      element.focus();
      focusPending.current = false;
    }
  });

  const focusOf = (at: GridPos): GridFocus => {
    const organisationId = at.row >= HEADER_ROWS ? rows[at.row - HEADER_ROWS]?.organisationId : undefined;
    return organisationId !== undefined ? { ...at, organisationId } : at;
  };

  const moveTo = (next: GridPos) => {
    setFocus(focusOf(next));
    focusPending.current = true;
    if (next.row >= HEADER_ROWS) virtualizer.scrollToIndex(next.row - HEADER_ROWS, { align: 'auto' });
    if (next.col >= FIRST_SERVICE_COL) columnVirtualizer.scrollToIndex(next.col - FIRST_SERVICE_COL, { align: 'auto' });
  };

  const act = (at: GridPos, key: string) => {
    const action = cellAction(at, key);
    const row = rows[at.row - HEADER_ROWS];
    const column = matrix.columns[at.col - FIRST_SERVICE_COL];
    if (action === 'toggle' && row && column) onToggle(row, column);
    else if (action === 'open-organisation' && row) navigate('medlemmar', [row.organisationId]);
    else if (action === 'open-service' && column) navigate('tjanster', [column.serviceId]);
    return action !== undefined;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey) return;
    const scroller = scrollRef.current;
    const page = scroller ? Math.max(1, Math.floor((scroller.clientHeight - HEADER_H) / ROW_H) - 1) : 10;
    const next = moveInGrid(pos, e, { rows: rowCount, cols: colCount, page });
    if (next) {
      e.preventDefault();
      moveTo(next);
      return;
    }
    if (!e.ctrlKey && !e.metaKey && act(pos, e.key)) e.preventDefault();
  };

  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    focusInside.current = true;
    const at = posOf(e.target);
    if (at && (at.row !== pos.row || at.col !== pos.col)) setFocus(focusOf(at));
  };

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    // A click on a link inside a header or name cell follows the link.
    if (e.target instanceof Element && e.target.closest('a')) return;
    const at = posOf(e.target);
    if (!at || cellAction(at, ' ') !== 'toggle') return;
    moveTo(at);
    act(at, ' ');
  };

  const headerActive = pos.row < HEADER_ROWS ? pos : undefined;

  return (
    <div ref={scrollRef} className={styles.scroller} data-testid="matrix-scroller" data-ready="true">
      <div
        ref={gridRef}
        role="grid"
        aria-label={t.gridLabel}
        aria-rowcount={rowCount}
        aria-colcount={colCount}
        className={styles.grid}
        style={{ width: `${width}px` }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={(e) => {
          if (e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget)) focusInside.current = false;
        }}
        onClick={onClick}
        data-testid="usage-matrix"
      >
        <MatrixHeader
          columns={columns}
          shown={shownColumns}
          template={template}
          classes={classes}
          activeRow={headerActive?.row ?? -1}
          activeCol={headerActive?.col ?? -1}
          className={styles.head}
        />
        <div role="rowgroup" style={{ position: 'relative', height: `${virtualizer.getTotalSize()}px` }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const gridRow = HEADER_ROWS + item.index;
            return (
              <MatrixRow
                key={row.organisationId}
                row={row}
                columns={cellColumns}
                shown={shownColumns}
                viaNames={matrix.viaNames}
                gridRow={gridRow}
                top={item.start - HEADER_H}
                activeCol={pos.row === gridRow ? pos.col : -1}
                template={template}
                width={width}
                classes={classes}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

const MatrixHeader = memo(function MatrixHeader({
  columns,
  shown,
  template,
  classes,
  activeRow,
  activeCol,
  className,
}: {
  columns: readonly MatrixColumnVm[];
  shown: ColumnWindow;
  template: string;
  classes: Classes;
  activeRow: number;
  activeCol: number;
  className: string;
}) {
  const active = (row: number) => (row === activeRow ? activeCol : -1);
  const totalsRows = [
    { key: 'users', label: t.totals.users, value: (c: MatrixColumnVm) => c.users },
    { key: 'visible-users', label: t.totals.visibleUsers, value: (c: MatrixColumnVm) => c.visibleUsers },
    { key: 'member-share', label: t.totals.memberShare, value: (c: MatrixColumnVm) => c.memberShare },
    { key: 'population-share', label: t.totals.populationShare, value: (c: MatrixColumnVm) => c.populationShare },
  ];
  // Every header row draws the same columns, so moving the focus between them never finds a cell missing.
  const drawn = drawnColumns(shown, activeCol);
  return (
    <div role="rowgroup" className={className}>
      <div role="row" aria-rowindex={1} className={classes.row} style={{ gridTemplateColumns: template, height: `${NAME_ROW_H}px` }}>
        <div role="columnheader" className={mergeClasses(classes.headName, classes.columnHeader)} {...cellAttrs(0, 0, active(0))}>
          {t.corner}
        </div>
        <div role="columnheader" className={mergeClasses(classes.headCount, classes.columnHeader)} {...cellAttrs(0, 1, active(0))}>
          {t.serviceCount}
        </div>
        {drawn.map((i) => {
          const c = columns[i];
          if (!c) return null;
          return (
            <div
              key={c.serviceId}
              role="columnheader"
              aria-label={c.label}
              title={c.label}
              className={c.archived ? classes.archivedHeader : classes.columnHeader}
              style={placeAt(i)}
              {...cellAttrs(0, FIRST_SERVICE_COL + i, active(0))}
            >
              <a href={hrefTo('tjanster', [c.serviceId])} tabIndex={-1} className={classes.headerLink}>
                {c.name}
              </a>
            </div>
          );
        })}
      </div>
      {totalsRows.map((total, r) => (
        <div
          key={total.key}
          role="row"
          aria-rowindex={r + 2}
          className={classes.row}
          style={{ gridTemplateColumns: template, height: `${TOTAL_ROW_H}px` }}
          data-total={total.key}
        >
          <div role="rowheader" className={classes.headName} {...cellAttrs(r + 1, 0, active(r + 1))}>
            <span className={classes.totalLabel}>{total.label}</span>
          </div>
          <div role="gridcell" className={classes.headCount} {...cellAttrs(r + 1, 1, active(r + 1))} />
          {drawn.map((i) => {
            const c = columns[i];
            if (!c) return null;
            return (
              <div
                key={c.serviceId}
                role="gridcell"
                aria-label={`${c.name}, ${total.label}: ${total.value(c)}`}
                className={classes.total}
                style={placeAt(i)}
                data-testid={`total-${total.key}-${c.serviceId}`}
                {...cellAttrs(r + 1, FIRST_SERVICE_COL + i, active(r + 1))}
              >
                {total.value(c)}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
});

const MatrixRow = memo(function MatrixRow({
  row,
  columns,
  shown,
  viaNames,
  gridRow,
  top,
  activeCol,
  template,
  width,
  classes,
}: {
  row: UsageMatrixAnswerRow;
  columns: readonly CellColumn[];
  shown: ColumnWindow;
  viaNames: Record<string, string>;
  gridRow: number;
  top: number;
  activeCol: number;
  template: string;
  width: number;
  classes: Classes;
}) {
  return (
    <div
      role="row"
      aria-rowindex={gridRow + 1}
      className={classes.bodyRow}
      style={{ gridTemplateColumns: template, width: `${width}px`, transform: `translateY(${top}px)` }}
      data-org={row.organisationId}
    >
      <div role="rowheader" className={classes.name} title={row.name} {...cellAttrs(gridRow, 0, activeCol)}>
        <a href={hrefTo('medlemmar', [row.organisationId])} tabIndex={-1} className={classes.nameLink}>
          {row.name}
        </a>
        {!row.isMember && <span className={classes.notMember}>{t.notMember}</span>}
      </div>
      <div
        role="gridcell"
        className={classes.count}
        aria-label={t.countLabel(formatNumber(row.serviceCount)) + (row.serviceUse.via.length > 0 ? `, varav ${describeVia(row.serviceUse.via)}` : '')}
        title={row.serviceUse.via.length > 0 ? describeServiceUse(row.serviceUse) : undefined}
        data-testid={`row-total-${row.organisationId}`}
        {...cellAttrs(gridRow, 1, activeCol)}
      >
        {formatNumber(row.serviceCount)}
      </div>
      {drawnColumns(shown, activeCol).map((i) => {
        const column = columns[i];
        if (!column) return null;
        const cell = matrixCell(row, i, column.name, viaNames);
        return (
          <div
            key={column.serviceId}
            role="gridcell"
            aria-label={cell.label}
            title={cell.label}
            className={!cell.inUse ? classes.empty : cell.source === 'group' ? classes.group : classes.direct}
            data-testid={`cell-${row.organisationId}-${column.serviceId}`}
            data-in-use={cell.inUse ? 'true' : 'false'}
            data-source={cell.inUse ? cell.source : undefined}
            style={placeAt(i)}
            {...cellAttrs(gridRow, FIRST_SERVICE_COL + i, activeCol)}
          >
            {cell.inUse && (
              <>
                <span className={classes.check} aria-hidden>
                  ✓
                </span>
                {cell.text}
              </>
            )}
          </div>
        );
      })}
    </div>
  );
});
