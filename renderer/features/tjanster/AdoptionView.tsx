import { useMemo, useState } from 'react';
import {
  Badge,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
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
import { useApiQuery } from '../../app/api';
import { hrefTo } from '../../app/router';
import { QueryState } from '../../components/QueryState';
import { sv } from '../../lib/i18n/sv';
import { adoptionRows, distributionVm, goalVm, revenueVm } from './adoption.view-model';
import { DistributionChart } from './Charts';
import { quickToQuery } from './matrix.view-model';
import { DateField } from './Parts';
import { useTjansterStyles } from './styles';
import type { ViewDate } from './dates';
import { parseYear, yearOf } from '../../../electron/contract/rules/calendar-date';

const t = sv.tjanster.adoption;

const useStyles = makeStyles({
  twoCols: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(380px, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  goalTitle: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  goalNumbers: { fontVariantNumeric: 'tabular-nums' },
  reached: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  gap: { fontWeight: tokens.fontWeightSemibold },
  year: { width: '120px' },
  modelCell: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  since: { color: tokens.colorNeutralForeground3 },
});

export function AdoptionView({ viewDate }: { viewDate: ViewDate }) {
  const styles = useStyles();
  const shared = useTjansterStyles();
  const [yearTyped, setYearTyped] = useState<string | null>(null);
  const dateYear = yearOf(viewDate.date);
  const typedYear = yearTyped === null ? undefined : parseYear(yearTyped);
  const yearValid = yearTyped === null || typedYear !== undefined;
  const year = typedYear ?? dateYear;
  const adoption = useApiQuery('usage/get-adoption', { date: viewDate.date }, { placeholderData: (previous) => previous });
  const revenue = useApiQuery('services/get-revenue', { year }, { placeholderData: (previous) => previous });
  const ids = { perService: useId('per-service'), distribution: useId('distribution'), goal: useId('goal'), revenue: useId('revenue') };

  const rows = useMemo(() => (adoption.data ? adoptionRows(adoption.data.services) : []), [adoption.data]);
  const distribution = useMemo(() => (adoption.data ? distributionVm(adoption.data.distribution) : undefined), [adoption.data]);
  const goal = adoption.data ? goalVm(adoption.data.threeQuarters) : undefined;
  const money = useMemo(() => (revenue.data ? revenueVm(revenue.data) : undefined), [revenue.data]);
  const c = t.columns;

  return (
    <div className={shared.stack}>
      <div className={shared.toolbar}>
        <DateField label={sv.tjanster.viewDate} value={viewDate.typed ?? viewDate.date} onChange={viewDate.setTyped} error={viewDate.error} />
      </div>
      <QueryState query={adoption}>
        {() => (
          <>
            <section className={shared.section} aria-labelledby={ids.perService} data-ready="true">
              <h2 id={ids.perService} className={shared.heading}>
                {t.perService}
              </h2>
              <div className={shared.tableWrap}>
                <NavTable size="small" aria-labelledby={ids.perService} data-testid="adoption-table">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell className={shared.nameColumn}>{c.service}</TableHeaderCell>
                      <TableHeaderCell className={shared.numberHeader}>{c.users}</TableHeaderCell>
                      <TableHeaderCell className={shared.numberHeader}>{c.memberUsers}</TableHeaderCell>
                      <TableHeaderCell className={shared.numberHeader}>{c.memberShare}</TableHeaderCell>
                      <TableHeaderCell className={shared.numberHeader}>{c.municipalities}</TableHeaderCell>
                      <TableHeaderCell className={shared.numberHeader}>{c.population}</TableHeaderCell>
                      <TableHeaderCell className={shared.numberHeader}>{c.populationShare}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {rows.map((r) => (
                      <TableRow key={r.serviceId} data-service={r.serviceId}>
                        <TableCell>
                          <Link href={hrefTo('tjanster', [r.serviceId])}>{r.name}</Link>
                        </TableCell>
                        <TableCell className={shared.number}>{r.users}</TableCell>
                        <TableCell className={shared.number}>{r.memberUsers}</TableCell>
                        <TableCell className={shared.number}>{r.memberShare}</TableCell>
                        <TableCell className={shared.number}>{r.municipalities}</TableCell>
                        <TableCell className={shared.number}>{r.population}</TableCell>
                        <TableCell className={shared.number}>{r.populationShare}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </NavTable>
              </div>
            </section>

            <div className={styles.twoCols}>
              <section className={shared.section} aria-labelledby={ids.distribution}>
                <h2 id={ids.distribution} className={shared.heading}>
                  {t.distribution}
                </h2>
                {distribution && (
                  <>
                    <p className={shared.hint}>{distribution.hint}</p>
                    <DistributionChart buckets={distribution.buckets} label={`${t.distribution}. ${distribution.hint}`} />
                    <NavTable size="small" aria-labelledby={ids.distribution} data-testid="distribution-table">
                      <TableHeader>
                        <TableRow>
                          <TableHeaderCell>{t.distributionColumns.services}</TableHeaderCell>
                          <TableHeaderCell className={shared.numberHeader}>{t.distributionColumns.members}</TableHeaderCell>
                          <TableHeaderCell className={shared.numberHeader}>{t.distributionColumns.share}</TableHeaderCell>
                          <TableHeaderCell>
                            <span className={shared.hint}>{t.showInMatrix}</span>
                          </TableHeaderCell>
                        </TableRow>
                      </TableHeader>
                      <TableBody>
                        {distribution.buckets.map((b) => (
                          <TableRow key={b.key} data-bucket={b.key}>
                            <TableCell>{b.label}</TableCell>
                            <TableCell className={shared.number}>{b.countText}</TableCell>
                            <TableCell className={shared.number}>{b.share}</TableCell>
                            <TableCell>
                              {b.quick && (
                                <Link href={hrefTo('tjanster', ['matris'], { snabb: quickToQuery(b.quick) })}>{t.showInMatrix}</Link>
                              )}
                            </TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </NavTable>
                  </>
                )}
              </section>

              <section className={shared.section} aria-labelledby={ids.goal} data-testid="goal">
                <h2 id={ids.goal} className={shared.heading}>
                  {t.goal}
                </h2>
                {goal ? (
                  <>
                    <p className={styles.goalTitle}>
                      <Link href={hrefTo('tjanster', [goal.serviceId])}>{goal.title}</Link>
                    </p>
                    <Field label={goal.progressText} validationState="none" hint={goal.requiredText}>
                      <ProgressBar
                        value={goal.progress}
                        max={1}
                        thickness="large"
                        color={goal.reached ? 'success' : 'brand'}
                        aria-label={t.goalBarLabel}
                        aria-valuetext={goal.progressText}
                      />
                    </Field>
                    <Text className={goal.reached ? styles.reached : styles.gap} data-testid="goal-status">
                      {goal.statusText}
                    </Text>
                  </>
                ) : (
                  <Text className={shared.hint}>{t.goalNone}</Text>
                )}
              </section>
            </div>
          </>
        )}
      </QueryState>

      <section className={shared.section} aria-labelledby={ids.revenue}>
        <div className={shared.sectionHeader}>
          <h2 id={ids.revenue} className={shared.heading}>
            {money?.title ?? t.revenue(String(year))}
          </h2>
          <Field label={t.revenueYear} className={styles.year} validationMessage={yearValid ? undefined : sv.tjanster.form.errors.year}>
            <Input className={shared.fill} inputMode="numeric" value={yearTyped ?? String(dateYear)} onChange={(_, d) => setYearTyped(d.value)} data-testid="revenue-year" />
          </Field>
        </div>
        <p className={shared.hint}>{t.revenueHint}</p>
        <QueryState query={revenue}>
          {() =>
            money && (
              <>
                {money.unpricedWarning && (
                  <MessageBar intent="warning" layout="multiline" data-testid="unpriced-warning">
                    <MessageBarBody>
                      <MessageBarTitle>{t.unpricedTitle}</MessageBarTitle>
                      {money.unpricedWarning}
                    </MessageBarBody>
                  </MessageBar>
                )}
                <div className={shared.tableWrap}>
                  <NavTable size="small" aria-labelledby={ids.revenue} data-testid="revenue-table">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell className={shared.nameColumn}>{t.revenueColumns.service}</TableHeaderCell>
                        <TableHeaderCell>{t.revenueColumns.model}</TableHeaderCell>
                        <TableHeaderCell className={shared.numberHeader}>{t.revenueColumns.users}</TableHeaderCell>
                        <TableHeaderCell className={shared.numberHeader}>{t.revenueColumns.amount}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {money.rows.map((r) => (
                        <TableRow key={r.serviceId} data-service={r.serviceId}>
                          <TableCell>
                            <Link href={hrefTo('tjanster', [r.serviceId])}>{r.name}</Link>
                          </TableCell>
                          <TableCell>
                            <span className={styles.modelCell}>
                              {r.missingPrice ? (
                                <Badge appearance="tint" color="warning">
                                  {r.model}
                                </Badge>
                              ) : (
                                r.model
                              )}
                              {r.modelSince && <span className={styles.since}>{r.modelSince}</span>}
                            </span>
                          </TableCell>
                          <TableCell className={shared.number}>{r.users}</TableCell>
                          <TableCell className={shared.number} data-testid="revenue-amount">
                            {r.amount}
                          </TableCell>
                        </TableRow>
                      ))}
                      <TableRow className={shared.totalRow}>
                        <TableCell>{t.total}</TableCell>
                        <TableCell />
                        <TableCell />
                        <TableCell className={shared.number} data-testid="revenue-total">
                          {money.total}
                        </TableCell>
                      </TableRow>
                    </TableBody>
                  </NavTable>
                </div>
              </>
            )
          }
        </QueryState>
      </section>
    </div>
  );
}
