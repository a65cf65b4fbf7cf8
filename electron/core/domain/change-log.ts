/**
 * The change log: every change to the register leaves an entry saying when, what, and the record before and
 * after (plain copies). Entries carry the organisation they concern so each organisation page can show its
 * history. Undo does not roll the log back (the repository excludes it from undo): the log tells what happened.
 *
 * Entries are written through the repository (`repo.change(summary, draft => ({ records, value }))`), which
 * stamps id and time; this module builds the records and reads the log.
 */
import type { ChangeRecord } from '../store/repository';
import type { ChangeLogEntry, SambrukDocument } from '../store/schema';
import type { ChangeList } from '../../contract/model/members';

export type { ChangeView, ChangeList } from '../../contract/model/members';

export type ChangeAction = ChangeLogEntry['action'];

export const changeActionLabels: Record<ChangeAction, string> = {
  create: 'Skapad',
  update: 'Ändrad',
  delete: 'Borttagen',
  archive: 'Arkivering',
  erase: 'Raderad',
  import: 'Importerad',
  restore: 'Återställd',
};

export const changeEntityLabels: Record<string, string> = {
  organisation: 'Organisation',
  membership: 'Medlemsperiod',
  contact: 'Kontaktperson',
  feeTable: 'Avgiftstabell',
  usage: 'Användning',
  service: 'Tjänst',
  network: 'Nätverk',
  document: 'Registret',
  history: 'Ångra/gör om',
};

/** What stands in for erased personal data in the log. */
export const ERASED_MARKER = '[raderade personuppgifter]';
export const ERASED_SUMMARY = 'Uppgifter om en raderad person';

/** A change-log record; `before`/`after` are copied to plain data so later edits cannot reach into the log. */
export function changeRecord(
  entity: string,
  entityId: string,
  action: ChangeAction,
  summary: string,
  options: { organisationId?: string | undefined; before?: unknown; after?: unknown } = {},
): ChangeRecord {
  return {
    entity,
    entityId,
    action,
    summary: summary.slice(0, 500),
    ...(options.organisationId !== undefined ? { organisationId: options.organisationId } : {}),
    ...(options.before !== undefined ? { before: plainCopy(options.before) } : {}),
    ...(options.after !== undefined ? { after: plainCopy(options.after) } : {}),
  };
}

function plainCopy(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/**
 * The log newest first, optionally for one organisation (the entries that name it), paged with
 * `offset`/`limit`.
 */
export function listChanges(
  doc: Pick<SambrukDocument, 'changeLog' | 'organisations'>,
  options: { organisationId?: string; limit?: number; offset?: number } = {},
): ChangeList {
  const names = new Map(doc.organisations.map((o) => [o.id, o.name]));
  const matching = doc.changeLog.filter((e) => options.organisationId === undefined || e.organisationId === options.organisationId);
  const newestFirst = [...matching].reverse().sort((a, b) => b.at.localeCompare(a.at));
  const offset = options.offset ?? 0;
  const page = newestFirst.slice(offset, offset + (options.limit ?? 200));
  return {
    total: matching.length,
    entries: page.map((e) => {
      const organisationName = e.organisationId !== undefined ? names.get(e.organisationId) : undefined;
      return {
        ...e,
        actionLabel: changeActionLabels[e.action],
        entityLabel: changeEntityLabels[e.entity] ?? e.entity,
        ...(organisationName !== undefined ? { organisationName } : {}),
      };
    }),
  };
}
