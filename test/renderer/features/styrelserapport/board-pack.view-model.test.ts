import { describe, expect, it } from 'vitest';
import { buildBoardPack, type BoardPackContent } from '../../../../electron/core/domain/board-pack';
import { evaluateGoal, formatPace, type GoalResult } from '../../../../electron/core/domain/goals';
import type { Goal } from '../../../../electron/core/store/schema';
import {
  categoryAxisWidth,
  cover,
  explainGoal,
  goalGroups,
  goalRow,
  budgetChart,
  membersChart,
  movements,
  networksChart,
  planFigureRows,
  printCss,
  printQuery,
  sharesChart,
  statement,
  subjectGroups,
  subjectLine,
} from '../../../../renderer/features/styrelserapport/board-pack.view-model';
import { sv } from '../../../../renderer/lib/i18n/sv';
import { loadDefaultDocument } from '../../../support/memory-document';

const t = sv.styrelserapport;
const DATE = '2022-06-30';
const doc = loadDefaultDocument();
const content: BoardPackContent = buildBoardPack(doc, DATE, { generatedAt: '2022-06-30T10:00:00.000Z' });

function result(goal: Partial<Goal> & Pick<Goal, 'metric' | 'comparison' | 'target'>, date = DATE): GoalResult {
  return evaluateGoal(doc, { id: 'g', year: 2022, title: 'Mål', description: '', order: 1, ...goal }, date);
}

describe('goal rows', () => {
  it('show value, target and status in Swedish words, grouped by year in the core’s order', () => {
    const groups = goalGroups(content);
    expect(groups.map((g) => g.heading)).toEqual(['Mål för 2022', 'Mål för 2023']);
    const members = groups[0]?.rows[0];
    const goal = content.goals[0];
    expect(members).toMatchObject({ title: goal?.title, value: String(goal?.value), target: 'minst 125', statusLabel: t.statuses[goal?.status ?? 'reached'] });
    const share = groups[1]?.rows[0];
    expect(share?.target).toBe('mer än 75\u00a0%');
    expect(share?.value).toMatch(/^\d+(,\d)?\u00a0%$/);
  });

  it('explain the status from the pace, the pending events or the deadline', () => {
    const atRisk = result({ metric: 'member-count', comparison: 'at-least', target: 1000 });
    expect(atRisk.status).toBe('at-risk');
    expect(explainGoal(atRisk)).toBe(
      `${t.goals.explain.atRiskPace(formatPace(atRisk.expected ?? NaN, 'count'))} ${t.goals.explain.baselineStated('109', '2022-01-01', '96', atRisk.baseline?.source ?? '')}`,
    );
    // The plan's 109 at the start of 2022 is the baseline; the register's 96 stands beside it.
    expect(atRisk.baseline).toMatchObject({ value: 109, registerValue: 96 });
    const single = result({ metric: 'single-service-members', comparison: 'at-most', target: 0 });
    expect(explainGoal(single)).toContain(t.goals.explain.baseline(String(single.baseline?.value), '2022-01-01'));
    const reached = result({ metric: 'member-count', comparison: 'at-least', target: 1 });
    // A reached goal still says where its baseline comes from when the plan states it.
    expect(explainGoal(reached).startsWith(`${t.goals.explain.reached} Ingångsvärde 109 enligt planen`)).toBe(true);
    const noneLost = result({ metric: 'members-lost', comparison: 'at-most', target: 0 });
    expect(explainGoal(noneLost)).toBe(t.goals.explain.onTrackNone);
    expect(explainGoal(result({ metric: 'members-lost', comparison: 'at-most', target: 0 }, '2023-01-10'))).toBe(t.goals.explain.reachedCumulative);
    const missed = result({ metric: 'member-count', comparison: 'at-least', target: 1000 }, '2023-01-10');
    expect(explainGoal(missed).startsWith(t.goals.explain.missed)).toBe(true);
  });

  it('group the underlag into counted, pending and other, each with a link to its page', () => {
    const groups = subjectGroups(
      {
        subjects: [
          { kind: 'organisation', id: 'o1', name: 'Borås', counted: true, date: '2022-03-31' },
          { kind: 'organisation', id: 'o2', name: 'Ale', counted: false, pending: true },
          { kind: 'network', id: 'n1', name: 'Digidel', counted: false, count: 19 },
          { kind: 'event', id: 'm1', name: 'Höstkonferensen', counted: false, pending: true, date: '2022-10-05', eventKind: 'konferens', networkId: 'n1', networkName: 'Digidel' },
          { kind: 'service', id: 's1', name: 'Bibblix', counted: true, count: 39, share: 0.40625 },
        ],
      },
      20,
    );
    expect(groups.map((g) => [g.key, g.items.map((i) => i.name)])).toEqual([
      ['counted', ['Borås', 'Bibblix']],
      ['pending', ['Ale', 'Höstkonferensen']],
      ['context', ['Digidel']],
    ]);
    const [counted, pending, context] = groups;
    expect(counted?.items[0]).toMatchObject({ detail: 'sista dag 2022-03-31', route: { id: 'medlemmar', params: ['o1'] } });
    expect(counted?.items[1]).toMatchObject({ detail: '39 medlemmar (40,6\u00a0%)', route: { id: 'tjanster', params: ['s1'] } });
    expect(pending?.items[0]?.detail).toBe(t.subjects.notice);
    expect(pending?.items[1]).toMatchObject({ detail: '2022-10-05 · Konferens · Digidel', route: { id: 'natverk', params: ['n1'] } });
    expect(context?.items[0]).toMatchObject({ detail: '19 av 20 medlemskommuner', route: { id: 'natverk', params: ['n1'] } });
    expect(subjectLine(counted ?? { key: 'counted', label: '', items: [] })).toBe('Borås (sista dag 2022-03-31), Bibblix (39 medlemmar (40,6\u00a0%))');
  });

  it('count every entry of the underlag for the button', () => {
    const row = goalRow(result({ metric: 'member-count', comparison: 'at-least', target: 125 }), 20);
    expect(row.behindCount).toBe(content.members.atDate);
  });
});

describe('charts', () => {
  it('give the members chart a month per point and round ticks that cover the line', () => {
    const vm = membersChart(content);
    expect(vm.data.map((d) => d.label)).toEqual(['jan', 'feb', 'mar', 'apr', 'maj', 'jun']);
    const [low, high] = vm.membersDomain;
    expect(vm.membersTicks[0]).toBe(low);
    expect(vm.membersTicks.at(-1)).toBe(high);
    for (const d of vm.data) expect(d.members >= low && d.members <= high).toBe(true);
    expect(vm.membersTicks.every((v) => v % 5 === 0)).toBe(true);
    expect(vm.changesMax).toBeGreaterThanOrEqual(1);
  });

  it('draw the year\'s member-count goal as a line inside the members axis, and none without such a goal', () => {
    const vm = membersChart(content);
    const goal = content.goals.find((g) => g.metric === 'member-count' && g.year === 2022);
    expect(goal?.target).toBe(125);
    expect(vm.goal).toEqual({ value: 125, label: t.charts.goalLine('125') });
    expect(vm.membersDomain[1]).toBeGreaterThanOrEqual(125);
    const without = membersChart({ ...content, goals: content.goals.filter((g) => g.metric !== 'member-count') });
    expect(without.goal).toBeUndefined();
    expect(without.membersDomain[1]).toBeLessThan(125);
  });

  it('say so when every network bar is 0, instead of an empty frame', () => {
    const vm = networksChart(content);
    expect(vm.data.every((d) => d.count === 0)).toBe(true);
    expect(vm.none).toBe(t.charts.networksNone(DATE));
    const rows = content.networks.rows.map((r, i) => ({ ...r, participatingMemberMunicipalities: i }));
    expect(networksChart({ ...content, networks: { ...content.networks, rows } }).none).toBeUndefined();
  });

  it('label budget bars with their figure in the axis unit, short enough to stand over a bar', () => {
    // A year with both budget and outcome: the default data's 2022 outcome is not entered, so one is added here.
    const withOutcome = loadDefaultDocument();
    const budget2022 = withOutcome.budget.columns.find((c) => c.year === 2022 && c.kind === 'budget')!;
    withOutcome.budget.columns.push({ ...budget2022, id: 'col-2022-utfall', kind: 'utfall' });
    const vm = budgetChart(buildBoardPack(withOutcome, DATE, { generatedAt: '2022-06-30T10:00:00.000Z' }));
    expect(vm).toBeDefined();
    expect(budgetChart(content)).toBeUndefined();
    expect(vm?.chart.axis.unit).toBe('mnkr');
    expect(vm?.valueFormatter(1_787_312_000)).toBe('17,9');
    expect(vm?.valueFormatter(-1_746_071_400)).toBe('−17,5');
  });

  it('size category axes by their longest label, so no service name is cut', () => {
    expect(categoryAxisWidth(['Öppna verksamhetssystem skola'])).toBeGreaterThan(categoryAxisWidth(['UKA']));
    const shares = sharesChart(content);
    const longest = Math.max(...shares.data.map((d) => d.name.length));
    expect(shares.axisWidth).toBeGreaterThanOrEqual(longest * 12 * 0.6);
    expect(shares.data[0]?.shareLabel).toMatch(/\u00a0%$/);
  });

  it('lay out the statement with computed totals and the result last', () => {
    const vm = statement(content);
    expect(vm?.headers).toEqual([t.budgetTable.line, 'Utfall 2021 (jämförelse)', 'Budget 2022', 'Utfall 2022 (ej inlagt)', 'Prognos 2022 (ej inlagd)']);
    expect(vm?.rows.filter((r) => !r.stated).at(-1)?.cells[0]).toBe('Verksamhetsresultat');
    expect(vm?.rows.filter((r) => r.total).map((r) => r.cells[0])).toEqual(['Summa intäkter', 'Summa kostnader', 'Verksamhetsresultat']);
    // The plan's stated result beside the computed one, and the columns not yet entered left empty and named.
    const stated = vm?.rows.find((r) => r.key === 'stated:result');
    expect(stated?.cells.map((c) => c.replace(/\s/g, ' '))).toEqual(['Verksamhetsresultat enligt underlaget', '118 471 kr', '96 818 kr', '', '']);
    expect(vm?.rows.find((r) => r.key === 'result')?.cells.slice(3)).toEqual(['', '']);
    expect(vm?.notes.map((n) => n.replace(/\s/g, ' '))).toContain('Verksamhetsresultat, Budget 2022: uträknat 96 817 kr, men underlaget anger 96 818 kr (skillnad −1 kr).');
    expect(vm?.notes).toContain('Utfall 2022 är inte inlagt ännu; kolumnen är tom tills den förs in.');
    expect(statement({ ...content, budget: { ...content.budget, table: { ...content.budget.table, columns: [] } } })).toBeUndefined();
  });
});

describe('the print layout', () => {
  it('has a cover with the association, the meeting date and the contents', () => {
    const front = cover(content, { createdAt: '2022-06-30T10:00:00.000Z' });
    expect(front.association).toBe('Föreningen Sambruk');
    expect(front.meetingDate).toBe('Styrelsemöte 30 juni 2022');
    expect(front.contents.map((c) => c.label)).toEqual(Object.values(t.print.sections));
    expect(front.source).toBe(t.print.snapshot('2022-06-30 12:00'));
    expect(cover(content, undefined).source).toBe(t.print.live('2022-06-30 12:00'));
  });

  it('prints on A4 without splitting rows or charts, with the footer text safely quoted', () => {
    const css = printCss({ associationName: 'Föreningen "Sam\\bruk"', date: DATE });
    expect(css).toContain('@page { size: A4;');
    expect(css).toContain('tr, figure, [data-keep] { break-inside: avoid; }');
    expect(css).toContain('content: "Föreningen \\"Sam\\\\bruk\\" · Styrelserapport 2022-06-30"');
    expect(css).toContain('counter(page)');
    expect(css).toContain('@page :first');
  });

  it('lists the year’s joinings and departures by date', () => {
    const moved: BoardPackContent = {
      ...content,
      members: {
        ...content.members,
        joined: [{ organisationId: 'a', name: 'Ale', date: '2022-05-01' }],
        left: [{ organisationId: 'b', name: 'Borås', date: '2022-03-31' }],
      },
    };
    expect(movements(moved).map((m) => [m.date, m.name, m.event])).toEqual([
      ['2022-03-31', 'Borås', t.print.movementLeft],
      ['2022-05-01', 'Ale', t.print.movementJoined],
    ]);
  });

  it('builds print addresses', () => {
    expect(printQuery({ packId: 'p1' })).toEqual({ paket: 'p1' });
    expect(printQuery({ date: DATE, includePreviousYear: true })).toEqual({ datum: DATE, tidigare: 'ja' });
  });
});

describe('the plan’s figures beside the register’s', () => {
  it('gives each stated figure with the register’s and a signed difference', () => {
    const rows = planFigureRows(content);
    expect(rows.find((r) => r.id === 'plan-members-2022')).toMatchObject({ label: 'Medlemmar', plan: '109', register: '96', difference: '−13', date: '2022-01-01' });
    expect(rows.find((r) => r.id === 'plan-egil-2022')).toMatchObject({ plan: '25', register: '26', difference: '+1' });
    expect(planFigureRows({})).toEqual([]);
  });
});
