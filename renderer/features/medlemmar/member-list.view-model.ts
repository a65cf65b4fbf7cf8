/**
 * The member list: filters -> the `members/list` input, the column choice (remembered), sorting by header,
 * and rows -> the strings the virtualised table draws. Searching, filtering and sorting happen in the core.
 */
import type { ChannelInput, MemberStatus, OrganisationList, OrganisationRow } from '../../../electron/contract';
import type { OrganisationKind } from '../../../electron/core/store/schema';
import { formatKr, formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { isCalendarDate } from '../../../electron/contract/rules/calendar-date';
import { describeVia } from '../../../electron/core/domain/usage-matrix';

const t = sv.medlemmar.list;

export type SortKey = NonNullable<ChannelInput<'members/list'>['sort']>['by'];
export type Sort = { by: SortKey; direction: 'asc' | 'desc' };

export const columnIds = ['name', 'kind', 'county', 'municipalityCode', 'orgNumber', 'population', 'status', 'servicesUsed', 'fee'] as const;
export type ColumnId = (typeof columnIds)[number];

/** `width` in CSS pixels (content box); the name column has none: it takes the rest, at least `NAME_MIN_WIDTH`. */
export type ColumnDef = { id: ColumnId; sortKey: SortKey; numeric: boolean; width?: number };

export const columns: Record<ColumnId, ColumnDef> = {
  name: { id: 'name', sortKey: 'name', numeric: false },
  kind: { id: 'kind', sortKey: 'kind', numeric: false, width: 130 },
  county: { id: 'county', sortKey: 'county', numeric: false, width: 160 },
  municipalityCode: { id: 'municipalityCode', sortKey: 'municipalityCode', numeric: true, width: 100 },
  orgNumber: { id: 'orgNumber', sortKey: 'orgNumber', numeric: true, width: 160 },
  population: { id: 'population', sortKey: 'population', numeric: true, width: 100 },
  status: { id: 'status', sortKey: 'status', numeric: false, width: 170 },
  servicesUsed: { id: 'servicesUsed', sortKey: 'servicesUsed', numeric: false, width: 98 },
  fee: { id: 'fee', sortKey: 'fee', numeric: true, width: 110 },
};

/** Room for a name such as «Göteborgsregionen (GR)» before it is cut with an ellipsis. */
export const NAME_MIN_WIDTH = 160;
/** Horizontal padding of a table cell (Fluent's small table: 8 px each side). */
const CELL_PADDING = 16;

export const DEFAULT_COLUMNS: readonly ColumnId[] = ['name', 'kind', 'county', 'population', 'status', 'servicesUsed', 'fee'];
export const COLUMN_STORAGE_KEY = 'sambruk.medlemmar.kolumner';

const isColumnId = (value: unknown): value is ColumnId => typeof value === 'string' && (columnIds as readonly string[]).includes(value);

/**
 * The remembered column choice: a JSON list of column ids. Unknown ids are dropped, the name column is
 * always shown, and anything unreadable gives the default choice. Returned in the table's column order.
 */
export function parseColumnChoice(text: string | null): ColumnId[] {
  if (text === null) return [...DEFAULT_COLUMNS];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [...DEFAULT_COLUMNS];
  }
  if (!Array.isArray(parsed)) return [...DEFAULT_COLUMNS];
  const chosen = new Set<ColumnId>(['name', ...parsed.filter(isColumnId)]);
  return columnIds.filter((id) => chosen.has(id));
}

export function serialiseColumnChoice(visible: readonly ColumnId[]): string {
  return JSON.stringify(visible);
}

/** Shows or hides a column; the name column cannot be hidden. */
export function setColumnVisible(visible: readonly ColumnId[], id: ColumnId, show: boolean): ColumnId[] {
  if (id === 'name') return columnIds.filter((c) => visible.includes(c));
  const next = new Set(visible);
  if (show) next.add(id);
  else next.delete(id);
  return columnIds.filter((c) => next.has(c));
}

/**
 * The table's least width for the chosen columns: the fixed columns plus room for the names. The table
 * scrolls sideways below it rather than squeezing the name column away.
 */
export function tableMinWidth(visible: readonly ColumnId[]): number {
  return visible.reduce((sum, id) => sum + (columns[id].width ?? NAME_MIN_WIDTH) + CELL_PADDING, 0);
}

export function columnLabel(id: ColumnId, feeYear: number): string {
  return id === 'fee' ? t.column.fee(String(feeYear)) : t.column[id];
}

/** Clicking a header: a new column sorts ascending (numbers descending, largest first); the same one flips. */
export function nextSort(current: Sort, column: ColumnDef): Sort {
  if (current.by === column.sortKey) return { by: column.sortKey, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { by: column.sortKey, direction: column.numeric && column.id !== 'municipalityCode' && column.id !== 'orgNumber' ? 'desc' : 'asc' };
}

// ---------------------------------------------------------------- filters

export const servicesFilters = ['alla', '0', '1', 'minst-1', 'minst-2', 'minst-3'] as const;
export type ServicesFilter = (typeof servicesFilters)[number];

export type ListFilters = {
  query: string;
  kinds: OrganisationKind[];
  countyCodes: string[];
  statuses: MemberStatus[];
  /** Status and services used at this date; '' means today. */
  statusDate: string;
  services: ServicesFilter;
  showArchived: boolean;
  sort: Sort;
};

export const DEFAULT_SORT: Sort = { by: 'name', direction: 'asc' };

export function emptyFilters(query = ''): ListFilters {
  return { query, kinds: [], countyCodes: [], statuses: [], statusDate: '', services: 'alla', showArchived: false, sort: DEFAULT_SORT };
}

const servicesBounds: Record<ServicesFilter, { min?: number; max?: number }> = {
  alla: {},
  '0': { min: 0, max: 0 },
  '1': { min: 1, max: 1 },
  'minst-1': { min: 1 },
  'minst-2': { min: 2 },
  'minst-3': { min: 3 },
};

/** The filters as the core's list query; empty filters are left out so the core lists everything. */
export function listInput(filters: ListFilters): ChannelInput<'members/list'> {
  const bounds = servicesBounds[filters.services];
  return {
    ...(filters.query.trim() !== '' ? { query: filters.query.slice(0, 200) } : {}),
    ...(isCalendarDate(filters.statusDate) ? { date: filters.statusDate } : {}),
    ...(filters.kinds.length > 0 ? { kinds: filters.kinds } : {}),
    ...(filters.countyCodes.length > 0 ? { countyCodes: filters.countyCodes } : {}),
    ...(filters.statuses.length > 0 ? { statuses: filters.statuses } : {}),
    ...(bounds.min !== undefined ? { servicesUsedMin: bounds.min } : {}),
    ...(bounds.max !== undefined ? { servicesUsedMax: bounds.max } : {}),
    archived: filters.showArchived ? 'all' : 'active',
    sort: filters.sort,
  };
}

/** Whether anything narrows the list beyond the default (the search text included). */
export function hasActiveFilters(filters: ListFilters): boolean {
  return (
    filters.query.trim() !== '' ||
    filters.kinds.length > 0 ||
    filters.countyCodes.length > 0 ||
    filters.statuses.length > 0 ||
    filters.statusDate !== '' ||
    filters.services !== 'alla' ||
    filters.showArchived
  );
}

/** What a multi-select dropdown shows when closed: the one choice, a count, or «all». */
export function multiSelectSummary(selected: readonly string[], labelOf: (value: string) => string, all: string): string {
  if (selected.length === 0) return all;
  if (selected.length === 1) return labelOf(selected[0] ?? '');
  return t.selectedCount(selected.length);
}

// ---------------------------------------------------------------- rows

export type RowVm = {
  id: string;
  name: string;
  archived: boolean;
  cells: Record<Exclude<ColumnId, 'name'>, string>;
};

export function rowViewModel(row: OrganisationRow): RowVm {
  const none = sv.medlemmar.common.none;
  return {
    id: row.id,
    name: row.name,
    archived: row.archived,
    cells: {
      kind: sv.medlemmar.kinds[row.kind],
      county: row.countyName || none,
      municipalityCode: row.municipalityCode ?? none,
      orgNumber: row.orgNumber ?? none,
      population: row.population > 0 ? formatNumber(row.population) : none,
      status: sv.medlemmar.statuses[row.status],
      // The count with its breakdown («2 (1 via Sydarkivera)»), as the matrix and the catalogue count; a cut cell's title has it whole.
      servicesUsed: serviceUseCell(row.servicesUsedBreakdown),
      fee: row.feeOre !== undefined ? formatKr(row.feeOre) : none,
    },
  };
}

/** «3» when every service is the organisation's own, «3 (1 via Höglandsförbundet)» when some come through a group or host. */
export function serviceUseCell(b: OrganisationRow['servicesUsedBreakdown']): string {
  if (b.via.length === 0) return formatNumber(b.total);
  return `${formatNumber(b.total)} (${describeVia(b.via)})`;
}

export function countText(list: Pick<OrganisationList, 'count' | 'total'>): string {
  return t.count(formatNumber(list.count), list.total);
}
