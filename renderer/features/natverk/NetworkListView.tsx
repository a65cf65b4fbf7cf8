import { forwardRef, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Field,
  Link,
  makeStyles,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  mergeClasses,
  ProgressBar,
  Select,
  Switch,
  Tab,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  Text,
  tokens,
  useId,
} from '@fluentui/react-components';
import { NavTable } from '../../components/NavTable';
import { Add20Regular, Copy20Regular, MoreHorizontal20Regular } from '@fluentui/react-icons';
import type { NetworkSummary } from '../../../electron/contract';
import { useApiMutation, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import { currentQuery, hrefTo, navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { useCopyEmails } from './EmailCopy';
import { NetworkDialog } from './NetworkDialog';
import { ViewDateInput } from '../../components/DateInput';
import {
  figuresVm,
  kindTabs,
  networkRows,
  parseKindFilter,
  selectedInOrder,
  selectionState,
  yearChoices,
  type KindFilter,
  type NetworkRowVm,
} from './network-list.view-model';
import { useNatverkStyles } from './styles';
import { parseCalendarDate, yearOf } from '../../../electron/contract/rules/calendar-date';

const t = sv.natverk;

const useStyles = makeStyles({
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalL,
  },
  figure: { padding: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  figureTop: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  // The badge keeps its words on one line inside its pill; the heading beside it wraps instead.
  goalBadge: { flexShrink: 0, whiteSpace: 'nowrap' },
  figureValue: {
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalS,
  },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  selection: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM, minHeight: '32px', marginBottom: tokens.spacingVerticalS },
  checkCol: { width: '44px' },
  nameCol: { width: '31%' },
  // Wide enough for «Kompetensnätverk», the longest kind, at 1366 px.
  kindCol: { width: '16%' },
  progressCol: { width: '22%' },
  numCol: { width: '9%' },
  dateCol: { width: '11%' },
  actionsCol: { width: '52px' },
  progress: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  progressBar: { flexGrow: 1, flexShrink: 1, flexBasis: '60px', minWidth: '60px' },
  progressText: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', minWidth: '56px', flexShrink: 0, textAlign: 'end' },
  name: { display: 'flex', flexDirection: 'column', rowGap: '2px', paddingBlock: tokens.spacingVerticalXS },
  nameLine: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  archivedRow: { color: tokens.colorNeutralForeground3 },
  spacerRow: { border: 'none' },
});

/**
 * Past this many rows the table draws the rows in view and a screenful around them (the page's own scrolling
 * brings the others); a list of a few dozen networks is drawn whole, so the browser's find sees every row.
 */
const VIRTUAL_FROM = 80;
/** A row with one line under the name; rows are measured once drawn. */
const ROW_ESTIMATE = 57;

type Props = { kind: KindFilter; date?: string; showArchived: boolean };

/**
 * The list's next address: the filters of the address as it is now (not as last rendered: a filter set right after
 * another, before the hashchange has re-rendered the list, must build on the newer one) with `override` applied.
 */
function nextListQuery(override: Partial<{ kind: KindFilter; date: string; showArchived: boolean }>) {
  const query = currentQuery();
  const now = { kind: parseKindFilter(query.get('typ')), date: parseCalendarDate(query.get('datum')), showArchived: query.get('arkiverade') === 'ja' };
  const next = { ...now, ...override };
  return {
    ...(next.kind !== 'alla' ? { typ: next.kind } : {}),
    ...(next.date !== undefined && next.date !== '' ? { datum: next.date } : {}),
    ...(next.showArchived ? { arkiverade: 'ja' } : {}),
  };
}

export function NetworkListView({ kind, date, showArchived }: Props) {
  const styles = useStyles();
  const shared = useNatverkStyles();
  const notify = useNotify();
  const [year, setYear] = useState<number>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<{ network?: NetworkSummary } | undefined>();
  const list = useApiQuery('networks/list', { includeArchived: showArchived, ...(date !== undefined ? { date } : {}) });
  const figures = useApiQuery('networks/get-figures', { ...(date !== undefined ? { date } : {}), ...(year !== undefined ? { year } : {}) });
  const emails = useCopyEmails();
  const archive = useApiMutation('networks/archive', {
    onSuccess: (n) => notify(n.archived ? t.list.archivedToast(n.name) : t.list.restoredToast(n.name)),
    onError: (error) => notify(error.message, 'error'),
  });
  const tabsId = useId('tabs');
  const tableId = useId('table');

  const today = figures.data?.date ?? '';
  const go = (override: Parameters<typeof nextListQuery>[0]) => navigate('natverk', [], nextListQuery(override));

  const all = useMemo(() => list.data ?? [], [list.data]);
  const goal = figures.data?.municipalityGoal;
  const rows = useMemo(
    () => (goal === undefined || figures.data === undefined ? [] : networkRows(all, goal, figures.data.date, kind)),
    [all, goal, figures.data, kind],
  );
  const tabs = useMemo(() => kindTabs(all), [all]);
  const chosen = selectedInOrder(selected, all);
  const visibleIds = rows.map((r) => r.id);
  const headerChecked = selectionState(selected, visibleIds);

  const toggleAll = () => {
    setSelected((current) => {
      const next = new Set(current);
      if (headerChecked === true) for (const id of visibleIds) next.delete(id);
      else for (const id of visibleIds) next.add(id);
      return next;
    });
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const virtual = rows.length > VIRTUAL_FROM;
  // Where the rows begin in the page's scrolling area (<main>): the figures above them arrive on their own.
  const [rowsTop, setRowsTop] = useState(0);
  const measureRowsTop = () => {
    const body = bodyRef.current;
    const main = body?.closest('main');
    if (!virtual || !body || !main) return;
    setRowsTop(Math.round(body.getBoundingClientRect().top - main.getBoundingClientRect().top + main.scrollTop));
  };
  // What sits above can change height on any render (the figures arriving, a tab row wrapping): measure again.
  // An unchanged number sets no new state, so this settles after one pass.
  useLayoutEffect(measureRowsTop);
  // TanStack Virtual hands back functions the React Compiler cannot memoise; this component opts out by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => bodyRef.current?.closest('main') ?? null,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    scrollMargin: rowsTop,
    // The first screenful is drawn at once, before the scrolling area has been measured.
    initialRect: { width: 0, height: typeof window === 'undefined' ? 800 : window.innerHeight },
  });
  const items = virtualizer.getVirtualItems();
  const shownRows = virtual ? items.flatMap((item) => (rows[item.index] ? [{ row: rows[item.index] as NetworkRowVm, index: item.index }] : [])) : rows.map((row, index) => ({ row, index }));
  const spaceAbove = virtual && items.length > 0 ? (items[0]?.start ?? rowsTop) - rowsTop : 0;
  const spaceBelow = virtual && items.length > 0 ? virtualizer.getTotalSize() - ((items[items.length - 1]?.end ?? rowsTop) - rowsTop) : 0;
  const columnCount = kind === 'alla' ? 8 : 7;

  const fvm = figures.data ? figuresVm(figures.data) : undefined;
  const currentYear = figures.data?.year ?? yearOf(date ?? figures.data?.date ?? '2022-01-01');

  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={figures.data ? t.list.asOf(formatDate(figures.data.date, 'long')) : undefined}
        actions={
          <Button appearance="primary" icon={<Add20Regular />} onClick={() => setDialog({})}>
            {t.list.newNetwork}
          </Button>
        }
      />
      <QueryState query={figures}>
        {() =>
          fvm && (
            <section className={styles.figures} aria-label={t.figures.label}>
              <Card className={styles.figure} role="region" aria-label={t.figures.networksGoal} data-testid="goal-networks">
                <div className={styles.figureTop}>
                  <h2 className={shared.cardLabel}>{t.figures.networksGoal}</h2>
                  <Badge appearance="tint" color={fvm.reached ? 'success' : 'informative'} className={styles.goalBadge}>
                    {fvm.reachedText}
                  </Badge>
                </div>
                <Text className={styles.figureValue} data-testid="figure-value">
                  {fvm.networksValue}
                </Text>
                <Text className={shared.hint}>{fvm.networksHint}</Text>
              </Card>
              <Card className={styles.figure} role="region" aria-label={fvm.eventsLabel} data-testid="goal-events">
                <div className={styles.figureTop}>
                  <h2 className={shared.cardLabel}>{fvm.eventsLabel}</h2>
                  <Select
                    size="small"
                    aria-label={t.figures.year}
                    value={String(currentYear)}
                    onChange={(_e, data) => setYear(Number(data.value))}
                  >
                    {yearChoices(yearOf(figures.data?.date ?? '2022-01-01')).map((y) => (
                      <option key={y} value={y}>
                        {String(y)}
                      </option>
                    ))}
                  </Select>
                </div>
                <Text className={styles.figureValue} data-testid="figure-value">
                  {fvm.eventsValue}
                </Text>
                <Text className={shared.hint}>{fvm.eventsHint}</Text>
                <Text className={shared.hint}>{fvm.otherEventsHint}</Text>
                <Text className={shared.hint}>{fvm.eventsGoal}</Text>
              </Card>
            </section>
          )
        }
      </QueryState>

      <div className={styles.toolbar}>
        <TabList
          id={tabsId}
          aria-label={t.list.tabsLabel}
          selectedValue={kind}
          onTabSelect={(_e, data) => go({ kind: data.value as KindFilter })}
        >
          {tabs.map((tab) => (
            <Tab key={tab.value} value={tab.value}>
              {tab.label}
            </Tab>
          ))}
        </TabList>
        <div className={styles.controls}>
          <Field label={t.list.date}>
            <ViewDateInput date={date} fallback={today} onDate={(d) => go({ date: d })} />
          </Field>
          <Switch label={t.list.showArchived} checked={showArchived} onChange={(_e, data) => go({ showArchived: data.checked })} />
        </div>
      </div>

      <div className={styles.selection}>
        <Button
          icon={<Copy20Regular />}
          disabled={chosen.length === 0 || emails.busy}
          onClick={() => void emails.copy(chosen, date)}
          title={chosen.length === 0 ? t.list.copySelectedHint : undefined}
        >
          {t.list.copySelected}
        </Button>
        <Text className={shared.hint} aria-live="polite">
          {chosen.length === 0 ? t.list.copySelectedHint : t.list.selected(formatNumber(chosen.length))}
        </Text>
      </div>

      <QueryState query={list}>
        {() =>
          rows.length === 0 ? (
            <Text className={shared.hint} data-ready="true">
              {t.list.empty}
            </Text>
          ) : (
            <Card className={shared.tableCard} data-ready="true">
              <NavTable id={tableId} aria-label={t.list.tableLabel} className={shared.table} aria-rowcount={rows.length + 1}>
                <TableHeader>
                  <TableRow aria-rowindex={1}>
                    <TableHeaderCell className={styles.checkCol}>
                      <Checkbox checked={headerChecked} onChange={toggleAll} aria-label={t.list.selectAll} />
                    </TableHeaderCell>
                    <TableHeaderCell className={styles.nameCol}>{t.list.columns.name}</TableHeaderCell>
                    {kind === 'alla' && <TableHeaderCell className={styles.kindCol}>{t.list.columns.kind}</TableHeaderCell>}
                    <TableHeaderCell className={styles.progressCol}>{t.list.columns.municipalities}</TableHeaderCell>
                    <TableHeaderCell className={mergeClasses(styles.numCol, shared.numberHeader)}>{t.list.columns.persons}</TableHeaderCell>
                    <TableHeaderCell className={mergeClasses(styles.numCol, shared.numberHeader)}>{t.list.columns.meetings}</TableHeaderCell>
                    <TableHeaderCell className={mergeClasses(styles.dateCol, shared.numberHeader)}>{t.list.columns.lastMeeting}</TableHeaderCell>
                    <TableHeaderCell className={styles.actionsCol}>
                      <span className={shared.visuallyHidden}>{t.list.columns.actions}</span>
                    </TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody ref={bodyRef}>
                  {spaceAbove > 0 && (
                    <tr aria-hidden="true" className={styles.spacerRow} style={{ height: `${spaceAbove}px` }}>
                      <td colSpan={columnCount} />
                    </tr>
                  )}
                  {shownRows.map(({ row, index }) => (
                    <NetworkRow
                      key={row.id}
                      ref={virtual ? virtualizer.measureElement : undefined}
                      index={index}
                      row={row}
                      showKind={kind === 'alla'}
                      checked={selected.has(row.id)}
                      onCheck={(on) => toggle(row.id, on)}
                      onEdit={() => setDialog({ network: all.find((n) => n.id === row.id) })}
                      onArchive={() => archive.mutate({ networkId: row.id, archived: !row.archived })}
                    />
                  ))}
                  {spaceBelow > 0 && (
                    <tr aria-hidden="true" className={styles.spacerRow} style={{ height: `${spaceBelow}px` }}>
                      <td colSpan={columnCount} />
                    </tr>
                  )}
                </TableBody>
              </NavTable>
            </Card>
          )
        }
      </QueryState>

      <NetworkDialog
        open={dialog !== undefined}
        {...(dialog?.network ? { network: dialog.network } : {})}
        {...(kind !== 'alla' ? { defaultKind: kind } : {})}
        onClose={() => setDialog(undefined)}
        onSaved={(saved) => {
          if (!dialog?.network) navigate('natverk', [saved.id]);
        }}
      />
      {emails.dialog}
    </>
  );
}

const NetworkRow = forwardRef<HTMLTableRowElement, {
  index: number;
  row: NetworkRowVm;
  showKind: boolean;
  checked: boolean;
  onCheck: (on: boolean) => void;
  onEdit: () => void;
  onArchive: () => void;
}>(function NetworkRow({ index, row, showKind, checked, onCheck, onEdit, onArchive }, ref) {
  const styles = useStyles();
  const shared = useNatverkStyles();
  return (
    <TableRow ref={ref} className={row.archived ? styles.archivedRow : undefined} data-network-id={row.id} data-index={index} aria-rowindex={index + 2}>
      <TableCell>
        <Checkbox checked={checked} onChange={(_e, data) => onCheck(data.checked === true)} aria-label={t.list.selectRow(row.name)} />
      </TableCell>
      <TableCell>
        <div className={styles.name}>
          <div className={styles.nameLine}>
            <Link href={hrefTo('natverk', [row.id])}>{row.name}</Link>
            {row.status !== undefined && (
              <Badge appearance="outline" color="informative" size="small">
                {row.status}
              </Badge>
            )}
          </div>
          {row.detail !== undefined && <Text className={shared.hint}>{row.detail}</Text>}
        </div>
      </TableCell>
      {showKind && <TableCell>{row.kindLabel}</TableCell>}
      <TableCell>
        {row.progress ? (
          <div className={styles.progress}>
            <ProgressBar
              className={styles.progressBar}
              value={row.progress.ratio}
              max={1}
              thickness="large"
              color={row.progress.reached ? 'success' : 'brand'}
              aria-label={t.list.progressLabel(row.name, String(row.progress.count), row.progress.goal)}
            />
            <Text className={styles.progressText} data-testid="progress-text">
              {row.progress.text}
            </Text>
          </div>
        ) : (
          <Text className={styles.progressText} data-testid="municipalities-text">
            {row.municipalities}
          </Text>
        )}
      </TableCell>
      <TableCell className={shared.number}>{row.persons}</TableCell>
      <TableCell className={shared.number}>{row.meetings}</TableCell>
      <TableCell className={shared.number}>
        {row.lastMeeting}
        {row.nextMeeting !== undefined && <Text className={shared.hint}>{row.nextMeeting}</Text>}
      </TableCell>
      <TableCell>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton appearance="subtle" icon={<MoreHorizontal20Regular />} menuIcon={null} aria-label={t.list.rowMenu(row.name)} />
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => navigate('natverk', [row.id])}>{t.list.open}</MenuItem>
              <MenuItem onClick={onEdit}>{t.list.edit}</MenuItem>
              <MenuItem onClick={onArchive}>{row.archived ? t.list.restore : t.list.archive}</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </TableCell>
    </TableRow>
  );
});
