/**
 * Membership status is derived from the periods, never stored. A period covers `joined` to `left`, both
 * inclusive; without `left` it is open. An organisation in a group (kommunalförbund, gemensam nämnd) is a
 * member while the group is, as the association's rules give each municipality of a group member status.
 *
 * A period whose start is known only as «före» a date (`startKnown: 'before'`) covers every day up to `joined`
 * as well: the organisation was a member then, from a day nobody recorded. It has no joining event, so it is
 * never counted as a join, never a re-join, and must be the organisation's first period.
 */
import type { Membership, Organisation, SambrukDocument } from '../store/schema';
import type { MembershipStart } from '../../contract/model/records';
import { fieldError } from './field-errors';
import { addDays, DATE_YEARS, firstDayOfYear } from '../../contract/rules/calendar-date';
import { periodsOverlap } from './services';
import type { MemberStatus, MembershipTimeline, StatusAt, StatusSegment, TimelineEvent, TimelineEventKind, TimelineGroupPeriod, TimelinePeriod } from '../../contract/model/members';
import { memberStatusLabels } from '../../contract/labels';

export { memberStatuses } from '../../contract/model/members';
export type { MemberStatus, StatusAt, MembershipTimeline } from '../../contract/model/members';

type PeriodDates = Pick<Membership, 'joined' | 'left' | 'startKnown'>;

/** The start used for a «före» period: earlier than any date the register accepts, so it covers all before `joined`. */
export const UNKNOWN_START = firstDayOfYear(DATE_YEARS.first);

/** The first day a period covers: `joined`, or for a «före» period the unknown past (`UNKNOWN_START`). */
export function periodStart(period: Pick<Membership, 'joined' | 'startKnown'>): string {
  return period.startKnown === 'before' ? UNKNOWN_START : period.joined;
}

/** Whether the period's first day is a known date, i.e. a joining that fees and join counts may use. */
export function hasDatedStart(period: Pick<Membership, 'startKnown'>): boolean {
  return period.startKnown !== 'before';
}

export function periodCovers(period: PeriodDates, date: string): boolean {
  return periodStart(period) <= date && (period.left === undefined || date <= period.left);
}

/** Ids of every organisation that is a member at `date`, directly or through a group. */
export function memberIdsAt(doc: Pick<SambrukDocument, 'organisations' | 'memberships'>, date: string): Set<string> {
  const direct = new Set<string>();
  for (const m of doc.memberships) if (periodCovers(m, date)) direct.add(m.organisationId);
  const result = new Set(direct);
  for (const org of doc.organisations) {
    if (direct.has(org.id)) for (const memberId of org.groupMemberIds) result.add(memberId);
  }
  return result;
}

// ---------------------------------------------------------------- status at a date

/**
 * Periods per organisation and the groups listing each organisation, built once per document state so that
 * statuses for thousands of organisations cost one pass over the memberships, not one pass each.
 */
export type MembershipIndex = {
  periodsOf(organisationId: string): readonly Membership[];
  groupsOf(organisationId: string): readonly Organisation[];
  statusAt(organisationId: string, date: string): StatusAt;
};

type IndexedDoc = Pick<SambrukDocument, 'organisations' | 'memberships'>;
const indexCache = new WeakMap<readonly Membership[], { organisations: readonly Organisation[]; index: MembershipIndex }>();

export function membershipIndex(doc: IndexedDoc): MembershipIndex {
  const cached = indexCache.get(doc.memberships);
  if (cached && cached.organisations === doc.organisations) return cached.index;
  const periods = new Map<string, Membership[]>();
  for (const m of doc.memberships) {
    const list = periods.get(m.organisationId);
    if (list) list.push(m);
    else periods.set(m.organisationId, [m]);
  }
  for (const list of periods.values()) list.sort((a, b) => periodStart(a).localeCompare(periodStart(b)));
  const groups = new Map<string, Organisation[]>();
  for (const org of doc.organisations) {
    for (const memberId of new Set(org.groupMemberIds)) {
      const list = groups.get(memberId);
      if (list) list.push(org);
      else groups.set(memberId, [org]);
    }
  }
  const periodsOf = (id: string): readonly Membership[] => periods.get(id) ?? [];
  const groupsOf = (id: string): readonly Organisation[] => groups.get(id) ?? [];
  const index: MembershipIndex = {
    periodsOf,
    groupsOf,
    statusAt(organisationId, date) {
      const own = periodsOf(organisationId);
      const covering = own.find((p) => periodCovers(p, date));
      const viaGroupIds = groupsOf(organisationId)
        .filter((g) => periodsOf(g.id).some((p) => periodCovers(p, date)))
        .map((g) => g.id);
      let status: MemberStatus;
      if (covering) status = covering.noticeGiven !== undefined && covering.noticeGiven <= date ? 'uppsagd' : 'medlem';
      else if (viaGroupIds.length > 0) status = 'medlem-via-grupp';
      else {
        const wasMember =
          own.some((p) => periodStart(p) <= date) || groupsOf(organisationId).some((g) => periodsOf(g.id).some((p) => periodStart(p) <= date));
        status = wasMember ? 'uttradd' : 'aldrig-medlem';
      }
      return { status, label: memberStatusLabels[status], ...(covering ? { periodId: covering.id } : {}), viaGroupIds };
    },
  };
  indexCache.set(doc.memberships, { organisations: doc.organisations, index });
  return index;
}

export function statusAt(doc: IndexedDoc, organisationId: string, date: string): StatusAt {
  return membershipIndex(doc).statusAt(organisationId, date);
}

// ---------------------------------------------------------------- editing periods

export type PeriodFields = { joined: string; startKnown?: MembershipStart; noticeGiven?: string; left?: string; reason?: string; note?: string };

/** Refuses a period whose dates are out of order: notice and leaving cannot come before joining. */
export function assertPeriodValid(period: PeriodFields): void {
  if (period.left !== undefined && period.left < period.joined) {
    throw fieldError('validation', 'left', `Utträdesdatumet kan inte ligga före inträdesdatumet (${period.joined}).`);
  }
  // A member since before `joined` may well have given notice before that date.
  if (period.noticeGiven !== undefined && period.startKnown !== 'before' && period.noticeGiven < period.joined) {
    throw fieldError('validation', 'noticeGiven', `Uppsägningen kan inte ligga före inträdesdatumet (${period.joined}).`);
  }
  if (period.noticeGiven !== undefined && period.left !== undefined && period.noticeGiven > period.left) {
    throw fieldError('validation', 'noticeGiven', `Uppsägningen kan inte ligga efter utträdesdatumet (${period.left}).`);
  }
}

/** Whether two periods share at least one day (both ends inclusive, open ends run forever). */
export function membershipPeriodsOverlap(a: PeriodDates, b: PeriodDates): boolean {
  return periodsOverlap({ from: periodStart(a), to: a.left }, { from: periodStart(b), to: b.left });
}

export function describePeriod(p: PeriodDates): string {
  if (p.startKnown === 'before') return p.left === undefined ? `sedan före ${p.joined}` : `före ${p.joined} – ${p.left}`;
  return p.left === undefined ? `från och med ${p.joined}` : `${p.joined} – ${p.left}`;
}

/**
 * Refuses a period that overlaps another period of the same organisation. A re-joining member gets a new
 * period that starts after the previous one has ended; an open period must be ended before a new one starts.
 */
export function assertNoPeriodOverlap(
  memberships: readonly Membership[],
  organisationId: string,
  candidate: PeriodDates,
  ignoreId?: string,
): void {
  for (const m of memberships) {
    if (m.id === ignoreId || m.organisationId !== organisationId) continue;
    if (membershipPeriodsOverlap(m, candidate)) {
      const hint = m.left === undefined ? ' Avsluta den pågående perioden först.' : ' Ett återinträde börjar efter att den förra perioden har slutat.';
      throw fieldError('conflict', 'joined', `Perioden överlappar en annan medlemsperiod för organisationen (${describePeriod(m)}).${hint}`, {
        existingId: m.id,
      });
    }
  }
}

/** A period is a re-join when the organisation had an own period that started earlier. */
export function isRejoin(
  periods: readonly Pick<Membership, 'id' | 'joined' | 'startKnown'>[],
  period: Pick<Membership, 'id' | 'joined' | 'startKnown'>,
): boolean {
  return periods.some((p) => p.id !== period.id && periodStart(p) < periodStart(period));
}

// ---------------------------------------------------------------- member intervals and the timeline

export type DateInterval = { from: string; to?: string };

/**
 * The days an organisation is a member, on its own or through a group, as disjoint intervals in date order.
 * Periods that touch (one ends the day before the next starts) join into one interval, so moving from a
 * group membership to an own one is not a leaving and a joining.
 */
export function memberIntervals(index: MembershipIndex, organisationId: string): DateInterval[] {
  const raw = index.periodsOf(organisationId).map(toInterval);
  for (const group of index.groupsOf(organisationId)) raw.push(...index.periodsOf(group.id).map(toInterval));
  raw.sort((a, b) => a.from.localeCompare(b.from));
  const merged: DateInterval[] = [];
  for (const next of raw) {
    const last = merged[merged.length - 1];
    if (last && (last.to === undefined || next.from <= addDays(last.to, 1))) {
      if (last.to !== undefined && (next.to === undefined || next.to > last.to)) {
        if (next.to === undefined) delete last.to;
        else last.to = next.to;
      }
    } else merged.push({ ...next });
  }
  return merged;
}

function toInterval(m: Membership): DateInterval {
  return m.left === undefined ? { from: periodStart(m) } : { from: periodStart(m), to: m.left };
}

const EVENT_ORDER: Record<TimelineEventKind, number> = {
  joined: 0,
  rejoined: 0,
  'group-joined': 1,
  notice: 2,
  'group-notice': 3,
  left: 4,
  'group-left': 5,
};

/** Everything the organisation page needs to draw the membership history (change-log entries come separately). */
export function membershipTimeline(doc: IndexedDoc, organisationId: string): MembershipTimeline {
  const index = membershipIndex(doc);
  const own = index.periodsOf(organisationId);
  const periods: TimelinePeriod[] = own.map((p) => ({ ...p, rejoin: isRejoin(own, p), open: p.left === undefined }));
  const groupPeriods: TimelineGroupPeriod[] = index.groupsOf(organisationId).flatMap((g) =>
    index.periodsOf(g.id).map((p) => ({
      groupId: g.id,
      groupName: g.name,
      periodId: p.id,
      joined: p.joined,
      ...(p.startKnown === 'before' ? { startKnown: p.startKnown } : {}),
      ...(p.noticeGiven !== undefined ? { noticeGiven: p.noticeGiven } : {}),
      ...(p.left !== undefined ? { left: p.left } : {}),
    })),
  );
  const events: TimelineEvent[] = [];
  for (const p of periods) {
    // A «före» period has no dated joining to show.
    if (hasDatedStart(p)) events.push({ date: p.joined, kind: p.rejoin ? 'rejoined' : 'joined', label: p.rejoin ? 'Återinträde' : 'Inträde', periodId: p.id });
    if (p.noticeGiven !== undefined) events.push({ date: p.noticeGiven, kind: 'notice', label: 'Uppsägning', periodId: p.id });
    if (p.left !== undefined) {
      events.push({ date: p.left, kind: 'left', label: p.reason ? `Utträde (sista dag): ${p.reason}` : 'Utträde (sista dag)', periodId: p.id });
    }
  }
  for (const g of groupPeriods) {
    if (g.startKnown !== 'before') events.push({ date: g.joined, kind: 'group-joined', label: `${g.groupName} blev medlem`, periodId: g.periodId, groupId: g.groupId });
    if (g.noticeGiven !== undefined) {
      events.push({ date: g.noticeGiven, kind: 'group-notice', label: `${g.groupName} sade upp medlemskapet`, periodId: g.periodId, groupId: g.groupId });
    }
    if (g.left !== undefined) {
      events.push({ date: g.left, kind: 'group-left', label: `${g.groupName} utträdde (sista dag)`, periodId: g.periodId, groupId: g.groupId });
    }
  }
  events.sort((a, b) => a.date.localeCompare(b.date) || EVENT_ORDER[a.kind] - EVENT_ORDER[b.kind]);

  const breaks = new Set<string>();
  for (const p of periods) {
    breaks.add(p.joined);
    if (p.noticeGiven !== undefined) breaks.add(p.noticeGiven);
    if (p.left !== undefined) breaks.add(addDays(p.left, 1));
  }
  for (const g of groupPeriods) {
    breaks.add(g.joined);
    if (g.left !== undefined) breaks.add(addDays(g.left, 1));
  }
  const dates = [...breaks].sort();
  const segments: StatusSegment[] = [];
  for (const date of dates) {
    const { status, label } = index.statusAt(organisationId, date);
    const last = segments[segments.length - 1];
    if (last && last.status === status) continue;
    if (last) last.to = addDays(date, -1);
    segments.push({ from: date, status, label });
  }
  return { organisationId, periods, groupPeriods, events, segments };
}
