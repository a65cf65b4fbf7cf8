import { useRef, type ReactNode } from 'react';
import { makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';

const ROW_HEIGHT = 36;

const useStyles = makeStyles({
  scroller: { overflow: 'auto', maxHeight: '440px', minWidth: 0, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  head: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, boxShadow: `0 1px 0 ${tokens.colorNeutralStroke1}` },
  // The least height of a row: a cell whose text wraps (a county at 200 % zoom) makes it taller, and the
  // virtualiser measures it.
  row: { height: `${ROW_HEIGHT}px` },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  numberHeader: { textAlign: 'end', '& > button, & > div': { justifyContent: 'flex-end' } },
  spacer: { border: 'none' },
});

export type VirtualColumn<T> = { key: string; label: string; numeric?: boolean; width?: string; render: (row: T) => ReactNode };

/**
 * A table whose body renders only the rows in view (plus a margin), for lists that can reach thousands of
 * rows (a service's users); the header stays visible while the body scrolls.
 */
export function VirtualTable<T>({
  rows,
  columns,
  rowKey,
  label,
  testId,
  minWidth,
}: {
  rows: readonly T[];
  columns: readonly VirtualColumn<T>[];
  rowKey: (row: T) => string;
  label: string;
  testId?: string;
  /** The least width of the table: narrower than that (200 % zoom), it scrolls sideways in its region instead of crushing its columns. */
  minWidth?: string;
}) {
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands back functions the React Compiler cannot memoise; this component opts out by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const top = first ? first.start : 0;
  const bottom = last ? virtualizer.getTotalSize() - last.end : 0;

  return (
    <div ref={scrollRef} className={styles.scroller} tabIndex={0} role="region" aria-label={label}>
      <Table size="small" aria-label={label} aria-rowcount={rows.length + 1} data-testid={testId} style={minWidth ? { minWidth } : undefined}>
        <TableHeader className={styles.head}>
          <TableRow aria-rowindex={1}>
            {columns.map((c) => (
              <TableHeaderCell key={c.key} className={mergeClasses(c.numeric && styles.numberHeader)} style={c.width ? { width: c.width } : undefined}>
                {c.label}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {top > 0 && <tr aria-hidden="true" className={styles.spacer} style={{ height: `${top}px` }} />}
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            return (
              <TableRow
                key={rowKey(row)}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className={styles.row}
                aria-rowindex={item.index + 2}
                data-row-key={rowKey(row)}
              >
                {columns.map((c) => (
                  <TableCell key={c.key} className={mergeClasses(c.numeric && styles.number)}>
                    {c.render(row)}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
          {bottom > 0 && <tr aria-hidden="true" className={styles.spacer} style={{ height: `${bottom}px` }} />}
        </TableBody>
      </Table>
    </div>
  );
}
