/**
 * The board pack as an Excel workbook, built from the same `BoardPackContent` as the print layout (and so from a
 * saved pack exactly as it was saved): the figures of the PDF, as numbers a reader can sort and chart.
 *
 * Sheets: Mål (each goal's value, target and status), Underlag (the members, networks, services and events
 * behind each goal), Planen och registret (figures the plan states beside the register's), Medlemmar (month by month), Tjänster (services per member, share per service),
 * Nätverk (competence networks against 20), Befolkning och kontakter, Budget (the statement with live totals,
 * from budget-sheet.ts). Shares are fractions with a per-cent format; counts are integers.
 */
import type { BoardPackContent } from '../domain/board-pack';
import { eventKindsText, formatGoalFigure, formatTarget, goalLabels, goalStatusText, type GoalResult, type GoalSubject } from '../domain/goals';
import type { PlanFigureComparison } from '../domain/plan-figures';
import { meetingKindLabels } from '../../contract/labels';
import { addBudgetSheet } from './budget-sheet';
import { countOf } from '../domain/swedish';
import { describeVia } from '../domain/usage-matrix';
import { addTableSheet, cellValue, createWorkbook, mergeTitleRow, numberFormats, restyle, setCell, toBytes, type Workbook } from './workbook-kit';

export const BOARD_PACK_SHEETS = {
  goals: 'Mål',
  subjects: 'Underlag',
  planFigures: 'Planen och registret',
  members: 'Medlemmar',
  services: 'Tjänster',
  networks: 'Nätverk',
  population: 'Befolkning och kontakter',
  budget: 'Budget',
} as const;

const subjectKindLabels: Record<GoalSubject['kind'], string> = {
  organisation: 'Organisation',
  network: 'Nätverk',
  service: 'Tjänst',
  event: 'Evenemang',
  person: 'Styrelseledamot',
};

const eventKindLabels: Readonly<Record<string, string>> = meetingKindLabels;

function titleLines(content: BoardPackContent, what: string): string[] {
  return [`${what} – ${content.associationName}`, `Styrelserapport per ${content.date}`];
}

/** The facts a subject row shows beside its name, as text. */
export function subjectDetail(subject: GoalSubject): string {
  const parts: string[] = [];
  if (subject.kind === 'organisation' && subject.date) parts.push(`sista dag som medlem ${subject.date}`);
  if (subject.kind === 'organisation' && subject.pending && !subject.date) parts.push('har sagt upp medlemskapet');
  if (subject.kind === 'event') {
    if (subject.date) parts.push(subject.date);
    if (subject.eventKind) parts.push(eventKindLabels[subject.eventKind] ?? subject.eventKind);
    if (subject.networkName) parts.push(subject.networkName);
  }
  if (subject.kind === 'network' && subject.count !== undefined) parts.push(countOf(subject.count, { one: 'deltagande medlemskommun', other: 'deltagande medlemskommuner' }));
  if (subject.kind === 'service' && subject.count !== undefined) parts.push(`${countOf(subject.count, { one: 'medlem', other: 'medlemmar' })} använder tjänsten`);
  if (subject.kind === 'service' && subject.networkName) parts.push(subject.networkName);
  if (subject.kind === 'person') parts.push(worksWithItText(subject.worksWithIt));
  if (subject.pending) parts.push(subject.kind === 'event' ? 'planerad' : 'aviserad');
  return parts.join(', ');
}

function addGoalsSheet(workbook: Workbook, content: BoardPackContent): void {
  const { sheet, firstDataRow } = addTableSheet<GoalResult>(workbook, {
    name: BOARD_PACK_SHEETS.goals,
    titleLines: titleLines(content, 'Målen'),
    year: content.year,
    columns: [
      { header: 'År', key: (g) => g.year, kind: 'integer', width: 8 },
      { header: 'Mål', key: 'title', kind: 'text' },
      { header: 'Mått', key: (g) => metricText(g), kind: 'text' },
      { header: 'Värde', key: 'value', kind: 'number', width: 12 },
      { header: 'Målvärde', key: (g) => formatTarget(g, g.unit), kind: 'text' },
      { header: 'Status', key: (g) => goalStatusText(g), kind: 'text' },
      { header: 'Mätt per', key: (g) => g.window.measuredAt, kind: 'date', width: 12 },
      { header: 'Ingångsvärde', key: (g) => g.baseline?.value, kind: 'number', width: 14 },
      { header: 'Ingångsvärde i registret', key: (g) => g.baseline?.registerValue, kind: 'number', width: 14 },
      { header: 'Takt kräver nu', key: (g) => g.expected, kind: 'number', width: 15 },
      { header: 'Aviserat/planerat', key: 'pending', kind: 'integer', width: 18 },
    ],
    rows: content.goals,
  });
  // Counts as whole numbers, shares as per cent: the format follows each goal's unit.
  content.goals.forEach((goal, i) => {
    const row = sheet.getRow(firstDataRow + i);
    for (const column of [4, 8, 9]) restyle(row.getCell(column), { numFmt: goal.unit === 'share' ? numberFormats.percent : numberFormats.integer });
    // A pace lies between whole events (0,5 by 30 June), so counts show one decimal there.
    restyle(row.getCell(10), { numFmt: goal.unit === 'share' ? numberFormats.percent : '0.0' });
  });
  const notes = content.goals.filter((g) => g.byConstruction !== undefined || g.baseline?.source !== undefined);
  let at = firstDataRow + content.goals.length + 1;
  // A note is a sentence under the table: merged and wrapped across the first page, never cut at its edge.
  const note = (text: string) => {
    setCell(sheet.getCell(at, 1), cellValue(text));
    mergeTitleRow(sheet, at);
    at += 1;
  };
  for (const goal of notes) {
    if (goal.byConstruction !== undefined) note(`${goal.title}: ${goalLabels.byConstruction.toLocaleLowerCase('sv-SE')}. ${goal.byConstruction}`);
    if (goal.baseline?.source !== undefined) {
      note(`${goal.title}: ingångsvärdet ${goal.baseline.value} är planens (${goal.baseline.source}); registret namnger ${goal.baseline.registerValue ?? '–'} den ${goal.baseline.date}.`);
    }
  }
}

function metricText(goal: GoalResult): string {
  const label = goalLabels.metrics[goal.metric];
  return goal.eventKinds ? `${label}: ${eventKindsText(goal.eventKinds)}` : label;
}

function worksWithItText(worksWithIt: boolean | undefined): string {
  return worksWithIt === undefined ? 'ej angivet om personen arbetar med it' : worksWithIt ? 'arbetar med it' : 'arbetar inte med it';
}

function addPlanFiguresSheet(workbook: Workbook, content: BoardPackContent): void {
  addTableSheet<PlanFigureComparison>(workbook, {
    name: BOARD_PACK_SHEETS.planFigures,
    titleLines: [
      ...titleLines(content, 'Planens uppgifter och registrets'),
      'Där planen anger ett antal som registret inte återger står båda, med skillnaden.',
      ...((content.assumptions ?? []).length > 0 ? [`Antaganden bakom siffrorna: ${(content.assumptions ?? []).map((a) => a.title).join('; ')}.`] : []),
    ],
    year: content.year,
    columns: [
      { header: 'Uppgift', key: 'label', kind: 'text' },
      { header: 'Per', key: 'date', kind: 'date', width: 12 },
      { header: 'Planen anger', key: 'planValue', kind: 'integer', width: 14 },
      { header: 'Registret namnger', key: 'registerValue', kind: 'integer', width: 18 },
      { header: 'Skillnad', key: 'difference', kind: 'integer', width: 10 },
      { header: 'Källa', key: 'source', kind: 'text' },
    ],
    rows: content.planFigures ?? [],
  });
}

type SubjectRow = { goal: string; subject: GoalSubject };

function addSubjectsSheet(workbook: Workbook, content: BoardPackContent): void {
  const rows: SubjectRow[] = content.goals.flatMap((g) => g.subjects.map((subject) => ({ goal: g.title, subject })));
  addTableSheet<SubjectRow>(workbook, {
    name: BOARD_PACK_SHEETS.subjects,
    titleLines: [...titleLines(content, 'Underlaget till målen'), 'Vilka medlemmar, tjänster, nätverk och konferenser som ligger bakom varje värde.'],
    year: content.year,
    columns: [
      { header: 'Mål', key: (r) => r.goal, kind: 'text' },
      { header: 'Typ', key: (r) => subjectKindLabels[r.subject.kind], kind: 'text' },
      { header: 'Namn', key: (r) => r.subject.name, kind: 'text' },
      { header: 'Räknas i värdet', key: (r) => (r.subject.counted ? 'Ja' : 'Nej'), kind: 'text', width: 16 },
      { header: 'Uppgift', key: (r) => subjectDetail(r.subject), kind: 'text' },
      { header: 'Andel', key: (r) => r.subject.share, kind: 'percent', width: 10 },
    ],
    rows,
  });
}

function addMembersSheet(workbook: Workbook, content: BoardPackContent): void {
  const m = content.members;
  addTableSheet(workbook, {
    name: BOARD_PACK_SHEETS.members,
    titleLines: [
      ...titleLines(content, 'Medlemmar över tid'),
      `Medlemmar 1 januari ${content.year}: ${formatGoalFigure(m.atYearStart, 'count')}. Medlemmar ${content.date}: ${formatGoalFigure(m.atDate, 'count')}.`,
    ],
    year: content.year,
    columns: [
      { header: 'Månad', key: 'month', kind: 'text', width: 10 },
      { header: 'Medlemmar vid månadens slut', key: 'members', kind: 'integer' },
      { header: 'Räknat per', key: 'date', kind: 'date', width: 12 },
      { header: 'Inträden', key: 'joined', kind: 'integer', width: 10 },
      { header: 'Utträden', key: 'left', kind: 'integer', width: 10 },
    ],
    rows: m.months,
  });
}

function addServicesSheet(workbook: Workbook, content: BoardPackContent): void {
  const s = content.services;
  const { sheet, lastDataRow } = addTableSheet(workbook, {
    name: BOARD_PACK_SHEETS.services,
    titleLines: [...titleLines(content, 'Tjänster'), `Andel av medlemmarna (${formatGoalFigure(s.memberCount, 'count')}) som använder varje tjänst.`],
    year: content.year,
    columns: [
      { header: 'Tjänst', key: 'name', kind: 'text' },
      { header: 'Användare', key: 'users', kind: 'integer', width: 11 },
      { header: 'Varav via grupp eller värd', key: 'via', kind: 'text' },
      { header: 'Medlemmar som använder', key: 'memberUsers', kind: 'integer' },
      { header: 'Medlemmar', key: 'memberCount', kind: 'integer', width: 12 },
      { header: 'Andel', key: 'share', kind: 'percent', width: 10 },
    ],
    // Every user and how they are reached, beside the members the share counts: the catalogue's figures.
    rows: s.shares.map((r) => ({ ...r, users: r.users ?? null, via: r.usersBreakdown ? describeVia(r.usersBreakdown.via) : '' })),
  });
  // The distribution goes below the shares, with its own header, on the same sheet.
  let row = lastDataRow + 3;
  sheet.getCell(row, 1).value = 'Antal tjänster per medlem';
  sheet.getCell(row, 1).font = { bold: true };
  row += 1;
  ['Antal tjänster', 'Medlemmar', '', 'Andel'].forEach((header, i) => {
    if (header === '') return;
    const cell = sheet.getCell(row, i + 1);
    cell.value = header;
    cell.font = { bold: true };
  });
  for (const bucket of s.distribution) {
    row += 1;
    sheet.getCell(row, 1).value = bucket.label;
    sheet.getCell(row, 2).value = bucket.count;
    sheet.getCell(row, 2).numFmt = numberFormats.integer;
    sheet.getCell(row, 4).value = bucket.share;
    sheet.getCell(row, 4).numFmt = numberFormats.percent;
  }
}

function addNetworksSheet(workbook: Workbook, content: BoardPackContent): void {
  const n = content.networks;
  addTableSheet(workbook, {
    name: BOARD_PACK_SHEETS.networks,
    titleLines: [
      ...titleLines(content, 'Kompetensnätverk'),
      `${formatGoalFigure(n.reaching, 'count')} av ${formatGoalFigure(n.networkGoal, 'count')} nätverk har minst ${countOf(n.municipalityGoal, { one: 'deltagande medlemskommun', other: 'deltagande medlemskommuner' })}.`,
    ],
    year: content.year,
    columns: [
      { header: 'Nätverk', key: 'name', kind: 'text' },
      { header: 'Deltagande medlemskommuner', key: 'participatingMemberMunicipalities', kind: 'integer' },
      { header: 'Mål', key: () => n.municipalityGoal, kind: 'integer', width: 8 },
      { header: 'Når målet', key: (r) => (r.reachesGoal ? 'Ja' : 'Nej'), kind: 'text', width: 12 },
    ],
    rows: n.rows,
  });
}

type FactRow = { label: string; value: number | string | undefined; kind: 'integer' | 'percent' | 'text' };

function addPopulationSheet(workbook: Workbook, content: BoardPackContent): void {
  const p = content.population;
  const c = content.coverage;
  const facts: FactRow[] = [
    { label: 'Medlemskommuner', value: p.memberMunicipalities, kind: 'integer' },
    { label: 'Invånare i medlemskommunerna', value: p.memberPopulation, kind: 'integer' },
    { label: 'Sveriges befolkning', value: p.swedenPopulation?.population, kind: 'integer' },
    { label: 'Sveriges befolkning per', value: p.swedenPopulation?.date, kind: 'text' },
    { label: 'Andel av Sveriges befolkning', value: p.share, kind: 'percent' },
    { label: 'Medlemmar', value: c.members, kind: 'integer' },
    { label: 'Medlemmar med kontaktperson för alla verksamhetsområden', value: c.fullyCovered, kind: 'integer' },
    { label: 'Medlemmar som saknar kontaktperson för något område', value: c.membersMissingAny, kind: 'integer' },
    ...c.missingByArea.map((a): FactRow => ({ label: `Saknar kontaktperson: ${a.label}`, value: a.missing, kind: 'integer' })),
    { label: `Kontaktpersoner som inte bekräftats sedan ${c.confirmedSince}`, value: c.staleContacts, kind: 'integer' },
  ];
  const { sheet, firstDataRow } = addTableSheet<FactRow>(workbook, {
    name: BOARD_PACK_SHEETS.population,
    titleLines: titleLines(content, 'Befolkning och kontaktpersoner'),
    year: content.year,
    columns: [
      { header: 'Uppgift', key: 'label', kind: 'text' },
      { header: 'Värde', key: 'value', kind: 'number', width: 14 },
    ],
    rows: facts,
  });
  facts.forEach((fact, i) => {
    const cell = sheet.getRow(firstDataRow + i).getCell(2);
    // The table's cells share their style objects: restyle, never `cell.numFmt = …`.
    if (fact.kind === 'integer') restyle(cell, { numFmt: numberFormats.integer });
    if (fact.kind === 'percent') restyle(cell, { numFmt: numberFormats.percent });
  });
}

export function buildBoardPackWorkbook(content: BoardPackContent, options: { created: Date }): Workbook {
  const workbook = createWorkbook({
    title: `Styrelserapport ${content.date}`,
    subject: `${content.associationName}: mål, medlemmar, tjänster, nätverk och budget per ${content.date}`,
    created: options.created,
  });
  addGoalsSheet(workbook, content);
  addSubjectsSheet(workbook, content);
  if ((content.planFigures ?? []).length > 0) addPlanFiguresSheet(workbook, content);
  addMembersSheet(workbook, content);
  addServicesSheet(workbook, content);
  addNetworksSheet(workbook, content);
  addPopulationSheet(workbook, content);
  // Without a single figure for the year or the year before there is nothing to show.
  if (content.budget.table.columns.some((c) => !c.missing)) addBudgetSheet(workbook, content.budget.table, { name: BOARD_PACK_SHEETS.budget, year: content.budget.year });
  return workbook;
}

export function boardPackWorkbookBytes(content: BoardPackContent, options: { created: Date }): Promise<Uint8Array> {
  return toBytes(buildBoardPackWorkbook(content, options));
}

export function boardPackFileName(date: string, extension: 'xlsx' | 'pdf'): string {
  return `Styrelserapport ${date}.${extension}`;
}
