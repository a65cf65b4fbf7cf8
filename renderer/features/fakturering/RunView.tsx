import { useState } from 'react';
import { useReadOnlyRole } from '../../app/write-access';
import {
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  useId,
} from '@fluentui/react-components';
import type { InvoiceRunView } from '../../../electron/contract/model/invoicing-views';
import { firstDayOfYear, parseCalendarDate, parseYear, yearOf } from '../../../electron/contract/rules/calendar-date';
import { useApiMutation, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import { hrefTo, navigate } from '../../app/router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateInput } from '../../components/DateInput';
import { ExportButton } from '../../components/ExportButton';
import { Facts } from '../../components/Facts';
import { NavTable } from '../../components/NavTable';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatDateTime, formatKr } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { asRefusal, placeRefusal } from '../../lib/refusal';
import { fixTargetOfAssociation, fixTargetOfCustomer, missingText } from './fakturering.view-model';
import { StateBadge, YearField } from './Parts';
import { useFaktureringStyles } from './styles';

const t = sv.fakturering;
const tr = t.run;
/** The blocking list names this many customers, then links to the whole list under Kunder. */
const SHOWN_CUSTOMERS = 5;

/** «Fakturakörning»: drafts the year's invoices (or the year's new members'), shows a run and issues it. */
export function RunView({ today, query }: { today: string; query: URLSearchParams }) {
  const readOnly = useReadOnlyRole('invoicing') !== undefined;
  const styles = useFaktureringStyles();
  const notify = useNotify();
  const headingId = useId('run');
  const runsId = useId('runs');
  const year = parseYear(query.get('ar') ?? '') ?? yearOf(today);
  // Until a date is typed: today in this year's run, the year's first day in another year's.
  const [typedFrom, setJoinedFrom] = useState<string>();
  const joinedFrom = typedFrom ?? (yearOf(today) === year ? today : firstDayOfYear(year));
  const [error, setError] = useState<string>();
  const [dateError, setDateError] = useState<string>();
  const runs = useApiQuery('invoicing/runs-list', { year }, { placeholderData: (previous) => previous });
  const draft = useApiMutation('invoicing/run-draft');
  const selected = query.get('korning') ?? runs.data?.[0]?.id;

  const open = (runId: string) => navigate('fakturering', ['korning'], { ar: String(year), korning: runId });
  const run = async (input: Parameters<typeof draft.mutateAsync>[0]) => {
    setError(undefined);
    setDateError(undefined);
    try {
      const made = await draft.mutateAsync(input);
      notify(tr.drafted(made.title, made.draftCount));
      open(made.id);
    } catch (e) {
      // A refused date belongs beside the date field; anything else above the runs.
      const placed = placeRefusal(asRefusal(e), (f): f is 'joinedFrom' => f === 'joinedFrom');
      if (placed.field !== undefined) setDateError(placed.message);
      else setError(placed.message);
    }
  };
  const draftJoiners = () => {
    const from = parseCalendarDate(joinedFrom);
    if (from === undefined) {
      setDateError(tr.joinedFromInvalid);
      return;
    }
    setDateError(undefined);
    void run({ year, kind: 'joiners', joinedFrom: from });
  };

  return (
    <div className={styles.stack}>
      <section className={styles.section} aria-labelledby={headingId}>
        <h2 id={headingId} className={styles.heading}>
          {tr.heading}
        </h2>
        <Text className={styles.text}>{tr.intro}</Text>
        <div className={styles.toolbar}>
          <YearField label={tr.year} year={year} onYear={(y) => navigate('fakturering', ['korning'], { ar: String(y) })} />
          <Button appearance="primary" disabled={draft.isPending || readOnly} onClick={() => void run({ year, kind: 'year' })}>
            {draft.isPending ? tr.drafting : tr.draftYear(String(year))}
          </Button>
        </div>
        <div className={styles.toolbar}>
          <Field label={tr.joinedFrom} validationMessage={dateError}>
            <DateInput value={joinedFrom} onChange={setJoinedFrom} />
          </Field>
          <Button disabled={draft.isPending || readOnly} onClick={draftJoiners}>
            {tr.draftJoiners}
          </Button>
        </div>
        {error !== undefined && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
      </section>
      <section className={styles.section} aria-labelledby={runsId}>
        <h2 id={runsId} className={styles.heading}>
          {tr.runs}
        </h2>
        <QueryState query={runs}>
          {(list) =>
            list.length === 0 ? (
              <Text className={styles.text} data-ready="true">
                {tr.noRuns}
              </Text>
            ) : (
              <div className={styles.tableWrap} data-ready="true">
                <NavTable aria-labelledby={runsId} size="small">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{tr.runsColumns.title}</TableHeaderCell>
                      <TableHeaderCell>{tr.runsColumns.created}</TableHeaderCell>
                      <TableHeaderCell className={styles.numberHeader}>{tr.runsColumns.drafts}</TableHeaderCell>
                      <TableHeaderCell className={styles.numberHeader}>{tr.runsColumns.issued}</TableHeaderCell>
                      <TableHeaderCell className={styles.numberHeader}>{tr.runsColumns.total}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {list.map((r) => (
                      <TableRow key={r.id} data-run={r.id} aria-current={r.id === selected ? 'true' : undefined}>
                        <TableCell>
                          <Link href={hrefTo('fakturering', ['korning'], { ar: String(year), korning: r.id })} aria-label={tr.openRun(r.title)}>
                            {r.title}
                          </Link>
                        </TableCell>
                        <TableCell className={styles.nowrap}>{formatDateTime(r.createdAt)}</TableCell>
                        <TableCell className={styles.number}>{r.draftCount}</TableCell>
                        <TableCell className={styles.number}>{r.issuedCount}</TableCell>
                        <TableCell className={styles.number}>{formatKr(r.totalOre)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </NavTable>
              </div>
            )
          }
        </QueryState>
      </section>
      {selected !== undefined && <RunDetail key={selected} runId={selected} today={today} />}
    </div>
  );
}

function RunDetail({ runId, today }: { runId: string; today: string }) {
  const run = useApiQuery('invoicing/run-get', { runId, date: today });
  return <QueryState query={run}>{(view) => <RunBody view={view} />}</QueryState>;
}

function RunBody({ view }: { view: InvoiceRunView }) {
  const readOnly = useReadOnlyRole('invoicing') !== undefined;
  const styles = useFaktureringStyles();
  const notify = useNotify();
  const headingId = useId('run-detail');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const issue = useApiMutation('invoicing/issue');
  const blocked = view.missingAssociation.length > 0 || view.missingCustomers.length > 0;
  const draftTotal = view.invoices.filter((i) => i.state === 'draft').reduce((s, i) => s + i.totalOre, 0);

  const issueAll = async () => {
    try {
      const result = await issue.mutateAsync({ runId: view.id });
      setConfirming(false);
      setError(undefined);
      notify(tr.issuedAll(result.issued.length));
    } catch (e) {
      setError(asRefusal(e).message);
    }
  };

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="run-detail">
      <div className={styles.sectionHeader}>
        <h2 id={headingId} className={styles.heading}>
          {view.title}
        </h2>
        <div className={styles.actions}>
          {view.issuedCount > 0 && <ExportButton channel="invoicing/export-run-pdf" label={tr.pdf} input={{ runId: view.id }} />}
          {view.issuedCount > 0 && <ExportButton channel="invoicing/export-run-ubl" label={tr.ubl} input={{ runId: view.id }} />}
          <Button appearance="primary" disabled={view.draftCount === 0 || readOnly} onClick={() => setConfirming(true)}>
            {tr.issueAll}
          </Button>
        </div>
      </div>
      <Facts
        rows={[
          { label: tr.totals.invoices, value: String(view.invoices.length), fact: 'invoices' },
          { label: tr.totals.drafts, value: String(view.draftCount), fact: 'drafts' },
          { label: tr.totals.issued, value: String(view.issuedCount), fact: 'issued' },
          { label: tr.totals.net, value: formatKr(view.netOre), fact: 'net' },
          { label: tr.totals.vat, value: formatKr(view.vatOre), fact: 'vat' },
          { label: tr.totals.total, value: formatKr(view.totalOre), fact: 'total' },
          { label: tr.totals.basis, value: formatKr(view.basisExactOre), fact: 'basis' },
        ]}
      />
      {view.roundingNote !== undefined && (
        <Text className={styles.hint} data-testid="rounding-note">
          {view.roundingNote}
        </Text>
      )}
      {view.splitNote !== undefined && <Text className={styles.hint}>{view.splitNote}</Text>}
      {view.draftCount > 0 && view.checks !== undefined && view.checks.length > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="run-checks">
          <MessageBarBody>
            <MessageBarTitle>{tr.checksTitle}</MessageBarTitle>
            <ul className={styles.list}>
              {view.checks.map((check) => (
                <li key={check}>{check}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {view.draftCount === 0 && <Text className={styles.text}>{tr.noDrafts}</Text>}
      {view.draftCount > 0 && blocked && (
        <MessageBar intent="warning" layout="multiline" data-testid="run-blocking">
          <MessageBarBody>
            <MessageBarTitle>{tr.blockingTitle}</MessageBarTitle>
            <ul className={styles.list}>
              {view.missingAssociation.length > 0 && (
                <li>
                  {tr.association} {missingText(view.missingAssociation)}.{' '}
                  <Link
                    href={hrefTo('fakturering', ['installningar'], fixTargetOfAssociation(view.missingAssociation[0] as (typeof view.missingAssociation)[number]).query)}
                  >
                    {t.invoice.fixAssociation}
                  </Link>
                </li>
              )}
              {view.missingCustomers.slice(0, SHOWN_CUSTOMERS).map((c) => (
                <li key={c.organisationId}>
                  {tr.customer(c.name)} {missingText(c.missing)}.{' '}
                  <Link href={hrefTo('fakturering', ['kunder'], fixTargetOfCustomer(c.organisationId).query)}>{t.invoice.fixCustomer}</Link>
                </li>
              ))}
              {view.missingCustomers.length > SHOWN_CUSTOMERS && (
                <li>
                  {tr.moreCustomers(view.missingCustomers.length - SHOWN_CUSTOMERS)}{' '}
                  <Link href={hrefTo('fakturering', ['kunder'], { ar: String(view.year), saknas: 'ja' })}>{tr.showMissing}</Link>
                </li>
              )}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <h3 className={styles.subheading}>{tr.invoicesHeading}</h3>
      <div className={styles.tableWrap}>
        <NavTable aria-label={tr.invoicesHeading} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.list.columns.number}</TableHeaderCell>
              <TableHeaderCell>{t.list.columns.customer}</TableHeaderCell>
              <TableHeaderCell>{t.list.columns.dueDate}</TableHeaderCell>
              <TableHeaderCell className={styles.numberHeader}>{t.list.columns.total}</TableHeaderCell>
              <TableHeaderCell>{t.list.columns.status}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.invoices.map((row) => (
              <TableRow key={row.id} data-invoice={row.id}>
                <TableCell className={styles.nowrap}>
                  <Link
                    href={hrefTo('fakturering', ['faktura', row.id])}
                    aria-label={t.list.open(row.number === undefined ? t.list.draftNumber.toLowerCase() : row.number, row.customerName)}
                  >
                    {row.number ?? t.list.draftNumber}
                  </Link>
                </TableCell>
                <TableCell>{row.customerName}</TableCell>
                <TableCell className={styles.nowrap}>{row.dueDate === undefined ? '–' : formatDate(row.dueDate)}</TableCell>
                <TableCell className={styles.number}>{formatKr(row.totalOre)}</TableCell>
                <TableCell>
                  <StateBadge state={row.state} label={row.stateLabel} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </NavTable>
      </div>
      <ConfirmDialog
        open={confirming}
        title={tr.issueAllTitle(view.draftCount)}
        confirmLabel={tr.issueAllConfirm}
        danger
        busy={issue.isPending}
        error={error}
        onConfirm={() => void issueAll()}
        onClose={() => {
          setConfirming(false);
          setError(undefined);
        }}
      >
        <Text>{tr.issueAllBody(view.draftCount, formatKr(draftTotal))}</Text>
        <Text weight="semibold">{t.invoice.final}</Text>
      </ConfirmDialog>
    </section>
  );
}
