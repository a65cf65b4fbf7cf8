/**
 * The board pack (styrelserapport) for a meeting date: the goals measured, and the figures beside them, as one
 * plain JSON value. The screen, the print layout (PDF), the workbook and the CLI all draw this one value, and a
 * saved pack (`boardPacks` in the document) keeps it as it was, so a pack shown at a meeting opens unchanged
 * after the register has moved on.
 *
 * Every figure is at the meeting date `date`, members as `memberIdsAt` (groups and their municipalities):
 * - `members.months`: January of the date's year up to the date's month, each with the members at the month's
 *   last day (the date itself for its own month) and the joinings and departures in it (rules of register-figures.ts:
 *   a departure is dated by the last day of membership);
 * - `services`: how many services each member uses (0, 1, 2, 3+) and each service's share of the members;
 * - `networks`: competence networks running at the date and their participating member municipalities,
 *   against `MUNICIPALITY_GOAL`;
 * - `population`: the member municipalities' population over Sweden's (reference data);
 * - `coverage`: members with a contact for every business area (the Teckal check, coverage.ts);
 * - `budget`: the income statement for the date's year and the year before (computed totals, never typed),
 *   and budget against outcome for the year: its outcome, else its forecast, else the latest earlier outcome.
 */
import type { BudgetColumnView } from '../../contract/channels/budget.channels';
import type { SambrukDocument } from '../store/schema';
import { goalAssumptions, registerAssumptionsForPack } from './assumptions';
import { businessAreas } from '../store/schema';
import { adoptionAt, servicesPerMember } from './adoption';
import { firstDayOfYear, isCalendarDate, lastDayOfMonth, monthKeyOf, monthOf, yearOf } from '../../contract/rules/calendar-date';
import { budgetTable, budgetYearTable } from './budget';
import { budgetVsOutcomeChart } from './budget-charts';
import { businessAreaLabels } from './contacts';
import { coverageTotalsAt } from './coverage';
import { evaluateGoal, goalYearsFor, sortGoals } from './goals';
import { figure } from './figure-cache';
import { memberIdsAt, memberIntervals, membershipIndex } from './memberships';
import { MUNICIPALITY_GOAL, NETWORK_GOAL, networkFigures } from './networks';
import { planFigureComparisons } from './plan-figures';
import { coverageDate, populationCovered, swedenPopulationAt } from './population';
import { compareSv } from './swedish';
import { BOARD_PACK_VERSION, type BoardPackContent, type DatedMember, type MonthPoint } from '../../contract/model/goals';

export type { BoardPackContent } from '../../contract/model/goals';

function membersSection(doc: SambrukDocument, date: string): BoardPackContent['members'] {
  const year = yearOf(date);
  const yearStart = firstDayOfYear(year);
  const index = membershipIndex(doc);
  const joined: DatedMember[] = [];
  const left: DatedMember[] = [];
  for (const org of doc.organisations) {
    for (const interval of memberIntervals(index, org.id)) {
      if (yearStart <= interval.from && interval.from <= date) joined.push({ organisationId: org.id, name: org.name, date: interval.from });
      if (interval.to !== undefined && yearStart <= interval.to && interval.to <= date) {
        left.push({ organisationId: org.id, name: org.name, date: interval.to });
      }
    }
  }
  const byDate = (a: DatedMember, b: DatedMember) => a.date.localeCompare(b.date) || compareSv(a.name, b.name);
  joined.sort(byDate);
  left.sort(byDate);
  const lastMonth = monthOf(date);
  const months: MonthPoint[] = [];
  for (let m = 1; m <= lastMonth; m += 1) {
    const end = m === lastMonth ? date : lastDayOfMonth(year, m);
    const month = monthKeyOf(end);
    months.push({
      month,
      date: end,
      members: memberIdsAt(doc, end).size,
      joined: joined.filter((j) => monthKeyOf(j.date) === month).length,
      left: left.filter((l) => monthKeyOf(l.date) === month).length,
    });
  }
  return { atYearStart: memberIdsAt(doc, yearStart).size, atDate: memberIdsAt(doc, date).size, months, joined, left };
}

function servicesSection(doc: SambrukDocument, date: string): BoardPackContent['services'] {
  const { memberCount, buckets } = servicesPerMember(doc, date, { top: 3 });
  const shares = adoptionAt(doc, date)
    .map((a) => ({
      serviceId: a.serviceId,
      name: a.name,
      memberUsers: a.memberUsers,
      memberCount: a.memberCount,
      share: a.memberShare ?? 0,
      users: a.users,
      usersBreakdown: a.usersBreakdown,
    }))
    .sort((a, b) => b.share - a.share || compareSv(a.name, b.name));
  return {
    memberCount,
    distribution: buckets.map((b) => ({ services: b.services, label: b.label, count: b.count, share: memberCount === 0 ? 0 : b.count / memberCount })),
    shares,
  };
}

function networksSection(doc: SambrukDocument, date: string): BoardPackContent['networks'] {
  const figures = networkFigures(doc, date, yearOf(date), { municipalityGoal: MUNICIPALITY_GOAL, networkGoal: NETWORK_GOAL });
  const rows = figures.networks
    .filter((n) => n.kind === 'kompetensnatverk')
    .map((n) => ({
      networkId: n.networkId,
      name: n.name,
      participatingMemberMunicipalities: n.participatingMemberMunicipalities,
      reachesGoal: n.reachesMunicipalityGoal,
    }));
  return { municipalityGoal: figures.municipalityGoal, networkGoal: figures.networkGoal, rows, reaching: figures.networksReachingGoal };
}

function populationSection(doc: SambrukDocument, date: string): BoardPackContent['population'] {
  const members = memberIdsAt(doc, date);
  const codes = new Set(doc.organisations.filter((o) => members.has(o.id) && o.municipalityCode).map((o) => o.municipalityCode));
  const memberPopulation = populationCovered(doc, members, coverageDate(doc, date));
  const sweden = swedenPopulationAt(doc, date);
  return {
    memberMunicipalities: codes.size,
    memberPopulation,
    ...(sweden
      ? { swedenPopulation: { date: sweden.date, population: sweden.population }, share: memberPopulation / sweden.population }
      : {}),
  };
}

function coverageSection(doc: SambrukDocument, date: string): BoardPackContent['coverage'] {
  const model = coverageTotalsAt(doc, date);
  const t = model.totals;
  return {
    members: t.members,
    fullyCovered: t.fullyCovered,
    membersMissingAny: t.membersMissingAny,
    staleContacts: t.staleContacts,
    membersWithStale: t.membersWithStale,
    confirmedSince: model.confirmedSince,
    missingByArea: businessAreas.map((area) => ({ area, label: businessAreaLabels[area], missing: t.missingByArea[area] })),
  };
}

/** The year's budget and what to set it against: the same year's outcome, else its forecast; never another year's. */
export function comparisonColumns(columns: readonly BudgetColumnView[], year: number): [BudgetColumnView, BudgetColumnView] | undefined {
  const present = (kind: BudgetColumnView['kind']) => columns.find((c) => c.year === year && c.kind === kind && !c.missing);
  const budget = present('budget');
  const other = present('utfall') ?? present('prognos');
  return budget && other ? [budget, other] : undefined;
}

/**
 * The budget with only the columns of `year` and the year before: every cell, total and warning of the table
 * belongs to one column, so the year's table from it is the year's table from the whole budget, at a cost that
 * does not grow with the years entered.
 */
export function budgetOfYear(budget: SambrukDocument['budget'], year: number): SambrukDocument['budget'] {
  return { ...budget, columns: budget.columns.filter((c) => c.year === year || c.year === year - 1) };
}

function budgetSection(doc: SambrukDocument, date: string): BoardPackContent['budget'] {
  const year = yearOf(date);
  // The year of the meeting, like with like: last year's outcome as reference, the year's budget, outcome, forecast.
  const table = budgetYearTable(budgetTable(budgetOfYear(doc.budget, year)), year);
  const pair = comparisonColumns(table.columns, year);
  return {
    year,
    table,
    ...(pair ? { comparison: budgetVsOutcomeChart(table, { columnIds: [pair[0].id, pair[1].id] }) } : {}),
  };
}

export type BoardPackOptions = {
  /** ISO timestamp from the clock port. */
  generatedAt: string;
  /** Also show the goals of the year before the date's year (e.g. the final 2022 figures in early 2023). */
  includePreviousYear?: boolean;
  /** Today, when it is not the date of `generatedAt`: events after it are planned, not held. */
  today?: string;
};

/** Today for the goals: given, else the day of `generatedAt` (a meeting after it is planned, not held). */
function todayOf(options: BoardPackOptions): { today?: string } {
  const today = options.today ?? options.generatedAt.slice(0, 10);
  return isCalendarDate(today) ? { today } : {};
}

/** A JSON round trip: what is stored is exactly what a reopened file gives back (no undefined values). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The whole pack for a meeting `date`, as plain JSON (no undefined values). Each part is computed once per state
 * of the register parts it reads (figure-cache.ts) and frozen, so packs of one state share their parts: a goal
 * edit recomputes that goal only, a budget edit the budget section only.
 */
export function buildBoardPack(doc: SambrukDocument, date: string, options: BoardPackOptions): BoardPackContent {
  const today = todayOf(options);
  const years = new Set(goalYearsFor(doc, date, options.includePreviousYear));
  const goals = sortGoals(doc.goals.filter((g) => years.has(g.year))).map((goal) =>
    figure(`pack/goal`, `${goal.id}|${date}|${today.today ?? ''}`, doc, (d) => plain(evaluateGoal(d, goal, date, today)), [goal]),
  );
  const section = <T>(name: string, compute: (d: SambrukDocument) => T): T => figure(`pack/${name}`, date, doc, (d) => plain(compute(d)));
  return {
    version: BOARD_PACK_VERSION,
    associationName: doc.meta.associationName,
    date,
    year: yearOf(date),
    generatedAt: options.generatedAt,
    goals,
    planFigures: section('plan-figures', planFigureComparisons),
    // The plan figures stand in their own table; the rest concern the goals, members and populations shown.
    // Two parts kept apart inside (a goal edit works out only the goals' part again), one answer while neither changes.
    assumptions: section('assumptions', (d) => [
      ...figure('pack/assumptions-register', date, d, (x) => registerAssumptionsForPack(x, date)),
      ...figure('pack/assumptions-goals', '', d, goalAssumptions),
    ]),
    members: section('members', (d) => membersSection(d, date)),
    services: section('services', (d) => servicesSection(d, date)),
    networks: section('networks', (d) => networksSection(d, date)),
    population: section('population', (d) => populationSection(d, date)),
    coverage: section('coverage', (d) => coverageSection(d, date)),
    budget: section('budget', (d) => budgetSection(d, date)),
  };
}

/**
 * A stored pack's content, checked enough to be drawn: the version and the sections the screens read. Content
 * from a newer app version or a hand-edited file is refused with a Swedish sentence instead of drawn wrongly.
 */
export function readBoardPackContent(value: unknown): { ok: true; content: BoardPackContent } | { ok: false; message: string } {
  if (typeof value !== 'object' || value === null) return { ok: false, message: 'Styrelsepaketet saknar innehåll.' };
  const v = value as Record<string, unknown>;
  if (v.version !== BOARD_PACK_VERSION) {
    return { ok: false, message: 'Styrelsepaketet är sparat i ett format som den här versionen av programmet inte kan visa.' };
  }
  const arrays = [v.goals, (v.members as Record<string, unknown> | undefined)?.months, (v.services as Record<string, unknown> | undefined)?.shares];
  const objects = [v.members, v.services, v.networks, v.population, v.coverage, v.budget];
  if (
    typeof v.date !== 'string' ||
    !isCalendarDate(v.date) ||
    typeof v.associationName !== 'string' ||
    arrays.some((a) => !Array.isArray(a)) ||
    objects.some((o) => typeof o !== 'object' || o === null)
  ) {
    return { ok: false, message: 'Styrelsepaketets innehåll är skadat och kan inte visas.' };
  }
  return { ok: true, content: value as BoardPackContent };
}

/** The default title of a pack: `Styrelserapport 2022-06-30`. */
export function boardPackTitle(date: string): string {
  return `Styrelserapport ${date}`;
}
