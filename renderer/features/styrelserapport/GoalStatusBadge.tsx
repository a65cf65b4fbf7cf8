import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowTrending16Regular, CheckmarkCircle16Filled, DismissCircle16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { GoalStatus } from '../../../electron/contract';
import { sv } from '../../lib/i18n/sv';

const useStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
  icon: { flexShrink: 0 },
  // Dark shades: each passes 4.5:1 on white, and the word says the same as the colour.
  reached: { color: '#0e700e' },
  'on-track': { color: '#0f548c' },
  'at-risk': { color: '#8a3707' },
  missed: { color: '#b10e1c' },
});

const icons = {
  reached: CheckmarkCircle16Filled,
  'on-track': ArrowTrending16Regular,
  'at-risk': Warning16Filled,
  missed: DismissCircle16Filled,
} satisfies Record<GoalStatus, unknown>;

/** A goal's status as icon and word, never colour alone; `label` when the word differs («Uppnått per definition»). */
export function GoalStatusBadge({ status, label }: { status: GoalStatus; label?: string }) {
  const styles = useStyles();
  const Icon = icons[status];
  return (
    <span className={mergeClasses(styles.badge, styles[status])} data-status={status}>
      <Icon className={styles.icon} aria-hidden="true" />
      <span>{label ?? sv.styrelserapport.statuses[status]}</span>
    </span>
  );
}
