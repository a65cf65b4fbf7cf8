import { useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  Button,
  Card,
  Link,
  makeStyles,
  mergeClasses,
  Switch,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
  useId,
} from '@fluentui/react-components';
import { NavTable } from '../../components/NavTable';
import { CheckmarkCircle16Filled, DismissCircle16Filled, Print20Regular, Warning16Filled } from '@fluentui/react-icons';
import { useApiQuery } from '../../app/api';
import { hrefTo } from '../../app/router';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { coverageViewModel, type CoverageVm } from './coverage.view-model';
import { useSharedStyles } from './shared';
import './medlemmar-print.css';

const t = sv.medlemmar.coverage;

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
  intro: { maxWidth: '80ch' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  stats: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalL },
  stat: { padding: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  statLabel: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground3 },
  statValue: { fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  attention: { color: tokens.colorPaletteDarkOrangeForeground1 },
  tableWrap: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  table: { minWidth: '1000px' },
  th: { position: 'sticky', top: `calc(${tokens.spacingVerticalXXL} * -1)`, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, boxShadow: `0 1px 0 ${tokens.colorNeutralStroke1}` },
  memberCol: { width: '26%' },
  staleCol: { width: '14%' },
  cell: { verticalAlign: 'top', paddingBlock: tokens.spacingVerticalXS },
  marker: { display: 'inline-flex', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalXXS },
  icon: { flexShrink: 0, marginTop: '2px' },
  covered: { color: tokens.colorPaletteGreenForeground1 },
  missing: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  stale: { color: tokens.colorPaletteDarkOrangeForeground1 },
  names: { display: 'flex', flexDirection: 'column', rowGap: '2px', minWidth: 0, overflowWrap: 'anywhere' },
  staleText: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  kind: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  totals: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
  number: { fontVariantNumeric: 'tabular-nums' },
});

function AreaCell({ cell }: { cell: CoverageVm['rows'][number]['cells'][number] }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  if (!cell.covered) {
    return (
      <span className={mergeClasses(styles.marker, styles.missing)} data-covered="false">
        <DismissCircle16Filled aria-hidden className={styles.icon} />
        {t.missing}
      </span>
    );
  }
  return (
    <span className={styles.marker} data-covered="true">
      <CheckmarkCircle16Filled aria-hidden className={mergeClasses(styles.icon, styles.covered)} />
      <span className={styles.names}>
        <span className={shared.visuallyHidden}>{t.covered}: </span>
        {cell.names.map((n) => (
          <span key={n.name}>
            {n.name}
            {n.stale && <span className={styles.staleText}> ({t.staleMark})</span>}
          </span>
        ))}
      </span>
    </span>
  );
}

/** The printed grid: plain HTML under <body>, styled by medlemmar-print.css, on A4 landscape. */
function CoveragePrint({ vm, date }: { vm: CoverageVm; date: string }) {
  return createPortal(
    <div className="medlemmar-print" data-testid="coverage-print">
      <h1>{t.title}</h1>
      <p>{vm.intro}</p>
      <div className="medlemmar-print-totals">
        {vm.stats.map((s) => (
          <span key={s.id}>
            {s.label}: <strong>{s.value}</strong>
          </span>
        ))}
      </div>
      <table>
        <thead>
          <tr>
            <th className="medlemmar-print-member">{t.member}</th>
            {vm.areas.map((a) => (
              <th key={a.area}>{a.label}</th>
            ))}
            <th>{t.staleColumn}</th>
          </tr>
        </thead>
        <tbody>
          {vm.rows.map((row) => (
            <tr key={row.id}>
              <td>{row.name}</td>
              {row.cells.map((cell) => (
                <td key={cell.area} className={cell.covered ? undefined : 'medlemmar-print-missing'}>
                  {cell.covered ? `✓ ${cell.names.map((n) => (n.stale ? `${n.name} (${t.staleMark})` : n.name)).join(', ')}` : `✗ ${t.missing}`}
                </td>
              ))}
              <td>{row.staleNames.length > 0 ? row.staleNames.join(', ') : sv.medlemmar.common.none}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>{t.totalsRow}</td>
            {vm.missingByArea.map((m) => (
              <td key={m.area} className="medlemmar-print-number">
                {m.value}
              </td>
            ))}
            <td className="medlemmar-print-number">{vm.staleTotal}</td>
          </tr>
        </tfoot>
      </table>
      <p className="medlemmar-print-footer">{t.printedAt(formatDate(date))}</p>
    </div>,
    document.body,
  );
}

export function CoverageView() {
  const styles = useStyles();
  const shared = useSharedStyles();
  const [onlyGaps, setOnlyGaps] = useState(false);
  const coverage = useApiQuery('register/coverage', {});
  const vm = useMemo(() => (coverage.data ? coverageViewModel(coverage.data, onlyGaps) : undefined), [coverage.data, onlyGaps]);
  const tableId = useId('coverage');

  return (
    <QueryState query={coverage}>
      {(data) =>
        vm && (
          <>
            <div className={styles.head} data-ready="true">
              <Text className={styles.intro}>{vm.intro}</Text>
              <div className={styles.actions}>
                <Switch checked={onlyGaps} label={t.onlyGaps} onChange={(_, d) => setOnlyGaps(d.checked)} />
                <Button icon={<Print20Regular />} onClick={() => window.print()}>
                  {t.print}
                </Button>
              </div>
            </div>
            <div className={styles.stats}>
              {vm.stats.map((s) => (
                <Card key={s.id} className={styles.stat} data-stat={s.id}>
                  <h2 className={styles.statLabel}>{s.label}</h2>
                  <Text className={mergeClasses(styles.statValue, s.attention && styles.attention)} data-testid="coverage-stat">
                    {s.value}
                  </Text>
                </Card>
              ))}
            </div>
            {vm.rows.length === 0 ? (
              <Text>{t.noRows}</Text>
            ) : (
              <div className={styles.tableWrap}>
                <NavTable size="small" aria-labelledby={tableId} className={styles.table} data-testid="coverage-table">
                  <caption id={tableId} className={shared.visuallyHidden}>
                    {t.tableLabel}
                  </caption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell className={mergeClasses(styles.th, styles.memberCol)}>{t.member}</TableHeaderCell>
                      {vm.areas.map((a) => (
                        <TableHeaderCell key={a.area} className={styles.th}>
                          {a.label}
                        </TableHeaderCell>
                      ))}
                      <TableHeaderCell className={mergeClasses(styles.th, styles.staleCol)}>{t.staleColumn}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {vm.rows.map((row) => (
                      <TableRow key={row.id} data-testid="coverage-row" data-organisation-id={row.id}>
                        <TableCell className={styles.cell}>
                          <Link href={hrefTo('medlemmar', [row.id])}>{row.name}</Link>
                          <span className={styles.kind}>
                            {row.kind} · {row.status}
                          </span>
                        </TableCell>
                        {row.cells.map((cell) => (
                          <TableCell key={cell.area} className={styles.cell} data-area={cell.area}>
                            <AreaCell cell={cell} />
                          </TableCell>
                        ))}
                        <TableCell className={styles.cell}>
                          {row.staleNames.length > 0 ? (
                            <span className={mergeClasses(styles.marker, styles.stale)}>
                              <Warning16Filled aria-hidden className={styles.icon} />
                              <span className={styles.names}>{row.staleNames.join(', ')}</span>
                            </span>
                          ) : (
                            sv.medlemmar.common.none
                          )}
                        </TableCell>
                      </TableRow>
                    ))}
                    <TableRow className={styles.totals} data-testid="coverage-totals">
                      <TableCell className={styles.cell}>{t.totalsRow}</TableCell>
                      {vm.missingByArea.map((m) => (
                        <TableCell key={m.area} className={mergeClasses(styles.cell, styles.number)} data-area={m.area}>
                          {m.value}
                        </TableCell>
                      ))}
                      <TableCell className={mergeClasses(styles.cell, styles.number)}>{vm.staleTotal}</TableCell>
                    </TableRow>
                  </TableBody>
                </NavTable>
              </div>
            )}
            <CoveragePrint vm={vm} date={data.date} />
          </>
        )
      }
    </QueryState>
  );
}
