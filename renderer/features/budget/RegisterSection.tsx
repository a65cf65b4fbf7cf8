import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Dropdown, Field, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { BudgetTable } from '../../../electron/contract';
import { tickFormatter } from '../../../electron/core/domain/budget-charts';
import { useApiQuery } from '../../app/api';
import { QueryState } from '../../components/QueryState';
import { whenIdle } from '../../lib/idle';
import { useNearView } from '../../components/useNearView';
import { sv } from '../../lib/i18n/sv';
import { barStyle, fillFor } from './budget-charts.view-model';
import { defaultRegisterYear, registerVm, registerYears, type RegisterCardVm } from './budget-register.view-model';
import { AmountTooltip, amountFigure, AXIS_TITLE_PX, axisTitle, barLegend, barShape, BarValueLabel, ChartFrame, chartSize, chartText, PatternDefs, usePatternPrefix, usePrinting, WrappedTick } from './ChartParts';
import { dateAt, systemClock, yearOf } from '../../../electron/contract/rules/calendar-date';

const t = sv.budget.register;
const CHART_HEIGHT = 300;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  intro: { color: tokens.colorNeutralForeground2, maxWidth: '90ch' },
  year: { maxWidth: '200px' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    breakInside: 'avoid',
  },
  cardTitle: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) max-content',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { margin: 0 },
  value: { margin: 0, textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  strong: { fontWeight: tokens.fontWeightSemibold },
  explanation: { margin: 0 },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  reasonsLabel: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

function RegisterCard({ card }: { card: RegisterCardVm }) {
  const styles = useStyles();
  const headingId = `register-${card.key}`;
  return (
    <section className={styles.card} aria-labelledby={headingId} data-register={card.key}>
      <h3 id={headingId} className={styles.cardTitle}>
        {card.title}
      </h3>
      <dl className={styles.figures}>
        {card.figures.map((f) => (
          <div key={f.key} style={{ display: 'contents' }}>
            <dt className={styles.term}>{f.term}</dt>
            <dd className={`${styles.value} ${f.strong ? styles.strong : ''}`} data-figure={f.key}>
              {f.value}
            </dd>
          </div>
        ))}
      </dl>
      <p className={styles.explanation} data-testid="register-explanation">
        {card.explanation}
      </p>
      {card.reasons.length > 0 && (
        <>
          <p className={styles.reasonsLabel}>{t.reasonsLabel}</p>
          <ul className={styles.reasons}>
            {card.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * True once the browser has had a moment to itself after the screen's first paint (or at the latest after a
 * second): work for what lies below the fold starts then rather than before the grid is on the screen.
 */
function useIdleAfterPaint(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => whenIdle(() => setIdle(true), 1000), []);
  return idle;
}

/**
 * The register against the budget. It reads only the table's columns (which year to show, their labels), so it
 * is drawn again when they or the register's figures change, not for every amount typed in the grid.
 */
export const RegisterSection = memo(function RegisterSection({ columns }: { columns: BudgetTable['columns'] }) {
  const styles = useStyles();
  const table = useMemo(() => ({ columns }), [columns]);
  const years = registerYears(table);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const printing = usePrinting();
  const year = chosen !== undefined && years.includes(chosen) ? chosen : defaultRegisterYear(table, yearOf(dateAt(systemClock())));
  // The comparison reads the whole register (members, usages, prices) the first time; it lies below the grid
  // and the charts, so it is asked for once the screen is painted and idle, or sooner when scrolled near.
  const sectionRef = useRef<HTMLDivElement>(null);
  const near = useNearView(sectionRef);
  const idle = useIdleAfterPaint();
  const comparison = useApiQuery('budget/register-comparison', { year }, { enabled: near || idle || printing });
  const vm = useMemo(() => (comparison.data ? registerVm(comparison.data, table) : undefined), [comparison.data, table]);
  const prefix = usePatternPrefix('register');
  const yearOptions = years.includes(year) ? years : [...years, year].sort((a, b) => a - b);

  return (
    <div ref={sectionRef} className={styles.section} aria-busy={comparison.data === undefined}>
      <Text className={styles.intro}>{t.intro}</Text>
      <Field label={t.year} className={styles.year} data-print="hide">
        <Dropdown value={String(year)} selectedOptions={[String(year)]} onOptionSelect={(_e, d) => d.optionValue && setChosen(Number(d.optionValue))}>
          {yearOptions.map((y) => (
            <Option key={y} value={String(y)}>
              {String(y)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <QueryState query={comparison}>
        {() =>
          vm && (
            <div className={styles.grid}>
              {vm.cards.map((card) => (
                <RegisterCard key={card.key} card={card} />
              ))}
              <ChartFrame
                id="registret"
                wide
                title={vm.chart.title}
                legend={barLegend(vm.chart.series.map((s) => ({ key: s.dataKey, label: s.label })), barStyle, prefix)}
                table={vm.chart.table}
                defs={<PatternDefs prefix={prefix} styles={vm.chart.series.map((_s, i) => barStyle(i))} />}
                height={CHART_HEIGHT}
                printing={printing}
              >
                <BarChart data={vm.chart.data} {...chartSize(printing, CHART_HEIGHT)} margin={{ top: 12, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
                  <CartesianGrid vertical={false} stroke="#d1d1d1" />
                  <XAxis
                    dataKey="label"
                    interval={0}
                    height={68}
                    tickLine={false}
                    tick={(p) => <WrappedTick {...p} labels={vm.chart.data.map((d) => d.label)} />}
                    label={axisTitle(sv.budget.charts.categoryAxis, 'bottom')}
                  />
                  <YAxis
                    type="number"
                    width={vm.chart.axisWidth + AXIS_TITLE_PX}
                    label={axisTitle(sv.budget.charts.axisLabel(vm.chart.axis.unitSpoken), 'left')}
                    domain={vm.chart.axis.domain}
                    ticks={vm.chart.axis.ticks}
                    interval={0}
                    tickFormatter={tickFormatter(vm.chart.axis)}
                    tick={chartText}
                  />
                  <ReferenceLine y={0} stroke="#424242" />
                  <Tooltip content={(p) => <AmountTooltip {...p} />} cursor={{ fill: 'rgba(0,0,0,0.06)' }} />
                  {vm.chart.series.map((s, i) => (
                    <Bar
                      key={s.dataKey}
                      dataKey={s.dataKey}
                      name={s.label}
                      fill={fillFor(barStyle(i), `${prefix}-${i}`)}
                      stroke={barStyle(i).ink}
                      isAnimationActive={false}
                      maxBarSize={96}
                      shape={barShape}
                    >
                      <LabelList dataKey={s.dataKey} content={(p) => <BarValueLabel {...p} format={amountFigure(vm.chart.axis)} />} />
                    </Bar>
                  ))}
                </BarChart>
              </ChartFrame>
            </div>
          )
        }
      </QueryState>
    </div>
  );
});
