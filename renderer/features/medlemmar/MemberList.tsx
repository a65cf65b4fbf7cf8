import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { byData, useFocusOnArrival } from '../../app/focus';
import {
  Badge,
  Button,
  Dropdown,
  Field,
  Link,
  makeStyles,
  Menu,
  MenuItemCheckbox,
  MenuList,
  MenuPopover,
  MenuTrigger,
  mergeClasses,
  Option,
  SearchBox,
  Switch,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { NavTable } from '../../components/NavTable';
import { Add20Regular, Dismiss20Regular, TableSettings20Regular } from '@fluentui/react-icons';
import { keepPreviousData } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { MemberStatus, OrganisationRow } from '../../../electron/contract';
import type { CountyRef } from '../../../electron/contract/model/records';
import type { OrganisationKind } from '../../../electron/core/store/schema';
import { useApiClient, useApiQuery } from '../../app/api';
import { hrefTo, previousLocationHash } from '../../app/router';
import { ExportButton } from '../../components/ExportButton';
import { QueryState } from '../../components/QueryState';
import { sv } from '../../lib/i18n/sv';
import {
  columnLabel,
  COLUMN_STORAGE_KEY,
  columnIds,
  columns,
  countText,
  emptyFilters,
  hasActiveFilters,
  listInput,
  multiSelectSummary,
  nextSort,
  parseColumnChoice,
  rowViewModel,
  serialiseColumnChoice,
  tableMinWidth,
  servicesFilters,
  type ColumnId,
  type ListFilters,
  type RowVm,
  type ServicesFilter,
} from './member-list.view-model';
import { memberListExport } from './member-list-export';
import { kindOrder } from './organisation-form.view-model';
import { OrganisationDialog } from './OrganisationDialog';
import { DateInput } from '../../components/DateInput';
import { isCalendarDate } from '../../../electron/contract/rules/calendar-date';
import { whenIdle } from '../../lib/idle';

const t = sv.medlemmar.list;
const ROW_HEIGHT = 40;
/** Rows the core sends at a time: a tall window's rows in view and more than a step either side. */
const WINDOW_ROWS = 300;
/** The window moves in steps of this many rows, so scrolling asks the core again only now and then. */
const WINDOW_STEP = 100;

/** Where the window starts for a view whose first row is `first`: at least a step before it, on a step. */
function windowStartFor(first: number): number {
  return Math.max(0, Math.floor((first - WINDOW_STEP / 2) / WINDOW_STEP) * WINDOW_STEP);
}
const statusOrder = Object.keys(sv.medlemmar.statuses) as MemberStatus[];

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
  },
  search: { width: '400px', maxWidth: '100%' },
  filter: { width: '200px' },
  dropdown: { minWidth: 0, width: '100%' },
  date: { width: '160px' },
  switch: { paddingBottom: tokens.spacingVerticalXXS },
  spacer: { flexGrow: 1 },
  countRow: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalS,
  },
  scroller: {
    overflow: 'auto',
    // Replaced by the measured room left in the window (useRoomBelow); never so small it becomes useless.
    height: '480px',
    minHeight: '320px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  head: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, boxShadow: `0 1px 0 ${tokens.colorNeutralStroke1}` },
  row: { height: `${ROW_HEIGHT}px` },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  nameCell: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  nameLink: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  numberHeader: { textAlign: 'end', '& > button, & > div': { justifyContent: 'flex-end' } },
  spacerRow: { border: 'none' },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

/**
 * The height that lets an element reach down to the bottom of the page's scrolling area (the shell's
 * <main>), so the list has one scrollbar of its own and the sticky header stays in view. Follows window
 * resizes and changes above it (a message bar closing).
 */
function useRoomBelow(ref: RefObject<HTMLElement | null>, bottomGap: number, ready: boolean): number | undefined {
  const [height, setHeight] = useState<number>();
  const measure = useCallback(() => {
    const element = ref.current;
    const main = element?.closest('main');
    if (!element || !main) return;
    const top = element.getBoundingClientRect().top + main.scrollTop;
    setHeight(Math.floor(main.getBoundingClientRect().top + main.clientHeight - top - bottomGap));
  }, [ref, bottomGap]);
  // What sits above can change height on any render (filters wrapping onto another line): measure again.
  useLayoutEffect(measure);
  useLayoutEffect(() => {
    const main = ref.current?.closest('main');
    if (!main) return;
    const observer = new ResizeObserver(measure);
    observer.observe(main);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref, measure, ready]);
  return height;
}

/** A row's strings, made when it is drawn (a few dozen rows of thousands are in view), once per answer's row. */
const rowViews = new WeakMap<OrganisationRow, RowVm>();
function viewOf(row: OrganisationRow): RowVm {
  let view = rowViews.get(row);
  if (!view) rowViews.set(row, (view = rowViewModel(row)));
  return view;
}

function readColumns(): ColumnId[] {
  try {
    return parseColumnChoice(window.localStorage.getItem(COLUMN_STORAGE_KEY));
  } catch {
    return parseColumnChoice(null);
  }
}

function MultiDropdown<T extends string>({
  label,
  values,
  selected,
  labelOf,
  all,
  onChange,
}: {
  label: string;
  values: readonly T[];
  selected: readonly T[];
  labelOf: (value: T) => string;
  all: string;
  onChange: (next: T[]) => void;
}) {
  const styles = useStyles();
  return (
    <Field label={label} className={styles.filter}>
      <Dropdown
        className={styles.dropdown}
        multiselect
        value={multiSelectSummary(selected, (v) => labelOf(v as T), all)}
        selectedOptions={[...selected]}
        onOptionSelect={(_, data) => onChange(values.filter((v) => data.selectedOptions.includes(v)))}
      >
        {values.map((v) => (
          <Option key={v} value={v}>
            {labelOf(v)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** The organisation whose page the user has just come back from (`#/medlemmar/<id>`), if any. */
function organisationLeft(hash: string): string | undefined {
  const match = /^#\/medlemmar\/([^/?]+)/.exec(hash);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

/** One organisation's row: drawn again only when its row in the core's answer, its place or the columns change. */
const MemberRowView = memo(function MemberRowView({ source, place, visible }: { source: OrganisationRow; place: number; visible: readonly ColumnId[] }) {
  const styles = useStyles();
  const row = viewOf(source);
  return (
    <TableRow className={styles.row} aria-rowindex={place} data-row-id={row.id}>
      {visible.map((id) =>
        id === 'name' ? (
          <TableCell key={id}>
            <span className={styles.nameCell}>
              <Link href={hrefTo('medlemmar', [row.id])} className={styles.nameLink} title={row.name}>
                {row.name}
              </Link>
              {row.archived && (
                <Badge appearance="outline" color="subtle" size="small">
                  {t.archived}
                </Badge>
              )}
            </span>
          </TableCell>
        ) : (
          <TableCell key={id} className={mergeClasses(styles.cell, columns[id].numeric && styles.number)} title={row.cells[id]}>
            {row.cells[id]}
          </TableCell>
        ),
      )}
    </TableRow>
  );
});

/**
 * The search box, filters, export and «Ny organisation»: drawn again only when the filters, columns or counties
 * change, not when the list's rows arrive or it scrolls (a keystroke's answer would otherwise redraw every control).
 */
const MemberListToolbar = memo(function MemberListToolbar({
  filters,
  onFiltersChange,
  counties,
  visible,
  ready,
  onSearchFocus,
  onNew,
}: {
  filters: ListFilters;
  onFiltersChange: (next: ListFilters) => void;
  counties: readonly CountyRef[] | undefined;
  visible: readonly ColumnId[];
  /** Whether the list has its first answer (export is offered from then). */
  ready: boolean;
  onSearchFocus: () => void;
  onNew: () => void;
}) {
  const styles = useStyles();
  const client = useApiClient();
  const countyNames = useMemo(() => new Map((counties ?? []).map((c) => [c.code, c.name])), [counties]);
  const update = (patch: Partial<ListFilters>) => onFiltersChange({ ...filters, ...patch });
  return (
    <div className={styles.toolbar} role="search">
      <Field label={t.searchLabel} className={styles.search}>
        <SearchBox
          dismiss={{ 'aria-label': sv.app.clearSearch }}
          value={filters.query}
          placeholder={t.searchPlaceholder}
          onChange={(_, data) => update({ query: data.value })}
          onFocus={onSearchFocus}
          data-testid="member-search"
        />
      </Field>
      <MultiDropdown<OrganisationKind>
        label={t.kindFilter}
        values={kindOrder}
        selected={filters.kinds}
        labelOf={(k) => sv.medlemmar.kinds[k]}
        all={t.allKinds}
        onChange={(kinds) => update({ kinds })}
      />
      <MultiDropdown<string>
        label={t.countyFilter}
        values={(counties ?? []).map((c) => c.code)}
        selected={filters.countyCodes}
        labelOf={(code) => countyNames.get(code) ?? code}
        all={t.allCounties}
        onChange={(countyCodes) => update({ countyCodes })}
      />
      <MultiDropdown<MemberStatus>
        label={t.statusFilter}
        values={statusOrder}
        selected={filters.statuses}
        labelOf={(s) => sv.medlemmar.statuses[s]}
        all={t.allStatuses}
        onChange={(statuses) => update({ statuses })}
      />
      <Field
        label={t.statusDate}
        className={styles.date}
        validationMessage={filters.statusDate !== '' && !isCalendarDate(filters.statusDate) ? sv.medlemmar.common.dateInvalid : undefined}
      >
        <DateInput value={filters.statusDate} onChange={(value) => update({ statusDate: value })} />
      </Field>
      <Field label={t.servicesFilter} className={styles.filter}>
        <Dropdown
          className={styles.dropdown}
          value={t.services[filters.services]}
          selectedOptions={[filters.services]}
          onOptionSelect={(_, data) => update({ services: (data.optionValue ?? 'alla') as ServicesFilter })}
        >
          {servicesFilters.map((f) => (
            <Option key={f} value={f}>
              {t.services[f]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Switch className={styles.switch} checked={filters.showArchived} label={t.showArchived} onChange={(_, data) => update({ showArchived: data.checked })} />
      {/* Kept in place and only hidden (out of the tab order and the accessibility tree) while no filter is set:
          appearing at the first letter it moved the list, which then measured and drew itself again. */}
      <Button
        appearance="subtle"
        icon={<Dismiss20Regular />}
        style={hasActiveFilters(filters) ? undefined : { visibility: 'hidden' }}
        onClick={() => onFiltersChange({ ...emptyFilters(), sort: filters.sort })}
      >
        {t.clearFilters}
      </Button>
      <span className={styles.spacer} />
      <ExportButton
        channel="exports/table"
        disabled={!ready}
        input={async () => {
          // Every row of the list as filtered and sorted, not only the window drawn.
          const all = await client.request('members/list', listInput(filters));
          return memberListExport(all, visible, filters, (code) => countyNames.get(code) ?? code);
        }}
      />
      <Button appearance="primary" icon={<Add20Regular />} onClick={onNew}>
        {t.newOrganisation}
      </Button>
    </div>
  );
});

export function MemberList({
  filters,
  onFiltersChange,
  newMunicipalityCode,
}: {
  filters: ListFilters;
  onFiltersChange: (next: ListFilters) => void;
  /** Opens the new-organisation dialog prefilled with this municipality (`#/medlemmar?ny-kommun=0305`). */
  newMunicipalityCode?: string | undefined;
}) {
  const styles = useStyles();
  const [visible, setVisible] = useState<ColumnId[]>(readColumns);
  const [creating, setCreating] = useState(newMunicipalityCode !== undefined);
  const counties = useApiQuery('reference/list-counties', {});
  // Back from an organisation: the core says where its row stands, so the list can bring it into view.
  const [returnTo] = useState(() => organisationLeft(previousLocationHash()));
  // The core sends the rows around the view, not every match: a letter typed that matches thousands then costs
  // a few dozen rows to send and copy. The window follows the scroll in steps; new filters start at the top.
  const filtersKey = JSON.stringify(listInput(filters));
  const [windowAt, setWindowAt] = useState({ filtersKey, start: 0 });
  const windowStart = windowAt.filtersKey === filtersKey ? windowAt.start : 0;
  // The organisation is looked for in the list as one came back to it; once the filters change, a new search
  // starts at its best match and no longer jumps to it.
  const [arrivalKey] = useState(filtersKey);
  const [filtersChanged, setFiltersChanged] = useState(false);
  if (!filtersChanged && filtersKey !== arrivalKey) setFiltersChanged(true);
  const locating = filtersChanged || filtersKey !== arrivalKey ? undefined : returnTo;
  const list = useApiQuery(
    'members/list',
    { ...listInput(filters), window: { start: windowStart, count: WINDOW_ROWS }, ...(locating !== undefined ? { locate: locating } : {}) },
    { placeholderData: keepPreviousData },
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const room = useRoomBelow(scrollRef, 32, list.data !== undefined);

  useEffect(() => {
    try {
      window.localStorage.setItem(COLUMN_STORAGE_KEY, serialiseColumnChoice(visible));
    } catch {
      // A browser without storage forgets the choice at reload; nothing else depends on it.
    }
  }, [visible]);

  // Once the list is drawn, and again when the search box gets focus, the core folds the names for searching
  // while the browser is idle, so the first keystroke only filters: a click into the box and a letter typed at
  // once would otherwise come before an idle moment after the focus. Asked again at focus (a change may have
  // replaced the organisations); the core answers at once when they are already folded.
  const client = useApiClient();
  const cancelPrepare = useRef<() => void>(undefined);
  const prepareSearch = useCallback(() => {
    // One asked and not yet run is kept: the focus must not push back the one asked when the list was drawn.
    if (cancelPrepare.current) return;
    cancelPrepare.current = whenIdle(() => {
      cancelPrepare.current = undefined;
      // Nothing is shown from the answer: a failure here only means the first keystroke folds the names itself.
      void client.request('members/prepare-search', {}).catch(() => undefined);
    }, 200);
  }, [client]);
  const drawn = list.data !== undefined;
  useEffect(() => {
    if (drawn) prepareSearch();
  }, [drawn, prepareSearch]);
  useEffect(() => () => cancelPrepare.current?.(), []);

  const rows = useMemo(() => list.data?.rows ?? [], [list.data]);
  const rowCount = list.data?.count ?? 0;
  const rowsStart = list.data?.start ?? 0;
  const update = (patch: Partial<ListFilters>) => onFiltersChange({ ...filters, ...patch });
  const openNew = useCallback(() => setCreating(true), []);

  // TanStack Virtual hands back functions the React Compiler cannot memoise; this component opts out by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rowCount, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  const feeYear = list.data?.feeYear ?? 0;

  // The window asked for: from a step before the first row in view, so scrolling either way finds rows ready.
  const firstInView = items[0]?.index ?? 0;
  const wantedStart = windowStartFor(firstInView);
  useEffect(() => {
    if (wantedStart !== windowStart) setWindowAt({ filtersKey, start: wantedStart });
  }, [wantedStart, windowStart, filtersKey]);
  // New filters or another sort: the best match is at the top, so the list goes there.
  const shownKey = useRef(filtersKey);
  useEffect(() => {
    if (shownKey.current === filtersKey) return;
    shownKey.current = filtersKey;
    scrollRef.current?.scrollTo({ top: 0 });
  }, [filtersKey]);

  // Back from an organisation: bring its row into view (the list is virtual) and focus its link.
  const returnIndex = locating === undefined ? -1 : (list.data?.located ?? -1);
  useEffect(() => {
    if (returnIndex >= 0) virtualizer.scrollToIndex(returnIndex, { align: 'center' });
  }, [returnIndex, virtualizer]);
  useFocusOnArrival(returnTo === undefined ? undefined : `${byData('data-row-id', returnTo)} a`, { onlyIfNowhere: true });

  return (
    <>
      <MemberListToolbar
        filters={filters}
        onFiltersChange={onFiltersChange}
        counties={counties.data}
        visible={visible}
        ready={list.data !== undefined}
        onSearchFocus={prepareSearch}
        onNew={openNew}
      />

      <QueryState query={list}>
        {(data) => (
          <>
            <div className={styles.countRow} data-ready="true">
              <Text role="status" aria-live="polite" data-testid="member-count">
                {countText(data)}
              </Text>
              <Menu
                checkedValues={{ columns: visible }}
                onCheckedValueChange={(_, data) => setVisible(columnIds.filter((id) => id === 'name' || data.checkedItems.includes(id)))}
              >
                <MenuTrigger disableButtonEnhancement>
                  <Button appearance="subtle" icon={<TableSettings20Regular />}>
                    {t.columns}
                  </Button>
                </MenuTrigger>
                <MenuPopover>
                  <MenuList>
                    {columnIds.map((id) => (
                      <MenuItemCheckbox
                        key={id}
                        name="columns"
                        value={id}
                        disabled={id === 'name'}
                      >
                        {columnLabel(id, data.feeYear)}
                      </MenuItemCheckbox>
                    ))}
                  </MenuList>
                </MenuPopover>
              </Menu>
            </div>
            <div ref={scrollRef} className={styles.scroller} style={room !== undefined ? { height: `${room}px` } : undefined} data-testid="member-scroller">
              <NavTable
                sortable
                size="small"
                aria-label={t.tableLabel}
                aria-rowcount={rowCount + 1}
                style={{ minWidth: `${tableMinWidth(visible)}px` }}
              >
                <TableHeader className={styles.head}>
                  <TableRow aria-rowindex={1}>
                    {visible.map((id) => {
                      const column = columns[id];
                      const sorted = filters.sort.by === column.sortKey;
                      return (
                        <TableHeaderCell
                          key={id}
                          className={mergeClasses(column.numeric && styles.numberHeader)}
                          style={column.width !== undefined ? { width: `${column.width}px` } : undefined}
                          sortDirection={sorted ? (filters.sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                          onClick={() => update({ sort: nextSort(filters.sort, column) })}
                        >
                          {columnLabel(id, feeYear)}
                        </TableHeaderCell>
                      );
                    })}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {top > 0 && <tr aria-hidden="true" className={styles.spacerRow} style={{ height: `${top}px` }} />}
                  {items.map((item) => {
                    const source = rows[item.index - rowsStart];
                    // A row outside the window held: drawn empty at its height until the core's rows for it come.
                    if (!source)
                      return <tr key={`vantar-${item.index}`} aria-rowindex={item.index + 2} aria-busy="true" className={styles.row} style={{ height: `${ROW_HEIGHT}px` }} />;
                    return <MemberRowView key={source.id} source={source} place={item.index + 2} visible={visible} />;
                  })}
                  {bottom > 0 && <tr aria-hidden="true" className={styles.spacerRow} style={{ height: `${bottom}px` }} />}
                </TableBody>
              </NavTable>
              {rowCount === 0 && <div className={styles.empty}>{t.empty}</div>}
            </div>
          </>
        )}
      </QueryState>
      {creating && <OrganisationDialog {...(newMunicipalityCode !== undefined ? { municipalityCode: newMunicipalityCode } : {})} onClose={() => setCreating(false)} />}
    </>
  );
}
