import { useState } from 'react';
import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import type { PageProps } from '../../app/page-props';
import { navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { sv } from '../../lib/i18n/sv';
import { emptyFilters, type ListFilters } from './member-list.view-model';
import { MemberList } from './MemberList';
import { OrganisationView } from './OrganisationView';
import { CoverageView } from './CoverageView';
import { FiguresView } from './FiguresView';
import { FeeTableView } from './FeeTableView';

const t = sv.medlemmar;

const tabs = ['lista', 'tackning', 'siffror', 'avgifter'] as const;
type TabId = (typeof tabs)[number];

const useStyles = makeStyles({
  tabs: { marginBottom: tokens.spacingVerticalL, marginTop: `calc(${tokens.spacingVerticalS} * -1)` },
});

/**
 * Medlemmar: `#/medlemmar` the list (`?sok=` starts a search, `?ny-kommun=<kod>` opens a new municipality), `#/medlemmar/tackning` coverage,
 * `#/medlemmar/siffror` register figures, `#/medlemmar/avgifter` the fee table, `#/medlemmar/<id>` one
 * organisation. The list's search, filters and sort live here, so they are kept while an organisation is open.
 */
export function MedlemmarPage({ params, query }: PageProps) {
  const styles = useStyles();
  const [filters, setFilters] = useState<ListFilters>(() => emptyFilters(query.get('sok') ?? ''));
  const first = params[0] ?? '';
  const tab: TabId | undefined = first === '' ? 'lista' : tabs.find((id) => id === first && id !== 'lista');

  if (tab === undefined) return <OrganisationView key={first} id={first} focusContactId={query.get('kontakt') ?? undefined} />;

  return (
    <>
      <PageHeader title={t.title} />
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        aria-label={t.tabs.label}
        onTabSelect={(_, data) => navigate('medlemmar', data.value === 'lista' ? [] : [String(data.value)])}
      >
        {tabs.map((id) => (
          <Tab key={id} value={id}>
            {t.tabs[id]}
          </Tab>
        ))}
      </TabList>
      {tab === 'lista' && <MemberList filters={filters} onFiltersChange={setFilters} newMunicipalityCode={query.get('ny-kommun') ?? undefined} />}
      {tab === 'tackning' && <CoverageView />}
      {tab === 'siffror' && <FiguresView />}
      {tab === 'avgifter' && <FeeTableView />}
    </>
  );
}
