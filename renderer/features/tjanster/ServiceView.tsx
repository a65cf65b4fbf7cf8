import { useMemo, useState } from 'react';
import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
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
import { Archive20Regular, ArrowLeft20Regular, ArrowUndo20Regular, Edit20Regular } from '@fluentui/react-icons';
import type { ServiceDetail } from '../../../electron/contract';
import { useApiMutation, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import { hrefTo } from '../../app/router';
import { Facts } from '../../components/Facts';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { UsersOverTimeChart } from './Charts';
import { DateField } from './Parts';
import { ServiceDialog } from './ServiceDialog';
import { pricingVm, serviceFacts, serviceFigures, userRows, usersChartVm, type UserRowVm } from './service-page.view-model';
import { useTjansterStyles } from './styles';
import type { ViewDate } from './dates';
import { VirtualTable, type VirtualColumn } from './VirtualTable';
import { NonUsersSection } from './NonUsersSection';
import { ReachPanel } from '../kontakter/ReachPanel';
import { yearOf } from '../../../electron/contract/rules/calendar-date';

const t = sv.tjanster;
const s = t.service;

const useStyles = makeStyles({
  back: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalS },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '@media (min-width: 1100px)': { gridTemplateColumns: 'minmax(0, 5fr) minmax(0, 6fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingHorizontalL, minWidth: 0 },
  term: { margin: 0, color: tokens.colorNeutralForeground3 },
  description: { margin: 0, whiteSpace: 'pre-wrap' },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: tokens.spacingHorizontalL, margin: 0 },
  figure: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, margin: 0 },
  figureValue: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function ServiceView({ serviceId, viewDate }: { serviceId: string; viewDate: ViewDate }) {
  const styles = useStyles();
  const service = useApiQuery('services/get', { serviceId, date: viewDate.date }, { placeholderData: (previous) => previous });
  return (
    <>
      <Link href={hrefTo('tjanster')} className={styles.back}>
        <ArrowLeft20Regular aria-hidden />
        {s.back}
      </Link>
      {service.isError && service.error.code === 'not-found' ? (
        <>
          <PageHeader title={t.title} />
          <MessageBar intent="warning">
            <MessageBarBody>{s.notFound}</MessageBarBody>
          </MessageBar>
        </>
      ) : (
        <QueryState query={service}>{(detail) => <ServiceContent detail={detail} viewDate={viewDate} />}</QueryState>
      )}
    </>
  );
}

function ServiceContent({ detail, viewDate }: { detail: ServiceDetail; viewDate: ViewDate }) {
  const styles = useStyles();
  const shared = useTjansterStyles();
  const notify = useNotify();
  const [editing, setEditing] = useState(false);
  const archive = useApiMutation('services/archive');
  const adoption = useApiQuery(
    'usage/get-adoption',
    { date: viewDate.date, serviceIds: [detail.id], step: 'monthly' },
    { placeholderData: (previous) => previous },
  );
  const factsId = useId('facts');
  const figuresId = useId('figures');
  const chartId = useId('chart');
  const usersId = useId('users');

  const facts = serviceFacts(detail);
  const pricing = pricingVm(detail);
  const figures = serviceFigures(detail, adoption.data);
  const chart = useMemo(() => (adoption.data ? usersChartVm(detail.name, detail.id, adoption.data) : undefined), [adoption.data, detail.name, detail.id]);
  const users = useMemo(() => userRows(detail), [detail]);

  const toggleArchive = async () => {
    try {
      const saved = await archive.mutateAsync({ serviceId: detail.id, archived: !detail.archived });
      notify(saved.archived ? s.archivedDone(saved.name) : s.restoredDone(saved.name));
    } catch (error) {
      notify((error as Error).message, 'error');
    }
  };

  const columns: VirtualColumn<UserRowVm>[] = [
    { key: 'name', label: s.usersColumns.name, render: (u) => <Link href={hrefTo('medlemmar', [u.organisationId])}>{u.name}</Link> },
    { key: 'member', label: s.usersColumns.member, render: (u) => u.member },
    { key: 'from', label: s.usersColumns.from, numeric: true, render: (u) => u.from },
    { key: 'to', label: s.usersColumns.to, numeric: true, render: (u) => u.to },
    { key: 'via', label: s.usersColumns.via, render: (u) => u.via },
  ];

  return (
    <div className={shared.stack} data-ready="true">
      <PageHeader
        title={detail.name}
        subtitle={t.asOf(formatDate(detail.date, 'long'))}
        actions={
          <>
            <Button icon={<Edit20Regular />} onClick={() => setEditing(true)}>
              {s.edit}
            </Button>
            <Button icon={detail.archived ? <ArrowUndo20Regular /> : <Archive20Regular />} onClick={() => void toggleArchive()} disabled={archive.isPending}>
              {detail.archived ? s.restore : s.archive}
            </Button>
          </>
        }
      />
      {detail.archived && (
        <MessageBar intent="info">
          <MessageBarBody>{s.archivedNote}</MessageBarBody>
        </MessageBar>
      )}
      <div className={shared.toolbar}>
        <DateField label={t.viewDate} value={viewDate.typed ?? viewDate.date} onChange={viewDate.setTyped} error={viewDate.error} testId="view-date" />
      </div>
      <div className={styles.grid}>
        <section className={shared.section} aria-labelledby={factsId}>
          <h2 id={factsId} className={shared.heading}>
            {s.facts}
          </h2>
          <p className={styles.description}>{detail.description || s.noDescription}</p>
          <Facts
            rows={[
              ...facts.map((f) => ({
                label: f.label,
                fact: f.key,
                value: f.href ? <Link href={hrefTo('natverk', [f.href.networkId])}>{f.value}</Link> : f.value,
              })),
              { label: pricing.heading, fact: 'pricing', value: <span className={pricing.missing ? styles.missing : undefined}>{pricing.text}</span> },
            ]}
          />
          {pricing.bands && (
            <NavTable size="extra-small" aria-label={s.bands}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.form.bandFrom}</TableHeaderCell>
                  <TableHeaderCell className={shared.numberHeader}>{t.form.bandFee}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {pricing.bands.map((b) => (
                  <TableRow key={b.key}>
                    <TableCell>{b.range}</TableCell>
                    <TableCell className={shared.number}>{b.fee}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </NavTable>
          )}
        </section>
        <div className={styles.column}>
          <section className={shared.section} aria-labelledby={figuresId}>
            <h2 id={figuresId} className={shared.heading}>
              {s.figures}
            </h2>
            <dl className={styles.figures}>
              {figures.map((f) => (
                <div key={f.key} className={styles.figure} data-figure={f.key}>
                  <dt className={styles.term}>{f.label}</dt>
                  <dd className={styles.figureValue} data-testid="figure-value">
                    {f.value}
                  </dd>
                  {f.hint && <dd className={shared.hint}>{f.hint}</dd>}
                </div>
              ))}
            </dl>
          </section>
          <section className={shared.section} aria-labelledby={chartId}>
            <h2 id={chartId} className={shared.heading}>
              {s.chart}
            </h2>
            <QueryState query={adoption}>{() => chart && <UsersOverTimeChart vm={chart} />}</QueryState>
          </section>
        </div>
      </div>
      <section className={shared.section} aria-labelledby={usersId}>
        <h2 id={usersId} className={shared.heading}>
          {s.usersList}
        </h2>
        {users.length === 0 ? (
          <Text className={shared.hint}>{s.usersEmpty}</Text>
        ) : (
          <VirtualTable rows={users} columns={columns} rowKey={(u) => u.organisationId} label={s.usersList} testId="service-users" />
        )}
        <ReachPanel source={{ criteria: { kind: 'anvander', serviceId: detail.id } }} fileName={`${s.usersList} ${detail.name}`} date={detail.date} testId="users-reach" />
      </section>
      <NonUsersSection serviceId={detail.id} date={detail.date} />
      {editing && <ServiceDialog mode={{ kind: 'edit', service: detail }} onClose={() => setEditing(false)} defaultYear={yearOf(detail.date)} />}
    </div>
  );
}
