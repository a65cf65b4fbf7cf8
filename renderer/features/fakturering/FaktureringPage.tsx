import { Link, MessageBar, MessageBarBody, Tab, TabList } from '@fluentui/react-components';
import type { PageProps } from '../../app/page-props';
import { useApiQuery } from '../../app/api';
import { hrefTo, navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { sv } from '../../lib/i18n/sv';
import { paramsOfSection, sections, viewFromParams } from './fakturering.view-model';
import { InvoiceList } from './InvoiceList';
import { InvoiceDetail } from './InvoiceDetail';
import { RunView } from './RunView';
import { CustomersView } from './CustomersView';
import { ArticlesView } from './ArticlesView';
import { SettingsView } from './SettingsView';
import { useFaktureringStyles } from './styles';

const t = sv.fakturering;

/** Fakturering: the invoices, the runs that draft them, the customers' details, the articles and the association as seller. */
export function FaktureringPage({ params, query }: PageProps) {
  const styles = useFaktureringStyles();
  const view = viewFromParams(params);
  const today = useApiQuery('usage/get-today', {});
  const settings = useApiQuery('invoicing/settings-get', {});
  const tab = view.kind === 'faktura' ? 'fakturor' : view.kind;

  return (
    <div className={styles.stack}>
      <PageHeader title={t.title} />
      <TabList selectedValue={tab} aria-label={t.sectionsLabel} onTabSelect={(_, d) => navigate('fakturering', paramsOfSection(d.value as (typeof sections)[number]))}>
        {sections.map((s) => (
          <Tab key={s} value={s}>
            {t.sections[s]}
          </Tab>
        ))}
      </TabList>
      {settings.data?.settings.example === true && view.kind !== 'installningar' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t.exampleNotice} <Link href={hrefTo('fakturering', ['installningar'])}>{t.goToSettings}</Link>
          </MessageBarBody>
        </MessageBar>
      )}
      <QueryState query={today}>
        {({ date }) => (
          <>
            {view.kind === 'fakturor' && <InvoiceList today={date} query={query} />}
            {view.kind === 'faktura' && <InvoiceDetail key={view.invoiceId} invoiceId={view.invoiceId} today={date} />}
            {view.kind === 'korning' && <RunView today={date} query={query} />}
            {view.kind === 'kunder' && <CustomersView today={date} query={query} />}
            {view.kind === 'artiklar' && <ArticlesView />}
            {view.kind === 'installningar' && <SettingsView query={query} />}
          </>
        )}
      </QueryState>
    </div>
  );
}
