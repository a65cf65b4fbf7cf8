import { memo, useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import { Dropdown, Field, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { BudgetTable } from '../../../electron/contract';
import { tickFormatter, type AxisScale } from '../../../electron/core/domain/budget-charts';
import { sv } from '../../lib/i18n/sv';
import {
  barStyle,
  chartsVm,
  fillFor,
  lineStyles,
  varianceStyles,
  type ChartsVm,
  type ColumnPair,
} from './budget-charts.view-model';
import {
  AmountTooltip,
  amountFigure,
  AXIS_TITLE_PX,
  axisTitle,
  barLegend,
  barShape,
  BarValueLabel,
  ChartFrame,
  chartText,
  Marker,
  PatternDefs,
  usePatternPrefix,
  WrappedTick,
  chartSize,
  usePrinting,
  type LegendEntry,
} from './ChartParts';

const t = sv.budget.charts;
const HEIGHT = 320;
/** Room under the plot for three lines of category name (and one of per cent). */
const CATEGORY_AXIS_HEIGHT = 64;
/** Room under the category names for the axis title. */
const TITLE_ROOM = 20;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  controls: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS, alignItems: 'flex-end' },
  dropdown: { minWidth: '200px' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 480px), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  intro: { color: tokens.colorNeutralForeground2 },
});

/** The amount axis, sized by the core so no tick label is ever cut (`−20 mnkr`). */
function amountAxis(axis: AxisScale, width: number) {
  return (
    <YAxis
      type="number"
      width={width + AXIS_TITLE_PX}
      domain={axis.domain}
      ticks={axis.ticks}
      interval={0}
      tickFormatter={tickFormatter(axis)}
      tick={chartText}
      allowDataOverflow={false}
      label={axisTitle(t.axisLabel(axis.unitSpoken), 'left')}
    />
  );
}

const margin = { top: 12, right: 16, bottom: 4, left: 4 };

/**
 * A chart model that stays the same object while its content is the same: an edit builds every model anew,
 * but a chart whose figures did not change (the pair of columns compared does not hold the edited cell) is
 * then not drawn again. Kept from the render before, as React's derived state.
 */
function useKept<T>(value: T): T {
  const json = JSON.stringify(value) ?? '';
  const [kept, setKept] = useState({ json, value });
  if (kept.json !== json) {
    setKept({ json, value });
    return value;
  }
  return kept.value;
}

export function BudgetCharts({ table }: { table: BudgetTable }) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<Partial<ColumnPair>>({});
  const printing = usePrinting();
  const vm = useMemo(() => chartsVm(table, chosen), [table, chosen]);
  const grouped = useKept(vm.budgetVsOutcome);
  const income = useKept(vm.income);
  const result = useKept(vm.result);
  const variance = useKept(vm.variance);
  const columnOptions = useKept(vm.columnOptions);
  const pair = useKept(vm.pair);

  return (
    <div className={styles.section}>
      <Text className={styles.intro}>{t.intro}</Text>
      {pair && <PairControls options={columnOptions} pair={pair} setChosen={setChosen} />}
      <div className={styles.grid} data-chart-grid="">
        {grouped ? <GroupedChart chart={grouped} printing={printing} /> : <Text>{t.needsTwoColumns}</Text>}
        <IncomeChart chart={income} printing={printing} />
        <ResultChart chart={result} printing={printing} />
        {vm.varianceNote && (
          <Text className={styles.intro} data-testid="budget-variance-note">
            {vm.varianceNote}
          </Text>
        )}
        {variance && <VarianceBars chart={variance} printing={printing} />}
      </div>
    </div>
  );
}

/** The two columns compared; drawn again only when the columns or the choice change. */
const PairControls = memo(function PairControls({
  options,
  pair,
  setChosen,
}: {
  options: ChartsVm['columnOptions'];
  pair: ColumnPair;
  setChosen: Dispatch<SetStateAction<Partial<ColumnPair>>>;
}) {
  const styles = useStyles();
  const labelOf = (id: string | undefined) => options.find((c) => c.id === id)?.label ?? '';
  return (
    <div className={styles.controls} data-print="hide">
      <Field label={t.compareBase}>
        <Dropdown
          className={styles.dropdown}
          value={labelOf(pair.baseId)}
          selectedOptions={[pair.baseId]}
          onOptionSelect={(_e, d) => d.optionValue && setChosen((c) => ({ ...c, baseId: d.optionValue }))}
        >
          {options.map((c) => (
            <Option key={c.id} value={c.id}>
              {c.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t.compareOther}>
        <Dropdown
          className={styles.dropdown}
          value={labelOf(pair.otherId)}
          selectedOptions={[pair.otherId]}
          onOptionSelect={(_e, d) => d.optionValue && setChosen((c) => ({ ...c, otherId: d.optionValue }))}
        >
          {options
            .filter((c) => c.id !== pair.baseId)
            .map((c) => (
              <Option key={c.id} value={c.id}>
                {c.label}
              </Option>
            ))}
        </Dropdown>
      </Field>
    </div>
  );
});

type Grouped = NonNullable<ChartsVm['budgetVsOutcome']>;
type Variance = NonNullable<ChartsVm['variance']>;

const GroupedChart = memo(function GroupedChart({ chart: grouped, printing }: { chart: Grouped; printing: boolean }) {
  const groupedPrefix = usePatternPrefix('stapel');
  return (
    <ChartFrame
      id="budget-mot-utfall"
      wide
      title={grouped.title}
      legend={barLegend(grouped.series.map((s) => ({ key: s.dataKey, label: s.label })), barStyle, groupedPrefix)}
      table={grouped.table}
      notes={grouped.missing}
      defs={<PatternDefs prefix={groupedPrefix} styles={grouped.series.map((_s, i) => barStyle(i))} />}
      height={HEIGHT}
      printing={printing}
    >
      <BarChart data={grouped.data} {...chartSize(printing, HEIGHT)} margin={margin} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="#d1d1d1" />
        <XAxis
          dataKey="label"
          interval={0}
          height={CATEGORY_AXIS_HEIGHT + TITLE_ROOM}
          tick={(p) => <WrappedTick {...p} labels={grouped.data.map((d) => d.label)} />}
          tickLine={false}
          label={axisTitle(t.categoryAxis, 'bottom')}
        />
        {amountAxis(grouped.axis, grouped.axisWidth)}
        <ReferenceLine y={0} stroke="#424242" />
        <Tooltip content={(p) => <AmountTooltip {...p} />} cursor={{ fill: 'rgba(0,0,0,0.06)' }} />
        {grouped.series.map((s, i) => (
          <Bar
            key={s.dataKey}
            dataKey={s.dataKey}
            name={s.label}
            fill={fillFor(barStyle(i), `${groupedPrefix}-${i}`)}
            stroke={barStyle(i).ink}
            isAnimationActive={false}
            maxBarSize={64}
            shape={barShape}
          >
            <LabelList dataKey={s.dataKey} content={(p) => <BarValueLabel {...p} format={amountFigure(grouped.axis)} />} />
          </Bar>
        ))}
      </BarChart>
    </ChartFrame>
  );
});

const IncomeChart = memo(function IncomeChart({ chart: income, printing }: { chart: ChartsVm['income']; printing: boolean }) {
  const incomePrefix = usePatternPrefix('intakt');
  return (
    <ChartFrame
      id="intakternas-fordelning"
      title={income.title}
      legend={barLegend(income.series.map((s) => ({ key: s.dataKey, label: s.label })), barStyle, incomePrefix)}
      table={income.table}
      defs={<PatternDefs prefix={incomePrefix} styles={income.series.map((_s, i) => barStyle(i))} />}
      height={HEIGHT}
      printing={printing}
    >
      <BarChart data={income.data} {...chartSize(printing, HEIGHT)} margin={margin} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="#d1d1d1" />
        <XAxis
          dataKey="label"
          interval={0}
          height={CATEGORY_AXIS_HEIGHT + TITLE_ROOM}
          tick={(p) => <WrappedTick {...p} labels={income.data.map((d) => d.label)} />}
          tickLine={false}
          label={axisTitle(t.categoryAxis, 'bottom')}
        />
        {amountAxis(income.axis, income.axisWidth)}
        <ReferenceLine y={0} stroke="#424242" />
        <Tooltip content={(p) => <AmountTooltip {...p} />} cursor={{ fill: 'rgba(0,0,0,0.06)' }} />
        {income.series.map((s, i) => (
          <Bar
            key={s.dataKey}
            dataKey={s.dataKey}
            name={s.label}
            stackId="intakter"
            fill={fillFor(barStyle(i), `${incomePrefix}-${i}`)}
            stroke={barStyle(i).ink}
            isAnimationActive={false}
            maxBarSize={96}
          >
            <LabelList dataKey={s.dataKey} content={(p) => <BarValueLabel {...p} inside format={amountFigure(income.axis)} />} />
          </Bar>
        ))}
      </BarChart>
    </ChartFrame>
  );
});

const ResultChart = memo(function ResultChart({ chart: result, printing }: { chart: ChartsVm['result']; printing: boolean }) {
  const resultLegend: LegendEntry[] = result.series.map((s) => ({ key: s.dataKey, label: s.label, line: lineStyles[s.kind] }));
  return (
    <ChartFrame id="resultat-over-aren" title={result.title} legend={resultLegend} table={result.table} height={HEIGHT} printing={printing}>
      <LineChart data={result.data} {...chartSize(printing, HEIGHT)} margin={{ ...margin, left: 12, right: 32 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="#d1d1d1" />
        <XAxis dataKey="label" interval={0} tick={chartText} padding={{ left: 32, right: 32 }} height={30 + TITLE_ROOM} label={axisTitle(t.yearAxis, 'bottom')} />
        {amountAxis(result.axis, result.axisWidth)}
        <ReferenceLine y={0} stroke="#424242" />
        <Tooltip content={(p) => <AmountTooltip {...p} />} />
        {result.series.map((s) => {
          const style = lineStyles[s.kind];
          return (
            <Line
              key={s.dataKey}
              dataKey={s.dataKey}
              name={s.label}
              stroke={style.color}
              strokeWidth={style.width}
              strokeDasharray={style.dash}
              connectNulls
              isAnimationActive={false}
              dot={(p: { cx?: number; cy?: number; index?: number; value?: unknown }) =>
                typeof p.cx === 'number' && typeof p.cy === 'number' && typeof p.value === 'number' ? (
                  <Marker key={p.index} kind={style.marker} cx={p.cx} cy={p.cy} color={style.color} />
                ) : (
                  <g key={p.index} />
                )
              }
              activeDot={false}
            />
          );
        })}
      </LineChart>
    </ChartFrame>
  );
});

const VarianceBars = memo(function VarianceBars({ chart: variance, printing }: { chart: Variance; printing: boolean }) {
  const variancePrefix = usePatternPrefix('avvikelse');
  const varianceLegend: LegendEntry[] = [
    { key: 'battre', label: t.favourable, bar: varianceStyles.favourable, fill: fillFor(varianceStyles.favourable, `${variancePrefix}-0`) },
    { key: 'samre', label: t.unfavourable, bar: varianceStyles.unfavourable, fill: fillFor(varianceStyles.unfavourable, `${variancePrefix}-1`) },
  ];
  return (
    <ChartFrame
      id="avvikelse"
      wide
      title={variance.title}
      legend={varianceLegend}
      table={variance.table}
      notes={[t.varianceHint, ...variance.missing]}
      defs={<PatternDefs prefix={variancePrefix} styles={[varianceStyles.favourable, varianceStyles.unfavourable]} />}
      height={HEIGHT}
      printing={printing}
    >
      <BarChart data={variance.data} {...chartSize(printing, HEIGHT)} margin={margin} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="#d1d1d1" />
        <XAxis
          dataKey="label"
          interval={0}
          height={CATEGORY_AXIS_HEIGHT + 16 + TITLE_ROOM}
          tickLine={false}
          label={axisTitle(t.categoryAxis, 'bottom')}
          tick={(p) => <WrappedTick {...p} labels={variance.data.map((d) => d.label)} extra={(i) => variance.labels[variance.data[i]?.key ?? '']} />}
        />
        {amountAxis(variance.axis, variance.axisWidth)}
        <ReferenceLine y={0} stroke="#424242" />
        <Tooltip
          content={(p) => <AmountTooltip {...p} extra={(label) => variance.labels[variance.data.find((d) => d.label === label)?.key ?? '']} />}
          cursor={{ fill: 'rgba(0,0,0,0.06)' }}
        />
        <Bar dataKey="s0" name={variance.series[0]?.label ?? ''} isAnimationActive={false} maxBarSize={80} shape={barShape}>
          <LabelList dataKey="s0" content={(p) => <BarValueLabel {...p} format={amountFigure(variance.axis)} />} />
          {variance.data.map((d) => {
            const good = typeof d.s0 === 'number' && d.s0 >= 0;
            const style = good ? varianceStyles.favourable : varianceStyles.unfavourable;
            return <Cell key={d.key} fill={fillFor(style, `${variancePrefix}-${good ? 0 : 1}`)} stroke={style.ink} />;
          })}
        </Bar>
      </BarChart>
    </ChartFrame>
  );
});
