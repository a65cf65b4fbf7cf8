/**
 * The member list as shown, for `exports/table`: the core's rows (already searched, filtered and sorted),
 * the visible columns in screen order, numbers as numbers and the fee in öre (a `kr` column), the filters in
 * words. Text cells are the list's own view model (`rowViewModel`), so the file says what the screen says.
 * The services count comes with its breakdown, as on the screen: the total, the organisation's own records and
 * the part through groups or hosts («1 via Sydarkivera»), each in its own column so the numbers stay numbers.
 */
import type { ChannelInput, OrganisationList } from '../../../electron/contract';
import type { TableColumnKind } from '../../../electron/contract/channels/exports.channels';
import { sv } from '../../lib/i18n/sv';
import { columnLabel, rowViewModel, type ColumnId, type ListFilters } from './member-list.view-model';
import { isCalendarDate } from '../../../electron/contract/rules/calendar-date';
import { describeVia } from '../../../electron/core/domain/usage-matrix';

const t = sv.medlemmar.list;

const kinds: Record<ColumnId, TableColumnKind> = {
  name: 'text',
  kind: 'text',
  county: 'text',
  municipalityCode: 'text',
  orgNumber: 'text',
  population: 'integer',
  status: 'text',
  servicesUsed: 'integer',
  fee: 'kr',
};

export function memberListFilters(filters: ListFilters, countyName: (code: string) => string): string {
  const parts: string[] = [];
  const query = filters.query.trim();
  if (query !== '') parts.push(`${t.searchLabel}: ”${query}”`);
  if (filters.kinds.length > 0) parts.push(`${t.kindFilter}: ${filters.kinds.map((k) => sv.medlemmar.kinds[k]).join(', ')}`);
  if (filters.countyCodes.length > 0) parts.push(`${t.countyFilter}: ${filters.countyCodes.map(countyName).join(', ')}`);
  if (filters.statuses.length > 0) parts.push(`${t.statusFilter}: ${filters.statuses.map((s) => sv.medlemmar.statuses[s]).join(', ')}`);
  if (isCalendarDate(filters.statusDate)) parts.push(`${t.statusDate}: ${filters.statusDate}`);
  if (filters.services !== 'alla') parts.push(`${t.servicesFilter}: ${t.services[filters.services]}`);
  if (filters.showArchived) parts.push(t.showArchived);
  return parts.join(' · ');
}

export function memberListExport(
  list: Pick<OrganisationList, 'rows' | 'feeYear'>,
  visible: readonly ColumnId[],
  filters: ListFilters,
  countyName: (code: string) => string,
): ChannelInput<'exports/table'> {
  const columns = visible.flatMap((id) =>
    id === 'servicesUsed'
      ? [
          { header: columnLabel(id, list.feeYear), kind: kinds[id] },
          { header: t.exportColumn.servicesDirect, kind: 'integer' as const },
          { header: t.exportColumn.servicesVia, kind: 'text' as const },
        ]
      : [{ header: columnLabel(id, list.feeYear), kind: kinds[id] }],
  );
  return {
    title: sv.medlemmar.title,
    filtersDescription: memberListFilters(filters, countyName),
    columns,
    rows: list.rows.map((row) => {
      const vm = rowViewModel(row);
      return visible.flatMap((id) => {
        switch (id) {
          case 'name':
            return [vm.name];
          case 'population':
            return [row.population > 0 ? row.population : null];
          case 'servicesUsed': {
            const b = row.servicesUsedBreakdown;
            return [b.total, b.direct, b.via.length > 0 ? describeVia(b.via) : null];
          }
          case 'fee':
            return [row.feeOre ?? null];
          case 'municipalityCode':
            return [row.municipalityCode ?? null];
          case 'orgNumber':
            return [row.orgNumber ?? null];
          default:
            return [vm.cells[id]];
        }
      });
    }),
  };
}
