import { useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Dropdown,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { NavTable } from '../../components/NavTable';
import { Archive20Regular, ArrowLeft16Regular, ArrowUndo20Regular, Edit20Regular } from '@fluentui/react-icons';
import { keepPreviousData } from '@tanstack/react-query';
import type { MemberStatus, OrganisationPage } from '../../../electron/contract';
import { useApiMutation, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import { hrefTo } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { ContactsSection } from './ContactsSection';
import { MembershipSection } from './MembershipSection';
import { OrganisationDialog } from './OrganisationDialog';
import { changeRows, factRows, feeViewModel, feeYears, networkViewModels } from './organisation-page.view-model';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Facts } from '../../components/Facts';
import { Section, useSharedStyles, useToday } from './shared';

const t = sv.medlemmar.page;

const useStyles = makeStyles({
  back: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalS },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  status: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  statusBadge: { alignSelf: 'flex-start' },
  feeHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  feeTotal: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  feeLines: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) max-content',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  yearPicker: { width: '140px' },
  yearDropdown: { minWidth: 0, width: '100%' },
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: 0 },
  diff: { display: 'block', overflowWrap: 'anywhere' },
  diffField: { fontWeight: tokens.fontWeightSemibold },
  arrow: { color: tokens.colorNeutralForeground3 },
  entries: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  networkName: { fontWeight: tokens.fontWeightSemibold },
});

const statusColor: Record<MemberStatus, 'success' | 'warning' | 'informative' | 'danger' | 'subtle'> = {
  medlem: 'success',
  uppsagd: 'warning',
  'medlem-via-grupp': 'informative',
  uttradd: 'danger',
  'aldrig-medlem': 'subtle',
};

function FeeSection({ page, years, onYear }: { page: OrganisationPage; years: number[]; onYear: (year: number) => void }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const vm = feeViewModel(page.fee, page.feeMessage, page.year);
  return (
    <Section title={t.fee} testId="fee-section">
      <div className={styles.feeHead}>
        {'message' in vm ? (
          <Text data-testid="fee-message">{vm.message}</Text>
        ) : (
          <div>
            <Text className={shared.muted}>{vm.totalLabel}</Text>
            <div className={styles.feeTotal} data-testid="fee-total">
              {vm.total}
            </div>
          </div>
        )}
        <Field label={t.feeYear} className={styles.yearPicker}>
          <Dropdown
            className={styles.yearDropdown}
            value={String(page.year)}
            selectedOptions={[String(page.year)]}
            onOptionSelect={(_, data) => onYear(Number(data.optionValue))}
          >
            {years.map((y) => (
              <Option key={y} value={String(y)}>
                {String(y)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      {!('message' in vm) && (
        <>
          <dl className={styles.feeLines}>
            {vm.band !== undefined && (
              <div style={{ display: 'contents' }}>
                <dt className={shared.term}>{sv.medlemmar.fee.band}</dt>
                <dd className={shared.value}>{vm.band}</dd>
              </div>
            )}
            {vm.lines.map((line) => (
              <div key={line.label} style={{ display: 'contents' }}>
                <dt className={shared.term}>{line.label}</dt>
                <dd className={`${shared.value} ${shared.number}`}>{line.amount}</dd>
              </div>
            ))}
          </dl>
          <div>
            <Text weight="semibold">{sv.medlemmar.fee.explanation}</Text>
            <ul className={shared.list} data-testid="fee-explanation">
              {vm.explanation.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        </>
      )}
    </Section>
  );
}

function StatusSection({ page }: { page: OrganisationPage }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const groupNames = page.groups.filter((g) => page.status.viaGroupIds.includes(g.id)).map((g) => g.name);
  const period = page.timeline.periods.find((p) => p.id === page.status.periodId);
  return (
    <Section title={t.statusToday}>
      <div className={styles.status}>
        <Badge className={styles.statusBadge} appearance="tint" size="large" color={statusColor[page.status.status]} data-testid="member-status">
          {sv.medlemmar.statuses[page.status.status]}
        </Badge>
        <Text className={shared.muted}>{t.statusAt(formatDate(page.date, 'long'))}</Text>
        {period && <Text>{period.startKnown === 'before' ? t.memberSinceBefore(formatDate(period.joined)) : t.memberSince(formatDate(period.joined))}</Text>}
        {period?.left !== undefined && <Text>{t.memberUntil(formatDate(period.left))}</Text>}
        {groupNames.length > 0 && <Text>{t.viaGroups(groupNames.join(', '))}</Text>}
      </div>
      {page.groupMembers.length > 0 && (
        <Facts
          rows={[
            {
              label: t.groupMembers,
              value: (
                <ul className={shared.list}>
                  {page.groupMembers.map((m) => (
                    <li key={m.id}>
                      <Link href={hrefTo('medlemmar', [m.id])}>{m.name}</Link> <span className={shared.muted}>({m.statusLabel})</span>
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
      {page.groups.length > 0 && (
        <Facts
          rows={[
            {
              label: t.groups,
              value: (
                <ul className={shared.list}>
                  {page.groups.map((g) => (
                    <li key={g.id}>
                      <Link href={hrefTo('medlemmar', [g.id])}>{g.name}</Link> <span className={shared.muted}>({g.kindLabel}, {g.statusLabel.toLocaleLowerCase('sv-SE')})</span>
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </Section>
  );
}

function ChangesSection({ page }: { page: OrganisationPage }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const names = useMemo(() => new Map(page.groupMembers.map((m) => [m.id, m.name])), [page.groupMembers]);
  const rows = useMemo(() => changeRows(page.changes.entries, (id) => names.get(id)), [page.changes.entries, names]);
  const cols = t.changeColumns;
  return (
    <Section
      title={t.changes}
      wide
      testId="changes-section"
      // The whole register's log, filtered to this organisation, with the filters for more.
      actions={<Link href={hrefTo('andringslogg', [], { org: page.organisation.id })}>{t.changesInLog}</Link>}
    >
      {rows.length === 0 ? (
        <Text className={shared.muted}>{t.noChanges}</Text>
      ) : (
        <>
          {page.changes.total > rows.length && <Text className={shared.muted}>{t.changesShown(formatNumber(rows.length), page.changes.total)}</Text>}
          <NavTable size="small" aria-label={t.changes}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: '140px' }}>{cols.at}</TableHeaderCell>
                <TableHeaderCell style={{ width: '180px' }}>{cols.what}</TableHeaderCell>
                <TableHeaderCell>{cols.summary}</TableHeaderCell>
                <TableHeaderCell>{cols.details}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id} data-testid="change-row">
                  <TableCell className={shared.number} style={{ textAlign: 'start' }}>
                    {row.at}
                  </TableCell>
                  <TableCell>{row.what}</TableCell>
                  <TableCell>{row.summary}</TableCell>
                  <TableCell>
                    {row.diffs.map((d) => (
                      <span key={d.field} className={styles.diff}>
                        <span className={styles.diffField}>{d.field}:</span> {d.before} <span className={styles.arrow}>→</span> {d.after}
                      </span>
                    ))}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </NavTable>
        </>
      )}
    </Section>
  );
}

function Organisation({
  page,
  today,
  onYear,
  focusContactId,
}: {
  page: OrganisationPage;
  today: string;
  onYear: (year: number) => void;
  focusContactId?: string | undefined;
}) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const notify = useNotify();
  const tables = useApiQuery('fees/list-tables', {});
  const archive = useApiMutation('members/archive');
  const unarchive = useApiMutation('members/unarchive');
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const org = page.organisation;
  const years = feeYears(today, tables.data?.[0]?.year);
  const networks = networkViewModels(page.networks);
  const facts = factRows(page);

  return (
    <>
      <Link href={hrefTo('medlemmar')} className={styles.back}>
        <ArrowLeft16Regular aria-hidden />
        {t.back}
      </Link>
      <PageHeader
        title={org.name}
        subtitle={[sv.medlemmar.kinds[org.kind], page.facts.countyName].filter(Boolean).join(' · ')}
        actions={
          <>
            {org.archived && (
              <Badge appearance="outline" color="subtle" size="large">
                {t.archivedBadge}
              </Badge>
            )}
            <Button icon={<Edit20Regular />} onClick={() => setEditing(true)}>
              {t.edit}
            </Button>
            {org.archived ? (
              <Button
                icon={<ArrowUndo20Regular />}
                disabled={unarchive.isPending}
                onClick={() =>
                  unarchive.mutate(
                    { id: org.id },
                    {
                      onSuccess: () => notify(t.unarchived(org.name)),
                      onError: (error) => notify(sv.medlemmar.common.saveFailed(error.message), 'error'),
                    },
                  )
                }
              >
                {t.unarchive}
              </Button>
            ) : (
              <Button icon={<Archive20Regular />} onClick={() => setArchiving(true)}>
                {t.archive}
              </Button>
            )}
          </>
        }
      />
      <div className={styles.grid} data-ready="true">
        <Section title={t.facts} testId="facts-section">
          <Facts
            rows={facts.map((f) => ({
              label: f.label,
              value: f.href ? (
                <Link href={f.href} target="_blank" rel="noreferrer">
                  {f.value}
                </Link>
              ) : (
                f.value
              ),
            }))}
          />
        </Section>
        <StatusSection page={page} />
        <MembershipSection organisationId={org.id} organisationName={org.name} timeline={page.timeline} today={today} />
        <ContactsSection organisationId={org.id} contacts={page.contacts} today={today} focusContactId={focusContactId} />
        <FeeSection page={page} years={years} onYear={onYear} />
        <div className={styles.stack}>
          <Section title={t.services}>
            {page.servicesUsed.length === 0 ? (
              <Text className={shared.muted}>{t.noServices}</Text>
            ) : (
              <ul className={shared.list}>
                {page.servicesUsed.map((s) => (
                  <li key={s.usageId}>
                    <Link href={hrefTo('tjanster', [s.serviceId])}>{s.serviceName}</Link>{' '}
                    <span className={shared.muted}>
                      {t.serviceFrom(formatDate(s.from))}
                      {s.viaOrganisationName !== undefined && `, ${t.serviceVia(s.viaOrganisationName)}`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t.networks}>
            {networks.length === 0 ? (
              <Text className={shared.muted}>{t.noNetworks}</Text>
            ) : (
              <ul className={shared.list}>
                {networks.map((n) => (
                  <li key={n.id}>
                    <Link href={hrefTo('natverk', [n.id])} className={styles.networkName}>
                      {n.name}
                    </Link>{' '}
                    <span className={shared.muted}>({n.kind})</span>
                    {n.lines.length > 0 && (
                      <ul className={styles.entries}>
                        {n.lines.map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>
        <ChangesSection page={page} />
      </div>
      {editing && <OrganisationDialog organisation={org} onClose={() => setEditing(false)} />}
      {archiving && (
        <ConfirmDialog
          open
          title={t.archiveTitle(org.name)}
          confirmLabel={t.archive}
          busy={archive.isPending}
          error={archive.error?.message}
          onClose={() => {
            archive.reset();
            setArchiving(false);
          }}
          onConfirm={() =>
            archive.mutate(
              { id: org.id },
              {
                onSuccess: () => {
                  notify(t.archived(org.name));
                  setArchiving(false);
                },
              },
            )
          }
        >
          <Text>{t.archiveBody}</Text>
        </ConfirmDialog>
      )}
    </>
  );
}

export function OrganisationView({ id, focusContactId }: { id: string; focusContactId?: string | undefined }) {
  const today = useToday();
  const [year, setYear] = useState<number>();
  const page = useApiQuery('members/get', { id, ...(year !== undefined ? { year } : {}) }, { placeholderData: keepPreviousData });

  if (page.isError && page.error.code === 'not-found') {
    return (
      <>
        <PageHeader title={sv.medlemmar.title} />
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.notFound}</MessageBarBody>
        </MessageBar>
        <p>
          <Link href={hrefTo('medlemmar')}>{t.back}</Link>
        </p>
      </>
    );
  }
  return (
    <QueryState query={page}>
      {(data) => <Organisation page={data} today={today ?? data.date} onYear={setYear} focusContactId={focusContactId} />}
    </QueryState>
  );
}
