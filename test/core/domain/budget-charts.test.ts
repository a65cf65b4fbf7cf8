import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  axisScale,
  axisWidthPx,
  budgetVsOutcomeChart,
  incomeMakeUp,
  incomeMakeUpOverColumns,
  resultOverYearsChart,
  tickFormatter,
  varianceChart,
  variancePercent,
} from '../../../electron/core/domain/budget-charts';
import { budgetTable } from '../../../electron/core/domain/budget';
import { formatOre } from '../../../electron/core/domain/amounts';
import type { Budget } from '../../../electron/core/store/schema';
import { ids, kr, planBudget, plain } from '../../fixtures/budget/plan-budget';

const OUTCOME_2022 = 'col-utfall-2022';

/** The plan plus an outcome for 2022 (figures made up for the test; the plan has none). */
function withOutcome2022(): Budget {
  const budget = planBudget();
  budget.columns.push({
    id: OUTCOME_2022,
    year: 2022,
    kind: 'utfall',
    amounts: {
      [ids.members]: kr(3_450_000),
      [ids.net]: kr(17_000_000),
      [ids.otherIncome]: kr(1_200),
      [ids.external]: kr(-17_500_000),
      [ids.staff]: kr(-3_600_000),
    },
    statedTotals: {},
  });
  return budget;
}

describe('axis: unit, ticks and width', () => {
  it('puts 17 873 120 kr on an mnkr axis with round ticks', () => {
    const axis = axisScale([kr(3_400_000), kr(17_873_120), 0]);
    expect(axis.unit).toBe('mnkr');
    expect(axis.unitSpoken).toBe('miljoner kronor');
    expect(axis.ticks).toEqual([0, 5, 10, 15, 20].map((m) => kr(m * 1_000_000)));
    expect(axis.tickLabels.map(plain)).toEqual(['0 mnkr', '5 mnkr', '10 mnkr', '15 mnkr', '20 mnkr']);
    expect(axis.domain).toEqual([0, kr(20_000_000)]);
    for (const label of axis.tickLabels) expect([...label].length).toBeLessThanOrEqual(axis.widthChars);
    expect(axis.widthChars).toBe([...'20 mnkr'].length);
  });

  it('goes below zero for costs and writes the minus', () => {
    const axis = axisScale([kr(17_873_120), kr(-17_460_714)]);
    expect(axis.tickLabels.map(plain)).toEqual(['−20 mnkr', '−10 mnkr', '0 mnkr', '10 mnkr', '20 mnkr']);
    expect(axis.widthChars).toBe([...'−20 mnkr'].length);
  });

  it('uses decimals only when the step needs them', () => {
    const axis = axisScale([kr(9_000_000)]);
    expect(axis.tickLabels.map(plain)).toEqual(['0 mnkr', '2,5 mnkr', '5 mnkr', '7,5 mnkr', '10 mnkr']);
    expect(axis.decimals).toBe(1);
    const formatter = tickFormatter(axis);
    expect(axis.ticks.map(formatter)).toEqual(axis.tickLabels);
  });

  it('chooses tkr and kr for smaller figures, and survives no data', () => {
    expect(axisScale([kr(502), kr(-950)]).unit).toBe('kr');
    expect(axisScale([kr(95_000)]).tickLabels.map(plain)).toEqual(['0 tkr', '25 tkr', '50 tkr', '75 tkr', '100 tkr']);
    const empty = axisScale([null, undefined]);
    expect(empty.ticks[0]).toBe(0);
    expect(empty.ticks.length).toBeGreaterThan(1);
  });

  it('never cuts a label, always covers the data and keeps neighbouring labels apart', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -kr(2_000_000_000), max: kr(2_000_000_000) }), { minLength: 1, maxLength: 12 }), (values) => {
        const axis = axisScale(values);
        for (const label of axis.tickLabels) expect([...label].length).toBeLessThanOrEqual(axis.widthChars);
        expect(axis.ticks).toContain(0);
        expect(axis.domain[0]).toBeLessThanOrEqual(Math.min(...values));
        expect(axis.domain[1]).toBeGreaterThanOrEqual(Math.max(...values));
        expect(new Set(axis.tickLabels).size).toBe(axis.tickLabels.length);
        expect(axis.ticks.length).toBeLessThanOrEqual(9);
        for (let i = 1; i < axis.ticks.length; i += 1) expect(axis.ticks[i]).toBeGreaterThan(axis.ticks[i - 1] ?? 0);
      }),
      { numRuns: 300 },
    );
  });

  it('suggests a pixel width that grows with the label', () => {
    expect(axisWidthPx(8)).toBeGreaterThan(axisWidthPx(6));
    expect(axisWidthPx(8, 12)).toBeGreaterThanOrEqual(8 * 12 * 0.6);
  });
});

describe('budget against outcome (grouped bars)', () => {
  it('compares a chosen pair of columns per line, with a table alternative', () => {
    const chart = budgetVsOutcomeChart(budgetTable(planBudget()), { columnIds: [ids.outcome2021, ids.budget2022] });
    expect(chart.title).toBe('Utfall 2021 mot Budget 2022');
    expect(chart.series).toEqual([
      { dataKey: 's0', label: 'Utfall 2021' },
      { dataKey: 's1', label: 'Budget 2022' },
    ]);
    expect(chart.data.find((d) => d.key === ids.net)).toEqual({ key: ids.net, label: 'Nettoomsättning', s0: kr(15_993_973), s1: kr(17_873_120) });
    expect(chart.data).toHaveLength(5);
    expect(chart.axis.unit).toBe('mnkr');
    expect(chart.missing).toEqual([]);
    expect(chart.table.headers).toEqual(['Rad', 'Utfall 2021', 'Budget 2022']);
    expect(chart.table.rows[3]).toEqual({ header: 'Övriga externa kostnader', cells: [formatOre(kr(-15_948_991)), formatOre(kr(-17_460_714))] });
  });

  it('for a year, sets its budget against its outcome and says what is missing', () => {
    const plan = budgetVsOutcomeChart(budgetTable(planBudget()), { year: 2022 });
    expect(plan.missing).toEqual(['Det finns inget utfall för 2022.']);
    expect(plan.data.every((d) => d.s1 === null)).toBe(true);
    expect(plan.table.rows[0]?.cells[1]).toBe('–');
    const full = budgetVsOutcomeChart(budgetTable(withOutcome2022()), { year: 2022 });
    expect(full.title).toBe('Budget mot utfall 2022');
    expect(full.missing).toEqual([]);
    expect(full.data[0]).toMatchObject({ label: 'Medlemsavgifter', s0: kr(3_400_000), s1: kr(3_450_000) });
  });

  it('can show sub-lines instead of their parent', () => {
    const budget = planBudget();
    budget.lines.push({ id: 'sub', parentId: ids.net, name: 'Bibblix', kind: 'income', order: 1 });
    for (const c of budget.columns) {
      c.amounts.sub = c.amounts[ids.net] ?? 0;
      delete c.amounts[ids.net];
    }
    const chart = budgetVsOutcomeChart(budgetTable(budget), { columnIds: [ids.outcome2021, ids.budget2022] }, { level: 'leaves' });
    expect(chart.data.map((d) => d.label)).toEqual(['Medlemsavgifter', 'Bibblix', 'Övriga intäkter', 'Övriga externa kostnader', 'Personalkostnader']);
  });
});

describe('the make-up of income', () => {
  it('gives donut slices with shares of the 2022 income, leaving out zero lines', () => {
    const makeUp = incomeMakeUp(budgetTable(planBudget()), ids.budget2022);
    expect(makeUp.title).toBe('Intäkternas fördelning, Budget 2022');
    expect(makeUp.totalOre).toBe(kr(21_273_120));
    expect(makeUp.slices.map((s) => s.label)).toEqual(['Medlemsavgifter', 'Nettoomsättning']);
    expect(makeUp.slices[0]?.share).toBeCloseTo(3_400_000 / 21_273_120, 12);
    expect(makeUp.slices.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 12);
    expect(plain(makeUp.slices[1]?.shareLabel ?? '')).toBe('84 %');
    expect(makeUp.excluded).toEqual([{ key: ids.otherIncome, label: 'Övriga intäkter', amountOre: 0 }]);
    expect(makeUp.table.rows.map((r) => r.header)).toEqual(['Medlemsavgifter', 'Nettoomsättning', 'Summa']);
    expect(plain(makeUp.table.rows[2]?.cells[0] ?? '')).toBe('21 273 120 kr');
  });

  it('includes a small income and splits into sub-lines', () => {
    const budget = planBudget();
    budget.lines.push(
      { id: 'sub-a', parentId: ids.net, name: 'Bibblix', kind: 'income', order: 1 },
      { id: 'sub-b', parentId: ids.net, name: 'EGIL', kind: 'income', order: 2 },
    );
    const c2021 = budget.columns.find((c) => c.id === ids.outcome2021);
    if (!c2021) throw new Error('fixture');
    delete c2021.amounts[ids.net];
    c2021.amounts['sub-a'] = kr(5_993_973);
    c2021.amounts['sub-b'] = kr(10_000_000);
    const makeUp = incomeMakeUp(budgetTable(budget), ids.outcome2021);
    expect(makeUp.slices.map((s) => [s.label, s.amountOre])).toEqual([
      ['Medlemsavgifter', kr(3_172_048)],
      ['Bibblix', kr(5_993_973)],
      ['EGIL', kr(10_000_000)],
      ['Övriga intäkter', kr(502)],
    ]);
    expect(makeUp.totalOre).toBe(kr(19_166_523));
  });

  it('stacks the income of every column, one bar per column', () => {
    const chart = incomeMakeUpOverColumns(budgetTable(planBudget()));
    expect(chart.data.map((d) => d.label)).toEqual(['Utfall 2021', 'Budget 2022']);
    expect(chart.series.map((s) => s.label)).toEqual(['Medlemsavgifter', 'Nettoomsättning', 'Övriga intäkter']);
    expect(chart.data[1]).toMatchObject({ s0: kr(3_400_000), s1: kr(17_873_120), s2: 0 });
    // The axis reaches the top of the tallest stack, not just its tallest segment.
    expect(chart.axis.domain[1]).toBeGreaterThanOrEqual(kr(21_273_120));
    expect(chart.table.headers).toEqual(['Kolumn', 'Medlemsavgifter', 'Nettoomsättning', 'Övriga intäkter']);
  });
});

describe('the result over the years', () => {
  it('draws the chosen kind over all years, with the other kinds beside it', () => {
    const chart = resultOverYearsChart(budgetTable(withOutcome2022()));
    expect(chart.years).toEqual([2021, 2022]);
    expect(chart.series.map((s) => [s.kind, s.primary])).toEqual([
      ['utfall', true],
      ['budget', false],
    ]);
    expect(chart.series[0]?.points).toEqual([
      { year: 2021, valueOre: kr(118_471) },
      { year: 2022, valueOre: kr(3_450_000 + 17_000_000 + 1_200 - 17_500_000 - 3_600_000) },
    ]);
    expect(chart.series[1]?.points).toEqual([
      { year: 2021, valueOre: null },
      { year: 2022, valueOre: kr(96_817) },
    ]);
    expect(chart.data[0]).toEqual({ key: '2021', label: '2021', utfall: kr(118_471), budget: null });
    expect(chart.table.headers).toEqual(['År', 'Utfall', 'Budget']);
    expect(chart.table.rows[0]?.cells.map(plain)).toEqual(['118 471 kr', '–']);
    expect(chart.axis.unit).toBe('tkr');
  });

  it('can lead with the budget', () => {
    const chart = resultOverYearsChart(budgetTable(planBudget()), { kind: 'budget' });
    expect(chart.series.map((s) => s.kind)).toEqual(['budget', 'utfall']);
    expect(chart.title).toBe('Verksamhetsresultat över åren');
  });
});

describe('variance per line', () => {
  it('is (outcome − budget) / |budget|, and null when the budget is 0', () => {
    expect(variancePercent(kr(3_400_000), kr(3_450_000))).toBeCloseTo((50_000 / 3_400_000) * 100, 10);
    expect(variancePercent(kr(-3_715_589), kr(-3_600_000))).toBeCloseTo((115_589 / 3_715_589) * 100, 10);
    expect(variancePercent(0, kr(502))).toBeNull();
  });

  it('gives kronor and per cent per line, sub-line, sum and result', () => {
    const chart = varianceChart(budgetTable(withOutcome2022()), { year: 2022 });
    expect(chart.title).toBe('Avvikelse mot budget 2022');
    const row = (key: string) => chart.rows.find((r) => r.key === key);
    expect(row(ids.members)).toMatchObject({ budgetOre: kr(3_400_000), outcomeOre: kr(3_450_000), varianceOre: kr(50_000), favourable: true });
    expect(plain(row(ids.members)?.varianceLabel ?? '')).toBe('+50 000 kr');
    expect(plain(row(ids.members)?.percentLabel ?? '')).toBe('+1,5 %');
    // Less cost than budgeted is a positive, favourable variance.
    expect(row(ids.staff)).toMatchObject({ varianceOre: kr(115_589), favourable: true });
    expect(plain(row(ids.staff)?.percentLabel ?? '')).toBe('+3,1 %');
    expect(row(ids.external)).toMatchObject({ varianceOre: kr(-39_286), favourable: false });
    expect(row(ids.otherIncome)).toMatchObject({ budgetOre: 0, varianceOre: kr(1_200), variancePercent: null, percentLabel: '–' });
    const result = row('result');
    expect(result).toMatchObject({ type: 'total', budgetOre: kr(96_817), outcomeOre: kr(-648_800), varianceOre: kr(-745_617) });
    expect(chart.rows.map((r) => r.key)).toEqual([ids.members, ids.net, ids.otherIncome, 'sum-income', ids.external, ids.staff, 'sum-cost', 'result']);
    expect(chart.data.map((d) => d.key)).toEqual([ids.members, ids.net, ids.otherIncome, ids.external, ids.staff, 'result']);
    expect(chart.table.headers).toEqual(['Rad', 'Budget 2022', 'Utfall 2022', 'Avvikelse', 'Avvikelse i procent']);
    expect(chart.table.rows).toHaveLength(chart.rows.length);
    expect(chart.axis.unit).toBe('tkr');
  });

  it('covers sub-lines', () => {
    const budget = withOutcome2022();
    budget.lines.push({ id: 'sub', parentId: ids.net, name: 'Bibblix', kind: 'income', order: 1 });
    for (const c of budget.columns) {
      c.amounts.sub = c.amounts[ids.net] ?? 0;
      delete c.amounts[ids.net];
    }
    const chart = varianceChart(budgetTable(budget), { year: 2022 });
    expect(chart.rows.find((r) => r.key === 'sub')).toMatchObject({ depth: 1, varianceOre: kr(-873_120) });
    expect(chart.rows.find((r) => r.key === ids.net)).toMatchObject({ depth: 0, varianceOre: kr(-873_120) });
  });

  it('is empty, with a reason, when a column is missing', () => {
    const chart = varianceChart(budgetTable(planBudget()), { year: 2021 });
    expect(chart.rows).toEqual([]);
    expect(chart.missing).toEqual(['Det finns ingen budget för 2021.']);
  });
});
