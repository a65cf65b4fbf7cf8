import { makeStyles, tokens } from '@fluentui/react-components';
import { Bar, BarChart, CartesianGrid, LabelList, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TITLE_PX, axisTitle, barShape, BarValueLabel } from '../budget/ChartParts';
import { sv } from '../../lib/i18n/sv';
import { countAxis, countAxisWidth, countTick, dayLabel, monthTick } from './chart-format';
import type { UsersChartVm } from './service-page.view-model';

const FONT = { fontSize: 12, fill: '#424242' } as const;
const LINE_COLOR = '#0f6cbd';

const useStyles = makeStyles({
  chart: { width: '100%', minWidth: 0, height: '270px' },
  small: { width: '100%', minWidth: 0, height: '270px' },
});

/** Users of one service over time, as a step line (the count changes on the day a use starts or ends). */
export function UsersOverTimeChart({ vm }: { vm: UsersChartVm }) {
  const styles = useStyles();
  return (
    <div className={styles.chart} role="img" aria-label={vm.label} data-testid="users-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={vm.points} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid stroke={tokens.colorNeutralStroke2} vertical={false} />
          <XAxis
            dataKey="date"
            ticks={vm.xTicks}
            interval={0}
            tickFormatter={monthTick}
            tick={FONT}
            tickMargin={8}
            minTickGap={8}
            padding={{ left: 8, right: 8 }}
            height={50}
            label={axisTitle(sv.tjanster.service.chartTimeAxis, 'bottom')}
          />
          <YAxis
            domain={[0, vm.yMax]}
            ticks={vm.yTicks}
            interval={0}
            allowDecimals={false}
            tickFormatter={countTick}
            tick={FONT}
            width={vm.yWidth + AXIS_TITLE_PX}
            label={axisTitle(sv.tjanster.service.chartSeries, 'left')}
          />
          <Tooltip
            labelFormatter={(label) => dayLabel(String(label))}
            formatter={(value) => [countTick(Number(value)), sv.tjanster.service.chartSeries]}
          />
          <Line type="stepAfter" dataKey="users" stroke={LINE_COLOR} strokeWidth={2} dot={false} isAnimationActive={false} name={sv.tjanster.service.chartSeries} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Members by the number of services they use (0, 1, 2, 3+). */
export function DistributionChart({ buckets, label }: { buckets: readonly { key: string; label: string; count: number }[]; label: string }) {
  const styles = useStyles();
  const axis = countAxis(buckets.reduce((m, b) => Math.max(m, b.count), 0));
  return (
    <div className={styles.small} role="img" aria-label={label} data-testid="distribution-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={buckets as { key: string; label: string; count: number }[]} margin={{ top: 20, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke={tokens.colorNeutralStroke2} vertical={false} />
          <XAxis dataKey="label" tick={FONT} interval={0} tickMargin={8} height={50} label={axisTitle(sv.tjanster.adoption.distributionColumns.services, 'bottom')} />
          <YAxis
            domain={[0, axis.top]}
            ticks={axis.ticks}
            interval={0}
            allowDecimals={false}
            tickFormatter={countTick}
            tick={FONT}
            width={countAxisWidth(axis.top) + AXIS_TITLE_PX}
            label={axisTitle(sv.tjanster.adoption.chartMembers, 'left')}
          />
          <Tooltip formatter={(value) => [countTick(Number(value)), sv.tjanster.adoption.chartMembers]} cursor={{ fill: tokens.colorNeutralBackground3 }} />
          <Bar dataKey="count" fill={LINE_COLOR} isAnimationActive={false} name={sv.tjanster.adoption.chartMembers} shape={barShape}>
            <LabelList dataKey="count" content={(p) => <BarValueLabel {...p} format={countTick} />} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
