import { useRef, type ReactElement, type ReactNode } from 'react';
import { makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  LabelList,
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
import { useNearView } from '../../components/useNearView';
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
import { barStyle, fillFor, type SeriesStyle } from '../budget/budget-charts.view-model';
import { AXIS_TITLE_PX, axisTitle, barShape, BarValueLabel, ChartLegend, PatternDefs, usePatternPrefix, type LegendEntry } from '../budget/ChartParts';

const t = sv.styrelserapport.charts;

/**
 * Colours with at least 4.5:1 against white. Colour is never the only cue: bars carry their figures as labels,
 * and series that stand side by side differ in lightness and pattern (`printStyles`), so they stay apart in greyscale.
 */
export const chartColors = {
  blue: '#0f6cbd',
  green: '#0e700e',
  red: '#c50f1f',
  grey: '#616161',
  orange: '#8a3707',
  light: '#c7d6ea',
} as const;
const text = { fontSize: 12, fill: '#242424' } as const;

/** Two series side by side: dark and solid, light and hatched (their greys lie far apart). */
const printStyles = { first: barStyle(0), second: barStyle(1), single: barStyle(0) } as const;
const count = (v: number) => formatNumber(v);

function legendOf(prefix: string, entries: readonly { key: string; label: string; style: SeriesStyle; index: number }[]): LegendEntry[] {
  return entries.map((e) => ({ key: e.key, label: e.label, bar: e.style, fill: fillFor(e.style, `${prefix}-${e.index}`) }));
}

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

/** A recharts chart at a fixed size on paper, or filling its column on the screen once it is near the view. */
function Sized({ layout, height, label, children }: { layout: ChartLayout; height: number; label: string; children: ReactElement }) {
  if (layout.width !== undefined) {
    return (
      <div role="img" aria-label={label} style={{ width: layout.width, height }}>
        {children}
      </div>
    );
  }
  return <OnScreen height={height} label={label} width="100%" responsive>{children}</OnScreen>;
}

/**
 * The screen's chart area: its size is kept from the start, the chart drawn in it when near the view. The
 * charts stand below the goals, so the observer alone decides (no measuring inside the screen's first commit).
 */
function OnScreen(props: { height: number; width: number | string; label: string; responsive?: boolean; children: ReactElement }) {
  const ref = useRef<HTMLDivElement>(null);
  const near = useNearView(ref, '100% 0px', 'observe');
  const chart = props.responsive ? (
    <ResponsiveContainer width="100%" height={props.height}>
      {props.children}
    </ResponsiveContainer>
  ) : (
    props.children
  );
  return (
    <div ref={ref} role="img" aria-label={props.label} data-drawn={near ? 'true' : 'false'} style={{ width: props.width, height: props.height }}>
      {near && chart}
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
  const height = 280;
  const prefix = usePatternPrefix('medlemmar');
  const bars = [
    { key: 'joined', label: t.joined, style: printStyles.first, index: 0 },
    { key: 'left', label: t.left, style: printStyles.second, index: 1 },
  ];
  return (
    <ChartFigure id="members" title={t.members} intro={vm.intro} layout={layout} table={vm.table}>
      <ChartLegend
        entries={[
          { key: 'members', label: t.membersSeries, line: { color: chartColors.blue, marker: 'circle', width: 2.5 } },
          ...legendOf(prefix, bars),
        ]}
      />
      <PatternDefs prefix={prefix} styles={bars.map((b) => b.style)} />
      <Sized layout={layout} height={height} label={t.members}>
        <ComposedChart data={vm.data} margin={margin} {...size(layout, height)}>
          <CartesianGrid stroke="#e0e0e0" vertical={false} />
          <XAxis dataKey="label" tick={text} height={40} label={axisTitle(t.month, 'bottom')} />
          <YAxis
            yAxisId="members"
            domain={vm.membersDomain}
            ticks={vm.membersTicks}
            interval={0}
            allowDecimals={false}
            tick={text}
            width={44 + AXIS_TITLE_PX}
            tickFormatter={(v: number) => formatNumber(v)}
            label={axisTitle(t.membersAxis, 'left')}
          />
          <YAxis
            yAxisId="changes"
            orientation="right"
            domain={[0, vm.changesMax]}
            ticks={vm.changesTicks}
            interval={0}
            allowDecimals={false}
            tick={text}
            width={36 + AXIS_TITLE_PX}
            label={axisTitle(t.changesAxis, 'right')}
          />
          <Tooltip content={<SimpleTooltip format={(v) => formatNumber(v)} />} />
          {vm.goal && (
            <ReferenceLine
              yAxisId="members"
              y={vm.goal.value}
              stroke={chartColors.orange}
              strokeDasharray="6 3"
              strokeWidth={1.5}
              label={{ value: vm.goal.label, position: 'insideTopLeft', style: { ...text, fill: chartColors.orange } }}
            />
          )}
          {bars.map((b) => (
            <Bar key={b.key} yAxisId="changes" dataKey={b.key} name={b.label} fill={fillFor(b.style, `${prefix}-${b.index}`)} stroke={b.style.ink} isAnimationActive={false} shape={barShape}>
              <LabelList dataKey={b.key} content={(p) => <BarValueLabel {...p} format={(v) => (v === 0 ? '' : count(v))} />} />
            </Bar>
          ))}
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
  const height = 240;
  return (
    <ChartFigure id="distribution" title={t.distribution} layout={layout} table={vm.table}>
      <Sized layout={layout} height={height} label={t.distribution}>
        <BarChart data={vm.data} margin={{ ...margin, top: 24 }} {...size(layout, height)}>
          <CartesianGrid stroke="#e0e0e0" vertical={false} />
          <XAxis dataKey="label" tick={text} label={axisTitle(t.distributionAxis, 'bottom')} height={40} />
          <YAxis allowDecimals={false} tick={text} width={40 + AXIS_TITLE_PX} label={axisTitle(t.distributionSeries, 'left')} />
          <Tooltip content={<SimpleTooltip format={(v) => formatNumber(v)} />} />
          <Bar dataKey="count" name={t.distributionSeries} fill={printStyles.single.color} isAnimationActive={false} shape={barShape}>
            <LabelList dataKey="valueLabel" position="top" style={text} />
          </Bar>
        </BarChart>
      </Sized>
    </ChartFigure>
  );
}

export function SharesChart({ content, layout }: { content: BoardPackContent; layout: ChartLayout }) {
  const vm = sharesChart(content);
  const height = Math.max(140, vm.data.length * 28 + 70);
  return (
    <ChartFigure id="shares" title={t.shares} layout={layout} table={vm.table}>
      <Sized layout={layout} height={height} label={t.shares}>
        <BarChart data={vm.data} layout="vertical" margin={{ ...margin, right: 56 }} {...size(layout, height)}>
          <CartesianGrid stroke="#e0e0e0" horizontal={false} />
          <XAxis
            type="number"
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tickFormatter={(v: number) => formatPercent(v, 0)}
            tick={text}
            height={40}
            label={axisTitle(t.sharesSeries, 'bottom')}
          />
          <YAxis type="category" dataKey="name" width={vm.axisWidth + AXIS_TITLE_PX} tick={text} interval={0} label={axisTitle(t.service, 'left')} />
          <Tooltip content={<SimpleTooltip format={(v) => formatPercent(v)} />} />
          <ReferenceLine x={0.75} stroke={chartColors.orange} strokeDasharray="6 3" label={{ value: t.threeQuarters, position: 'top', style: { ...text, fill: chartColors.orange } }} />
          <Bar dataKey="share" name={t.sharesSeries} fill={printStyles.single.color} isAnimationActive={false} shape={barShape} barSize={16}>
            <LabelList dataKey="shareLabel" position="right" style={text} />
          </Bar>
        </BarChart>
      </Sized>
    </ChartFigure>
  );
}

export function NetworksChart({ content, layout }: { content: BoardPackContent; layout: ChartLayout }) {
  const vm = networksChart(content);
  const height = Math.max(140, vm.data.length * 32 + 80);
  const prefix = usePatternPrefix('natverk');
  const kinds = [
    { key: 'reaching', label: t.networksReaching, style: printStyles.first, index: 0 },
    { key: 'below', label: t.networksBelow, style: printStyles.second, index: 1 },
  ];
  const fillOf = (reaches: boolean) => fillFor(reaches ? printStyles.first : printStyles.second, `${prefix}-${reaches ? 0 : 1}`);
  return (
    <ChartFigure id="networks" title={t.networks} intro={vm.intro} layout={layout} table={vm.table}>
      {vm.data.length === 0 ? (
        <p>{t.networksEmpty}</p>
      ) : (
        <>
          {vm.none !== undefined && <p data-testid="networks-none">{vm.none}</p>}
          <ChartLegend entries={legendOf(prefix, kinds)} />
          <PatternDefs prefix={prefix} styles={kinds.map((k) => k.style)} />
          <Sized layout={layout} height={height} label={t.networks}>
            <BarChart data={vm.data} layout="vertical" margin={{ ...margin, right: 40 }} {...size(layout, height)}>
              <CartesianGrid stroke="#e0e0e0" horizontal={false} />
              <XAxis type="number" domain={[0, vm.domainMax]} ticks={vm.ticks} interval={0} allowDecimals={false} tick={text} height={40} label={axisTitle(t.networksSeries, 'bottom')} />
              <YAxis type="category" dataKey="name" width={vm.axisWidth + AXIS_TITLE_PX} tick={text} interval={0} label={axisTitle(t.network, 'left')} />
              <Tooltip content={<SimpleTooltip format={(v) => formatNumber(v)} />} />
              <ReferenceLine x={vm.goal} stroke={chartColors.orange} strokeDasharray="6 3" label={{ value: vm.goalLabel, position: 'top', style: { ...text, fill: chartColors.orange } }} />
              <Bar dataKey="count" name={t.networksSeries} isAnimationActive={false} shape={barShape} barSize={18}>
                {vm.data.map((d) => (
                  <Cell key={d.key} fill={fillOf(d.reaches)} stroke={(d.reaches ? printStyles.first : printStyles.second).ink} />
                ))}
                {/* Every bar says its figure, 0 included: a bar of 0 has no length to see. */}
                <LabelList dataKey="count" content={(p) => <BarValueLabel {...p} horizontal format={count} />} />
              </Bar>
            </BarChart>
          </Sized>
        </>
      )}
    </ChartFigure>
  );
}

/** The donut at its fixed size: always on paper, on the screen once near the view. */
function PopulationDonut({ layout, side, label, children }: { layout: ChartLayout; side: number; label: string; children: ReactElement }) {
  if (layout.width !== undefined) {
    return (
      <div role="img" aria-label={label} style={{ width: side, height: side }}>
        {children}
      </div>
    );
  }
  return <OnScreen height={side} width={side} label={label}>{children}</OnScreen>;
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
          <PopulationDonut layout={layout} side={side} label={`${t.population}: ${vm.shareLabel ?? ''}`}>
            <PieChart width={side} height={side}>
              <Pie data={vm.slices} dataKey="value" nameKey="label" innerRadius={48} outerRadius={76} startAngle={90} endAngle={-270} isAnimationActive={false} stroke="#ffffff">
                <Cell fill={chartColors.blue} />
                <Cell fill={chartColors.light} />
              </Pie>
            </PieChart>
          </PopulationDonut>
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
  const height = vm.data.length * 30 + 70;
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
          <XAxis
            type="number"
            domain={[0, vm.domainMax]}
            ticks={vm.ticks}
            interval={0}
            allowDecimals={false}
            tick={text}
            height={40}
            label={axisTitle(t.coverageSeries, 'bottom')}
          />
          <YAxis type="category" dataKey="label" width={vm.axisWidth + AXIS_TITLE_PX} tick={text} interval={0} label={axisTitle(t.area, 'left')} />
          <Tooltip content={<SimpleTooltip format={(v) => formatNumber(v)} />} />
          <Bar dataKey="missing" name={t.coverageSeries} fill={chartColors.grey} isAnimationActive={false} shape={barShape} barSize={16}>
            <LabelList dataKey="missing" content={(p) => <BarValueLabel {...p} horizontal format={count} />} />
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
  const height = 340;
  const prefix = usePatternPrefix('budget');
  if (!vm) {
    return (
      <ChartFigure id="budget" title={t.budget} layout={layout}>
        <p>{t.budgetMissing}</p>
      </ChartFigure>
    );
  }
  const bandChars = Math.max(8, Math.floor(((layout.width ?? 640) - vm.axisWidth) / Math.max(1, vm.chart.data.length) / 7));
  const styles = vm.chart.series.map((_s, i) => barStyle(i));
  const figure = (v: number) => vm.valueFormatter(v);
  return (
    <ChartFigure id="budget" title={vm.chart.title} layout={layout} table={vm.table}>
      <ChartLegend entries={legendOf(prefix, vm.chart.series.map((s, i) => ({ key: s.dataKey, label: s.label, style: styles[i] ?? barStyle(i), index: i })))} />
      <PatternDefs prefix={prefix} styles={styles} />
      <Sized layout={layout} height={height} label={vm.chart.title}>
        <BarChart data={vm.chart.data} margin={{ ...margin, top: 20, bottom: 12 }} {...size(layout, height)}>
          <CartesianGrid stroke="#e0e0e0" vertical={false} />
          <XAxis dataKey="label" interval={0} height={72} tick={<WrappedTick maxChars={bandChars} />} label={axisTitle(t.budgetCategoryAxis, 'bottom')} />
          <YAxis
            type="number"
            domain={vm.chart.axis.domain}
            ticks={vm.chart.axis.ticks}
            interval={0}
            tickFormatter={vm.tickFormatter}
            tick={text}
            width={vm.axisWidth + AXIS_TITLE_PX}
            label={axisTitle(t.budgetAxis(vm.chart.axis.unitSpoken), 'left')}
          />
          <ReferenceLine y={0} stroke="#616161" />
          <Tooltip content={<SimpleTooltip format={(v) => formatKr(v)} />} />
          {vm.chart.series.map((s, i) => (
            <Bar key={s.dataKey} dataKey={s.dataKey} name={s.label} fill={fillFor(barStyle(i), `${prefix}-${i}`)} stroke={barStyle(i).ink} isAnimationActive={false} shape={barShape}>
              <LabelList dataKey={s.dataKey} content={(p) => <BarValueLabel {...p} format={figure} />} />
            </Bar>
          ))}
        </BarChart>
      </Sized>
    </ChartFigure>
  );
}
