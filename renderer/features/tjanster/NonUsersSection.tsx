import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox, Link, makeStyles, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Text, tokens, useId } from '@fluentui/react-components';
import { PeopleSearch20Regular } from '@fluentui/react-icons';
import type { NonUserRow, NonUsersAnswer } from '../../../electron/contract';
import { useApiQuery } from '../../app/api';
import { hrefTo, navigate } from '../../app/router';
import { ExportButton } from '../../components/ExportButton';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { ReachPanel } from '../kontakter/ReachPanel';
import { SaveSelectionButton } from '../kontakter/SaveSelectionDialog';
import { useTjansterStyles } from './styles';
import { VirtualTable, type VirtualColumn } from './VirtualTable';

const t = sv.kontakter.nonUsers;
const SHOW_PARAM = 'visa';
const SHOW_VALUE = 'anvander-inte';
const number = new Intl.NumberFormat('sv-SE');

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  cellText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block' },
  // A county's name wraps in its column (a narrow window, 200 % zoom) rather than being cut.
  wrapText: { display: 'block', whiteSpace: 'normal' },
});

function contactsText(row: NonUserRow): string {
  return row.contacts.map((c) => (c.email !== '' ? `${c.name} <${c.email}>` : c.name)).join(', ');
}

function exportInput(answer: NonUsersAnswer) {
  return {
    title: t.exportTitle(answer.serviceName).slice(0, 100),
    filtersDescription: t.exportFilters(answer.date, answer.includeNonMembers),
    columns: [
      { header: t.columns.name, kind: 'text' as const },
      { header: t.columns.member, kind: 'text' as const },
      { header: t.columns.population, kind: 'integer' as const },
      { header: t.columns.county, kind: 'text' as const },
      { header: t.columns.contacts, kind: 'text' as const },
    ],
    rows: answer.rows.map((r) => [r.name, r.member ? t.yes : t.no, r.population > 0 ? r.population : null, r.countyName, contactsText(r)]),
  };
}

/**
 * «Använder inte» on a service page: the members (and, when ticked, the non-member municipalities) that do not
 * use the service at the page's date, with the contacts of its business area; exportable, savable as a
 * selection, and reachable by e-mail.
 */
export function NonUsersSection({ serviceId, date }: { serviceId: string; date: string }) {
  const styles = useStyles();
  const shared = useTjansterStyles();
  const headingId = useId('non-users');
  const [includeNonMembers, setIncludeNonMembers] = useState(false);
  const answer = useApiQuery('services/non-users', { serviceId, date, includeNonMembers }, { placeholderData: (previous) => previous });
  const sectionRef = useRef<HTMLElement>(null);
  const scrolled = useRef(false);
  const loaded = answer.data !== undefined;
  // Opened from the matrix's «Använder inte…»: the list is what the user came for, once it is there to see.
  useEffect(() => {
    if (!loaded || scrolled.current || !window.location.hash.includes(`${SHOW_PARAM}=${SHOW_VALUE}`)) return;
    scrolled.current = true;
    sectionRef.current?.scrollIntoView({ block: 'start' });
  }, [loaded]);

  // The short columns are sized by their headings («Medlem», «Folkmängd»), not by a share of the width, so they
  // keep their words at 200 % zoom; the county wraps between words. Below 40rem the list scrolls sideways.
  const columns: VirtualColumn<NonUserRow>[] = [
    {
      key: 'name',
      label: t.columns.name,
      width: '18%',
      render: (r) => (r.organisationId ? <Link href={hrefTo('medlemmar', [r.organisationId])}>{r.name}</Link> : <span title={t.notInRegister}>{r.name}</span>),
    },
    { key: 'member', label: t.columns.member, width: '4.5rem', render: (r) => (r.member ? t.yes : t.no) },
    { key: 'population', label: t.columns.population, numeric: true, width: '6.5rem', render: (r) => (r.population > 0 ? number.format(r.population) : '') },
    { key: 'county', label: t.columns.county, width: '22%', render: (r) => <span className={styles.wrapText}>{r.countyName}</span> },
    {
      key: 'contacts',
      label: t.columns.contacts,
      render: (r) =>
        r.contacts.length === 0 ? (
          <span className={shared.hint}>{r.organisationId ? t.noContact : t.notInRegister}</span>
        ) : (
          <span className={styles.cellText} title={contactsText(r)}>
            {contactsText(r)}
          </span>
        ),
    },
  ];

  return (
    <section ref={sectionRef} className={shared.section} aria-labelledby={headingId} data-testid="non-users">
      <div className={shared.sectionHeader}>
        <h2 id={headingId} className={shared.heading}>
          {t.heading}
        </h2>
        {answer.data && (
          <Text className={shared.hint} data-testid="non-users-count">
            {t.count(answer.data.rows.length)} · {formatDate(answer.data.date, 'long')}
          </Text>
        )}
      </div>
      <Text className={shared.hint}>{t.intro(answer.data?.businessAreaLabel.toLocaleLowerCase('sv-SE') ?? '')}</Text>
      <Checkbox label={t.includeNonMembers} checked={includeNonMembers} onChange={(_, data) => setIncludeNonMembers(data.checked === true)} data-testid="non-users-all" />
      <QueryState query={answer}>
        {(data) => (
          <>
            {data.rows.length === 0 ? (
              <Text className={shared.hint}>{t.empty}</Text>
            ) : (
              <VirtualTable rows={data.rows} columns={columns} rowKey={(r) => r.organisationId ?? `ref-${r.municipalityCode ?? r.name}`} label={t.listLabel} testId="non-users-table" minWidth="40rem" />
            )}
            <div className={styles.actions}>
              <ExportButton channel="exports/table" label={t.export} input={() => exportInput(data)} disabled={data.rows.length === 0} />
              <SaveSelectionButton criteria={{ kind: 'anvander-inte', serviceId, includeNonMembers }} suggestedName={t.selectionName(data.serviceName)} />
            </div>
            <ReachPanel source={{ criteria: { kind: 'anvander-inte', serviceId, includeNonMembers } }} fileName={t.selectionName(data.serviceName)} date={date} testId="non-users-reach" />
          </>
        )}
      </QueryState>
    </section>
  );
}

/** The matrix's way to «Använder inte»: pick a service, its page opens at the list. */
export function NonUsersMenu({ services }: { services: readonly { serviceId: string; name: string }[] }) {
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button icon={<PeopleSearch20Regular />} disabled={services.length === 0} aria-label={t.openLabel} data-testid="matrix-non-users">
          {t.open}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {services.map((s) => (
            <MenuItem key={s.serviceId} onClick={() => navigate('tjanster', [s.serviceId], { [SHOW_PARAM]: SHOW_VALUE })}>
              {s.name}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
