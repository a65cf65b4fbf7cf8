/**
 * Om uppgifterna (`#/om-uppgifterna`): every assumption the register's figures rest on, grouped, each with its
 * source and a link to where it is dealt with, and the sources of the data (issue 16, point 14). Reached from
 * Översikt and Hjälp; the list comes from the core (`assumptions/list`), so it follows the register.
 */
import { useId, useMemo } from 'react';
import { Card, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { PageProps } from '../../app/page-props';
import { useApiQuery } from '../../app/api';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/format';
import { omUppgifternaSv as t } from '../../lib/i18n/om-uppgifterna.sv';
import { assumptionGroupsVm, type AssumptionGroupVm } from './om-uppgifterna.view-model';
import type { AssumptionsReport } from '../../../electron/contract/model/assumptions';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxWidth: '100ch' },
  intro: { color: tokens.colorNeutralForeground2 },
  section: { padding: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  title: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  sources: { margin: 0, display: 'grid', gridTemplateColumns: 'minmax(12em, max-content) 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
});

function Group({ group }: { group: AssumptionGroupVm }) {
  const styles = useStyles();
  const id = useId();
  return (
    <Card className={styles.section} role="region" aria-labelledby={id} data-testid={`assumptions-${group.id}`}>
      <h2 id={id} className={styles.heading}>
        {group.heading}
      </h2>
      <ul className={styles.list}>
        {group.items.map((item) => (
          <li key={item.id} className={styles.item} data-testid="assumption">
            <Text className={styles.title}>{item.title}</Text>
            <Text>{item.text}</Text>
            <Text className={styles.meta}>
              {t.source}: {item.source}. {t.placeLabel}: <Link href={item.href}>{item.placeLabel}</Link>
            </Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function About({ report }: { report: AssumptionsReport }) {
  const styles = useStyles();
  const groups = useMemo(() => assumptionGroupsVm(report), [report]);
  const sourcesId = useId();
  return (
    <div className={styles.page}>
      <Text className={styles.intro}>
        {t.intro} {report.items.length === 0 ? t.none : `${t.count(report.items.length)}.`}
      </Text>
      {groups.map((g) => (
        <Group key={g.id} group={g} />
      ))}
      <Card className={styles.section} role="region" aria-labelledby={sourcesId} data-testid="data-sources">
        <h2 id={sourcesId} className={styles.heading}>
          {t.sources}
        </h2>
        <dl className={styles.sources}>
          {report.sources.map((s) => (
            <div key={s.title} style={{ display: 'contents' }}>
              <dt className={styles.term}>{s.title}</dt>
              <dd className={styles.detail}>{s.detail}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}

export function OmUppgifternaPage(_props: PageProps) {
  const query = useApiQuery('assumptions/list', {});
  return (
    <>
      <PageHeader title={t.title} subtitle={query.data ? t.subtitle(formatDate(query.data.date)) : undefined} />
      <QueryState query={query}>{() => query.data && <About report={query.data} />}</QueryState>
    </>
  );
}
