/**
 * The usage matrix on screen: the filter as the channel's input, the header's column figures, each cell's
 * text and spoken label, and the grid's keyboard movement. Every figure comes from the core's matrix
 * (`usage/get-matrix`); nothing here counts users or services.
 *
 * Grid coordinates: rows 0…HEADER_ROWS-1 are the header (service names, then the column totals), body
 * row i is grid row HEADER_ROWS + i. Column 0 is the organisation, 1 its number of services, 2… the services.
 */
import type { ChannelInput, UsageMatrixAnswer, UsageMatrixAnswerColumn, UsageMatrixAnswerRow, UsageMatrixScope } from '../../../electron/contract';
import { unpackCells, type PackedCell } from '../../../electron/contract/rules/matrix-cells';
import type { OrganisationKind } from '../../../electron/core/store/schema';
import { formatNumber, formatPercent } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';

const t = sv.tjanster.matrix;

export type QuickFilter = 'exactly-one' | 'none';

export type MatrixFilterState = {
  scope: UsageMatrixScope;
  countyCode: string;
  kinds: OrganisationKind[];
  minServices: string;
  maxServices: string;
  quick: QuickFilter | undefined;
  search: string;
  includeArchivedServices: boolean;
};

export const defaultMatrixFilter: MatrixFilterState = {
  scope: 'members',
  countyCode: '',
  kinds: [],
  minServices: '',
  maxServices: '',
  quick: undefined,
  search: '',
  includeArchivedServices: false,
};

/** The quick filter an address asks for: `#/tjanster/matris?snabb=exakt-en` or `?snabb=ingen`. */
export function quickFromQuery(value: string | null): QuickFilter | undefined {
  if (value === 'exakt-en') return 'exactly-one';
  if (value === 'ingen') return 'none';
  return undefined;
}

export function quickToQuery(quick: QuickFilter): string {
  return quick === 'exactly-one' ? 'exakt-en' : 'ingen';
}

function parseCountFilter(text: string): number | undefined | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : 'invalid';
}

export type MatrixQuery = { input: ChannelInput<'usage/get-matrix'>; errors: { minServices?: string; maxServices?: string } };

/**
 * The channel input for the filter at `date`. A bound that cannot be read is left out (and reported), so
 * the matrix still shows while the user types; the quick filter replaces both bounds, as in the core.
 */
export function matrixQuery(filter: MatrixFilterState, date: string): MatrixQuery {
  const errors: MatrixQuery['errors'] = {};
  const min = parseCountFilter(filter.minServices);
  const max = parseCountFilter(filter.maxServices);
  if (min === 'invalid') errors.minServices = t.countError;
  if (max === 'invalid') errors.maxServices = t.countError;
  const minOk = typeof min === 'number' ? min : undefined;
  let maxOk = typeof max === 'number' ? max : undefined;
  if (minOk !== undefined && maxOk !== undefined && maxOk < minOk) {
    errors.maxServices = t.maxBelowMin;
    maxOk = undefined;
  }
  const search = filter.search.trim();
  const input: ChannelInput<'usage/get-matrix'> = {
    date,
    scope: filter.scope,
    ...(filter.countyCode !== '' ? { countyCode: filter.countyCode } : {}),
    ...(filter.kinds.length > 0 ? { kinds: [...filter.kinds] } : {}),
    ...(filter.quick ? { quick: filter.quick } : {}),
    ...(!filter.quick && minOk !== undefined ? { minServices: minOk } : {}),
    ...(!filter.quick && maxOk !== undefined ? { maxServices: maxOk } : {}),
    ...(search !== '' ? { search } : {}),
    ...(filter.includeArchivedServices ? { includeArchivedServices: true } : {}),
  };
  return { input, errors };
}

export function filterIsDefault(filter: MatrixFilterState): boolean {
  return JSON.stringify(filter) === JSON.stringify(defaultMatrixFilter);
}

// ---------------------------------------------------------------- header and cells

export type MatrixColumnVm = {
  serviceId: string;
  name: string;
  /** Pixels: wide enough for a date cell and for the longest word of the name, which is never split. */
  width: number;
  /** What a screen reader hears on the header cell. */
  label: string;
  archived: boolean;
  users: string;
  visibleUsers: string;
  memberShare: string;
  populationShare: string;
};

export function matrixColumns(matrix: Pick<UsageMatrixAnswer, 'columns'>): MatrixColumnVm[] {
  return matrix.columns.map((c: UsageMatrixAnswerColumn) => ({
    serviceId: c.serviceId,
    name: c.name,
    width: columnWidth(c.name),
    label: c.archived ? t.archivedService(c.name) : c.name,
    archived: c.archived,
    users: formatNumber(c.users),
    visibleUsers: formatNumber(c.visibleUsers),
    memberShare: c.memberShare === null ? t.noShare : formatPercent(c.memberShare),
    populationShare: c.populationShare === null ? t.noShare : formatPercent(c.populationShare),
  }));
}

/** The narrowest a service column gets: room for «✓ 2021-01-01». */
export const MIN_COLUMN_WIDTH = 120;

/**
 * A service column's width: at least MIN_COLUMN_WIDTH, and wider when the name has a long word
 * («verksamhetssystem»), about 7.5 px a character at the header's 12 px semibold plus padding, capped so
 * one odd name cannot swallow the screen.
 */
export function columnWidth(name: string): number {
  const longest = name.split(/[\s\u2013\u2014-]+/).reduce((max, word) => Math.max(max, [...word].length), 0);
  return Math.min(240, Math.max(MIN_COLUMN_WIDTH, Math.ceil(longest * 7.5) + 16));
}

export type MatrixCellVm =
  | { inUse: false; text: ''; label: string }
  | { inUse: true; text: string; label: string; source: PackedCell['source'] };

/** A row's cells by column place, unpacked when the row is first drawn and kept for as long as the row is held. */
const unpacked = new WeakMap<Pick<UsageMatrixAnswerRow, 'cells'>, ReadonlyMap<number, PackedCell>>();
function cellsOf(row: Pick<UsageMatrixAnswerRow, 'cells'>): ReadonlyMap<number, PackedCell> {
  let cells = unpacked.get(row);
  if (!cells) unpacked.set(row, (cells = unpackCells(row.cells)));
  return cells;
}

/** A cell (`column` is its column's place): «✓ 2021-01-01» when in use, with the whole story (end, group or host) in its label. */
export function matrixCell(row: Pick<UsageMatrixAnswerRow, 'cells'>, column: number, serviceName: string, viaNames: Record<string, string>): MatrixCellVm {
  const cell = cellsOf(row).get(column);
  if (!cell) return { inUse: false, text: '', label: t.cellNotInUse(serviceName) };
  let label = t.cellInUse(serviceName, cell.from);
  if (cell.to !== undefined) label += t.cellUntil(cell.to);
  const viaId = cell.viaOrganisationId;
  // Own properties only: ids are data, and `constructor` is not an organisation.
  const via = viaId === undefined ? undefined : Object.hasOwn(viaNames, viaId) ? viaNames[viaId] : viaId;
  if (via !== undefined) label += cell.source === 'group' ? t.cellViaGroup(via) : t.cellViaHost(via);
  return { inUse: true, text: cell.from, label, source: cell.source };
}

export function shownText(rows: number): string {
  return t.shown(rows);
}

/** What the toast says after a toggle, from the core's answer. */
export function toggleMessage(
  result: { action: 'started' | 'ended' | 'removed'; inUse: boolean },
  org: string,
  service: string,
  date: string,
  dayBefore: string,
): string {
  const text =
    result.action === 'started'
      ? t.started(org, service, date)
      : result.action === 'ended'
        ? t.ended(org, service, dayBefore)
        : t.removed(org, service, date);
  return result.action !== 'started' && result.inUse ? `${text} ${t.stillViaGroup}` : text;
}

// ---------------------------------------------------------------- keyboard

export const HEADER_ROWS = 5;
export const FIRST_SERVICE_COL = 2;

export type GridPos = { row: number; col: number };
export type GridSize = { rows: number; cols: number; page: number };
export type GridKey = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey'>;

/**
 * Where a navigation key moves the focus (the ARIA grid pattern): arrows by one cell, Home/End to the
 * row's ends (with Ctrl: the grid's first/last cell), PageUp/PageDown by a page of rows. Undefined for any
 * other key, so the caller leaves it alone.
 */
export function moveInGrid(pos: GridPos, e: GridKey, size: GridSize): GridPos | undefined {
  const lastRow = Math.max(0, size.rows - 1);
  const lastCol = Math.max(0, size.cols - 1);
  const clampRow = (r: number) => Math.min(lastRow, Math.max(0, r));
  const clampCol = (c: number) => Math.min(lastCol, Math.max(0, c));
  const ctrl = e.ctrlKey || e.metaKey;
  switch (e.key) {
    case 'ArrowUp':
      return { row: clampRow(pos.row - 1), col: pos.col };
    case 'ArrowDown':
      return { row: clampRow(pos.row + 1), col: pos.col };
    case 'ArrowLeft':
      return { row: pos.row, col: clampCol(pos.col - 1) };
    case 'ArrowRight':
      return { row: pos.row, col: clampCol(pos.col + 1) };
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { row: pos.row, col: 0 };
    case 'End':
      return ctrl ? { row: lastRow, col: lastCol } : { row: pos.row, col: lastCol };
    case 'PageUp':
      return { row: clampRow(pos.row - Math.max(1, size.page)), col: pos.col };
    case 'PageDown':
      return { row: clampRow(pos.row + Math.max(1, size.page)), col: pos.col };
    default:
      return undefined;
  }
}

/** The focus as kept between renders: the row's organisation (body rows), so it follows the row when the list changes. */
export type GridFocus = GridPos & { organisationId?: string };

/**
 * The focused cell in the current rows: the same organisation if it is still shown, else the same place
 * clamped to the grid (a toggle under the «exactly one» filter can take the row away).
 */
export function resolveFocus(focus: GridFocus, rows: readonly Pick<UsageMatrixAnswerRow, 'organisationId'>[], cols: number): GridPos {
  const col = Math.min(Math.max(0, cols - 1), Math.max(0, focus.col));
  if (focus.organisationId !== undefined) {
    const index = rows.findIndex((r) => r.organisationId === focus.organisationId);
    if (index >= 0) return { row: HEADER_ROWS + index, col };
  }
  const lastRow = HEADER_ROWS + rows.length - 1;
  return { row: Math.min(Math.max(0, focus.row), lastRow), col };
}

/** What Space and Enter do on a cell. */
export function cellAction(pos: GridPos, key: string): 'toggle' | 'open-organisation' | 'open-service' | undefined {
  if (key === ' ' || key === 'Spacebar') return pos.row >= HEADER_ROWS && pos.col >= FIRST_SERVICE_COL ? 'toggle' : undefined;
  if (key === 'Enter') {
    if (pos.row >= HEADER_ROWS) return 'open-organisation';
    if (pos.row === 0 && pos.col >= FIRST_SERVICE_COL) return 'open-service';
  }
  return undefined;
}

// ---------------------------------------------------------------- export

/**
 * The matrix as shown, for `exports/table`: the same rows and service columns the grid draws (the core's
 * answer, nothing recounted), a cell being the date the use began, and the filter in words so the file never
 * passes for the whole register. `countyName` is the name the county dropdown shows.
 */
export function matrixExport(
  matrix: Pick<UsageMatrixAnswer, 'columns' | 'rows' | 'date'>,
  filter: MatrixFilterState,
  countyName: string | undefined,
): ChannelInput<'exports/table'> {
  const { input } = matrixQuery(filter, matrix.date);
  const parts = [t.exportDate(matrix.date), `${t.scope}: ${t.scopes[filter.scope]}`];
  if (input.countyCode !== undefined) parts.push(`${t.county}: ${countyName ?? input.countyCode}`);
  if (input.kinds) parts.push(`${t.kind}: ${input.kinds.map((k) => sv.tjanster.kinds[k]).join(', ')}`);
  if (input.quick) parts.push(input.quick === 'exactly-one' ? t.quickExactlyOne : t.quickNone);
  if (input.minServices !== undefined) parts.push(`${t.minServices}: ${input.minServices}`);
  if (input.maxServices !== undefined) parts.push(`${t.maxServices}: ${input.maxServices}`);
  if (input.search !== undefined) parts.push(t.exportSearch(input.search));
  if (input.includeArchivedServices) parts.push(t.exportArchived);
  return {
    title: t.exportTitle,
    filtersDescription: parts.join(' · '),
    columns: [
      { header: t.corner, kind: 'text' },
      { header: t.exportMember, kind: 'boolean' },
      { header: t.serviceCount, kind: 'integer' },
      ...matrix.columns.map((c) => ({ header: c.archived ? t.archivedService(c.name) : c.name, kind: 'date' as const })),
    ],
    rows: matrix.rows.map((row) => {
      const cells = unpackCells(row.cells);
      return [row.name, row.isMember, row.serviceCount, ...matrix.columns.map((_, i) => cells.get(i)?.from ?? null)];
    }),
  };
}
