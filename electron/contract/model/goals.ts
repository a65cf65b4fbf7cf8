/**
 * What the goal and board-pack channels answer (each goal's result, the board pack's figures and charts),
 * owned by the contract; the core computes them.
 */
import type { BudgetTable } from '../channels/budget.channels';
import type { ServiceUseBreakdown } from '../channels/usage.channels';
import type { Assumption } from './assumptions';
import type { BusinessArea, Goal, GoalMetric, MeetingKind, PlanFigureSubject } from './records';

export type CompactUnit = 'kr' | 'tkr' | 'mnkr';

export type AxisScale = {
  unit: CompactUnit;
  /** The unit in words, for the axis's accessible name (`miljoner kronor`). */
  unitSpoken: string;
  /** Lowest and highest tick, öre. */
  domain: [number, number];
  /** Tick values in öre, ascending; zero is always one of them. */
  ticks: number[];
  tickLabels: string[];
  /** Decimals the tick labels need so neighbouring ticks differ (2,5 mnkr needs one). */
  decimals: number;
  /** Characters of the longest tick label: an axis this wide never cuts a label. */
  widthChars: number;
};

/** A chart as a table, for screen readers and for «visa som tabell». */
export type ChartTable = { caption: string; headers: string[]; rows: { header: string; cells: string[] }[] };

export type ChartSeries = { dataKey: string; label: string };

export type ChartDataRow = { key: string; label: string } & { [dataKey: string]: string | number | null };

export type GroupedBarChart = {
  title: string;
  series: ChartSeries[];
  data: ChartDataRow[];
  axis: AxisScale;
  table: ChartTable;
  /** Swedish sentences about columns that do not exist; their bars are empty (null). */
  missing: string[];
};

export type GoalComparison = Goal['comparison'];

export type GoalStatus = 'reached' | 'on-track' | 'at-risk' | 'missed';

/** `count`: a whole number; `share`: a fraction 0–1 (the 0.75 of "three quarters"). */
export type MetricUnit = 'count' | 'share';

/** `state`: a figure at a date; `cumulative`: events counted over the year, which only grow. */
export type MetricKind = 'state' | 'cumulative';

export type SubjectKind = 'organisation' | 'network' | 'service' | 'event' | 'person';

/** What lies behind a figure: the members, services, networks or events it counts, with what the list shows. */
export type GoalSubject = {
  kind: SubjectKind;
  id: string;
  name: string;
  /** Part of the figure. False for context rows: a network under 20, a service that is not the largest. */
  counted: boolean;
  /** Known ahead, not yet part of the figure: a departure dated later in the year, a planned conference. */
  pending?: boolean;
  /** A membership's last day, or an event's date. */
  date?: string;
  /** Participating member municipalities of a network; member users of a service. */
  count?: number;
  /** Member share of a service (0–1). */
  share?: number;
  /** The network an event belongs to. */
  networkId?: string;
  networkName?: string;
  /** An event's kind (`konferens`, `webinar`). */
  eventKind?: string;
  /** A board member: marked as working with IT (true), not (false), or not marked (absent). */
  worksWithIt?: boolean;
};

export type GoalWindow = {
  /** The date the board looks at the goal (the meeting date). */
  date: string;
  measuredAt: string;
  yearStart: string;
  periodStart: string;
  deadline: string;
};

export type GoalResult = {
  goalId: string;
  year: number;
  title: string;
  description: string;
  order: number;
  metric: GoalMetric;
  comparison: GoalComparison;
  target: number;
  targetMax?: number;
  unit: MetricUnit;
  kind: MetricKind;
  window: GoalWindow;
  value: number;
  /**
   * State metrics: the value at `periodStart`, where the pace starts. Where the plan states that figure, `value`
   * is the plan's, `source` says where, and `registerValue` is what the register itself gives.
   */
  baseline?: { date: string; value: number; source?: string; registerValue?: number };
  /** The value a steady pace asks for at `measuredAt`; absent where the status does not use a pace. */
  expected?: number;
  /** Events known ahead (see `GoalSubject.pending`). */
  pending: number;
  status: GoalStatus;
  subjects: GoalSubject[];
  /** For an event goal: the meeting kinds it counts. */
  eventKinds?: MeetingKind[];
  /** Why the goal holds by the way the register was built; the status then reads «Uppnått per definition». */
  byConstruction?: string;
};

/** A figure a source states beside the register's own at the same date (core: plan-figures.ts). */
export type PlanFigureComparison = {
  id: string;
  subject: PlanFigureSubject;
  subjectId?: string;
  /** What is counted, in Swedish: `Medlemmar`, `Kommuner som använder EGIL`. */
  label: string;
  date: string;
  planValue: number;
  registerValue: number;
  /** The register's figure less the plan's. */
  difference: number;
  /** Where the plan states it (document and section). */
  source: string;
  note: string;
  /** `Planen anger 109; registret namnger 96 (13 färre).` */
  text: string;
};

export const BOARD_PACK_VERSION = 1 as const;

export type MonthPoint = {
  /** `2022-03`. */
  month: string;
  /** The day the member count is taken: the month's last day, or the meeting date in its own month. */
  date: string;
  members: number;
  joined: number;
  left: number;
};

export type DatedMember = { organisationId: string; name: string; date: string };

export type BoardPackContent = {
  version: typeof BOARD_PACK_VERSION;
  associationName: string;
  /** The meeting date; every figure is at this date. */
  date: string;
  year: number;
  /** When the figures were computed (ISO timestamp). */
  generatedAt: string;
  goals: GoalResult[];
  /** The plan's stated figures beside the register's (absent in packs saved before they were kept). */
  planFigures?: PlanFigureComparison[];
  /** The assumptions behind the pack's goal, member and population figures (absent in packs saved before). */
  assumptions?: Assumption[];
  members: {
    atYearStart: number;
    atDate: number;
    months: MonthPoint[];
    /** Joinings and departures from 1 January to the date. */
    joined: DatedMember[];
    left: DatedMember[];
  };
  services: {
    memberCount: number;
    /** Members by number of services used; `share` of the members (0–1). */
    distribution: { services: number; label: string; count: number; share: number }[];
    /** Per service (not archived), largest share first. */
    /**
     * `users` is every user by the one users rule (members or not) and `usersBreakdown` how they are reached;
     * both are absent in packs made before they were added.
     */
    shares: {
      serviceId: string;
      name: string;
      memberUsers: number;
      memberCount: number;
      share: number;
      users?: number;
      usersBreakdown?: ServiceUseBreakdown;
    }[];
  };
  networks: {
    municipalityGoal: number;
    networkGoal: number;
    rows: { networkId: string; name: string; participatingMemberMunicipalities: number; reachesGoal: boolean }[];
    reaching: number;
  };
  population: {
    memberMunicipalities: number;
    memberPopulation: number;
    swedenPopulation?: { date: string; population: number };
    /** Fraction (0–1); absent without a reference population. */
    share?: number;
  };
  coverage: {
    members: number;
    fullyCovered: number;
    membersMissingAny: number;
    staleContacts: number;
    membersWithStale: number;
    confirmedSince: string;
    missingByArea: { area: BusinessArea; label: string; missing: number }[];
  };
  budget: {
    year: number;
    /** The statement with the columns of the year and the year before. */
    table: BudgetTable;
    /** Budget against outcome (or forecast, or the latest earlier outcome); absent without a budget for the year. */
    comparison?: GroupedBarChart;
  };
};
