/**
 * «Vad registret säger»: `budget/register-comparison` -> figures, the core's explanation and a grouped bar
 * chart (register, budget, outcome per source) with its table alternative. The axis is the core's.
 */
import type { BudgetRegisterComparison, BudgetTable } from '../../../electron/contract';
import { formatOre, formatOreSigned } from '../../../electron/core/domain/amounts';
import { axisScale, axisWidthPx, type AxisScale, type ChartDataRow, type ChartSeries, type ChartTable } from '../../../electron/core/domain/budget-charts';
import { sv } from '../../lib/i18n/sv';

const t = sv.budget.register;

/** Years to choose among: every year with a column. */
export function registerYears(table: Pick<BudgetTable, 'columns'>): number[] {
  return [...new Set(table.columns.map((c) => c.year))].sort((a, b) => a - b);
}

/**
 * The year shown first: the latest with a budget (what the secretariat checks the register against),
 * else the latest year with any column, else `fallback` (this year).
 */
export function defaultRegisterYear(table: Pick<BudgetTable, 'columns'>, fallback: number): number {
  const budgets = table.columns.filter((c) => c.kind === 'budget').map((c) => c.year);
  if (budgets.length > 0) return Math.max(...budgets);
  const years = registerYears(table);
  return years[years.length - 1] ?? fallback;
}

export type RegisterFigureVm = { key: string; term: string; value: string; strong: boolean };

export type RegisterCardVm = {
  key: string;
  title: string;
  figures: RegisterFigureVm[];
  /** The core's sentence comparing the figures. */
  explanation: string;
  /** The core's sentences on what lies behind the register figure. */
  reasons: string[];
  linked: boolean;
};

export type RegisterChartVm = {
  title: string;
  series: ChartSeries[];
  data: ChartDataRow[];
  axis: AxisScale;
  axisWidth: number;
  table: ChartTable;
};

export type RegisterVm = { year: number; cards: RegisterCardVm[]; chart: RegisterChartVm };

export function registerVm(comparison: BudgetRegisterComparison, table: Pick<BudgetTable, 'columns'>): RegisterVm {
  const labelOf = (id: string | undefined) => table.columns.find((c) => c.id === id)?.label;
  const budgetLabel = labelOf(comparison.budgetColumnId);
  const outcomeLabel = labelOf(comparison.outcomeColumnId);

  const cards = comparison.rows.map((row): RegisterCardVm => {
    const figures: RegisterFigureVm[] = [{ key: 'register', term: t.fromRegister, value: formatOre(row.registerOre), strong: true }];
    for (const [key, figure, label] of [
      ['budget', row.budget, budgetLabel],
      ['outcome', row.outcome, outcomeLabel],
    ] as const) {
      if (!figure || !label) continue;
      figures.push({ key, term: label, value: formatOre(figure.amountOre), strong: false });
      figures.push({ key: `${key}-difference`, term: t.difference(label), value: formatOreSigned(figure.differenceOre), strong: false });
    }
    return {
      key: row.source,
      title: row.label,
      figures,
      explanation: row.explanation,
      reasons: row.reasons,
      linked: row.lineId !== undefined,
    };
  });

  const series: ChartSeries[] = [
    { dataKey: 's0', label: t.seriesRegister },
    ...(budgetLabel ? [{ dataKey: 's1', label: budgetLabel }] : []),
    ...(outcomeLabel ? [{ dataKey: 's2', label: outcomeLabel }] : []),
  ];
  const data: ChartDataRow[] = comparison.rows.map((row) => ({
    key: row.source,
    label: row.label,
    s0: row.registerOre,
    s1: row.budget?.amountOre ?? null,
    s2: row.outcome?.amountOre ?? null,
  }));
  const axis = axisScale(data.flatMap((d) => series.map((s) => d[s.dataKey] as number | null)));
  const title = t.chartTitle(String(comparison.year));
  const money = (v: string | number | null | undefined) => (typeof v === 'number' ? formatOre(v) : '–');
  return {
    year: comparison.year,
    cards,
    chart: {
      title,
      series,
      data,
      axis,
      axisWidth: axisWidthPx(axis.widthChars, 12),
      table: {
        caption: title,
        headers: [sv.budget.lineColumn, ...series.map((s) => s.label)],
        rows: data.map((d) => ({ header: d.label, cells: series.map((s) => money(d[s.dataKey])) })),
      },
    },
  };
}
