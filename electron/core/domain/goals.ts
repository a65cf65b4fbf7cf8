/**
 * The plan's goals, measured. A goal is data (a year, a metric the app computes, a comparison and a target);
 * this module computes each metric from the register and says whether the goal is reached, on track, at risk
 * or missed.
 *
 * Measuring window of a goal of year Y seen at date D:
 * - `deadline` = Y-12-31; `measuredAt` = the earlier of D and the deadline (a 2022 goal looked at in 2023
 *   shows its final 2022 figure);
 * - `yearStart` = Y-01-01; cumulative metrics count events from `yearStart` to `measuredAt`;
 * - `periodStart` = 1 January of the earlier of Y and D's year: a goal for a later year (the plan's 2023
 *   goal seen in 2022) is paced from the start of the year the board is in, not from a date still to come.
 *
 * Metrics (members follow `memberIdsAt`: an organisation in a group that is a member counts, and so does the group):
 * - `member-count` (state): members at `measuredAt`.
 * - `members-lost` (cumulative): organisations whose membership (own or through a group, touching periods
 *   joined as in `memberIntervals`) had its last day between `yearStart` and `measuredAt`. A member whose last
 *   day is 31 December is lost in that year. Departures already in the register with a later last day in the
 *   year, and members that have given notice without a last day, are "pending".
 * - `single-service-members` (state): members using exactly one service (services not archived).
 * - `members-without-service-or-network` (state): members using no service and on no roster entry in force
 *   of a network running at the date (any kind; a group's entry counts for its municipalities).
 * - `max-service-member-share` (state, a fraction): the largest share of members using one service.
 * - `networks-with-20-members` (state): competence networks with at least `MUNICIPALITY_GOAL` (20)
 *   participating member municipalities (rule in networks.ts).
 * - `conferences-held` (cumulative): events of the kinds the goal names (`eventKinds`, conferences only when
 *   absent: webinars, seminars and meetings are other kinds) of any network, dated from `yearStart` to the
 *   earlier of `measuredAt` and today; those dated later in the year are "pending" (planned, not held).
 * - `board-members-outside-it` (state): persons on the roster, in force at the date, of a board (`styrelse`)
 *   running then who are marked as not working with IT; those marked as working with IT, or not marked, are
 *   listed beside the figure.
 * - `services-with-council` (state, a fraction): of the services not archived, the share whose governance
 *   council runs at the date with at least one participant (the plan's clear networks around the services).
 *
 * Where the plan states the figure at a goal's `periodStart` (a `planFigures` entry: 109 members at the start
 * of 2022 where the register names 96), the baseline is the plan's figure, with the register's beside it.
 *
 * A range (`between`, the plan's «1–2») is satisfied from its lower bound; going above the top is never a
 * failure. A goal that holds by the way the register was built (`byConstruction`) keeps its status, and
 * `goalStatusText` says so instead of a bare «Uppnått».
 *
 * Status (see `goalStatus`), with `satisfied` the comparison applied to the value:
 * - state metrics: `reached` when satisfied at `measuredAt`; otherwise `missed` once the deadline has come;
 *   otherwise `on-track` when the value has come at least as far from the value at `periodStart` (the
 *   baseline) towards the target as a steady pace reaching the target on the deadline would have brought it
 *   by now (`expected`), else `at-risk`. The pace is linear in days: by the end of day `measuredAt`, (days
 *   elapsed) / (days from `periodStart` to the deadline) of the way. For counts it is rounded to one decimal
 *   towards the target (see `paceValue`), not to a whole number, so the figure shown is the one compared: one
 *   conference a year asks 0,5 by 30 June and 0,1 from 1 January, and none held is not on pace. «I fas, krävs
 *   0,0» appears only before the period has begun.
 * - cumulative metrics only grow during the year, so: more than `at-most` is final, `missed`; a goal
 *   satisfied by the count so far is `reached`, except `at-most`,
 *   which is `reached` only once the year is over (until then `on-track`, or `at-risk` when the pending
 *   departures would break it); below a lower bound it is `missed` after the deadline, `on-track` when the
 *   count keeps the steady pace from 0 at `yearStart` or the pending (planned) events would reach the
 *   bound, else `at-risk`.
 */
import { AppError } from '../../contract/result';
import type { Goal, GoalMetric, SambrukDocument } from '../store/schema';
import { goalMetrics, meetingKinds } from '../store/schema';
import { adoptionAt, servicesPerMember } from './adoption';
import { memberIdsAt, memberIntervals, membershipIndex } from './memberships';
import { councilOrganisationCount, MUNICIPALITY_GOAL, networkActiveAt, networkContext, networkFigures } from './networks';
import { activeEntries, entryOrganisationId } from './rosters';
import type { MeetingKind, PlanFigure } from '../store/schema';
import { addDays, daysBetween, firstDayOfYear, lastDayOfYear, yearOf } from '../../contract/rules/calendar-date';
import { compareSv } from './swedish';
import { fieldError } from './field-errors';
import { figure } from './figure-cache';
import type { GoalComparison, GoalResult, GoalStatus, GoalSubject, GoalWindow, MetricKind, MetricUnit, SubjectKind } from '../../contract/model/goals';

export type { GoalComparison, GoalStatus, MetricUnit, MetricKind, SubjectKind, GoalSubject, GoalWindow, GoalResult } from '../../contract/model/goals';

export const goalComparisons = ['at-least', 'at-most', 'more-than', 'between'] as const satisfies readonly GoalComparison[];

export const metricInfo: Record<GoalMetric, { unit: MetricUnit; kind: MetricKind; subjects: SubjectKind }> = {
  'member-count': { unit: 'count', kind: 'state', subjects: 'organisation' },
  'members-lost': { unit: 'count', kind: 'cumulative', subjects: 'organisation' },
  'single-service-members': { unit: 'count', kind: 'state', subjects: 'organisation' },
  'members-without-service-or-network': { unit: 'count', kind: 'state', subjects: 'organisation' },
  'max-service-member-share': { unit: 'share', kind: 'state', subjects: 'service' },
  'networks-with-20-members': { unit: 'count', kind: 'state', subjects: 'network' },
  'conferences-held': { unit: 'count', kind: 'cumulative', subjects: 'event' },
  'board-members-outside-it': { unit: 'count', kind: 'state', subjects: 'person' },
  'services-with-council': { unit: 'share', kind: 'state', subjects: 'service' },
};

/** The meeting kinds a conference goal counts when it names none: the plan's goal counts conferences only. */
export const DEFAULT_EVENT_KINDS: readonly MeetingKind[] = ['konferens'];

/** The words for goals, shared by the workbook and the screens (the renderer's dictionary takes them from here). */
export const goalLabels = {
  metrics: {
    'member-count': 'Antal medlemmar',
    'members-lost': 'Medlemmar som lämnat under året',
    'single-service-members': 'Medlemmar som använder exakt en tjänst',
    'members-without-service-or-network': 'Medlemmar utan tjänst och utan nätverk',
    'max-service-member-share': 'Största andel av medlemmarna som använder en och samma tjänst',
    'networks-with-20-members': 'Kompetensnätverk med minst 20 deltagande medlemskommuner',
    'conferences-held': 'Genomförda evenemang av valda slag under året',
    'board-members-outside-it': 'Styrelseledamöter som inte arbetar med it',
    'services-with-council': 'Andel tjänster med ett förvaltningsråd som har deltagare',
  } satisfies Record<GoalMetric, string>,
  /** The status of a goal that holds by the way the register was built. */
  byConstruction: 'Uppnått per definition',
  comparisons: {
    'at-least': 'Minst',
    'at-most': 'Högst',
    'more-than': 'Mer än',
    between: 'Mellan',
  } satisfies Record<GoalComparison, string>,
  statuses: {
    reached: 'Uppnått',
    'on-track': 'I fas',
    'at-risk': 'I riskzonen',
    missed: 'Ej uppnått',
  } satisfies Record<GoalStatus, string>,
};

const countFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const shareFormat = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 });

/** A goal figure as Swedish text: `125`, `40,6 %`. */
export function formatGoalFigure(value: number, unit: MetricUnit): string {
  return unit === 'share' ? shareFormat.format(value) : countFormat.format(value);
}

/** A pace figure: counts with one decimal (`0,5`), since a pace between whole events is what is compared. */
export function formatPace(value: number, unit: MetricUnit): string {
  return unit === 'share' ? shareFormat.format(value) : paceFormat.format(value);
}

const paceFormat = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The status as Swedish text; a goal that holds by construction says so rather than «Uppnått». */
export function goalStatusText(result: Pick<GoalResult, 'status' | 'byConstruction'>): string {
  if (result.status === 'reached' && result.byConstruction !== undefined) return goalLabels.byConstruction;
  return goalLabels.statuses[result.status];
}

const meetingKindPlurals: Record<MeetingKind, string> = {
  mote: 'möten',
  seminarium: 'seminarier',
  webinar: 'webbinarier',
  konferens: 'konferenser',
};

/** The meeting kinds a conference goal counts, in words: `konferenser`, `konferenser och webbinarier`. */
export function eventKindsText(kinds: readonly MeetingKind[]): string {
  const words = kinds.map((k) => meetingKindPlurals[k]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} och ${words[words.length - 1] ?? ''}`;
}

/** The target as Swedish text: `minst 125`, `högst 0`, `mer än 75 %`, `1–2`. */
export function formatTarget(spec: TargetSpec, unit: MetricUnit): string {
  const f = (v: number) => formatGoalFigure(v, unit);
  if (spec.comparison === 'between') return `${f(spec.target)}–${f(spec.targetMax ?? spec.target)}`;
  return `${goalLabels.comparisons[spec.comparison].toLocaleLowerCase('sv-SE')} ${f(spec.target)}`;
}

export type Measurement = { value: number; subjects: GoalSubject[]; pending: number };

// ---------------------------------------------------------------- dates

export function goalWindow(goalYear: number, date: string): GoalWindow {
  const deadline = lastDayOfYear(goalYear);
  const yearStart = firstDayOfYear(goalYear);
  const dateYear = yearOf(date);
  return {
    date,
    measuredAt: date < deadline ? date : deadline,
    yearStart,
    periodStart: firstDayOfYear(Math.min(goalYear, dateYear)),
    deadline,
  };
}

/**
 * Share of the way from `from` to `deadline` covered by the end of `at`: 0 before `from`, 1 on the deadline
 * (1 January of a one-year period gives 1/365).
 */
export function elapsedFraction(from: string, at: string, deadline: string): number {
  if (at < from) return 0;
  if (at >= deadline) return 1;
  return (daysBetween(from, at) + 1) / (daysBetween(from, deadline) + 1);
}

// ---------------------------------------------------------------- measuring

type Doc = SambrukDocument;

const byName = (a: { name: string }, b: { name: string }) => compareSv(a.name, b.name);

function organisationSubjects(doc: Doc, ids: Iterable<string>, extra: Partial<GoalSubject> = {}): GoalSubject[] {
  const names = new Map(doc.organisations.map((o) => [o.id, o.name]));
  return [...ids]
    .map((id) => ({ kind: 'organisation' as const, id, name: names.get(id) ?? 'Okänd organisation', counted: true, ...extra }))
    .sort(byName);
}

/** Organisations on a roster entry in force at `date` of a network running then, a group's municipalities included. */
export function networkParticipantsAt(doc: Doc, date: string): Set<string> {
  // The persons and groups as the network context of the date indexes them, once per register state.
  const { contactsById, groups } = networkContext(doc, date);
  const result = new Set<string>();
  for (const network of doc.networks) {
    if (!networkActiveAt(network, date)) continue;
    for (const entry of activeEntries(network.roster, date)) {
      const orgId = entryOrganisationId(entry, contactsById);
      if (orgId === undefined) continue;
      result.add(orgId);
      for (const memberId of groups.get(orgId) ?? []) result.add(memberId);
    }
  }
  return result;
}

/** Who stopped being a member from `from` to `to` (both inclusive), with each one's last day; see the header. */
export function membersLeaving(doc: Doc, from: string, to: string): { organisationId: string; date: string }[] {
  if (to < from) return [];
  const index = membershipIndex(doc);
  const result: { organisationId: string; date: string }[] = [];
  for (const org of doc.organisations) {
    let last: string | undefined;
    for (const interval of memberIntervals(index, org.id)) {
      if (interval.to !== undefined && from <= interval.to && interval.to <= to && (last === undefined || interval.to > last)) last = interval.to;
    }
    if (last !== undefined) result.push({ organisationId: org.id, date: last });
  }
  return result;
}

/** Members at `date` that have given notice on their own period without a last day yet, and are not members through a group. */
function noticeWithoutLastDay(doc: Doc, date: string): string[] {
  const index = membershipIndex(doc);
  const result: string[] = [];
  for (const id of memberIdsAt(doc, date)) {
    const status = index.statusAt(id, date);
    if (status.status !== 'uppsagd' || status.viaGroupIds.length > 0) continue;
    const period = index.periodsOf(id).find((p) => p.id === status.periodId);
    if (period && period.left === undefined) result.push(id);
  }
  return result;
}

/** What measuring needs beyond the metric and the window. */
export type MeasureOptions = {
  /** Today: events dated later are planned, not held, whatever the window's date. */
  today?: string;
  /** For `conferences-held`: the kinds counted (`DEFAULT_EVENT_KINDS` when absent). */
  eventKinds?: readonly MeetingKind[];
};

/** Persons on a board's roster at `date`: each once (a contact, or an external name), with how they are marked. */
function boardMembersAt(doc: Doc, date: string): GoalSubject[] {
  const contactsById = new Map(doc.contacts.map((c) => [c.id, c]));
  const persons = new Map<string, GoalSubject>();
  for (const network of doc.networks) {
    if (network.kind !== 'styrelse' || !networkActiveAt(network, date)) continue;
    for (const entry of activeEntries(network.roster, date)) {
      const contact = entry.contactId !== undefined ? contactsById.get(entry.contactId) : undefined;
      const name = contact?.name ?? entry.externalName;
      if (name === undefined) continue;
      const key = entry.contactId ?? `extern:${name}`;
      const counted = entry.worksWithIt === false;
      if (persons.get(key)?.counted) continue;
      persons.set(key, {
        kind: 'person',
        id: entry.contactId ?? entry.id,
        name,
        counted,
        networkId: network.id,
        networkName: network.name,
        ...(entry.worksWithIt !== undefined ? { worksWithIt: entry.worksWithIt } : {}),
      });
    }
  }
  return [...persons.values()].sort((a, b) => Number(b.counted) - Number(a.counted) || byName(a, b));
}

/** Services not archived, each counted when its council runs at `date` with at least one participant. */
function servicesWithCouncil(doc: Doc, date: string): GoalSubject[] {
  const ctx = networkContext(doc, date);
  return doc.services
    .filter((s) => !s.archived)
    .map((service): GoalSubject => {
      const council = doc.networks.find((n) => n.kind === 'forvaltningsrad' && n.serviceId === service.id && networkActiveAt(n, date));
      const organisations = council ? councilOrganisationCount(ctx, council) : 0;
      const persons = council ? activeEntries(council.roster, date).length : 0;
      return {
        kind: 'service',
        id: service.id,
        name: service.name,
        counted: organisations + persons > 0,
        count: organisations,
        ...(council ? { networkId: council.id, networkName: council.name } : {}),
      };
    })
    .sort((a, b) => Number(b.counted) - Number(a.counted) || byName(a, b));
}

export function measureMetric(doc: Doc, metric: GoalMetric, window: GoalWindow, options: MeasureOptions = {}): Measurement {
  const { measuredAt, yearStart, deadline } = window;
  switch (metric) {
    case 'member-count': {
      const members = memberIdsAt(doc, measuredAt);
      return { value: members.size, subjects: organisationSubjects(doc, members), pending: 0 };
    }
    case 'members-lost': {
      const lost = membersLeaving(doc, yearStart, measuredAt);
      const laterFrom = measuredAt < yearStart ? yearStart : addDays(measuredAt, 1);
      const later = membersLeaving(doc, laterFrom, deadline);
      const lostIds = new Set(lost.map((l) => l.organisationId));
      const laterIds = new Set(later.map((l) => l.organisationId));
      const notice = measuredAt < deadline ? noticeWithoutLastDay(doc, measuredAt).filter((id) => !laterIds.has(id) && !lostIds.has(id)) : [];
      const names = new Map(doc.organisations.map((o) => [o.id, o.name]));
      const subject = (organisationId: string, counted: boolean, date?: string): GoalSubject => ({
        kind: 'organisation',
        id: organisationId,
        name: names.get(organisationId) ?? 'Okänd organisation',
        counted,
        ...(counted ? {} : { pending: true }),
        ...(date !== undefined ? { date } : {}),
      });
      const subjects = [
        ...lost.map((l) => subject(l.organisationId, true, l.date)),
        ...later.filter((l) => !lostIds.has(l.organisationId)).map((l) => subject(l.organisationId, false, l.date)),
        ...notice.map((id) => subject(id, false)),
      ].sort((a, b) => Number(b.counted) - Number(a.counted) || (a.date ?? '9999').localeCompare(b.date ?? '9999') || byName(a, b));
      return { value: lost.length, subjects, pending: subjects.length - lost.length };
    }
    case 'single-service-members':
    case 'members-without-service-or-network': {
      const { buckets } = servicesPerMember(doc, measuredAt, { top: 2 });
      const wanted = metric === 'single-service-members' ? 1 : 0;
      let ids = buckets.find((b) => b.services === wanted)?.organisationIds ?? [];
      if (metric === 'members-without-service-or-network') {
        const inNetwork = networkParticipantsAt(doc, measuredAt);
        ids = ids.filter((id) => !inNetwork.has(id));
      }
      return { value: ids.length, subjects: organisationSubjects(doc, ids), pending: 0 };
    }
    case 'max-service-member-share': {
      const adoption = adoptionAt(doc, measuredAt);
      const ranked = [...adoption].sort((a, b) => b.memberUsers - a.memberUsers || compareSv(a.name, b.name));
      const best = ranked[0];
      const subjects: GoalSubject[] = ranked.map((a, i) => ({
        kind: 'service',
        id: a.serviceId,
        name: a.name,
        counted: i === 0,
        count: a.memberUsers,
        share: a.memberShare ?? 0,
      }));
      return { value: best?.memberShare ?? 0, subjects, pending: 0 };
    }
    case 'networks-with-20-members': {
      const figures = networkFigures(doc, measuredAt, yearOf(deadline), { municipalityGoal: MUNICIPALITY_GOAL });
      const competence = figures.networks.filter((n) => n.kind === 'kompetensnatverk');
      const subjects: GoalSubject[] = competence
        .map((n) => ({
          kind: 'network' as const,
          id: n.networkId,
          name: n.name,
          counted: n.reachesMunicipalityGoal,
          count: n.participatingMemberMunicipalities,
        }))
        .sort((a, b) => Number(b.counted) - Number(a.counted) || b.count - a.count || byName(a, b));
      return { value: subjects.filter((s) => s.counted).length, subjects, pending: 0 };
    }
    case 'board-members-outside-it': {
      const subjects = boardMembersAt(doc, measuredAt);
      return { value: subjects.filter((s) => s.counted).length, subjects, pending: 0 };
    }
    case 'services-with-council': {
      const subjects = servicesWithCouncil(doc, measuredAt);
      const counted = subjects.filter((s) => s.counted).length;
      return { value: subjects.length === 0 ? 0 : counted / subjects.length, subjects, pending: 0 };
    }
    case 'conferences-held': {
      const kinds = new Set<string>(options.eventKinds ?? DEFAULT_EVENT_KINDS);
      const heldBy = options.today !== undefined && options.today < measuredAt ? options.today : measuredAt;
      const subjects: GoalSubject[] = [];
      for (const network of doc.networks) {
        for (const meeting of network.meetings) {
          if (!kinds.has(meeting.kind) || meeting.date < yearStart || meeting.date > deadline) continue;
          const counted = meeting.date <= heldBy;
          subjects.push({
            kind: 'event',
            id: meeting.id,
            name: meeting.title,
            counted,
            ...(counted ? {} : { pending: true }),
            date: meeting.date,
            networkId: network.id,
            networkName: network.name,
            eventKind: meeting.kind,
          });
        }
      }
      subjects.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || byName(a, b));
      const value = subjects.filter((s) => s.counted).length;
      return { value, subjects, pending: subjects.length - value };
    }
  }
}

// ---------------------------------------------------------------- status

export type TargetSpec = Pick<Goal, 'comparison' | 'target' | 'targetMax'>;

export function isSatisfied(spec: TargetSpec, value: number): boolean {
  switch (spec.comparison) {
    case 'at-least':
      return value >= spec.target;
    case 'at-most':
      return value <= spec.target;
    case 'more-than':
      return value > spec.target;
    case 'between':
      // Met from the lower bound: the top of a range is what the plan expects at most, not a limit to fail by.
      return value >= spec.target;
  }
}

/** Which way the value must move to satisfy the goal, and the bound it moves towards. */
function direction(spec: TargetSpec): { up: boolean; bound: number } {
  // A range is met from its lower bound (see `isSatisfied`), so below it the value moves up towards that bound.
  return spec.comparison === 'at-most' ? { up: false, bound: spec.target } : { up: true, bound: spec.target };
}

/**
 * The pace at `fraction` of the way; counts to one decimal, rounded towards the target (up when the count must
 * rise, down when it must fall). Rounding to the nearest tenth would show «krävs 0,0» and call none held «I fas»
 * in the first weeks of a year, though a steady pace has already begun; rounded this way the figure shown never
 * asks less than the steady pace, is the one compared, and reads 0,0 only where nothing is asked yet.
 */
function paceValue(start: number, bound: number, up: boolean, fraction: number, unit: MetricUnit): number {
  const distance = up ? Math.max(0, bound - start) : Math.max(0, start - bound);
  const raw = up ? start + distance * fraction : start - distance * fraction;
  if (unit !== 'count') return raw;
  // The small allowance keeps a whole tenth computed as 116.90000000000001 from rounding to 117.
  const tenths = raw * 10;
  const rounded = (up ? Math.ceil(tenths - 1e-9) : Math.floor(tenths + 1e-9)) / 10;
  return rounded === 0 ? 0 : rounded; // not -0, which would print as «−0,0»
}

export type StatusInput = {
  spec: TargetSpec;
  unit: MetricUnit;
  kind: MetricKind;
  window: GoalWindow;
  value: number;
  /** State metrics: the value at `window.periodStart`. */
  baseline?: number;
  pending: number;
};

/** The status rules of the header; `expected` is the pace value when one was used. */
export function goalStatus(input: StatusInput): { status: GoalStatus; expected?: number } {
  const { spec, unit, kind, window, value, pending } = input;
  const over = window.date >= window.deadline;
  if (kind === 'state') {
    if (isSatisfied(spec, value)) return { status: 'reached' };
    if (over) return { status: 'missed' };
    const { up, bound } = direction(spec);
    const fraction = elapsedFraction(window.periodStart, window.measuredAt, window.deadline);
    const expected = paceValue(input.baseline ?? value, bound, up, fraction, unit);
    const onPace = up ? value >= expected : value <= expected;
    return { status: onPace ? 'on-track' : 'at-risk', expected };
  }
  // Cumulative: the count only grows within the year.
  if (spec.comparison === 'at-most') {
    if (value > spec.target) return { status: 'missed' };
    if (over) return { status: 'reached' };
    return { status: value + pending > spec.target ? 'at-risk' : 'on-track' };
  }
  if (isSatisfied(spec, value)) return { status: 'reached' };
  if (over) return { status: 'missed' };
  const fraction = elapsedFraction(window.yearStart, window.measuredAt, window.deadline);
  const expected = paceValue(0, spec.target, true, fraction, unit);
  const onPace = value >= expected || isSatisfied(spec, value + pending);
  return { status: onPace ? 'on-track' : 'at-risk', expected };
}

/** The plan's figure for what a metric counts at `date`, where the plan states one (only members so far). */
export function statedBaseline(planFigures: readonly PlanFigure[], metric: GoalMetric, date: string): PlanFigure | undefined {
  if (metric !== 'member-count') return undefined;
  return planFigures.find((f) => f.subject === 'members' && f.subjectId === undefined && f.date === date);
}

export type EvaluateOptions = {
  /** Today (see `MeasureOptions.today`); events after it are planned. */
  today?: string;
};

/** Metrics that read only `measuredAt` of the window (the others also its year, today or the event kinds). */
const measuredAtOnly: ReadonlySet<GoalMetric> = new Set([
  'member-count',
  'single-service-members',
  'members-without-service-or-network',
  'max-service-member-share',
  'board-members-outside-it',
  'services-with-council',
]);

/**
 * `measureMetric` once per register state: goals of several years measured at the same date (a board pack's
 * this year and next, every goal's baseline at 1 January) share one measurement, and a change that leaves the
 * tables a metric reads alone leaves its measurement too (figure-cache.ts). The key holds every part of the
 * window and options the metric reads.
 */
function measureOnce(doc: Doc, metric: GoalMetric, window: GoalWindow, options: MeasureOptions): Measurement {
  const parts: string[] = [metric, window.measuredAt];
  if (!measuredAtOnly.has(metric)) parts.push(window.yearStart, window.deadline);
  if (metric === 'conferences-held') parts.push(options.today ?? '', (options.eventKinds ?? DEFAULT_EVENT_KINDS).join(','));
  return figure('goal-metric', parts.join('|'), doc, (d) => measureMetric(d, metric, window, options));
}

export function evaluateGoal(doc: Doc, goal: Goal, date: string, options: EvaluateOptions = {}): GoalResult {
  const info = metricInfo[goal.metric];
  const window = goalWindow(goal.year, date);
  const measureOptions: MeasureOptions = {
    ...(options.today !== undefined ? { today: options.today } : {}),
    ...(goal.eventKinds !== undefined ? { eventKinds: goal.eventKinds } : {}),
  };
  const measured = measureOnce(doc, goal.metric, window, measureOptions);
  let baseline: GoalResult['baseline'];
  if (info.kind === 'state') {
    const registerValue = measureOnce(doc, goal.metric, { ...window, measuredAt: window.periodStart }, measureOptions).value;
    const stated = statedBaseline(doc.planFigures, goal.metric, window.periodStart);
    baseline = stated
      ? { date: window.periodStart, value: stated.value, source: stated.source, registerValue }
      : { date: window.periodStart, value: registerValue };
  }
  const { status, expected } = goalStatus({
    spec: goal,
    unit: info.unit,
    kind: info.kind,
    window,
    value: measured.value,
    ...(baseline ? { baseline: baseline.value } : {}),
    pending: measured.pending,
  });
  return {
    goalId: goal.id,
    year: goal.year,
    title: goal.title,
    description: goal.description,
    order: goal.order,
    metric: goal.metric,
    comparison: goal.comparison,
    target: goal.target,
    ...(goal.comparison === 'between' && goal.targetMax !== undefined ? { targetMax: goal.targetMax } : {}),
    unit: info.unit,
    kind: info.kind,
    window,
    value: measured.value,
    ...(baseline ? { baseline } : {}),
    ...(expected !== undefined ? { expected } : {}),
    pending: measured.pending,
    status,
    subjects: measured.subjects,
    ...(goal.metric === 'conferences-held' ? { eventKinds: [...(goal.eventKinds ?? DEFAULT_EVENT_KINDS)] } : {}),
    ...(goal.byConstruction !== undefined && goal.byConstruction.trim() !== '' ? { byConstruction: goal.byConstruction } : {}),
  };
}

export function sortGoals<G extends Pick<Goal, 'year' | 'order' | 'title'>>(goals: readonly G[]): G[] {
  return [...goals].sort((a, b) => a.year - b.year || a.order - b.order || compareSv(a.title, b.title));
}

/** The goals of `years` (every goal when absent), evaluated at `date`, by year then order. */
export function evaluateGoals(doc: Doc, date: string, years?: readonly number[], options: EvaluateOptions = {}): GoalResult[] {
  const chosen = years ? new Set(years) : undefined;
  return sortGoals(doc.goals.filter((g) => !chosen || chosen.has(g.year))).map((g) => evaluateGoal(doc, g, date, options));
}

/** The goal years a board pack for `date` shows: the date's year and later; with `includePreviousYear` the year before too. */
export function goalYearsFor(doc: Pick<Doc, 'goals'>, date: string, includePreviousYear = false): number[] {
  const first = yearOf(date) - (includePreviousYear ? 1 : 0);
  return [...new Set(doc.goals.map((g) => g.year))].filter((y) => y >= first).sort((a, b) => a - b);
}

// ---------------------------------------------------------------- editing

export type GoalFields = {
  year: number;
  title: string;
  description: string;
  metric: GoalMetric;
  comparison: GoalComparison;
  target: number;
  targetMax?: number | undefined;
  eventKinds?: MeetingKind[] | undefined;
};

const MAX_COUNT_TARGET = 100_000;

/**
 * Checks a goal's figures against its metric and returns the fields to store: a share is a fraction from 0
 * to 1, a count a whole number from 0; `between` needs a top at least the target, other comparisons drop it;
 * an event goal keeps its kinds (conferences when none are given), other metrics drop them.
 * Refusals name the field (`target`, `targetMax`, `metric`) in Swedish.
 */
export function prepareGoalFields(fields: GoalFields): GoalFields {
  if (!(goalMetrics as readonly string[]).includes(fields.metric)) {
    throw fieldError('validation', 'metric', 'Välj ett av måtten i listan.');
  }
  const unit = metricInfo[fields.metric].unit;
  const check = (value: number, field: 'target' | 'targetMax', label: string) => {
    if (!Number.isFinite(value)) throw fieldError('validation', field, 'Skriv ett tal.', {}, label);
    if (unit === 'share' && (value < 0 || value > 1)) {
      throw fieldError('validation', field, 'En andel ska ligga mellan 0 och 100 %.', {}, label);
    }
    if (unit === 'count' && (!Number.isInteger(value) || value < 0 || value > MAX_COUNT_TARGET)) {
      throw fieldError('validation', field, `Skriv ett heltal från 0 till ${MAX_COUNT_TARGET.toLocaleString('sv-SE')}.`, {}, label);
    }
  };
  check(fields.target, 'target', 'Målvärde');
  if (fields.metric === 'conferences-held' && fields.eventKinds !== undefined) {
    // The channel checks this too; the core refuses on its own so no caller can store a goal that counts nothing.
    if (fields.eventKinds.length === 0 || fields.eventKinds.some((k) => !(meetingKinds as readonly string[]).includes(k))) {
      throw fieldError('validation', 'eventKinds', 'Välj minst ett slag av möten som målet räknar.', {}, 'Räknar');
    }
  }
  const base: GoalFields = {
    year: fields.year,
    title: fields.title,
    description: fields.description,
    metric: fields.metric,
    comparison: fields.comparison,
    target: fields.target,
    // Only an event goal names kinds; it always does, so the stored goal says what it counts.
    ...(fields.metric === 'conferences-held' ? { eventKinds: [...new Set(fields.eventKinds ?? DEFAULT_EVENT_KINDS)] } : {}),
  };
  if (fields.comparison !== 'between') return base;
  if (fields.targetMax === undefined) {
    throw fieldError('validation', 'targetMax', 'Ange det högsta värdet i intervallet.', {}, 'Högsta värde');
  }
  check(fields.targetMax, 'targetMax', 'Högsta värde');
  if (fields.targetMax < fields.target) {
    throw fieldError('validation', 'targetMax', 'Det högsta värdet kan inte vara lägre än målvärdet.', {}, 'Högsta värde');
  }
  return { ...base, targetMax: fields.targetMax };
}

export function findGoal<G extends Pick<Goal, 'id'>>(goals: readonly G[], goalId: string): G {
  const goal = goals.find((g) => g.id === goalId);
  if (!goal) throw new AppError('not-found', 'Målet finns inte (det kan redan vara borttaget).', { field: 'goalId' });
  return goal;
}

/** The next `order` for a new goal of `year`: after the year's last one. */
export function nextGoalOrder(goals: readonly Pick<Goal, 'year' | 'order'>[], year: number): number {
  return goals.filter((g) => g.year === year).reduce((max, g) => Math.max(max, g.order), 0) + 1;
}
