/**
 * The Ändringslogg screen's filters, kept in the address (`#/andringslogg?fran=…&till=…&slag=…&org=…&person=…`)
 * so a filtered log can be linked to and Back works, and its rows.
 */
import type { ChangeView, ChannelInput } from '../../../electron/contract';
import { isCalendarDate } from '../../../electron/contract/rules/calendar-date';
import { formatDateTime } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { changeDiffs, type ChangeDiffVm } from '../medlemmar/organisation-page.view-model';

const t = sv.andringslogg;

export type LogFilter = { from?: string; to?: string; entity?: string; organisationId?: string; contactId?: string };

const QUERY_KEYS = { from: 'fran', to: 'till', entity: 'slag', organisationId: 'org', contactId: 'person' } as const satisfies Record<keyof LogFilter, string>;

/** The filter the address asks for; a date that is not `ÅÅÅÅ-MM-DD` is left out rather than sent. */
export function filterFromQuery(query: URLSearchParams): LogFilter {
  const filter: LogFilter = {};
  for (const [key, name] of Object.entries(QUERY_KEYS) as [keyof LogFilter, string][]) {
    const value = query.get(name)?.trim();
    if (!value) continue;
    if ((key === 'from' || key === 'to') && !isCalendarDate(value)) continue;
    filter[key] = value;
  }
  return filter;
}

/** The address query for a filter (empty values left out). */
export function queryFromFilter(filter: LogFilter): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, name] of Object.entries(QUERY_KEYS) as [keyof LogFilter, string][]) {
    const value = filter[key];
    if (value) query[name] = value;
  }
  return query;
}

/** A range that ends before it starts is not sent; the screen says why instead. */
export function rangeProblem(filter: LogFilter): string | undefined {
  return filter.from !== undefined && filter.to !== undefined && filter.to < filter.from ? t.badRange : undefined;
}

export function logInput(filter: LogFilter, limit: number): ChannelInput<'changes/list'> {
  return { ...filter, limit, offset: 0 };
}

export function isFiltered(filter: LogFilter): boolean {
  return Object.values(filter).some((v) => v !== undefined);
}

export type LogRowVm = {
  id: string;
  at: string;
  by: string;
  what: string;
  /** The organisation and person the entry is about, as the register names them now. */
  concerns: string;
  summary: string;
  /** Undo and redo rows are set apart on the screen. */
  history: boolean;
  diffs: ChangeDiffVm[];
};

export function logRows(entries: readonly ChangeView[], nameOf: (id: string) => string | undefined = () => undefined): LogRowVm[] {
  return entries.map((e) => ({
    id: e.id,
    at: formatDateTime(e.at),
    by: e.by === '' ? t.unknownUser : e.by,
    what: sv.medlemmar.page.changeWhat(e.entityLabel, e.actionLabel),
    concerns: [e.organisationName, e.contactName].filter((n) => n !== undefined && n !== '').join(', '),
    summary: e.summary,
    history: e.action === 'undo' || e.action === 'redo',
    diffs: changeDiffs(e.before, e.after, nameOf),
  }));
}
