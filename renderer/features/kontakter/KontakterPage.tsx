import { useDeferredValue, useMemo, useState } from 'react';
import { Badge, Button, Combobox, Dropdown, Field, Input, Link, makeStyles, Option, Text, tokens, useId } from '@fluentui/react-components';
import { Add20Regular, Delete20Regular, Search20Regular } from '@fluentui/react-icons';
import { businessAreaLabels, contactRoleLabels } from '../../../electron/contract/labels';
import { businessAreas, contactRoles, type BusinessArea, type ContactFilter, type ContactRole } from '../../../electron/contract/model/records';
import type { ContactRow, SearchAnswer, SelectionSummary } from '../../../electron/contract';
import { useApiMutation, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import type { PageProps } from '../../app/page-props';
import { hrefTo, navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { useTjansterStyles } from '../tjanster/styles';
import { VirtualTable, type VirtualColumn } from '../tjanster/VirtualTable';
import { ReachPanel } from './ReachPanel';
import { SaveSelectionButton } from './SaveSelectionDialog';

const t = sv.kontakter;
const number = new Intl.NumberFormat('sv-SE');

const useStyles = makeStyles({
  search: { maxWidth: '40rem' },
  groups: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: tokens.spacingHorizontalL },
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  groupHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  hits: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  hitLine: { overflowWrap: 'anywhere' },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  filter: { minWidth: '12rem', maxWidth: '16rem' },
  text: { minWidth: '16rem' },
  selection: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  selectionHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  selectionName: { fontWeight: tokens.fontWeightSemibold },
  cellText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block' },
});

/**
 * Kontakter (`#/kontakter`, `?sok=` starts a search): one search over the whole register, the directory of
 * contact persons with its filters, and the saved selections; each list can be reached by e-mail or exported.
 */
export function KontakterPage({ query }: PageProps) {
  const shared = useTjansterStyles();
  return (
    <div className={shared.stack}>
      <PageHeader title={t.title} subtitle={t.subtitle} />
      <GlobalSearch initial={query.get('sok') ?? ''} />
      <Directory />
      <Selections />
    </div>
  );
}

function GlobalSearch({ initial }: { initial: string }) {
  const styles = useStyles();
  const shared = useTjansterStyles();
  const [text, setText] = useState(initial);
  const deferred = useDeferredValue(text.trim());
  const answer = useApiQuery('search/everything', { query: deferred }, { enabled: deferred !== '', placeholderData: (previous) => previous });
  const headingId = useId('search');
  return (
    <section className={shared.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={shared.heading}>
        {t.search.label}
      </h2>
      <Input
        className={styles.search}
        contentBefore={<Search20Regular aria-hidden />}
        value={text}
        onChange={(_, data) => setText(data.value)}
        placeholder={t.search.placeholder}
        aria-label={t.search.label}
        type="search"
        data-testid="global-search"
      />
      {deferred !== '' && answer.data && <SearchResults answer={answer.data} />}
    </section>
  );
}

function SearchResults({ answer }: { answer: SearchAnswer }) {
  const styles = useStyles();
  const shared = useTjansterStyles();
  const nothing = answer.organisations.length + answer.contacts.length + answer.networks.length === 0;
  return (
    <div className={styles.groups} data-testid="search-results" aria-live="polite">
      {nothing && <Text className={shared.hint}>{t.search.nothing(answer.query)}</Text>}
      {answer.organisations.length > 0 && (
        <HitGroup title={t.search.organisations}>
          {answer.organisations.map((o) => (
            <li key={o.id} className={styles.hitLine}>
              <Link href={hrefTo('medlemmar', [o.id])}>{o.name}</Link> <span className={shared.hint}>{o.kindLabel}{o.archived ? `, ${t.search.archived}` : ''}</span>
            </li>
          ))}
        </HitGroup>
      )}
      {answer.contacts.length > 0 && (
        <HitGroup title={t.search.contacts}>
          {answer.contacts.map((c) => (
            <li key={c.id} className={styles.hitLine}>
              <Link href={hrefTo('medlemmar', [c.organisationId])}>{c.name}</Link>{' '}
              <span className={shared.hint}>
                {[c.organisationName, c.email, c.phoneDisplay, c.active ? '' : t.search.ended].filter((p) => p !== '').join(' · ')}
              </span>
            </li>
          ))}
        </HitGroup>
      )}
      {answer.networks.length > 0 && (
        <HitGroup title={t.search.networks}>
          {answer.networks.map((n) => (
            <li key={n.id} className={styles.hitLine}>
              <Link href={hrefTo('natverk', [n.id])}>{n.name}</Link> <span className={shared.hint}>{n.kindLabel}</span>
            </li>
          ))}
        </HitGroup>
      )}
      {answer.missingMunicipalities.length > 0 && (
        <HitGroup title={t.search.missing} testId="search-missing">
          {answer.missingMunicipalities.map((m) => (
            <li key={m.code} className={styles.hitLine}>
              <Button size="small" icon={<Add20Regular />} onClick={() => navigate('medlemmar', [], { 'ny-kommun': m.code })}>
                {t.search.add(m.name)}
              </Button>{' '}
              <span className={shared.hint}>{t.search.missingHint(m.countyName, number.format(m.population))}</span>
            </li>
          ))}
        </HitGroup>
      )}
    </div>
  );
}

function HitGroup({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  const styles = useStyles();
  const id = useId('hits');
  return (
    <div className={styles.group} data-testid={testId}>
      <h3 id={id} className={styles.groupHeading}>
        {title}
      </h3>
      <ul className={styles.hits} aria-labelledby={id}>
        {children}
      </ul>
    </div>
  );
}

const emptyFilter: ContactFilter = { businessAreas: [], roles: [], organisationIds: [], confirmed: 'alla', query: '' };

function Directory() {
  const styles = useStyles();
  const shared = useTjansterStyles();
  const headingId = useId('directory');
  const [filter, setFilter] = useState<ContactFilter>(emptyFilter);
  const [orgText, setOrgText] = useState<string>();
  const deferredFilter = useDeferredValue(filter);
  const directory = useApiQuery('contacts/directory', { filter: deferredFilter }, { placeholderData: (previous) => previous });
  const organisations = useApiQuery('members/list', { archived: 'active' });
  const orgOptions = useMemo(() => {
    const rows = organisations.data?.rows ?? [];
    const typed = orgText?.trim().toLocaleLowerCase('sv-SE') ?? '';
    return typed === '' ? rows : rows.filter((r) => r.name.toLocaleLowerCase('sv-SE').includes(typed));
  }, [organisations.data, orgText]);
  const chosenOrg = organisations.data?.rows.find((r) => r.id === filter.organisationIds[0]);
  const set = (patch: Partial<ContactFilter>) => setFilter((current) => ({ ...current, ...patch }));

  const columns: VirtualColumn<ContactRow>[] = [
    { key: 'name', label: t.directory.columns.name, width: '16%', render: (c) => <span className={styles.cellText} title={c.name}>{c.name}</span> },
    {
      key: 'organisation',
      label: t.directory.columns.organisation,
      width: '14%',
      render: (c) => (
        <Link href={hrefTo('medlemmar', [c.organisationId])} className={styles.cellText}>
          {c.organisationName}
        </Link>
      ),
    },
    { key: 'email', label: t.directory.columns.email, width: '19%', render: (c) => <span className={styles.cellText} title={c.email}>{c.email}</span> },
    { key: 'phone', label: t.directory.columns.phone, width: '12%', render: (c) => <span className={shared.nowrap}>{c.phoneDisplay}</span> },
    { key: 'areas', label: t.directory.columns.areas, width: '17%', render: (c) => <span className={styles.cellText} title={c.businessAreaLabels.join(', ')}>{c.businessAreaLabels.join(', ')}</span> },
    { key: 'roles', label: t.directory.columns.roles, width: '9%', render: (c) => <span className={styles.cellText}>{c.roleLabels.join(', ')}</span> },
    {
      key: 'confirmed',
      label: t.directory.columns.confirmed,
      width: '13%',
      render: (c) =>
        c.confirmationStale ? (
          <Badge appearance="tint" color="warning" size="small" className={shared.nowrap}>
            {t.directory.notConfirmed}
          </Badge>
        ) : (
          <span className={shared.nowrap}>{c.confirmedAt ? formatDate(c.confirmedAt) : ''}</span>
        ),
    },
  ];

  const rows = directory.data?.rows ?? [];
  return (
    <section className={shared.section} aria-labelledby={headingId} data-testid="contacts-directory" data-ready={directory.data === undefined ? 'false' : 'true'}>
      <div className={shared.sectionHeader}>
        <h2 id={headingId} className={shared.heading}>
          {t.directory.heading}
        </h2>
        {directory.data && (
          <Text className={shared.hint} data-testid="directory-count">
            {t.directory.count(directory.data.rows.length, directory.data.total)}
          </Text>
        )}
      </div>
      <div className={styles.filters}>
        <Field label={t.directory.filterText} className={styles.text}>
          <Input value={filter.query} onChange={(_, data) => set({ query: data.value })} placeholder={t.directory.filterTextPlaceholder} data-testid="directory-text" />
        </Field>
        <Field label={t.directory.businessArea} className={styles.filter}>
          <Dropdown
            multiselect
            placeholder={t.directory.all}
            value={filter.businessAreas.map((a) => businessAreaLabels[a]).join(', ')}
            selectedOptions={[...filter.businessAreas]}
            onOptionSelect={(_, data) => set({ businessAreas: data.selectedOptions as BusinessArea[] })}
            data-testid="directory-area"
          >
            {businessAreas.map((a) => (
              <Option key={a} value={a}>
                {businessAreaLabels[a]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t.directory.role} className={styles.filter}>
          <Dropdown
            multiselect
            placeholder={t.directory.all}
            value={filter.roles.map((r) => contactRoleLabels[r]).join(', ')}
            selectedOptions={[...filter.roles]}
            onOptionSelect={(_, data) => set({ roles: data.selectedOptions as ContactRole[] })}
            data-testid="directory-role"
          >
            {contactRoles.map((r) => (
              <Option key={r} value={r}>
                {contactRoleLabels[r]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t.directory.organisation} className={styles.filter}>
          <Combobox
            freeform
            clearable
            expandIcon={{ 'aria-label': sv.app.showOptions }}
            placeholder={t.directory.organisationPlaceholder}
            value={orgText ?? chosenOrg?.name ?? ''}
            selectedOptions={filter.organisationIds}
            onChange={(e) => {
              setOrgText(e.target.value);
              if (e.target.value === '') set({ organisationIds: [] });
            }}
            onOptionSelect={(_, data) => {
              setOrgText(undefined);
              set({ organisationIds: data.optionValue ? [data.optionValue] : [] });
            }}
            data-testid="directory-organisation"
          >
            {orgOptions.map((o) => (
              <Option key={o.id} value={o.id}>
                {o.name}
              </Option>
            ))}
          </Combobox>
        </Field>
        <Field label={t.directory.confirmed} className={styles.filter}>
          <Dropdown
            value={t.directory.confirmedOptions[filter.confirmed]}
            selectedOptions={[filter.confirmed]}
            onOptionSelect={(_, data) => set({ confirmed: (data.optionValue ?? 'alla') as ContactFilter['confirmed'] })}
            data-testid="directory-confirmed"
          >
            {(['alla', 'bekraftade', 'obekraftade'] as const).map((c) => (
              <Option key={c} value={c}>
                {t.directory.confirmedOptions[c]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <QueryState query={directory}>
        {() =>
          rows.length === 0 ? (
            <Text className={shared.hint}>{t.directory.empty}</Text>
          ) : (
            <VirtualTable rows={rows} columns={columns} rowKey={(c) => c.id} label={t.directory.listLabel} testId="directory-table" />
          )
        }
      </QueryState>
      <ReachPanel source={{ criteria: { kind: 'kontakter', filter: deferredFilter } }} fileName={t.directory.heading} testId="directory-reach" />
      <div>
        <SaveSelectionButton criteria={{ kind: 'kontakter', filter: deferredFilter }} suggestedName="" disabled={rows.length === 0} />
      </div>
    </section>
  );
}

function Selections() {
  const shared = useTjansterStyles();
  const headingId = useId('selections');
  const selections = useApiQuery('selections/list', {});
  return (
    <section className={shared.section} aria-labelledby={headingId} data-testid="selections">
      <h2 id={headingId} className={shared.heading}>
        {t.selections.heading}
      </h2>
      <QueryState query={selections}>
        {(list) =>
          list.length === 0 ? <Text className={shared.hint}>{t.selections.empty}</Text> : list.map((s) => <SelectionItem key={s.id} selection={s} />)
        }
      </QueryState>
    </section>
  );
}

function SelectionItem({ selection }: { selection: SelectionSummary }) {
  const styles = useStyles();
  const shared = useTjansterStyles();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const remove = useApiMutation('selections/delete');
  const doRemove = async () => {
    try {
      await remove.mutateAsync({ selectionId: selection.id });
      notify(t.selections.removed(selection.name));
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'error');
    }
  };
  return (
    <div className={styles.selection} data-testid="selection-item">
      <div className={styles.selectionHead}>
        <div>
          <Text className={styles.selectionName}>{selection.name}</Text>
          <Text as="p" className={shared.hint}>
            {selection.description}
          </Text>
        </div>
        <div>
          <Button appearance="subtle" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-label={t.selections.reachLabel(selection.name)}>
            {t.selections.reach}
          </Button>
          <Button appearance="subtle" icon={<Delete20Regular />} onClick={() => void doRemove()} aria-label={t.selections.removeLabel(selection.name)}>
            {t.selections.remove}
          </Button>
        </div>
      </div>
      {open && <ReachPanel source={{ selectionId: selection.id }} fileName={selection.name} />}
    </div>
  );
}
