import { useMemo } from 'react';
import {
  Card,
  Link,
  makeStyles,
  mergeClasses,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
  useId,
} from '@fluentui/react-components';
import { NavTable } from '../../components/NavTable';
import type { PageProps } from '../../app/page-props';
import { useApiQuery } from '../../app/api';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { sv } from '../../lib/i18n/sv';
import { omUppgifternaSv } from '../../lib/i18n/om-uppgifterna.sv';
import { hrefTo } from '../../app/router';
import { overviewViewModel, type AttentionGroupVm, type OverviewVm, type StatVm } from './oversikt.view-model';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  stat: { rowGap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalL, alignSelf: 'stretch', position: 'relative' },
  // The card's heading is its link; the link's box covers the whole card, so a click anywhere on it opens the place.
  cardLink: {
    color: 'inherit',
    textDecorationLine: 'none',
    '::after': { content: '""', position: 'absolute', inset: 0, borderRadius: tokens.borderRadiusMedium },
    ':hover': { textDecorationLine: 'underline' },
    ':focus-visible': { outlineStyle: 'none' },
    ':focus-visible::after': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  headingLink: { color: 'inherit' },
  full: { gridColumn: '1 / -1' },
  attentionGroups: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  attentionGroup: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  groupHeading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  items: { margin: 0, paddingInlineStart: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  item: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  statLabel: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground3 },
  statValue: {
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  // Two of the grid's columns whenever there are at least two (the grid has one below about 1000 px).
  wide: { '@media (min-width: 1000px)': { gridColumn: 'span 2' } },
  section: { padding: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM },
  sectionHeading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  networkList: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) max-content',
    rowGap: tokens.spacingVerticalS,
    columnGap: tokens.spacingHorizontalL,
    margin: 0,
  },
  networkCount: { margin: 0, textAlign: 'end', fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  networkTerm: { margin: 0 },
  planFigure: { margin: 0, display: 'flex', flexDirection: 'column' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  numberHeader: { '& > button, & > div': { justifyContent: 'flex-end' }, textAlign: 'end' },
  negative: { color: tokens.colorPaletteRedForeground1 },
  result: { fontWeight: tokens.fontWeightSemibold },
});

function StatCard({ stat }: { stat: StatVm }) {
  const styles = useStyles();
  const labelId = useId('stat');
  return (
    <Card className={styles.stat} role="region" aria-labelledby={labelId} data-stat={stat.id}>
      <h2 className={styles.statLabel}>
        <a href={stat.href} className={styles.cardLink} aria-label={stat.linkLabel}>
          <span id={labelId}>{stat.label}</span>
        </a>
      </h2>
      <Text className={styles.statValue} data-testid="stat-value">
        {stat.value}
      </Text>
      {stat.hints.map((hint) => (
        <Text key={hint} className={styles.hint}>
          {hint}
        </Text>
      ))}
    </Card>
  );
}

function AttentionGroupView({ group }: { group: AttentionGroupVm }) {
  const styles = useStyles();
  const headingId = useId('attention-group');
  return (
    <section className={styles.attentionGroup} aria-labelledby={headingId} data-attention={group.kind}>
      <h3 id={headingId} className={styles.groupHeading}>
        {group.title} ({group.count})
      </h3>
      <ul className={styles.items}>
        {group.items.map((item) => (
          <li key={item.key} className={styles.item} data-testid="attention-item">
            <Link href={item.href}>{item.text}</Link>
            <Text className={styles.hint}>{item.detail}</Text>
          </li>
        ))}
      </ul>
      {group.more !== undefined && <Text className={styles.hint}>{group.more}</Text>}
      <Link href={group.allHref}>{group.allLabel}</Link>
    </section>
  );
}

function Attention({ vm }: { vm: OverviewVm }) {
  const styles = useStyles();
  const headingId = useId('attention');
  return (
    <Card className={mergeClasses(styles.section, styles.full)} role="region" aria-labelledby={headingId} data-testid="attention">
      <h2 id={headingId} className={styles.sectionHeading}>
        {sv.oversikt.attention.title}
      </h2>
      {vm.attention.length === 0 ? (
        <Text className={styles.hint}>{sv.oversikt.attention.none}</Text>
      ) : (
        <div className={styles.attentionGroups}>
          {vm.attention.map((group) => (
            <AttentionGroupView key={group.kind} group={group} />
          ))}
        </div>
      )}
    </Card>
  );
}

function Overview({ vm }: { vm: OverviewVm }) {
  const styles = useStyles();
  const networksId = useId('networks');
  const planId = useId('plan-figures');
  const budgetId = useId('budget');
  const aboutId = useId('about');
  const columns = sv.oversikt.budgetColumns;
  return (
    <>
      <div className={styles.grid} data-ready="true">
        <Attention vm={vm} />
        {vm.stats.map((stat) => (
          <StatCard key={stat.id} stat={stat} />
        ))}
        <Card className={styles.section} role="region" aria-labelledby={networksId}>
          <h2 id={networksId} className={styles.sectionHeading}>
            <Link href={vm.networksHref} className={styles.headingLink}>
              {sv.oversikt.networks}
            </Link>
          </h2>
          <dl className={styles.networkList}>
            {vm.networks.map((n) => (
              <div key={n.kind} style={{ display: 'contents' }}>
                <dt className={styles.networkTerm}>
                  <Link href={n.href}>{n.label}</Link>
                </dt>
                <dd className={styles.networkCount}>{n.count}</dd>
              </div>
            ))}
          </dl>
          <Text className={styles.hint}>{vm.networksTotal}</Text>
        </Card>
        <Card className={styles.section} role="region" aria-labelledby={aboutId} data-testid="about-data-card">
          <h2 id={aboutId} className={styles.sectionHeading}>
            <Link href={hrefTo('om-uppgifterna')} className={styles.headingLink}>
              {omUppgifternaSv.overviewCard}
            </Link>
          </h2>
          <Text className={styles.hint}>{omUppgifternaSv.overviewCardText}</Text>
        </Card>
        {vm.planFigures.length > 0 && (
          <Card className={mergeClasses(styles.section, styles.wide)} role="region" aria-labelledby={planId} data-testid="plan-figures">
            <h2 id={planId} className={styles.sectionHeading}>
              {sv.oversikt.planFigures}
            </h2>
            <Text className={styles.hint}>{sv.oversikt.planFiguresIntro}</Text>
            <dl className={styles.networkList}>
              {vm.planFigures.map((p) => (
                <div key={p.id} style={{ display: 'contents' }}>
                  <dt className={styles.networkTerm}>{p.label}</dt>
                  <dd className={styles.planFigure}>
                    <span>{p.text}</span>
                    <Text className={styles.hint}>{p.source}</Text>
                  </dd>
                </div>
              ))}
            </dl>
          </Card>
        )}
        <Card className={mergeClasses(styles.section, styles.wide)} role="region" aria-labelledby={budgetId}>
          <h2 id={budgetId} className={styles.sectionHeading}>
            <Link href={vm.budgetHref} className={styles.headingLink}>
              {sv.oversikt.budget}
            </Link>
          </h2>
          {vm.budget.length === 0 ? (
            <Text className={styles.hint}>{sv.oversikt.budgetEmpty}</Text>
          ) : (
            <NavTable size="small" aria-labelledby={budgetId}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{columns.year}</TableHeaderCell>
                  <TableHeaderCell>{columns.kind}</TableHeaderCell>
                  <TableHeaderCell className={styles.numberHeader}>{columns.income}</TableHeaderCell>
                  <TableHeaderCell className={styles.numberHeader}>{columns.cost}</TableHeaderCell>
                  <TableHeaderCell className={styles.numberHeader}>{columns.result}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {vm.budget.map((row) => (
                  <TableRow key={row.key}>
                    <TableCell>{row.year}</TableCell>
                    <TableCell>{row.kind}</TableCell>
                    <TableCell className={styles.number}>{row.income}</TableCell>
                    <TableCell className={styles.number}>{row.cost}</TableCell>
                    <TableCell className={mergeClasses(styles.number, styles.result, row.negative && styles.negative)}>
                      {row.result}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </NavTable>
          )}
        </Card>
      </div>
    </>
  );
}

export function OversiktPage(_props: PageProps) {
  const overview = useApiQuery('overview/get', {});
  const vm = useMemo(() => (overview.data ? overviewViewModel(overview.data) : undefined), [overview.data]);
  return (
    <>
      <PageHeader title={sv.oversikt.title} subtitle={vm?.asOf} />
      <QueryState query={overview}>{() => vm && <Overview vm={vm} />}</QueryState>
    </>
  );
}
