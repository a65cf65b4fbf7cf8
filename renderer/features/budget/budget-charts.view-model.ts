/**
 * What the Budget screen's charts draw: the core's chart models (`budget-charts.ts`) for the chosen columns,
 * plus the drawing choices the core leaves to the screen: axis widths in pixels, series styles that stay
 * apart in greyscale (lightness and pattern, never hue alone), wrapped category labels.
 */
import type { BudgetTable } from '../../../electron/contract';
import {
  axisWidthPx,
  budgetVsOutcomeChart,
  incomeMakeUpOverColumns,
  resultOverYearsChart,
  varianceChart,
  type AxisScale,
  type GroupedBarChart,
  type ResultOverYearsChart,
  type StackedBarChart,
  type VarianceChart,
} from '../../../electron/core/domain/budget-charts';
import type { BudgetColumnKind } from '../../../electron/core/store/schema';
import { sv } from '../../lib/i18n/sv';

// ---------------------------------------------------------------- styles that survive greyscale

export type PatternKind = 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal' | 'vertical';
export type MarkerKind = 'circle' | 'square' | 'triangle';

export type SeriesStyle = {
  /** Base colour; lightness steps are far apart, so the series differ in greyscale too. */
  color: string;
  /** Colour of the pattern's lines and of the outline. */
  ink: string;
  pattern: PatternKind;
};

export type LineStyle = { color: string; dash?: string; marker: MarkerKind; width: number };

/**
 * Bars: dark solid, mid with diagonal hatch, light with dots, then more patterns. Relative luminance steps
 * of about 0.15-0.3 between neighbours, so greyscale print keeps them apart even without the patterns.
 */
export const barStyles: readonly SeriesStyle[] = [
  { color: '#1b3a6b', ink: '#1b3a6b', pattern: 'solid' },
  { color: '#8fb4e3', ink: '#1b3a6b', pattern: 'diagonal' },
  { color: '#e8eef7', ink: '#3b4a5e', pattern: 'dots' },
  { color: '#c07a12', ink: '#5a3800', pattern: 'cross' },
  { color: '#f3d9a6', ink: '#5a3800', pattern: 'horizontal' },
  { color: '#5e5e5e', ink: '#1a1a1a', pattern: 'vertical' },
];

export const barStyle = (index: number): SeriesStyle => barStyles[index % barStyles.length] ?? barStyles[0]!;

/** Result lines: outcome solid and darkest, budget dashed, forecast dotted, each with its own marker. */
export const lineStyles: Record<BudgetColumnKind, LineStyle> = {
  utfall: { color: '#1b3a6b', marker: 'circle', width: 3 },
  budget: { color: '#5b7fb5', dash: '8 4', marker: 'square', width: 2.5 },
  prognos: { color: '#8a6200', dash: '2 4', marker: 'triangle', width: 2.5 },
};

/** Variance bars: better than budget dark green and solid, worse light red and hatched. */
export const varianceStyles = {
  favourable: { color: '#1e6b34', ink: '#1e6b34', pattern: 'solid' },
  unfavourable: { color: '#f1a7a7', ink: '#8a1c1c', pattern: 'diagonal' },
} as const satisfies Record<string, SeriesStyle>;

/** A `fill` for a style: a plain colour, or a reference to the pattern drawn with that style. */
export function fillFor(style: SeriesStyle, patternId: string): string {
  return style.pattern === 'solid' ? style.color : `url(#${patternId})`;
}

/** Pattern ids must be valid in `url(#…)`: React's ids contain characters that are not. */
export function safeId(raw: string): string {
  return raw.replace(/[^A-Za-z0-9_-]/g, '');
}

// ---------------------------------------------------------------- labels

/** Width of a piece of text: characters by default, pixels when the screen passes a real measure. */
export type Measure = (text: string) => number;
const countChars: Measure = (text) => [...text].length;

/** Splits a word too wide for a line into even pieces, each but the last ending in a hyphen. */
function breakWord(word: string, maxWidth: number, measure: Measure): string[] {
  const chars = [...word];
  for (let pieces = 2; pieces <= chars.length; pieces += 1) {
    const size = Math.ceil(chars.length / pieces);
    const parts: string[] = [];
    for (let i = 0; i < chars.length; i += size) parts.push(chars.slice(i, i + size).join(''));
    const hyphenated = parts.map((p, i) => (i < parts.length - 1 ? `${p}-` : p));
    if (hyphenated.every((p) => measure(p) <= maxWidth)) return hyphenated;
  }
  return chars;
}

/**
 * Splits a category label into lines no wider than `maxWidth` (characters, or pixels with a pixel
 * `measure`), at spaces, so no axis label is clipped or runs into its neighbour. A single word wider than a
 * line (`Personalkostnader` in a narrow band) is broken with a hyphen rather than left to overflow.
 */
export function wrapLabel(text: string, maxWidth: number, measure: Measure = countChars): string[] {
  const words = text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => (measure(word) <= maxWidth ? [word] : breakWord(word, maxWidth, measure)));
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current === '') current = word;
    else if (!current.endsWith('-') && measure(`${current} ${word}`) <= maxWidth) current = `${current} ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines;
}

// ---------------------------------------------------------------- which columns to compare

export type ColumnPair = { baseId: string; otherId: string };

/**
 * The columns compared by default: the latest year with a budget and an outcome, else a budget and a forecast of
 * the same year; else the latest budget beside the latest outcome (Budget 2022 beside Utfall 2021 in the plan),
 * shown side by side as a reference but never as a variance; else the last two columns.
 */
export function defaultPair(table: BudgetTable): ColumnPair | undefined {
  const cols = table.columns;
  const years = [...new Set(cols.map((c) => c.year))].sort((a, b) => b - a);
  const find = (year: number, kind: BudgetColumnKind) => cols.find((c) => c.year === year && c.kind === kind);
  for (const kind of ['utfall', 'prognos'] as const) {
    for (const year of years) {
      const base = find(year, 'budget');
      const other = find(year, kind);
      if (base && other) return { baseId: base.id, otherId: other.id };
    }
  }
  const latest = (kind: BudgetColumnKind) => [...cols].reverse().find((c) => c.kind === kind);
  const base = latest('budget');
  const other = latest('utfall');
  if (base && other) return { baseId: base.id, otherId: other.id };
  const last = cols[cols.length - 1];
  const before = cols[cols.length - 2];
  return last && before ? { baseId: last.id, otherId: before.id } : undefined;
}

/** The chosen pair while both its columns exist and differ; otherwise the default. */
export function effectivePair(table: BudgetTable, chosen: Partial<ColumnPair> | undefined): ColumnPair | undefined {
  const exists = (id: string | undefined) => id !== undefined && table.columns.some((c) => c.id === id);
  const fallback = defaultPair(table);
  const baseId = exists(chosen?.baseId) ? chosen?.baseId : fallback?.baseId;
  let otherId = exists(chosen?.otherId) ? chosen?.otherId : fallback?.otherId;
  if (baseId !== undefined && otherId === baseId) otherId = table.columns.find((c) => c.id !== baseId)?.id;
  return baseId !== undefined && otherId !== undefined ? { baseId, otherId } : undefined;
}

// ---------------------------------------------------------------- the charts

export type WithAxis = { axisWidth: number };

export type ChartsVm = {
  pair?: ColumnPair;
  columnOptions: { id: string; label: string }[];
  budgetVsOutcome?: GroupedBarChart & WithAxis;
  income: StackedBarChart & WithAxis;
  result: ResultOverYearsChart & WithAxis;
  variance?: VarianceChart & WithAxis & { labels: Record<string, string> };
  /** Why there is no variance chart when the compared columns are of different years. */
  varianceNote?: string;
  hasAmounts: boolean;
};

const withAxis = <T extends { axis: AxisScale }>(chart: T): T & WithAxis => ({ ...chart, axisWidth: axisWidthPx(chart.axis.widthChars, 12) });

export function chartsVm(table: BudgetTable, chosen?: Partial<ColumnPair>): ChartsVm {
  const pair = effectivePair(table, chosen);
  const selection = pair ? { columnIds: [pair.baseId, pair.otherId] as [string, string] } : undefined;
  // A variance only within one year: another year's outcome stands beside the budget as a reference.
  const [base, other] = pair ? [pair.baseId, pair.otherId].map((id) => table.columns.find((c) => c.id === id)) : [];
  const sameYear = base !== undefined && other !== undefined && base.year === other.year;
  const variance = selection && sameYear ? varianceChart(table, selection) : undefined;
  const hasAmounts = table.sections.some((s) => s.rows.some((r) => r.cells.some((c) => c.amountOre !== 0)));
  return {
    ...(pair ? { pair } : {}),
    columnOptions: table.columns.map((c) => ({ id: c.id, label: c.label })),
    ...(selection ? { budgetVsOutcome: withAxis(budgetVsOutcomeChart(table, selection)) } : {}),
    income: withAxis(incomeMakeUpOverColumns(table)),
    result: withAxis(resultOverYearsChart(table)),
    ...(variance
      ? {
          variance: {
            ...withAxis(variance),
            // The per cent under each bar's name, by the bar's key.
            labels: Object.fromEntries(variance.rows.map((r) => [r.key, r.percentLabel])),
          },
        }
      : {}),
    ...(base && other && !sameYear ? { varianceNote: sv.budget.charts.crossYear(base.label, other.label) } : {}),
    hasAmounts,
  };
}
