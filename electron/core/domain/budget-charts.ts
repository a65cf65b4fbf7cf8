/**
 * Chart view-models for the Budget screen and the board pack: pure functions over the `budget/get` table,
 * so React only draws them. Every value is signed öre (costs negative, as in the plan); every chart comes
 * with its Y axis (unit, ticks, labels, a width that fits the longest label) and a table alternative of
 * strings for screen readers.
 *
 * Data rows are ready for recharts: each series has a `dataKey` (`s0`, `s1`, …; never a column or line id,
 * which could clash with `label`), and each row has a `label` for the category axis.
 */
import type { BudgetCell, BudgetColumnView, BudgetRow, BudgetTable, BudgetTotalRow } from '../../contract/channels/budget.channels';
import type { BudgetColumnKind } from '../store/schema';
import { budgetColumnKinds } from '../store/schema';
import {
  chooseCompactUnit,
  compactUnits,
  formatOre,
  formatOreCompact,
  formatOreSigned,
  formatPercentChange,
  formatShare,
} from './amounts';
import { budgetLabels } from './budget';
import type { AxisScale, ChartDataRow, ChartSeries, ChartTable, GroupedBarChart } from '../../contract/model/goals';

export type { AxisScale, ChartTable, ChartSeries, ChartDataRow, GroupedBarChart } from '../../contract/model/goals';

// ---------------------------------------------------------------- axis

const NICE_STEPS = [1, 2, 2.5, 5, 10];

/** The smallest of 1, 2, 2.5, 5 × 10^n that is at least `raw` (kronor). */
function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  return (NICE_STEPS.find((n) => residual <= n + 1e-9) ?? 10) * magnitude;
}

function decimalsFor(step: number): number {
  for (let d = 0; d < 3; d += 1) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return d;
  }
  return 3;
}

/**
 * A Y axis for `values` (öre; null and undefined skipped): zero included, about `tickCount` ticks on round
 * steps (1, 2, 2,5 or 5 × 10^n kronor), the unit chosen by the largest value (`mnkr` from one million kronor,
 * `tkr` from ten thousand) and labels like `15 mnkr`, `2,5 mnkr`, `−20 mnkr`.
 */
export function axisScale(values: readonly (number | null | undefined)[], options: { tickCount?: number } = {}): AxisScale {
  const tickCount = Math.max(2, options.tickCount ?? 5);
  const ore = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).map(Math.round);
  const lo = Math.min(0, ...ore);
  let hi = Math.max(0, ...ore);
  // All zero (or nothing): a small scale, so an empty chart still has an axis.
  if (lo === hi) hi = 100_000;
  // Whole öre from here on, so floor and ceil are exact and the ticks always cover the data.
  const step = Math.max(100, Math.round(niceStep((hi - lo) / 100 / (tickCount - 1)) * 100));
  const ticks: number[] = [];
  for (let i = Math.floor(lo / step); i <= Math.ceil(hi / step); i += 1) ticks.push(i * step || 0);
  // The unit follows the data, not the outermost tick: 873 120 kr reads as `−750 tkr`, not `−0,75 mnkr`.
  const unit = chooseCompactUnit(Math.max(-lo, hi));
  const decimals = decimalsFor(step / 100 / compactUnits[unit].divisorKronor);
  const tickLabels = ticks.map((t) => formatOreCompact(t, unit, decimals));
  return {
    unit,
    unitSpoken: compactUnits[unit].spoken,
    domain: [ticks[0] ?? 0, ticks[ticks.length - 1] ?? 0],
    ticks,
    tickLabels,
    decimals,
    widthChars: Math.max(...tickLabels.map((l) => [...l].length)),
  };
}

/** The tick formatter for an axis (`(ore) => '15 mnkr'`), for charting libraries that take a function. */
export function tickFormatter(axis: Pick<AxisScale, 'unit' | 'decimals'>): (ore: number) => string {
  return (ore) => formatOreCompact(ore, axis.unit, axis.decimals);
}

/**
 * Pixels for an axis of `widthChars` characters at `fontPx`: 0.62 em per character covers the digits, space
 * and `mnkr` of common UI fonts, plus room for the tick mark.
 */
export function axisWidthPx(widthChars: number, fontPx = 12): number {
  return Math.ceil(widthChars * fontPx * 0.62) + 10;
}

// ---------------------------------------------------------------- shared shapes

const DASH = '–';
const money = (ore: number | null | undefined) => (ore === null || ore === undefined ? DASH : formatOre(ore));

function cellIn(cells: readonly BudgetCell[], columnId: string): BudgetCell | undefined {
  return cells.find((c) => c.columnId === columnId);
}

function allRows(table: BudgetTable): BudgetRow[] {
  return table.sections.flatMap((s) => s.rows);
}

export type LineLevel = 'lines' | 'leaves' | 'all';

/** `lines`: the statement's own lines; `leaves`: what is typed (sub-lines instead of their parent); `all`: both. */
function rowsAt(rows: readonly BudgetRow[], level: LineLevel): BudgetRow[] {
  if (level === 'lines') return rows.filter((r) => r.depth === 0);
  if (level === 'leaves') return rows.filter((r) => r.isLeaf);
  return [...rows];
}

function findColumn(table: BudgetTable, year: number, kind: BudgetColumnKind): BudgetColumnView | undefined {
  return table.columns.find((c) => c.year === year && c.kind === kind);
}

export type ColumnPair = { year: number } | { columnIds: [string, string] };

/** The pair to compare: the year's budget and outcome, or two chosen columns (first is the base). */
function resolvePair(table: BudgetTable, selection: ColumnPair) {
  if ('year' in selection) {
    const base = findColumn(table, selection.year, 'budget');
    const other = findColumn(table, selection.year, 'utfall');
    const missing = [
      ...(base ? [] : [`Det finns ingen budget för ${selection.year}.`]),
      ...(other ? [] : [`Det finns inget utfall för ${selection.year}.`]),
    ];
    return {
      labels: [`Budget ${selection.year}`, `Utfall ${selection.year}`] as const,
      base,
      other,
      missing,
    };
  }
  const [a, b] = selection.columnIds.map((id) => table.columns.find((c) => c.id === id));
  const missing = [a, b].flatMap((c, i) => (c ? [] : [`Kolumn ${i + 1} finns inte.`]));
  return { labels: [a?.label ?? DASH, b?.label ?? DASH] as const, base: a, other: b, missing };
}

// ---------------------------------------------------------------- budget against outcome (grouped bars)

/**
 * Budget against outcome per line: for a year (that year's budget and utfall) or for any two columns (e.g.
 * Utfall 2021 against Budget 2022). Lines of the statement by default; `level: 'leaves'` shows sub-lines.
 */
export function budgetVsOutcomeChart(table: BudgetTable, selection: ColumnPair, options: { level?: LineLevel } = {}): GroupedBarChart {
  const pair = resolvePair(table, selection);
  const columns = [pair.base, pair.other];
  const series: ChartSeries[] = pair.labels.map((label, i) => ({ dataKey: `s${i}`, label }));
  const rows = rowsAt(allRows(table), options.level ?? 'lines');
  const data: ChartDataRow[] = rows.map((row) => {
    const out: ChartDataRow = { key: row.lineId, label: row.name };
    columns.forEach((column, i) => {
      out[`s${i}`] = column ? (cellIn(row.cells, column.id)?.amountOre ?? 0) : null;
    });
    return out;
  });
  const values = data.flatMap((d) => series.map((s) => d[s.dataKey] as number | null));
  const title = 'year' in selection ? `Budget mot utfall ${selection.year}` : `${pair.labels[0]} mot ${pair.labels[1]}`;
  return {
    title,
    series,
    data,
    axis: axisScale(values),
    missing: pair.missing,
    table: {
      caption: title,
      headers: ['Rad', ...series.map((s) => s.label)],
      rows: data.map((d) => ({ header: d.label, cells: series.map((s) => money(d[s.dataKey] as number | null)) })),
    },
  };
}

// ---------------------------------------------------------------- the make-up of income

export type IncomeSlice = {
  key: string;
  label: string;
  amountOre: number;
  /** Fraction of the positive income total (0–1). */
  share: number;
  shareLabel: string;
  valueLabel: string;
};

export type IncomeMakeUp = {
  title: string;
  columnId: string;
  slices: IncomeSlice[];
  totalOre: number;
  /** Lines left out of the donut because they are zero or negative (a donut cannot show them). */
  excluded: { key: string; label: string; amountOre: number }[];
  table: ChartTable;
};

/**
 * What the income of one column is made of, as donut (or single stacked bar) slices with shares of the
 * positive total. `level: 'leaves'` (default) splits Nettoomsättning into its sub-lines when it has them.
 */
export function incomeMakeUp(table: BudgetTable, columnId: string, options: { level?: LineLevel } = {}): IncomeMakeUp {
  const column = table.columns.find((c) => c.id === columnId);
  const title = `Intäkternas fördelning${column ? `, ${column.label}` : ''}`;
  const income = table.sections.find((s) => s.kind === 'income');
  const rows = rowsAt(income?.rows ?? [], options.level === 'all' ? 'leaves' : (options.level ?? 'leaves'));
  const amounts = rows.map((r) => ({ key: r.lineId, label: r.name, amountOre: cellIn(r.cells, columnId)?.amountOre ?? 0 }));
  const positive = amounts.filter((a) => a.amountOre > 0);
  const totalOre = positive.reduce((sum, a) => sum + a.amountOre, 0);
  const slices = positive.map((a) => {
    const share = a.amountOre / totalOre;
    return { ...a, share, shareLabel: formatShare(share), valueLabel: formatOre(a.amountOre) };
  });
  return {
    title,
    columnId,
    slices,
    totalOre,
    excluded: amounts.filter((a) => a.amountOre <= 0),
    table: {
      caption: title,
      headers: ['Intäkt', 'Belopp', 'Andel'],
      rows: [
        ...slices.map((s) => ({ header: s.label, cells: [s.valueLabel, s.shareLabel] })),
        { header: 'Summa', cells: [formatOre(totalOre), totalOre > 0 ? formatShare(1) : DASH] },
      ],
    },
  };
}

export type StackedBarChart = {
  title: string;
  /** One series per income line (the stack's segments). */
  series: (ChartSeries & { key: string })[];
  /** One row per column (the bars). */
  data: ChartDataRow[];
  axis: AxisScale;
  table: ChartTable;
};

/**
 * The make-up of income across columns (all by default, in table order): one stacked bar per column, one
 * segment per line of the statement (`level: 'leaves'` splits them into sub-lines).
 */
export function incomeMakeUpOverColumns(
  table: BudgetTable,
  options: { columnIds?: string[]; level?: LineLevel } = {},
): StackedBarChart {
  const columns = options.columnIds
    ? options.columnIds.flatMap((id) => table.columns.filter((c) => c.id === id))
    : table.columns;
  const income = table.sections.find((s) => s.kind === 'income');
  const rows = rowsAt(income?.rows ?? [], options.level === 'all' ? 'leaves' : (options.level ?? 'lines'));
  const series = rows.map((r, i) => ({ dataKey: `s${i}`, key: r.lineId, label: r.name }));
  const data = columns.map((column) => {
    const out: ChartDataRow = { key: column.id, label: column.label };
    rows.forEach((r, i) => {
      out[`s${i}`] = cellIn(r.cells, column.id)?.amountOre ?? 0;
    });
    return out;
  });
  // A stack reaches the sum of its positive parts (and down to the sum of its negative ones).
  const extents = data.flatMap((d) => {
    const parts = series.map((s) => d[s.dataKey] as number);
    return [parts.filter((v) => v > 0).reduce((a, b) => a + b, 0), parts.filter((v) => v < 0).reduce((a, b) => a + b, 0)];
  });
  const title = 'Intäkternas fördelning över åren';
  return {
    title,
    series,
    data,
    axis: axisScale(extents),
    table: {
      caption: title,
      headers: ['Kolumn', ...series.map((s) => s.label)],
      rows: data.map((d) => ({ header: d.label, cells: series.map((s) => money(d[s.dataKey] as number)) })),
    },
  };
}

// ---------------------------------------------------------------- the result over the years

export type ResultSeries = ChartSeries & {
  kind: BudgetColumnKind;
  /** The kind chosen to lead (drawn strongest); the other kinds follow. */
  primary: boolean;
  points: { year: number; valueOre: number | null }[];
};

export type ResultOverYearsChart = {
  title: string;
  years: number[];
  series: ResultSeries[];
  /** One row per year, `label` the year; a kind with no column that year is null (a gap in its line). */
  data: ChartDataRow[];
  axis: AxisScale;
  table: ChartTable;
};

/**
 * Verksamhetsresultat per year: one line for `kind` (utfall by default) over every year with a column, plus
 * one line for each other kind that has at least one column.
 */
export function resultOverYearsChart(table: BudgetTable, options: { kind?: BudgetColumnKind } = {}): ResultOverYearsChart {
  const primaryKind = options.kind ?? 'utfall';
  const years = [...new Set(table.columns.map((c) => c.year))].sort((a, b) => a - b);
  const kinds = [primaryKind, ...budgetColumnKinds.filter((k) => k !== primaryKind && table.columns.some((c) => c.kind === k))];
  const resultOf = (year: number, kind: BudgetColumnKind): number | null => {
    const column = findColumn(table, year, kind);
    return column ? (cellIn(table.result.cells, column.id)?.amountOre ?? 0) : null;
  };
  const series: ResultSeries[] = kinds.map((kind) => ({
    dataKey: kind,
    label: budgetLabels.columnKinds[kind],
    kind,
    primary: kind === primaryKind,
    points: years.map((year) => ({ year, valueOre: resultOf(year, kind) })),
  }));
  const data = years.map((year) => {
    const out: ChartDataRow = { key: String(year), label: String(year) };
    for (const s of series) out[s.dataKey] = s.points.find((p) => p.year === year)?.valueOre ?? null;
    return out;
  });
  const title = `${budgetLabels.totals.result} över åren`;
  return {
    title,
    years,
    series,
    data,
    axis: axisScale(series.flatMap((s) => s.points.map((p) => p.valueOre))),
    table: {
      caption: title,
      headers: ['År', ...series.map((s) => s.label)],
      rows: data.map((d) => ({ header: d.label, cells: series.map((s) => money(d[s.dataKey] as number | null)) })),
    },
  };
}

// ---------------------------------------------------------------- variance per line

export type VarianceRow = {
  key: string;
  label: string;
  /** `line` for a line of the budget (with its depth), `total` for the sums and the result. */
  type: 'line' | 'total';
  depth: number;
  budgetOre: number;
  outcomeOre: number;
  /** Outcome minus budget. Since costs are negative, a positive variance is always the better outcome. */
  varianceOre: number;
  /** (outcome − budget) / |budget| in per cent; null when the budget is 0. */
  variancePercent: number | null;
  /** More income or less cost than budgeted; null when on budget. */
  favourable: boolean | null;
  varianceLabel: string;
  percentLabel: string;
};

export type VarianceChart = {
  title: string;
  budgetColumn?: BudgetColumnView;
  outcomeColumn?: BudgetColumnView;
  rows: VarianceRow[];
  /** Bars of the variance in kronor for the statement's lines and the result. */
  series: ChartSeries[];
  data: ChartDataRow[];
  axis: AxisScale;
  table: ChartTable;
  missing: string[];
};

export function variancePercent(budgetOre: number, outcomeOre: number): number | null {
  if (budgetOre === 0) return null;
  return ((outcomeOre - budgetOre) / Math.abs(budgetOre)) * 100;
}

/**
 * Outcome against budget per line, in kronor and per cent: for a year (its budget and utfall) or two chosen
 * columns, the first being the budget. Rows cover every line (sub-lines included), both sums and the result.
 */
export function varianceChart(table: BudgetTable, selection: ColumnPair): VarianceChart {
  const pair = resolvePair(table, selection);
  const title = 'year' in selection ? `Avvikelse mot budget ${selection.year}` : `Avvikelse: ${pair.labels[1]} mot ${pair.labels[0]}`;
  const { base, other } = pair;
  const rows: VarianceRow[] = [];
  if (base && other) {
    const push = (key: string, label: string, type: VarianceRow['type'], depth: number, cells: readonly BudgetCell[]) => {
      const budgetOre = cellIn(cells, base.id)?.amountOre ?? 0;
      const outcomeOre = cellIn(cells, other.id)?.amountOre ?? 0;
      const varianceOre = outcomeOre - budgetOre;
      const percent = variancePercent(budgetOre, outcomeOre);
      rows.push({
        key,
        label,
        type,
        depth,
        budgetOre,
        outcomeOre,
        varianceOre,
        variancePercent: percent,
        favourable: varianceOre === 0 ? null : varianceOre > 0,
        varianceLabel: formatOreSigned(varianceOre),
        percentLabel: percent === null ? DASH : formatPercentChange(percent),
      });
    };
    const total = (t: BudgetTotalRow) => push(t.key, t.label, 'total', 0, t.cells);
    for (const section of table.sections) {
      for (const row of section.rows) push(row.lineId, row.name, 'line', row.depth, row.cells);
      total(section.total);
    }
    total(table.result);
  }
  const bars = rows.filter((r) => (r.type === 'line' && r.depth === 0) || r.key === 'result');
  const series: ChartSeries[] = [{ dataKey: 's0', label: 'Avvikelse' }];
  const data = bars.map((r): ChartDataRow => ({ key: r.key, label: r.label, s0: r.varianceOre }));
  return {
    title,
    ...(base ? { budgetColumn: base } : {}),
    ...(other ? { outcomeColumn: other } : {}),
    rows,
    series,
    data,
    axis: axisScale(bars.map((r) => r.varianceOre)),
    missing: pair.missing,
    table: {
      caption: title,
      headers: ['Rad', pair.labels[0], pair.labels[1], 'Avvikelse', 'Avvikelse i procent'],
      rows: rows.map((r) => ({
        header: r.label,
        cells: [formatOre(r.budgetOre), formatOre(r.outcomeOre), r.varianceLabel, r.percentLabel],
      })),
    },
  };
}
