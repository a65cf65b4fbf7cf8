import { useRef, useState } from 'react';
import {
  Badge,
  Checkbox,
  Dropdown,
  makeStyles,
  mergeClasses,
  Option,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { NavTable } from '../../components/NavTable';
import { ErrorCircle16Regular, Info16Regular, Warning16Regular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RowDecision } from '../../../electron/contract';
import { sv } from '../../lib/i18n/sv';
import { acceptChange, acceptNewChange, includeChange, municipalityChange, type DecisionVm, type PreviewRowVm } from './import.view-model';

const ESTIMATED_ROW = 56;

const useStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    maxHeight: '520px',
    minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: { tableLayout: 'fixed', width: '100%', minWidth: '900px' },
  head: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, boxShadow: `0 1px 0 ${tokens.colorNeutralStroke1}` },
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  numberHeader: { textAlign: 'end', '& > div': { justifyContent: 'flex-end' } },
  lines: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: 'none' },
  note: { display: 'flex', columnGap: tokens.spacingHorizontalXS, alignItems: 'flex-start' },
  noteIcon: { flexShrink: 0, marginTop: '2px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  review: { color: tokens.colorPaletteMarigoldForeground2 },
  info: { color: tokens.colorNeutralForeground3 },
  organisation: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  decisions: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
  dropdown: { minWidth: '0', width: '100%' },
  muted: { color: tokens.colorNeutralForeground3 },
  excluded: { opacity: 0.7 },
  spacer: { border: 'none' },
  empty: { padding: tokens.spacingHorizontalM },
});

function Note({ severity, text }: { severity: 'error' | 'review' | 'info'; text: string }) {
  const styles = useStyles();
  const Icon = severity === 'error' ? ErrorCircle16Regular : severity === 'review' ? Warning16Regular : Info16Regular;
  return (
    <li className={mergeClasses(styles.note, styles[severity])}>
      <Icon className={styles.noteIcon} aria-hidden />
      <span>{text}</span>
    </li>
  );
}

/**
 * A decision's checkbox. The row's state comes from the core's preview, which is asked again after every decision;
 * the click shows at once (the box ticks when clicked, not a round trip later) and stays while that preview runs.
 * When it ends the preview's answer rules again: the same state when it succeeded, the old one when it failed.
 */
function DecisionCheckbox({ label, text, checked, busy, onToggle }: { label: string; text: string; checked: boolean; busy: boolean; onToggle: (checked: boolean) => void }) {
  const [clicked, setClicked] = useState<boolean>();
  const [wasBusy, setWasBusy] = useState(busy);
  if (busy !== wasBusy) {
    setWasBusy(busy);
    if (!busy) setClicked(undefined);
  }
  return (
    <Checkbox
      aria-label={label}
      label={text}
      checked={clicked ?? checked}
      disabled={busy}
      onChange={(_, d) => {
        const next = d.checked === true;
        setClicked(next);
        onToggle(next);
      }}
    />
  );
}

function Decision({ decision, rowNumber, busy, onDecide }: { decision: DecisionVm; rowNumber: number; busy: boolean; onDecide: (row: number, change: RowDecision) => void }) {
  const styles = useStyles();
  switch (decision.kind) {
    case 'municipality': {
      const selected = decision.options.find((o) => o.code === decision.selected);
      return (
        <Dropdown
          className={styles.dropdown}
          size="small"
          aria-label={decision.label}
          placeholder={sv.excel.chooseMunicipality}
          disabled={busy}
          value={selected?.label ?? ''}
          selectedOptions={decision.selected ? [decision.selected] : []}
          onOptionSelect={(_, d) => onDecide(rowNumber, { ...municipalityChange(d.optionValue ?? ''), ...(decision.clearsAccept ? { accept: undefined } : {}) })}
        >
          <Option value="" text={sv.excel.chooseMunicipality}>
            {sv.excel.chooseMunicipality}
          </Option>
          {decision.options.map((o) => (
            <Option key={o.code} value={o.code} text={o.label}>
              {o.label}
            </Option>
          ))}
        </Dropdown>
      );
    }
    case 'accept-conflict':
      return (
        <DecisionCheckbox label={decision.label} text={sv.excel.acceptConflict} checked={decision.checked} busy={busy} onToggle={(checked) => onDecide(rowNumber, acceptChange(checked))} />
      );
    case 'accept-new':
      return (
        <DecisionCheckbox label={decision.label} text={sv.excel.acceptNew} checked={decision.checked} busy={busy} onToggle={(checked) => onDecide(rowNumber, acceptNewChange(checked))} />
      );
    case 'include':
      return (
        <DecisionCheckbox label={decision.label} text={sv.excel.include} checked={decision.checked} busy={busy} onToggle={(checked) => onDecide(rowNumber, includeChange(checked))} />
      );
    case 'note':
      return decision.text ? <Text className={styles.muted}>{decision.text}</Text> : null;
  }
}

/**
 * Every row of the file with its outcome: what happens, each problem with its column and reason, and the
 * decisions a row asks for. Only the rows in view are rendered (a file may hold many thousands), each measured,
 * since a row with several notes is taller.
 */
export function ImportPreviewTable({
  rows,
  busy,
  onDecide,
}: {
  rows: readonly PreviewRowVm[];
  busy: boolean;
  onDecide: (row: number, change: RowDecision) => void;
}) {
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands back functions the React Compiler cannot memoise; this component opts out by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 8,
    getItemKey: (index) => rows[index]?.key ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const top = first ? first.start : 0;
  const bottom = last ? virtualizer.getTotalSize() - last.end : 0;
  const c = sv.excel.columns;

  return (
    <div ref={scrollRef} className={styles.scroller} tabIndex={0} role="region" aria-label={sv.excel.tableLabel}>
      <NavTable size="small" className={styles.table} aria-label={sv.excel.tableLabel} aria-rowcount={rows.length + 1} data-testid="import-preview">
        <TableHeader className={styles.head}>
          <TableRow aria-rowindex={1}>
            <TableHeaderCell className={styles.numberHeader} style={{ width: '4.5rem' }}>
              {c.row}
            </TableHeaderCell>
            <TableHeaderCell style={{ width: '8.5rem' }}>{c.outcome}</TableHeaderCell>
            <TableHeaderCell style={{ width: '15%' }}>{c.organisation}</TableHeaderCell>
            <TableHeaderCell>{c.what}</TableHeaderCell>
            <TableHeaderCell style={{ width: '16rem' }}>{c.decision}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={5} className={styles.empty}>
                {sv.excel.noRowsShown}
              </TableCell>
            </TableRow>
          )}
          {top > 0 && <tr aria-hidden="true" className={styles.spacer} style={{ height: `${top}px` }} />}
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            return (
              <TableRow
                key={row.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                data-row-number={row.rowNumber}
                data-outcome={row.outcome}
                className={mergeClasses(!row.included && (row.outcome === 'new' || row.outcome === 'update') && styles.excluded)}
              >
                <TableCell className={mergeClasses(styles.cell, styles.number)}>{row.rowNumber}</TableCell>
                <TableCell className={styles.cell}>
                  <Badge appearance="tint" color={row.intent} data-testid="outcome">
                    {row.outcomeLabel}
                  </Badge>
                </TableCell>
                <TableCell className={mergeClasses(styles.cell, styles.organisation)}>{row.organisation}</TableCell>
                <TableCell className={styles.cell}>
                  <ul className={styles.lines}>
                    {row.changes.map((text) => (
                      <li key={text}>{text}</li>
                    ))}
                    {row.notes.map((n, i) => (
                      <Note key={`${i}-${n.text}`} severity={n.severity} text={n.text} />
                    ))}
                  </ul>
                </TableCell>
                <TableCell className={styles.cell}>
                  <div className={styles.decisions}>
                    {row.decisions.map((d, i) => (
                      <Decision key={`${d.kind}-${i}`} decision={d} rowNumber={row.rowNumber} busy={busy} onDecide={onDecide} />
                    ))}
                  </div>
                </TableCell>
              </TableRow>
            );
          })}
          {bottom > 0 && <tr aria-hidden="true" className={styles.spacer} style={{ height: `${bottom}px` }} />}
        </TableBody>
      </NavTable>
    </div>
  );
}
