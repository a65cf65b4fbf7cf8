/**
 * The change log: every change to the register leaves entries saying when, who, what, and the record before and
 * after. The repository writes them, one per operation of a transaction (`store/transaction.ts`), and one per
 * record that an undo or redo changes back. Undo does not roll the log back: the log tells what happened.
 * This module reads the log: the whole register's, filtered by date, kind of record, organisation and person.
 */
import type { ChangeAction, SambrukDocument } from '../store/schema';
import { dateAt, instantOf } from '../../contract/rules/calendar-date';
import type { ChangeList, ChangeLogAnswer, ChangeLogOption } from '../../contract/model/members';

export type { ChangeAction } from '../store/schema';

export const changeActionLabels: Record<ChangeAction, string> = {
  create: 'Skapad',
  update: 'Ändrad',
  delete: 'Borttagen',
  archive: 'Arkivering',
  erase: 'Raderad',
  import: 'Importerad',
  restore: 'Återställd',
  undo: 'Ångrad',
  redo: 'Gjord om',
};

/** The kinds of record the log names, in the order the log screen offers them. */
export const changeEntityLabels: Record<string, string> = {
  organisation: 'Organisation',
  membership: 'Medlemsperiod',
  contact: 'Kontaktperson',
  feeTable: 'Avgiftstabell',
  service: 'Tjänst',
  usage: 'Användning',
  network: 'Nätverk',
  'roster-entry': 'Deltagare i nätverk',
  meeting: 'Möte',
  goal: 'Mål',
  'board-pack': 'Styrelsepaket',
  population: 'Folkmängd',
  'sweden-population': 'Sveriges folkmängd',
  'budget-line': 'Budgetrad',
  'budget-column': 'Budgetkolumn',
  document: 'Registret',
  history: 'Ångra/gör om',
};

/** What stands in for erased personal data in the log. */
export const ERASED_MARKER = '[raderade personuppgifter]';
export const ERASED_SUMMARY = 'Uppgifter om en raderad person';

export type ChangeFilter = {
  organisationId?: string | undefined;
  /** The contact person the entries concern. */
  contactId?: string | undefined;
  /** The kind of record (`organisation`, `usage`, ...). */
  entity?: string | undefined;
  /** First and last calendar day (`YYYY-MM-DD`, inclusive), in Swedish time as the screens show the times. */
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
};

/** The calendar day in Sweden of a stored UTC time. */
function dayOf(at: string): string {
  const instant = instantOf(at);
  return instant ? dateAt(instant) : at.slice(0, 10);
}

/** The log newest first, filtered, paged with `offset`/`limit`. */
export function listChanges(doc: Pick<SambrukDocument, 'changeLog' | 'organisations' | 'contacts'>, filter: ChangeFilter = {}): ChangeList {
  const { organisationId, contactId, entity, from, to } = filter;
  const matching = doc.changeLog.filter(
    (e) =>
      (organisationId === undefined || e.organisationId === organisationId) &&
      (contactId === undefined || e.contactId === contactId || (e.entity === 'contact' && e.entityId === contactId)) &&
      (entity === undefined || e.entity === entity) &&
      (from === undefined || dayOf(e.at) >= from) &&
      (to === undefined || dayOf(e.at) <= to),
  );
  const newestFirst = [...matching].reverse().sort((a, b) => b.at.localeCompare(a.at));
  const offset = filter.offset ?? 0;
  const page = newestFirst.slice(offset, offset + (filter.limit ?? 200));
  const organisations = new Map(doc.organisations.map((o) => [o.id, o.name]));
  const contacts = new Map(doc.contacts.map((c) => [c.id, c.name]));
  return {
    total: matching.length,
    entries: page.map((e) => {
      const organisationName = e.organisationId !== undefined ? organisations.get(e.organisationId) : undefined;
      const contactName = e.contactId !== undefined ? contacts.get(e.contactId) : undefined;
      return {
        ...e,
        actionLabel: changeActionLabels[e.action],
        entityLabel: changeEntityLabels[e.entity] ?? e.entity,
        ...(organisationName !== undefined ? { organisationName } : {}),
        ...(contactName !== undefined ? { contactName } : {}),
      };
    }),
  };
}

/** The whole register's log, filtered and paged, with the choices its filters offer. */
export function changeLog(doc: Pick<SambrukDocument, 'changeLog' | 'organisations' | 'contacts'>, filter: ChangeFilter = {}): ChangeLogAnswer {
  const entityIds = new Set<string>();
  const organisationIds = new Set<string>();
  const contactIds = new Set<string>();
  for (const e of doc.changeLog) {
    entityIds.add(e.entity);
    if (e.organisationId !== undefined) organisationIds.add(e.organisationId);
    if (e.contactId !== undefined) contactIds.add(e.contactId);
    else if (e.entity === 'contact') contactIds.add(e.entityId);
  }
  // What the filter names stays a choice even with nothing logged for it, so the screen can show the filter.
  if (filter.organisationId !== undefined) organisationIds.add(filter.organisationId);
  if (filter.contactId !== undefined) contactIds.add(filter.contactId);
  if (filter.entity !== undefined) entityIds.add(filter.entity);
  const byLabel = (a: ChangeLogOption, b: ChangeLogOption) => a.label.localeCompare(b.label, 'sv');
  const named = (records: readonly { id: string; name: string }[], ids: Set<string>) =>
    records.filter((r) => ids.has(r.id)).map((r) => ({ value: r.id, label: r.name })).sort(byLabel);
  // The kinds in a fixed order (the labels' order), then any kind the labels do not know.
  const known = Object.keys(changeEntityLabels);
  const entities = [...entityIds]
    .sort((a, b) => (known.indexOf(a) + 1 || known.length + 1) - (known.indexOf(b) + 1 || known.length + 1) || a.localeCompare(b))
    .map((value) => ({ value, label: changeEntityLabels[value] ?? value }));
  return {
    ...listChanges(doc, filter),
    options: { entities, organisations: named(doc.organisations, organisationIds), contacts: named(doc.contacts, contactIds) },
  };
}
