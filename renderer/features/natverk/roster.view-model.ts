/**
 * A network's roster, its governance council and the pickers that add to it: `networks/get` (+ the contact
 * and organisation lists) -> rows and options. Searching follows the register's Swedish rule (`savsjo` finds
 * Sävsjö, `håbo` never finds Habo) and ranks the best match first, so Enter can take the first option.
 */
import type { ChannelInput, ContactRow, NetworkDetail, OrganisationRow, RosterEntryView } from '../../../electron/contract';
import { compareSv, rankMatch, searchText, type MatchRank } from '../../../electron/core/domain/swedish';
import type { NetworkKind, RosterRole } from '../../../electron/core/store/schema';
import { formatDate, formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';

const t = sv.natverk;

export const rosterRoleOrder: readonly RosterRole[] = ['ordforande', 'sammankallande', 'ledamot', 'adjungerad', 'deltagare'];
export const participationOrder = ['deltagare', 'medfinansiar', 'partner'] as const;
export type Participation = (typeof participationOrder)[number];

/** Projects and partnerships say how an organisation takes part (deltagare, medfinansiär, partner). */
export function showsParticipation(kind: NetworkKind): boolean {
  return kind === 'projekt' || kind === 'partnerskap';
}

/** The role a new entry gets unless the user picks another: a council seats members, the rest take part. */
export function defaultRole(kind: NetworkKind): RosterRole {
  return kind === 'forvaltningsrad' ? 'ledamot' : 'deltagare';
}

export type EntryStatus = 'active' | 'ended' | 'future';

export function entryStatus(entry: Pick<RosterEntryView, 'from' | 'to'>, date: string): EntryStatus {
  if (entry.from > date) return 'future';
  if (entry.to !== undefined && entry.to < date) return 'ended';
  return 'active';
}

export type RosterRowVm = {
  id: string;
  kind: 'person' | 'organisation' | 'external';
  kindLabel: string;
  name: string;
  contactId?: string;
  organisationName: string;
  role: RosterRole;
  roleLabel: string;
  participation: Participation;
  participationLabel: string;
  from: string;
  to?: string;
  periodText: string;
  status: EntryStatus;
  /** Avslutad / Kommande; absent for an entry in force. */
  statusLabel?: string;
  email: string;
  emailMissing: boolean;
  /** The entry's organisation is one of the member municipalities the network counts at the date. */
  countsAsMemberMunicipality: boolean;
  /** A board member marked as working with IT or not (absent when not marked). */
  worksWithIt?: boolean;
  /** «Arbetar med it» / «Arbetar inte med it» / «Ej angivet om it», shown for a board's persons. */
  worksWithItLabel: string;
};

function periodText(from: string, to: string | undefined): string {
  return to === undefined ? t.roster.from_(formatDate(from)) : t.roster.span(formatDate(from), formatDate(to));
}

/**
 * Rows for the roster table: entries in force first, then by role (ordförande first), then name in
 * Swedish order. Ended and coming entries only with `showEnded`.
 */
export function rosterRows(detail: Pick<NetworkDetail, 'roster' | 'date' | 'participatingMunicipalities'>, options: { showEnded: boolean }): RosterRowVm[] {
  const counted = new Set(detail.participatingMunicipalities.map((m) => m.organisationId));
  const statusRank: Record<EntryStatus, number> = { active: 0, future: 1, ended: 2 };
  return detail.roster
    .map((e): RosterRowVm => {
      const status = entryStatus(e, detail.date);
      const kind = e.contactId !== undefined ? 'person' : e.organisationId !== undefined ? 'organisation' : 'external';
      const email = e.contactEmail?.trim() ?? '';
      return {
        id: e.id,
        kind,
        kindLabel: kind === 'person' ? t.roster.personKind : kind === 'organisation' ? t.roster.organisationKind : t.roster.externalKind,
        name: e.displayName,
        ...(e.contactId !== undefined ? { contactId: e.contactId } : {}),
        organisationName: kind === 'person' ? (e.organisationName ?? '') : '',
        role: e.role,
        roleLabel: t.roles[e.role],
        participation: e.participation,
        participationLabel: t.participations[e.participation],
        from: e.from,
        ...(e.to !== undefined ? { to: e.to } : {}),
        periodText: periodText(e.from, e.to),
        status,
        ...(status === 'ended' ? { statusLabel: t.roster.statusEnded } : status === 'future' ? { statusLabel: t.roster.statusFuture } : {}),
        email,
        emailMissing: kind === 'person' && email === '',
        countsAsMemberMunicipality: e.representsOrganisationId !== undefined && counted.has(e.representsOrganisationId),
        ...(e.worksWithIt !== undefined ? { worksWithIt: e.worksWithIt } : {}),
        worksWithItLabel: e.worksWithIt === undefined ? t.roster.worksWithItUnknown : e.worksWithIt ? t.roster.worksWithIt : t.roster.notWorksWithIt,
      };
    })
    .filter((row) => options.showEnded || row.status === 'active')
    .sort(
      (a, b) =>
        statusRank[a.status] - statusRank[b.status] ||
        rosterRoleOrder.indexOf(a.role) - rosterRoleOrder.indexOf(b.role) ||
        compareSv(a.name, b.name) ||
        a.from.localeCompare(b.from),
    );
}

/**
 * The roster as shown, for `exports/table`: the rows the table draws (`rosterRows`), with dates as dates.
 * E-mail addresses only when the user asked for personal details; the screen shows them, a forwarded file
 * need not.
 */
export function rosterExport(
  detail: Pick<NetworkDetail, 'name' | 'kind' | 'date'>,
  rows: readonly RosterRowVm[],
  options: { showEnded: boolean; includePersonalDetails: boolean },
): ChannelInput<'exports/table'> {
  const participation = showsParticipation(detail.kind);
  const c = t.roster.columns;
  return {
    title: t.roster.exportTitle(detail.name),
    filtersDescription: [t.roster.exportDate(detail.date), options.showEnded ? t.roster.exportWithEnded : t.roster.exportActiveOnly].join(' · '),
    columns: [
      { header: c.name, kind: 'text' },
      { header: t.roster.exportKind, kind: 'text' },
      { header: c.organisation, kind: 'text' },
      { header: c.role, kind: 'text' },
      ...(participation ? [{ header: c.participation, kind: 'text' as const }] : []),
      { header: t.roster.exportFrom, kind: 'date' },
      { header: t.roster.exportTo, kind: 'date' },
      { header: t.roster.exportStatus, kind: 'text' },
      { header: t.roster.exportMemberMunicipality, kind: 'boolean' },
      ...(options.includePersonalDetails ? [{ header: c.email, kind: 'text' as const }] : []),
    ],
    rows: rows.map((r) => [
      r.name,
      r.kindLabel,
      r.organisationName,
      r.roleLabel,
      ...(participation ? [r.participationLabel] : []),
      r.from,
      r.to ?? null,
      r.statusLabel ?? t.roster.exportStatusActive,
      r.countsAsMemberMunicipality,
      ...(options.includePersonalDetails ? [r.kind === 'person' ? r.email : ''] : []),
    ]),
  };
}

export type RosterCounts = { active: number; persons: number; ended: number; text: string };

export function rosterCounts(detail: Pick<NetworkDetail, 'roster' | 'date'>): RosterCounts {
  const active = detail.roster.filter((e) => entryStatus(e, detail.date) === 'active');
  const persons = new Set(active.filter((e) => e.contactId !== undefined).map((e) => e.contactId)).size;
  return {
    active: active.length,
    persons,
    ended: detail.roster.length - active.length,
    text: t.roster.counts(formatNumber(active.length), persons),
  };
}

export type CouncilRowVm = {
  organisationId: string;
  name: string;
  memberLabel: string;
  isMember: boolean;
  sourceLabel: string;
  representative?: string;
  representativeEntryId?: string;
};

export function councilRows(detail: Pick<NetworkDetail, 'council'>): CouncilRowVm[] {
  return (detail.council ?? []).map((c) => ({
    organisationId: c.organisationId,
    name: c.name,
    isMember: c.isMember,
    memberLabel: c.isMember ? t.council.member : t.council.notMember,
    sourceLabel: c.source === 'direct' ? t.council.direct(formatDate(c.usingFrom)) : t.council.group(formatDate(c.usingFrom)),
    ...(c.representative
      ? { representative: t.council.representative(c.representative.name, t.roles[c.representative.role]), representativeEntryId: c.representative.entryId }
      : {}),
  }));
}

export function councilSummary(rows: readonly CouncilRowVm[]): string {
  return t.council.count(rows.length, formatNumber(rows.filter((r) => r.representative !== undefined).length));
}

// ---------------------------------------------------------------- pickers

/**
 * Who already has an entry that a new open entry from `from` would overlap (the core refuses those):
 * an entry ending on or after `from`, or open.
 */
function takenFrom(roster: readonly Pick<RosterEntryView, 'contactId' | 'organisationId' | 'to'>[], from: string) {
  const contacts = new Set<string>();
  const organisations = new Set<string>();
  for (const e of roster) {
    if (e.to !== undefined && e.to < from) continue;
    if (e.contactId !== undefined) contacts.add(e.contactId);
    else if (e.organisationId !== undefined) organisations.add(e.organisationId);
  }
  return { contacts, organisations };
}

export type PersonOptionVm = { contactId: string; name: string; organisationName: string; email: string; text: string; secondary: string };
export type OrganisationOptionVm = { organisationId: string; name: string; text: string; secondary: string; isMember: boolean };
export type Candidates<T> = { options: T[]; more: number };

type Ranked<T> = { item: T; rank: MatchRank | 5; name: string };

function rankAndCut<T>(ranked: Ranked<T>[], limit: number): Candidates<T> {
  ranked.sort((a, b) => a.rank - b.rank || compareSv(a.name, b.name));
  return { options: ranked.slice(0, limit).map((r) => r.item), more: Math.max(0, ranked.length - limit) };
}

/**
 * Persons to offer: contacts still at their organisation on `from`, not already on the roster from then,
 * matching the query by name (ranked first) or by organisation (`borås` lists Borås's people).
 * An empty query lists everyone in name order.
 */
export function personCandidates(
  contacts: readonly ContactRow[],
  query: string,
  roster: readonly Pick<RosterEntryView, 'contactId' | 'organisationId' | 'to'>[],
  from: string,
  limit = 30,
): Candidates<PersonOptionVm> {
  const taken = takenFrom(roster, from).contacts;
  const q = searchText(query.trim());
  const ranked: Ranked<PersonOptionVm>[] = [];
  for (const c of contacts) {
    if (taken.has(c.id) || (c.endedAt !== undefined && c.endedAt < from)) continue;
    let rank: MatchRank | 5 | undefined = 5;
    if (q.lower !== '') {
      const byName = rankMatch(searchText(c.name), q);
      const byOrg = rankMatch(searchText(c.organisationName), q);
      // A name match outranks an organisation match of the same kind.
      rank = byName !== undefined ? byName : byOrg !== undefined ? 5 : undefined;
    }
    if (rank === undefined) continue;
    const secondary = c.email.trim() === '' ? c.organisationName : `${c.organisationName} · ${c.email}`;
    ranked.push({
      rank,
      name: c.name,
      item: { contactId: c.id, name: c.name, organisationName: c.organisationName, email: c.email, text: t.roster.personOption(c.name, c.organisationName), secondary },
    });
  }
  return rankAndCut(ranked, limit);
}

/** Organisations to offer: not archived, not already on the roster (as an organisation) from `from`, matching by name. */
export function organisationCandidates(
  organisations: readonly Pick<OrganisationRow, 'id' | 'name' | 'kindLabel' | 'statusLabel' | 'status' | 'archived'>[],
  query: string,
  roster: readonly Pick<RosterEntryView, 'contactId' | 'organisationId' | 'to'>[],
  from: string,
  limit = 30,
): Candidates<OrganisationOptionVm> {
  const taken = takenFrom(roster, from).organisations;
  const q = searchText(query.trim());
  const ranked: Ranked<OrganisationOptionVm>[] = [];
  for (const o of organisations) {
    if (o.archived || taken.has(o.id)) continue;
    const rank = q.lower === '' ? 5 : rankMatch(searchText(o.name), q);
    if (rank === undefined) continue;
    const isMember = o.status === 'medlem' || o.status === 'uppsagd' || o.status === 'medlem-via-grupp';
    ranked.push({ rank, name: o.name, item: { organisationId: o.id, name: o.name, text: o.name, secondary: `${o.kindLabel} · ${o.statusLabel}`, isMember } });
  }
  return rankAndCut(ranked, limit);
}
