/**
 * Adoption of the services: users and shares at a date, users over time, how many services each member
 * uses, and the plan's goal "one digital service used by more than three quarters of all members".
 * Users follow the rule in usage-matrix.ts (a group and its municipalities each once).
 */
import type {
  AdoptionReport,
  ServiceAdoption,
  ServicesPerMemberBucket,
  ThreeQuartersGoal,
  UsersSeriesPoint,
} from '../../contract/channels/usage.channels';
import type { SambrukDocument, Service } from '../store/schema';
import { memberIdsAt } from './memberships';
import { coverageDate, swedenPopulationAt } from './population';
import { addDays, monthStartsFrom } from '../../contract/rules/calendar-date';
import { columnFigures, groupMembersById, servicesInScope, usersOfServicesAt } from './usage-matrix';
import { compareSv } from './swedish';
import { byNameRank, organisationNameRanks } from './name-order';
import { figure } from './figure-cache';

export type AdoptionScope = { serviceIds?: readonly string[] | undefined };

/** Users, member share and population covered per service at `date` (services not archived, or the chosen ones). */
export function adoptionAt(doc: SambrukDocument, date: string, scope: AdoptionScope = {}): ServiceAdoption[] {
  // Every service's figures once per register state and date (figure-cache.ts): the board pack asks for them for a
  // goal and for its chart, the adoption screen again. Shared and frozen: callers copy before they sort.
  if (scope.serviceIds === undefined) return figure('adoption', date, doc, (d) => adoptionIn(d, date, {}));
  return adoptionIn(doc, date, scope);
}

function adoptionIn(doc: SambrukDocument, date: string, scope: AdoptionScope): ServiceAdoption[] {
  const services = servicesInScope(doc.services, scope);
  const members = memberIdsAt(doc, date);
  const sweden = swedenPopulationAt(doc, date);
  const populationDate = coverageDate(doc, date);
  const orgById = new Map(doc.organisations.map((o) => [o.id, o]));
  const usersOf = usersOfServicesAt(doc, date);
  return services.map((service) => columnFigures(doc, service, usersOf(service.id), members, sweden, orgById, populationDate));
}

/**
 * How many of the services each member at `date` uses: buckets 0, 1, …, `top` where the last holds `top`
 * or more (labelled e.g. "3+"). Feeds goals 3 and 4 (members with one service, members with none).
 */
export function servicesPerMember(
  doc: SambrukDocument,
  date: string,
  options: AdoptionScope & { top?: number } = {},
): { memberCount: number; buckets: ServicesPerMemberBucket[] } {
  const top = Math.max(1, options.top ?? 3);
  // Once per register state, date and top bucket (figure-cache.ts): two goals and the pack's chart ask alike.
  if (options.serviceIds === undefined) return figure('services-per-member', `${date}|${top}`, doc, (d) => servicesPerMemberIn(d, date, top, {}));
  return servicesPerMemberIn(doc, date, top, options);
}

/** Each member at `date` in Swedish name order with the number of the services in scope it uses. */
type MemberServiceCounts = { memberCount: number; members: readonly { id: string; services: number }[] };

function memberServiceCounts(doc: SambrukDocument, date: string, options: AdoptionScope): MemberServiceCounts {
  const services = servicesInScope(doc.services, options);
  const members = memberIdsAt(doc, date);
  const counts = new Map<string, number>();
  const usersOf = usersOfServicesAt(doc, date);
  for (const service of services) {
    for (const userId of usersOf(service.id).keys()) {
      if (members.has(userId)) counts.set(userId, (counts.get(userId) ?? 0) + 1);
    }
  }
  const names = new Map(doc.organisations.map((o) => [o.id, o.name]));
  const byName = byNameRank(organisationNameRanks(doc.organisations));
  const sortedMembers = [...members].map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => byName(a.name, b.name));
  return { memberCount: members.size, members: sortedMembers.map(({ id }) => ({ id, services: counts.get(id) ?? 0 })) };
}

function servicesPerMemberIn(
  doc: SambrukDocument,
  date: string,
  top: number,
  options: AdoptionScope,
): { memberCount: number; buckets: ServicesPerMemberBucket[] } {
  // The counts once per register state and date, whatever the top bucket: the goals ask with one, the pack's
  // chart with another.
  const { memberCount, members } =
    options.serviceIds === undefined ? figure('member-service-counts', date, doc, (d) => memberServiceCounts(d, date, {})) : memberServiceCounts(doc, date, options);
  const buckets: ServicesPerMemberBucket[] = Array.from({ length: top + 1 }, (_, n) => ({
    services: n,
    label: n === top ? `${n}+` : String(n),
    count: 0,
    organisationIds: [],
  }));
  for (const { id: memberId, services } of members) {
    const bucket = buckets[Math.min(services, top)];
    if (!bucket) continue;
    bucket.count += 1;
    bucket.organisationIds.push(memberId);
  }
  return { memberCount, buckets };
}

/**
 * The service closest to "more than three quarters of all members": the one with the most member users
 * (ties: the name first in Swedish order). `required` = floor(3/4 × members) + 1, `gap` = what is missing.
 */
export function threeQuartersGoal(adoption: readonly ServiceAdoption[]): ThreeQuartersGoal | null {
  let best: ServiceAdoption | undefined;
  for (const a of adoption) {
    if (!best || a.memberUsers > best.memberUsers || (a.memberUsers === best.memberUsers && compareSv(a.name, best.name) < 0)) best = a;
  }
  if (!best) return null;
  const required = Math.floor((best.memberCount * 3) / 4) + 1;
  const gap = Math.max(0, required - best.memberUsers);
  return {
    serviceId: best.serviceId,
    name: best.name,
    memberUsers: best.memberUsers,
    memberCount: best.memberCount,
    memberShare: best.memberShare,
    required,
    gap,
    reached: gap === 0 && best.memberCount > 0,
  };
}

type SeriesEvent = { date: string; delta: 1 | -1; serviceId: string; organisationIds: readonly string[] };

/**
 * Users per service over time, from the usage dates. `step: 'changes'` gives a point at `from` and at every
 * date the users change (a record's first day, and the day after its last); `monthly` gives `from` and the
 * first day of every following month up to `to`. One sweep over the sorted record edges, with a reference
 * count per (service, organisation) so a group's municipalities reached twice still count once.
 */
export function usersOverTime(
  doc: SambrukDocument,
  options: AdoptionScope & { from: string; to: string; step: 'changes' | 'monthly' },
): UsersSeriesPoint[] {
  const services: Service[] = servicesInScope(doc.services, options);
  const serviceIds = new Set(services.map((s) => s.id));
  const groups = groupMembersById(doc.organisations);
  const events: SeriesEvent[] = [];
  for (const u of doc.usages) {
    if (!serviceIds.has(u.serviceId)) continue;
    const organisationIds = [u.organisationId, ...(groups.get(u.organisationId) ?? [])];
    events.push({ date: u.from, delta: 1, serviceId: u.serviceId, organisationIds });
    if (u.to !== undefined) events.push({ date: addDays(u.to, 1), delta: -1, serviceId: u.serviceId, organisationIds });
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const samples = options.step === 'monthly' ? monthStartsFrom(options.from, options.to) : changeDates(events, options.from, options.to);
  const pairCount = new Map<string, number>();
  const anyCount = new Map<string, number>();
  const perService = new Map<string, number>(services.map((s) => [s.id, 0]));
  let anyService = 0;
  const points: UsersSeriesPoint[] = [];
  let next = 0;
  for (const date of samples) {
    for (; next < events.length; next += 1) {
      const event = events[next];
      if (!event || event.date > date) break;
      for (const orgId of event.organisationIds) {
        const key = `${event.serviceId}\u0000${orgId}`;
        const before = pairCount.get(key) ?? 0;
        const after = before + event.delta;
        pairCount.set(key, after);
        if (before === 0 && after === 1) {
          perService.set(event.serviceId, (perService.get(event.serviceId) ?? 0) + 1);
          const a = (anyCount.get(orgId) ?? 0) + 1;
          anyCount.set(orgId, a);
          if (a === 1) anyService += 1;
        } else if (before === 1 && after === 0) {
          perService.set(event.serviceId, (perService.get(event.serviceId) ?? 0) - 1);
          const a = (anyCount.get(orgId) ?? 0) - 1;
          anyCount.set(orgId, a);
          if (a === 0) anyService -= 1;
        }
      }
    }
    points.push({ date, users: Object.fromEntries(perService), anyService });
  }
  return points;
}

function changeDates(events: readonly SeriesEvent[], from: string, to: string): string[] {
  const dates = new Set<string>([from]);
  for (const e of events) if (e.date > from && e.date <= to) dates.add(e.date);
  return [...dates].sort();
}

/**
 * Everything the adoption screen shows at `date`. The series runs from `from` (default: the earliest
 * record's start, or the date itself) to `to` (default: the date).
 */
export function adoptionReport(
  doc: SambrukDocument,
  options: AdoptionScope & { date: string; from?: string | undefined; to?: string | undefined; step: 'changes' | 'monthly' },
): AdoptionReport {
  const services = adoptionAt(doc, options.date, options);
  const to = options.to ?? options.date;
  const scoped = new Set(services.map((s) => s.serviceId));
  let earliest: string | undefined;
  for (const u of doc.usages) if (scoped.has(u.serviceId) && (earliest === undefined || u.from < earliest)) earliest = u.from;
  let from = options.from ?? earliest ?? to;
  if (from > to) from = to;
  return {
    date: options.date,
    services,
    distribution: servicesPerMember(doc, options.date, options),
    threeQuarters: threeQuartersGoal(services),
    series: { step: options.step, from, to, points: usersOverTime(doc, { ...options, from, to }) },
  };
}
