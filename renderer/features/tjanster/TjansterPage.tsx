import { useState } from 'react';
import { Tab, TabList } from '@fluentui/react-components';
import type { PageProps } from '../../app/page-props';
import { useApiQuery } from '../../app/api';
import { navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { viewFromParams, type TjansterView } from './catalogue.view-model';
import { effectiveDate } from './dates';
import { AdoptionView } from './AdoptionView';
import { CatalogueView } from './CatalogueView';
import { MatrixView } from './MatrixView';
import { ServiceView } from './ServiceView';
import { useTjansterStyles } from './styles';

const t = sv.tjanster;

type Section = Exclude<TjansterView['kind'], 'tjanst'>;
const sections: readonly Section[] = ['katalog', 'matris', 'anvandning'];

export function TjansterPage({ params, query }: PageProps) {
  const today = useApiQuery('usage/get-today', {});
  const [typed, setTyped] = useState<string | null>(null);
  const view = viewFromParams(params);

  if (view.kind === 'tjanst') {
    return (
      <QueryState query={today}>
        {({ date: todayDate }) => {
          const { date, error } = effectiveDate(typed, todayDate);
          return <ServiceView serviceId={view.serviceId} viewDate={{ today: todayDate, typed, date, error, setTyped }} />;
        }}
      </QueryState>
    );
  }

  return <SectionPage section={view.kind} today={today} typed={typed} setTyped={setTyped} query={query} />;
}

function SectionPage({
  section,
  today,
  typed,
  setTyped,
  query,
}: {
  section: Section;
  today: ReturnType<typeof useApiQuery<'usage/get-today'>>;
  typed: string | null;
  setTyped: (value: string) => void;
  query: URLSearchParams;
}) {
  const styles = useTjansterStyles();
  const todayDate = today.data?.date;
  const viewDate = todayDate === undefined ? undefined : { today: todayDate, typed, setTyped, ...effectiveDate(typed, todayDate) };
  return (
    <div className={styles.stack}>
      <PageHeader
        title={t.title}
        subtitle={viewDate ? t.asOf(formatDate(viewDate.date, 'long')) : undefined}
      />
      <TabList
        selectedValue={section}
        aria-label={t.sectionsLabel}
        onTabSelect={(_, d) => navigate('tjanster', d.value === 'katalog' ? [] : [String(d.value)])}
      >
        {sections.map((s) => (
          <Tab key={s} value={s}>
            {t.sections[s]}
          </Tab>
        ))}
      </TabList>
      <QueryState query={today}>
        {() =>
          viewDate && (
            <>
              {section === 'katalog' && <CatalogueView viewDate={viewDate} />}
              {section === 'matris' && <MatrixView key={query.get('snabb') ?? ''} viewDate={viewDate} query={query} />}
              {section === 'anvandning' && <AdoptionView viewDate={viewDate} />}
            </>
          )
        }
      </QueryState>
    </div>
  );
}
