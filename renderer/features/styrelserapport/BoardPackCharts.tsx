import type { ReactElement, ReactNode } from 'react';
import { makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  Pie,
  PieChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { BoardPackContent } from '../../../electron/contract';
import { formatNumber, formatPercent, formatKr } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import {
  budgetChart,
  coverageChart,
  distributionChart,
  membersChart,
  networksChart,
  population,
  sharesChart,
  type DataTableVm,
} from './board-pack.view-model';

const t = sv.styrelserapport.charts;

/** Colours with at least 4.5:1 against white; bars also carry their figures as labels, so colour is never the only cue. */
export const chartColors = {
  blue: '#0f6cbd',
  green: '#0e700e',
  red: '#c50f1f',
  grey: '#616161',
  orange: '#8a3707',
  light: '#c7d6ea',
} as const;
const text = { fontSize: 12, fill: '#242424' } as const;

const useStyles = makeStyles({
  figure: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
    breakInside: 'avoid',
  },
  card: {
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  bigFigure: {
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
  donutRow: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXL, flexWrap: 'wrap' },
  tooltip: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
  },
});

export type ChartLayout = {
  /** Fixed width in pixels (the print layout); the screen fills its column. */
  width?: number;
  /** Cards with a shadow on the screen; plain figures on paper. */
  card?: boolean;
  headingLevel?: 2 | 3;
};

function SrTable({ table, caption }: { table: DataTableVm; caption: string }) {
  const styles = useStyles();
  return (
    <table className={styles.hidden}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {table.headers.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((c, i) => (i === 0 ? <th key={i} scope="row">{c}</th> : <td key={i}>{c}</td>))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChartFigure(props: {
  id: string;
  title: string;
  intro?: ReactNode;
  layout: ChartLayout;
  table?: DataTableVm;
  className?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const headingId = useId('chart');
  const Heading = props.layout.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <figure
      className={mergeClasses(styles.figure, props.layout.card !== false && styles.card, props.className)}
      aria-labelledby={headingId}
      data-chart={props.id}
    >
      <Heading id={headingId} className={styles.heading}>
        {props.title}
      </Heading>
      {props.intro !== undefined && <p className={styles.intro}>{props.intro}</p>}
      {props.children}
      {props.table && <SrTable table={props.table} caption={props.title} />}
    </figure>
  );
}

/** A recharts chart at a fixed size on paper, or filling its column on the screen. */
function Sized({ layout, height, label, children }: { layout: ChartLayout; height: number; label: string; children: ReactElement }) {
  if (layout.width !== undefined) {
    return (
      <div role="img" aria-label={label} style={{ width: layout.width, height }}>
        {children}
      </div>
    );
  }
  return (
    <div role="img" aria-label={label} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height={height}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** Recharts needs the size on the chart itself when no ResponsiveContainer measures it. */
function size(layout: ChartLayout, height: number) {
  return layout.width !== undefined ? { width: layout.width, height } : {};
}

function SimpleTooltip(props: { active?: boolean; label?: unknown; payload?: ReadonlyArray<{ name?: unknown; value?: unknown; dataKey?: unknown }>; format: (v: number) => string }) {
  const styles = useStyles();
  if (!props.active || !props.payload || props.payload.length === 0) return null;
  return (
    <div className={styles.tooltip}>
      <div>{String(props.label ?? '')}</div>
      {props.payload.map((p) => (
        <div key={String(p.dataKey)}>
          {String(p.name ?? '')}: {typeof p.value === 'number' ? props.format(p.value) : '–'}
        </div>
      ))}
    </div>
  );
}

const margin = { top: 16, right: 24, bottom: 4, left: 4 };

export function MembersChart({ content, layout }: { content: BoardPackContent; layout: ChartLayout }) {
  const vm = membersChart(content);
  const height = 260;
  return (
    <ChartFigure id="members" title={t.members} intro={vm.intro} layout={layout} table={vm.table}>
      <Sized layout={layout} height={height} label={t.members}>
        <ComposedChart data={vm.data} margin={margin} {...size(layout, height)}>
          <CartesianGrid stroke="#e0e0e0" vertical={false} />
          <XAxis dataKey="label" tick={text} />
          <YAxis yAxisId="members" domain={vm.membersDomain} ticks={vm.membersTicks} interval={0} allowDecimals={false} tick={text} width={44} tickFormatter={(v: number) => formatNumber(v)} />
          <YAxis yAxisId="changes" orientation="right" domain={[0, vm.changesMax]} ticks={vm.changesTicks} interval={0} allowDecimals={false} tick={text} width={36} />
          <Tooltip content={<SimpleTooltip format={(v) => formatNumber(v)} />} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="changes" dataKey="joined" name={t.joined} fill={chartColors.green} isAnimationActive={false}>
            <LabelList dataKey="joined" position="top" style={text} formatter={(v: unknown) => (v === 0 ? '' : formatNumber(Number(v)))} />
          </Bar>
          <Bar yAxisId="changes" dataKey="left" name={t.left} fill={chartColors.red} isAnimationActive={false}>
            <LabelList dataKey="left" position="top" style={text} formatter={(v: unknown) => (v === 0 ? '' : formatNumber(Number(v)))} />
          </Bar>
          <Line yAxisId="members" dataKey="members" name={t.membersSeries} stroke={chartColors.blue} strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false}>
            <LabelList dataKey="members" position="top" style={text} />
          </Line>
        </ComposedChart>
      </Sized>
    </ChartFigure>
  );
}

export function DistributionChart({ content, layout }: { content: BoardPackContent; layout: ChartLayout }) {
  const vm = distributionChart(content);
  const height = 220;
  return (
    <ChartFigure id="distribution" title={t.distribution} layout={layout} table={vm.table}>
      <Sized layout={layout} height={height} label={t.distribution}>
        <BarChart data={vm.data} margin={{ ...margin, top: 24 }} {...size(layout, height)}>
          <CartesianGrid stroke="#e0e0e0" vertical={false} />
          <XAxis dataKey="label" tick={text} label={{ value: t.distributionAxis, position: 'insideBottom', offset: -2, style: text }} height={40} />
          <YAxis allowDecimals={false} tick={text} width={40} />
          <Tooltip content={<SimpleTooltip format={(v) => formatNumber(v)} />} />
          <Bar dataKey="count" name={t.distributionSeries} fill={chartColors.blue} isAnimationActive={false}>
            <LabelList dataKey="valueLabel" position="top" style={text} />
          </Bar>
        </BarChart>
      </Sized>
    </ChartFigure>
  );
}

export function SharesChart({ content, layout }: { content: BoardPackContent; layout: ChartLayout }) {
  const vm = sharesChart(content);
  const height = Math.max(120, vm.data.length * 28 + 50);
  return (
    <ChartFigure id="shares" title={t.shares} layout={layout} table={vm.table}>
      <Sized layout={layout} height={height} label={t.shares}>
        <BarChart data={vm.data} layout="vertical" margin={{ ...margin, right: 56 }} {...size(layout, height)}>
          <CartesianGrid stroke="#e0e0e0" horizontal={false} />
          <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => formatPercent(v, 0)} tick={text} />
          <YAxis type="category" dataKey="name" width={vm.axisWidth} tick={text} interval={0} />
          <Tooltip content={<SimpleTooltip format={(v) => formatPercent(v)} />} />
          <ReferenceLine x={0.75} stroke={chartColors.orange} strokeDasharray="6 3" label={{ value: t.threeQuarters, position: 'top', style: { ...text, fill: chartColors.orange } }} />
          <Bar dataKey="share" name={t.sharesSeries} fill={chartColors.blue} isAnimationActive={false} barSize={16}>
            <LabelList dataKey="shareLabel" position="right" style={text} />
          </Bar>
        </BarChart>
      </Sized>
    </ChartFigure>
  );
}

export function NetworksChart({ content, layout }: { content: BoardPackContent; layout: ChartLayout }) {
  const vm = networksChart(content);
  const height = Math.max(120, vm.data.length * 32 + 60);
  return (
    <ChartFigure id="networks" title={t.networks} intro={vm.intro} layout={layout} table={vm.table}>
      {vm.data.length === 0 ? (
        <p>{t.networksEmpty}</p>
      ) : (
        <Sized layout={layout} height={height} label={t.networks}>
          <BarChart data={vm.data} layout="vertical" margin={{ ...margin, right: 40 }} {...size(layout, height)}>
            <CartesianGrid stroke="#e0e0e0" horizontal={false} />
            <XAxis type="number" domain={[0, vm.domainMax]} ticks={vm.ticks} interval={0} allowDecimals={false} tick={text} />
            <YAxis type="category" dataKey="name" width={vm.axisWidth} tick={text} interval={0} />
            <Tooltip content={<SimpleTooltip format={(v) => formatNumber(v)} />} />
            <ReferenceLine x={vm.goal} stroke={chartColors.orange} strokeDasharray="6 3" label={{ value: vm.goalLabel, position: 'top', style: { ...text, fill: chartColors.orange } }} />
            <Bar dataKey="count" name={t.networksSeries} isAnimationActive={false} barSize={18}>
              {vm.data.map((d) => (
                <Cell key={d.key} fill={d.reaches ? chartColors.green : chartColors.blue} />
              ))}
              <LabelList dataKey="count" position="right" style={text} />
            </Bar>
          </BarChart>
        </Sized>
      )}
    </ChartFigure>
  );
}

export function PopulationChart({ content, layout }: { content: BoardPackContent; layout: ChartLayout }) {
  const styles = useStyles();
  const vm = population(content);
  const side = 160;
  return (
    <ChartFigure id="population" title={t.population} layout={layout} intro={vm.intro}>
      {vm.share === undefined ? (
        <p>{t.populationMissing}</p>
      ) : (
        <div className={styles.donutRow}>
          <div role="img" aria-label={`${t.population}: ${vm.shareLabel ?? ''}`} style={{ width: side, height: side }}>
            <PieChart width={side} height={side}>
              <Pie data={vm.slices} dataKey="value" nameKey="label" innerRadius={48} outerRadius={76} startAngle={90} endAngle={-270} isAnimationActive={false} stroke="#ffffff">
                <Cell fill={chartColors.blue} />
                <Cell fill={chartColors.light} />
              </Pie>
            </PieChart>
          </div>
          <div>
            <div className={styles.bigFigure} data-testid="population-share">
              {vm.shareLabel}
            </div>
            <p className={styles.intro}>{vm.sweden}</p>
          </div>
        </div>
      )}
    </ChartFigure>
  );
}

export function CoverageChart({ content, layout }: { content: BoardPackContent; layout: ChartLayout }) {
  const vm = coverageChart(content);
  const height = vm.data.length * 30 + 50;
  return (
    <ChartFigure
      id="coverage"
      title={t.coverage}
      layout={layout}
      table={vm.table}
      intro={
        <>
          {vm.intro} {vm.stale}
        </>
      }
    >
      <Sized layout={layout} height={height} label={t.coverage}>
        <BarChart data={vm.data} layout="vertical" margin={{ ...margin, right: 40 }} {...size(layout, height)}>
          <CartesianGrid stroke="#e0e0e0" horizontal={false} />
          <XAxis type="number" domain={[0, vm.domainMax]} ticks={vm.ticks} interval={0} allowDecimals={false} tick={text} />
          <YAxis type="category" dataKey="label" width={vm.axisWidth} tick={text} interval={0} />
          <Tooltip content={<SimpleTooltip format={(v) => formatNumber(v)} />} />
          <Bar dataKey="missing" name={t.coverageSeries} fill={chartColors.grey} isAnimationActive={false} barSize={16}>
            <LabelList dataKey="missing" position="right" style={text} />
          </Bar>
        </BarChart>
      </Sized>
    </ChartFigure>
  );
}

/** Category ticks that wrap at spaces (`Övriga externa kostnader`) instead of being cut or overlapping. */
function WrappedTick(props: { x?: number | string; y?: number | string; payload?: { value?: unknown }; maxChars: number }) {
  const words = String(props.payload?.value ?? '').split(' ');
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= props.maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const x = Number(props.x ?? 0);
  return (
    <text x={x} y={Number(props.y ?? 0)} textAnchor="middle" {...text}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? '0.9em' : '1.2em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

export function BudgetChart({ content, layout }: { content: BoardPackContent; layout: ChartLayout }) {
  const vm = budgetChart(content);
  const height = 300;
  if (!vm) {
    return (
      <ChartFigure id="budget" title={t.budget} layout={layout}>
        <p>{t.budgetMissing}</p>
      </ChartFigure>
    );
  }
  const colors = [chartColors.blue, chartColors.grey];
  const bandChars = Math.max(8, Math.floor(((layout.width ?? 640) - vm.axisWidth) / Math.max(1, vm.chart.data.length) / 7));
  return (
    <ChartFigure id="budget" title={vm.chart.title} layout={layout} table={vm.table}>
      <Sized layout={layout} height={height} label={vm.chart.title}>
        <BarChart data={vm.chart.data} margin={margin} {...size(layout, height)}>
          <CartesianGrid stroke="#e0e0e0" vertical={false} />
          <XAxis dataKey="label" interval={0} height={52} tick={<WrappedTick maxChars={bandChars} />} />
          <YAxis
            type="number"
            domain={vm.chart.axis.domain}
            ticks={vm.chart.axis.ticks}
            interval={0}
            tickFormatter={vm.tickFormatter}
            tick={text}
            width={vm.axisWidth}
          />
          <ReferenceLine y={0} stroke="#616161" />
          <Tooltip content={<SimpleTooltip format={(v) => formatKr(v)} />} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {vm.chart.series.map((s, i) => (
            <Bar key={s.dataKey} dataKey={s.dataKey} name={s.label} fill={colors[i % colors.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </Sized>
    </ChartFigure>
  );
}
