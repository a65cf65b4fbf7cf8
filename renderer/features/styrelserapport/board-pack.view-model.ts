/**
 * The board pack (`BoardPackContent` from the core, live or from a saved pack) -> the rows, chart data and
 * sentences the screen and the print layout draw. Pure: the same content always gives the same view, so a
 * saved pack looks the same every time it is opened.
 */
import type { BoardPackContent, GoalResult, GoalStatus, GoalSubject } from '../../../electron/contract';
import { axisWidthPx, tickFormatter, type GroupedBarChart } from '../../../electron/core/domain/budget-charts';
import { compactUnits } from '../../../electron/core/domain/amounts';
import { missingColumnNotes } from '../../../electron/core/domain/budget';
import { eventKindsText, formatGoalFigure, formatPace, formatTarget, goalStatusText } from '../../../electron/core/domain/goals';
import { formatDate, formatDateTime, formatKr, formatNumber, formatPercent } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { monthOf } from '../../../electron/contract/rules/calendar-date';
import { describeServiceUse } from '../../../electron/core/domain/usage-matrix';

const t = sv.styrelserapport;

export type SubjectRoute = { id: 'medlemmar' | 'natverk' | 'tjanster'; params: string[] };

export type SubjectVm = { key: string; name: string; detail: string; route?: SubjectRoute };
export type SubjectGroupVm = { key: 'counted' | 'pending' | 'context'; label: string; items: SubjectVm[] };

export type GoalRowVm = {
  id: string;
  year: number;
  yearLabel: string;
  title: string;
  description: string;
  metricLabel: string;
  value: string;
  target: string;
  status: GoalStatus;
  statusLabel: string;
  explanation: string;
  measuredAt: string;
  /** How many entries the underlag lists (counted, pending and context). */
  behindCount: number;
  subjectGroups: SubjectGroupVm[];
};

export type GoalGroupVm = { year: number; heading: string; rows: GoalRowVm[] };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'] as const;

/** `2022-03` -> `mar`. */
export function monthLabel(month: string): string {
  return MONTHS[monthOf(month) - 1] ?? month;
}

function subjectDetail(subject: GoalSubject, municipalityGoal: number): string {
  const s = t.subjects;
  switch (subject.kind) {
    case 'organisation':
      if (subject.date !== undefined) return s.lastDay(subject.date);
      return subject.pending ? s.notice : '';
    case 'network':
      return s.networkCount(formatNumber(subject.count ?? 0), municipalityGoal);
    case 'service':
      return s.serviceShare(subject.count ?? 0, formatPercent(subject.share ?? 0));
    case 'event':
      return [subject.date, subject.eventKind ? (s.eventKinds[subject.eventKind] ?? subject.eventKind) : undefined, subject.networkName]
        .filter((p): p is string => p !== undefined && p !== '')
        .join(' · ');
    case 'person':
      return subject.worksWithIt === undefined ? s.worksWithItUnknown : subject.worksWithIt ? s.worksWithIt : s.notWorksWithIt;
  }
}

function subjectRoute(subject: GoalSubject): SubjectRoute | undefined {
  switch (subject.kind) {
    case 'organisation':
      return { id: 'medlemmar', params: [subject.id] };
    case 'network':
      return { id: 'natverk', params: [subject.id] };
    case 'service':
      return { id: 'tjanster', params: [subject.id] };
    case 'event':
    case 'person':
      return subject.networkId !== undefined ? { id: 'natverk', params: [subject.networkId] } : undefined;
  }
}

export function subjectGroups(goal: Pick<GoalResult, 'subjects'>, municipalityGoal: number): SubjectGroupVm[] {
  const vm = (s: GoalSubject): SubjectVm => {
    const route = subjectRoute(s);
    return { key: `${s.kind}:${s.id}`, name: s.name, detail: subjectDetail(s, municipalityGoal), ...(route ? { route } : {}) };
  };
  const groups: SubjectGroupVm[] = [
    { key: 'counted', label: t.subjects.counted, items: goal.subjects.filter((s) => s.counted).map(vm) },
    { key: 'pending', label: t.subjects.pending, items: goal.subjects.filter((s) => !s.counted && s.pending).map(vm) },
    { key: 'context', label: t.subjects.context, items: goal.subjects.filter((s) => !s.counted && !s.pending).map(vm) },
  ];
  return groups.filter((g) => g.items.length > 0);
}

/** One sentence (or two) on why the goal has its status, from the core's pace and pending figures. */
export function explainGoal(goal: GoalResult): string {
  const e = t.goals.explain;
  const figure = (v: number) => formatGoalFigure(v, goal.unit);
  const pace = (v: number) => formatPace(v, goal.unit);
  const parts: string[] = [];
  if (goal.status === 'reached' && goal.byConstruction !== undefined) return goal.byConstruction;
  const yearOver = goal.window.date >= goal.window.deadline;
  switch (goal.status) {
    case 'reached':
      parts.push(goal.kind === 'cumulative' && goal.comparison === 'at-most' ? e.reachedCumulative : e.reached);
      break;
    case 'on-track':
      parts.push(goal.expected !== undefined ? e.onTrackPace(pace(goal.expected)) : e.onTrackNone);
      if (goal.kind === 'cumulative' && goal.comparison !== 'at-most' && goal.pending > 0) parts.push(e.plannedHelps(formatNumber(goal.pending)));
      break;
    case 'at-risk':
      parts.push(goal.expected !== undefined ? e.atRiskPace(pace(goal.expected)) : e.atRiskPending(formatNumber(goal.pending)));
      break;
    case 'missed':
      parts.push(yearOver ? e.missed : e.missedFinal);
      break;
  }
  if (goal.baseline?.source !== undefined) {
    parts.push(e.baselineStated(figure(goal.baseline.value), goal.baseline.date, figure(goal.baseline.registerValue ?? goal.baseline.value), goal.baseline.source));
  } else if (goal.baseline && goal.status !== 'reached') parts.push(e.baseline(figure(goal.baseline.value), goal.baseline.date));
  if (goal.eventKinds) parts.push(e.counts(eventKindsText(goal.eventKinds)));
  return parts.join(' ');
}

/** A goal's row without its underlag: what the screen draws for every goal (the underlag only when asked for). */
export type GoalRowSummaryVm = Omit<GoalRowVm, 'subjectGroups'>;

export function goalRowSummary(goal: GoalResult): GoalRowSummaryVm {
  return {
    id: goal.goalId,
    year: goal.year,
    yearLabel: String(goal.year),
    title: goal.title,
    description: goal.description,
    metricLabel: t.metrics[goal.metric],
    value: formatGoalFigure(goal.value, goal.unit),
    target: formatTarget(goal, goal.unit),
    status: goal.status,
    statusLabel: goalStatusText(goal),
    explanation: explainGoal(goal),
    measuredAt: goal.window.measuredAt,
    // The three groups of the underlag split the subjects between them, each subject in one.
    behindCount: goal.subjects.length,
  };
}

export function goalRow(goal: GoalResult, municipalityGoal: number): GoalRowVm {
  return { ...goalRowSummary(goal), subjectGroups: subjectGroups(goal, municipalityGoal) };
}

/** The pack's goals by year, as the core measured them (the screen makes each row's view as it draws it). */
export function goalsByYear(content: Pick<BoardPackContent, 'goals'>): { year: number; heading: string; goals: GoalResult[] }[] {
  const byYear = new Map<number, GoalResult[]>();
  for (const goal of content.goals) {
    const list = byYear.get(goal.year) ?? [];
    list.push(goal);
    byYear.set(goal.year, list);
  }
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, goals]) => ({ year, heading: t.goals.year(String(year)), goals }));
}

export function goalGroups(content: BoardPackContent): GoalGroupVm[] {
  return goalsByYear(content).map(({ year, heading, goals }) => ({
    year,
    heading,
    rows: goals.map((goal) => goalRow(goal, content.networks.municipalityGoal)),
  }));
}

// ---------------------------------------------------------------- charts

/** A chart's numbers as a small table: for screen readers on the screen, and printed under the chart. */
export type DataTableVm = { headers: string[]; rows: { key: string; cells: string[] }[] };

/** Round ticks from 0 past `max` (steps of 1, 2, 5 × 10^n), about four of them. */
export function countTicks(max: number): number[] {
  const top = Math.max(1, max);
  const raw = top / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, ([1, 2, 5, 10].find((n) => n * magnitude >= raw) ?? 10) * magnitude);
  const ticks: number[] = [];
  for (let v = 0; v < top + step; v += step) ticks.push(v);
  return ticks;
}

/** Pixels a category axis needs for its longest label at 12 px (about 0.6 em a character), so no name is cut. */
export function categoryAxisWidth(labels: readonly string[]): number {
  const longest = Math.max(0, ...labels.map((l) => [...l].length));
  return Math.ceil(longest * 12 * 0.6) + 16;
}

export type MembersChartVm = {
  intro: string;
  data: { key: string; label: string; members: number; joined: number; left: number }[];
  /**
   * Upper end of the joinings/departures axis: two and a half times the largest month (at least 2), so the
   * bars keep to the lower part of the chart and never reach the member line and its labels.
   */
  changesMax: number;
  changesTicks: number[];
  membersDomain: [number, number];
  membersTicks: number[];
  /** The year's member-count goal, drawn as a line where the goal has a number. */
  goal?: { value: number; label: string };
  table: DataTableVm;
};

/** The year's goal on the number of members (at least N), if the register has one. */
export function memberGoal(content: Pick<BoardPackContent, 'goals' | 'year'>): number | undefined {
  const goal = content.goals.find((g) => g.metric === 'member-count' && g.year === content.year && g.comparison !== 'at-most');
  return goal?.target;
}

export function membersChart(content: BoardPackContent): MembersChartVm {
  const m = content.members;
  const data = m.months.map((p) => ({ key: p.month, label: monthLabel(p.month), members: p.members, joined: p.joined, left: p.left }));
  const counts = data.map((d) => d.members);
  const goal = memberGoal(content);
  const low = Math.min(...counts, m.atYearStart, goal ?? Infinity);
  const high = Math.max(...counts, m.atYearStart, goal ?? -Infinity);
  // Room below and above the line so a flat year does not draw it on the axis.
  const pad = Math.max(5, Math.ceil((high - low) * 0.2));
  const changesTicks = countTicks(Math.ceil(Math.max(2, ...data.map((d) => Math.max(d.joined, d.left))) * 2.5));
  const lowTick = Math.max(0, Math.floor((low - pad) / 5) * 5);
  const highTick = Math.ceil((high + pad) / 5) * 5;
  const step = Math.max(5, Math.ceil((highTick - lowTick) / 4 / 5) * 5);
  const ticks: number[] = [];
  for (let v = lowTick; v < highTick + step; v += step) ticks.push(v);
  return {
    intro: t.charts.membersIntro(m.atYearStart, formatNumber(m.atDate), String(content.year)),
    data,
    changesMax: changesTicks[changesTicks.length - 1] ?? 2,
    changesTicks,
    membersDomain: [lowTick, ticks[ticks.length - 1] ?? highTick],
    membersTicks: ticks,
    ...(goal !== undefined ? { goal: { value: goal, label: t.charts.goalLine(formatNumber(goal)) } } : {}),
    table: {
      headers: [t.charts.month, t.charts.membersSeries, t.charts.joined, t.charts.left],
      rows: data.map((d) => ({ key: d.key, cells: [d.label, formatNumber(d.members), formatNumber(d.joined), formatNumber(d.left)] })),
    },
  };
}

export type DistributionChartVm = { data: { key: string; label: string; count: number; valueLabel: string }[]; table: DataTableVm };

export function distributionChart(content: BoardPackContent): DistributionChartVm {
  const data = content.services.distribution.map((b) => ({
    key: String(b.services),
    label: b.label,
    count: b.count,
    valueLabel: `${formatNumber(b.count)} (${formatPercent(b.share)})`,
  }));
  return {
    data,
    table: {
      headers: [t.charts.distributionAxis, t.charts.distributionSeries],
      rows: data.map((d) => ({ key: d.key, cells: [d.label, d.valueLabel] })),
    },
  };
}

export type SharesChartVm = {
  data: { key: string; name: string; share: number; shareLabel: string }[];
  axisWidth: number;
  table: DataTableVm;
};

export function sharesChart(content: BoardPackContent): SharesChartVm {
  const data = content.services.shares.map((s) => ({ key: s.serviceId, name: s.name, share: s.share, shareLabel: formatPercent(s.share) }));
  return {
    data,
    axisWidth: categoryAxisWidth(data.map((d) => d.name)),
    table: {
      headers: [t.charts.service, t.charts.sharesSeries],
      rows: content.services.shares.map((s) => ({
        key: s.serviceId,
        cells: [
          s.usersBreakdown ? `${s.name} (${describeServiceUse(s.usersBreakdown, { noun: { one: 'användare', other: 'användare' } })})` : s.name,
          t.subjects.serviceShare(s.memberUsers, formatPercent(s.share)),
        ],
      })),
    },
  };
}

export type NetworksChartVm = {
  intro: string;
  /** Said when every bar is 0, so the chart is never an unexplained empty frame. */
  none?: string;
  goal: number;
  goalLabel: string;
  data: { key: string; name: string; count: number; reaches: boolean }[];
  axisWidth: number;
  domainMax: number;
  ticks: number[];
  table: DataTableVm;
};

export function networksChart(content: BoardPackContent): NetworksChartVm {
  const n = content.networks;
  const data = n.rows.map((r) => ({ key: r.networkId, name: r.name, count: r.participatingMemberMunicipalities, reaches: r.reachesGoal }));
  const ticks = countTicks(Math.max(n.municipalityGoal, ...data.map((d) => d.count)));
  return {
    intro: t.charts.networksIntro(formatNumber(n.reaching), formatNumber(n.networkGoal), n.municipalityGoal),
    ...(data.length > 0 && data.every((d) => d.count === 0) ? { none: t.charts.networksNone(content.date) } : {}),
    goal: n.municipalityGoal,
    goalLabel: t.charts.networksGoal(formatNumber(n.municipalityGoal)),
    data,
    axisWidth: categoryAxisWidth(data.map((d) => d.name)),
    domainMax: ticks[ticks.length - 1] ?? n.municipalityGoal,
    ticks,
    table: {
      headers: [t.charts.network, t.charts.networksSeries],
      rows: data.map((d) => ({ key: d.key, cells: [d.name, formatNumber(d.count)] })),
    },
  };
}

export type PopulationVm = {
  share?: number;
  shareLabel?: string;
  intro: string;
  sweden?: string;
  slices: { key: string; label: string; value: number }[];
};

export function population(content: BoardPackContent): PopulationVm {
  const p = content.population;
  const intro = t.charts.populationIntro(formatNumber(p.memberPopulation), p.memberMunicipalities);
  if (p.share === undefined || p.swedenPopulation === undefined) return { intro, slices: [] };
  return {
    share: p.share,
    shareLabel: formatPercent(p.share),
    intro,
    sweden: t.charts.populationSweden(formatNumber(p.swedenPopulation.population), p.swedenPopulation.date),
    slices: [
      { key: 'members', label: t.charts.populationMembers, value: p.memberPopulation },
      { key: 'rest', label: t.charts.populationRest, value: Math.max(0, p.swedenPopulation.population - p.memberPopulation) },
    ],
  };
}

export type CoverageChartVm = {
  intro: string;
  stale: string;
  data: { key: string; label: string; missing: number }[];
  axisWidth: number;
  domainMax: number;
  ticks: number[];
  table: DataTableVm;
};

export function coverageChart(content: BoardPackContent): CoverageChartVm {
  const c = content.coverage;
  const data = c.missingByArea.map((a) => ({ key: a.area, label: a.label, missing: a.missing }));
  const ticks = countTicks(c.members);
  return {
    intro: t.charts.coverageIntro(formatNumber(c.fullyCovered), c.members),
    stale: t.charts.coverageStale(c.staleContacts, c.confirmedSince),
    data,
    axisWidth: categoryAxisWidth(data.map((d) => d.label)),
    domainMax: ticks[ticks.length - 1] ?? 1,
    ticks,
    table: {
      headers: [t.charts.area, t.charts.coverageSeries],
      rows: data.map((d) => ({ key: d.key, cells: [d.label, formatNumber(d.missing)] })),
    },
  };
}

export type BudgetChartVm = {
  chart: GroupedBarChart;
  tickFormatter: (ore: number) => string;
  /** A bar's figure in the axis unit without the unit (`17,9`), short enough to stand over a bar. */
  valueFormatter: (ore: number) => string;
  axisWidth: number;
  table: DataTableVm;
};

const oneDecimal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

export function budgetChart(content: BoardPackContent): BudgetChartVm | undefined {
  const chart = content.budget.comparison;
  if (!chart) return undefined;
  return {
    chart,
    tickFormatter: tickFormatter(chart.axis),
    valueFormatter: (ore) => oneDecimal.format(ore / 100 / compactUnits[chart.axis.unit].divisorKronor),
    axisWidth: axisWidthPx(chart.axis.widthChars),
    table: { headers: chart.table.headers, rows: chart.table.rows.map((r) => ({ key: r.header, cells: [r.header, ...r.cells] })) },
  };
}

export type StatementVm = {
  headers: string[];
  /** `stated`: a total as the source document states it, below the computed ones in the same columns. */
  rows: { key: string; cells: string[]; depth: number; total: boolean; stated?: boolean }[];
  /** The core's sentences on differences from the source (and who accepted them) and on columns not entered. */
  notes: string[];
};

/**
 * The income statement of the pack's year, totals computed by the core: last year's outcome as reference, the
 * year's budget, outcome and forecast (empty where not entered), then the source's stated totals and the notes.
 */
export function statement(content: BoardPackContent): StatementVm | undefined {
  const table = content.budget.table;
  if (!table.columns.some((c) => !c.missing)) return undefined;
  const amounts = (cells: readonly { columnId: string; amountOre: number }[]) =>
    table.columns.map((c) => (c.missing ? '' : formatKr(cells.find((cell) => cell.columnId === c.id)?.amountOre ?? 0)));
  const rows: StatementVm['rows'] = [];
  for (const section of table.sections) {
    for (const row of section.rows) rows.push({ key: row.lineId, cells: [row.name, ...amounts(row.cells)], depth: row.depth, total: false });
    rows.push({ key: section.total.key, cells: [section.total.label, ...amounts(section.total.cells)], depth: 0, total: true });
  }
  rows.push({ key: table.result.key, cells: [table.result.label, ...amounts(table.result.cells)], depth: 0, total: true });
  for (const total of [...table.sections.map((s) => s.total), table.result]) {
    if (!total.cells.some((c) => c.stated)) continue;
    const stated = table.columns.map((c) => {
      const s = total.cells.find((cell) => cell.columnId === c.id)?.stated;
      return s ? formatKr(s.statedOre) : '';
    });
    rows.push({ key: `stated:${total.key}`, cells: [t.budgetTable.stated(total.label), ...stated], depth: 0, total: false, stated: true });
  }
  const notes = [
    ...table.warnings.flatMap((w) => (w.kind === 'stated-total' ? [w.message] : [])),
    ...missingColumnNotes(table.columns),
  ];
  return { headers: [t.budgetTable.line, ...table.columns.map((c) => c.label)], rows, notes };
}

// ---------------------------------------------------------------- print layout

export type MovementVm = { key: string; date: string; name: string; event: string };

/** Joinings and departures of the year up to the meeting date, oldest first. */
export function movements(content: BoardPackContent): MovementVm[] {
  const m = content.members;
  return [
    ...m.joined.map((j) => ({ key: `in:${j.organisationId}:${j.date}`, date: j.date, name: j.name, event: t.print.movementJoined })),
    ...m.left.map((l) => ({ key: `ut:${l.organisationId}:${l.date}`, date: l.date, name: l.name, event: t.print.movementLeft })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name, 'sv'));
}

export type PrintSectionId = keyof typeof sv.styrelserapport.print.sections;
export const printSections: readonly PrintSectionId[] = ['goals', 'members', 'services', 'networks', 'population', 'budget', 'subjects'];

export type CoverVm = {
  association: string;
  title: string;
  meetingDate: string;
  figuresAt: string;
  source: string;
  contents: { id: PrintSectionId; number: string; label: string }[];
};

export function cover(content: BoardPackContent, snapshot: { createdAt: string } | undefined): CoverVm {
  return {
    association: content.associationName,
    title: t.print.cover,
    meetingDate: t.print.meetingDate(formatDate(content.date, 'long')),
    figuresAt: t.print.figuresAt(content.date),
    source: snapshot ? t.print.snapshot(formatDateTime(snapshot.createdAt)) : t.print.live(formatDateTime(content.generatedAt)),
    contents: printSections.map((id, i) => ({ id, number: String(i + 1), label: t.print.sections[id] })),
  };
}

/** The print layout's address for a saved pack, or for the live figures at a date. */
export function printQuery(target: { packId: string } | { date: string; includePreviousYear: boolean }): Record<string, string> {
  if ('packId' in target) return { paket: target.packId };
  return target.includePreviousYear ? { datum: target.date, tidigare: 'ja' } : { datum: target.date };
}

export function pdfFileName(date: string): string {
  return `Styrelserapport ${date}.pdf`;
}

/** A text as a CSS string literal (quotes, backslashes and line breaks escaped). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * The print layout's page rules: A4 with margins, the footer (association, date, `Sida n av m`) in the page
 * margin boxes (none on the cover), only the print layout on paper, and no table row, chart or block split
 * across a page break.
 */
export function printCss(content: Pick<BoardPackContent, 'associationName' | 'date'>): string {
  const footer = cssString(t.print.footer(content.associationName, content.date));
  const [page, of] = t.print.pageOf;
  const box = 'font-family: "Segoe UI", "Liberation Sans", Arial, sans-serif; font-size: 8pt; color: #424242;';
  return [
    `@page { size: A4; margin: 16mm 15mm 18mm 15mm;`,
    `  @bottom-left { content: ${footer}; ${box} }`,
    `  @bottom-right { content: ${cssString(page)} counter(page) ${cssString(of)} counter(pages); ${box} } }`,
    `@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }`,
    `@media print {`,
    `  html, body { height: auto !important; overflow: visible !important; background: #ffffff !important; }`,
    `  body > :not(:has([data-print-root])) { display: none !important; }`,
    `  [data-print-root] { position: static !important; inset: auto !important; overflow: visible !important; background: #ffffff !important; padding: 0 !important; }`,
    `  [data-print-toolbar] { display: none !important; }`,
    `  [data-print-sheet] { box-shadow: none !important; margin: 0 !important; padding: 0 !important; width: auto !important; min-height: 0 !important; border: 0 !important; }`,
    `  [data-print-sheet] + [data-print-sheet] { break-before: page; }`,
    `  [data-print-sheet][data-section="cover"] { padding-top: 45mm !important; }`,
    `  tr, figure, [data-keep] { break-inside: avoid; }`,
    `  h2, h3 { break-after: avoid; }`,
    `}`,
  ].join('\n');
}

/** The underlag of one goal group as one line of names, with each one's detail in brackets. */
export function subjectLine(group: SubjectGroupVm): string {
  return group.items.map((item) => (item.detail === '' ? item.name : `${item.name} (${item.detail})`)).join(', ');
}

export type PlanFigureRowVm = { id: string; label: string; date: string; plan: string; register: string; difference: string; source: string; text: string };

/** The plan's stated figures beside the register's, as the screen and the print draw them (signed difference). */
export function planFigureRows(content: Pick<BoardPackContent, 'planFigures'>): PlanFigureRowVm[] {
  return (content.planFigures ?? []).map((f) => ({
    id: f.id,
    label: f.label,
    date: formatDate(f.date),
    plan: formatNumber(f.planValue),
    register: formatNumber(f.registerValue),
    difference: f.difference > 0 ? `+${formatNumber(f.difference)}` : f.difference < 0 ? `−${formatNumber(-f.difference)}` : '0',
    source: f.source,
    text: f.text,
  }));
}
