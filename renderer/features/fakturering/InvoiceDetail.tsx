import { useState } from 'react';
import { useReadOnlyRole } from '../../app/write-access';
import {
  Button,
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
import type { InvoiceView, MissingDetail } from '../../../electron/contract/model/invoicing-views';
import { useApiMutation, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import { hrefTo, navigate } from '../../app/router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ExportButton } from '../../components/ExportButton';
import { Facts } from '../../components/Facts';
import { NavTable } from '../../components/NavTable';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatKr, formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { asRefusal } from '../../lib/refusal';
import { fixTargetOfAssociation, fixTargetOfCustomer, invoiceTitle } from './fakturering.view-model';
import { DraftEditor } from './DraftEditor';
import { settingsFormFields } from './forms.view-model';
import { CreditDialog, PaymentDialog, ReminderDialog } from './InvoiceDialogs';
import { StateBadge } from './Parts';
import { useFaktureringStyles } from './styles';

const t = sv.fakturering;
const ti = t.invoice;

type Dialog = 'issue' | 'delete' | 'credit' | 'pay' | 'reminder' | undefined;

/** One invoice: its facts, lines and totals; a draft is edited and issued here, an issued one credited, paid or reminded. */
export function InvoiceDetail({ invoiceId, today }: { invoiceId: string; today: string }) {
  const invoice = useApiQuery('invoicing/invoice-get', { invoiceId, date: today });
  return <QueryState query={invoice}>{(view) => <InvoiceBody view={view} today={today} />}</QueryState>;
}

/** A missing detail the association fills in (under Inställningar); the others are the customer's (under Kunder). */
const isAssociationDetail = (d: MissingDetail) => settingsFormFields.includes(d.field);

function InvoiceBody({ view, today }: { view: InvoiceView; today: string }) {
  const readOnly = useReadOnlyRole('invoicing') !== undefined;
  const styles = useFaktureringStyles();
  const notify = useNotify();
  const headingId = useId('invoice');
  const linesId = useId('lines');
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<Dialog>();
  const [error, setError] = useState<string>();
  const issue = useApiMutation('invoicing/issue');
  const remove = useApiMutation('invoicing/draft-delete');
  const inv = view.invoice;
  const isDraft = inv.status === 'draft';
  const isInvoice = inv.kind === 'invoice';

  const close = () => {
    setDialog(undefined);
    setError(undefined);
  };
  const doIssue = async () => {
    try {
      const result = await issue.mutateAsync({ invoiceIds: [inv.id] });
      close();
      notify(ti.issued(result.issued[0]?.number ?? ''));
    } catch (e) {
      setError(asRefusal(e).message);
    }
  };
  const doDelete = async () => {
    try {
      await remove.mutateAsync({ invoiceId: inv.id });
      close();
      notify(ti.deleted);
      navigate('fakturering', ['korning']);
    } catch (e) {
      setError(asRefusal(e).message);
    }
  };

  const blockingAssociation = view.blocking.filter(isAssociationDetail);
  const blockingCustomer = view.blocking.filter((d) => !isAssociationDetail(d));
  const address = view.buyerAddress;

  return (
    <div className={styles.stack} data-ready="true">
      <Link href={hrefTo('fakturering')}>{ti.back}</Link>
      <section className={styles.section} aria-labelledby={headingId}>
        <div className={styles.sectionHeader}>
          <h2 id={headingId} className={styles.heading}>
            {invoiceTitle(view)}
          </h2>
          <StateBadge state={view.state} label={view.stateLabel} />
        </div>
        {view.creditOfNumber !== undefined && <Text className={styles.text}>{ti.creditOf(view.creditOfNumber)}</Text>}
        <Facts
          rows={[
            { label: ti.facts.customer, value: view.customerName, fact: 'customer' },
            { label: ti.facts.customerNumber, value: String(view.customerNumber), fact: 'customerNumber' },
            { label: ti.facts.buyerReference, value: inv.buyerReference ?? ti.noReference, fact: 'buyerReference' },
            ...(address ? [{ label: ti.facts.address, value: [address.street, address.street2, `${address.postalCode} ${address.city}`.trim()].filter((s) => s !== undefined && s !== '').join(', '), fact: 'address' }] : []),
            ...(view.issueDate !== undefined ? [{ label: ti.facts.issueDate, value: formatDate(view.issueDate), fact: 'issueDate' }] : []),
            ...(view.dueDate !== undefined ? [{ label: ti.facts.dueDate, value: formatDate(view.dueDate), fact: 'dueDate' }] : []),
            ...(inv.ocr !== undefined ? [{ label: ti.facts.ocr, value: inv.ocr, fact: 'ocr' }] : []),
            ...(view.reminders.length > 0 ? [{ label: ti.facts.reminders, value: view.reminders.map((d) => formatDate(d)).join(', '), fact: 'reminders' }] : []),
          ]}
        />
        {isDraft && view.blocking.length > 0 && (
          <MessageBar intent="warning" layout="multiline" data-testid="invoice-blocking">
            <MessageBarBody>
              <MessageBarTitle>{ti.blockingTitle}</MessageBarTitle> {ti.blockingIntro}{' '}
              {blockingAssociation.length > 0 && (
                <>
                  {blockingAssociation.map((d) => d.label).join(', ')}{' '}
                  <Link href={hrefTo('fakturering', [fixTargetOfAssociation(blockingAssociation[0] as MissingDetail).section], fixTargetOfAssociation(blockingAssociation[0] as MissingDetail).query)}>
                    {ti.fixAssociation}
                  </Link>
                  {blockingCustomer.length > 0 ? '; ' : ''}
                </>
              )}
              {blockingCustomer.length > 0 && (
                <>
                  {blockingCustomer.map((d) => d.label).join(', ')}{' '}
                  <Link href={hrefTo('fakturering', ['kunder'], fixTargetOfCustomer(inv.organisationId).query)}>{ti.fixCustomer}</Link>
                </>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          {isDraft && !editing && (
            <>
              <Button appearance="primary" disabled={readOnly} onClick={() => setDialog('issue')}>
                {ti.issue}
              </Button>
              <Button disabled={readOnly} onClick={() => setEditing(true)}>
                {ti.edit}
              </Button>
              <Button disabled={readOnly} onClick={() => setDialog('delete')}>
                {ti.deleteDraft}
              </Button>
            </>
          )}
          {!isDraft && isInvoice && (
            <>
              {view.remainingOre > 0 && (
                <Button disabled={readOnly} onClick={() => setDialog('pay')}>
                  {ti.pay}
                </Button>
              )}
              {view.remainingOre > 0 && (
                <Button disabled={readOnly} onClick={() => setDialog('credit')}>
                  {ti.credit}
                </Button>
              )}
              {view.state === 'overdue' && (
                <Button disabled={readOnly} onClick={() => setDialog('reminder')}>
                  {ti.reminder}
                </Button>
              )}
            </>
          )}
        </div>
        {!isDraft && (
          <div className={styles.actions} role="group" aria-label={ti.downloads}>
            <ExportButton channel="invoicing/export-pdf" label={ti.pdf} input={{ invoiceId: inv.id }} />
            <ExportButton channel="invoicing/export-ubl" label={ti.ubl} input={{ invoiceId: inv.id }} />
            {isInvoice && (view.state === 'overdue' || view.reminders.length > 0) && (
              <ExportButton channel="invoicing/export-reminder-pdf" label={ti.reminderPdf} input={{ invoiceId: inv.id, date: today }} />
            )}
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby={linesId}>
        <h3 id={linesId} className={styles.heading}>
          {ti.lines}
        </h3>
        {editing ? (
          <DraftEditor view={view} onDone={() => setEditing(false)} />
        ) : (
          <>
            <div className={styles.tableWrap}>
              <NavTable aria-labelledby={linesId} size="small" className={styles.wideTable}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{ti.columns.description}</TableHeaderCell>
                    <TableHeaderCell className={styles.numberHeader}>{ti.columns.quantity}</TableHeaderCell>
                    <TableHeaderCell className={styles.numberHeader}>{ti.columns.unitPrice}</TableHeaderCell>
                    <TableHeaderCell className={styles.numberHeader}>{ti.columns.net}</TableHeaderCell>
                    <TableHeaderCell>{ti.columns.vat}</TableHeaderCell>
                    <TableHeaderCell>{ti.columns.account}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {inv.lines.map((line) => (
                    <TableRow key={line.id} data-line={line.id}>
                      <TableCell>{line.description}</TableCell>
                      <TableCell className={styles.number}>{formatNumber(line.quantity, 3)}</TableCell>
                      <TableCell className={styles.number}>{formatKr(line.unitPriceOre)}</TableCell>
                      <TableCell className={styles.number}>{formatKr(line.netOre)}</TableCell>
                      <TableCell className={styles.nowrap}>{t.vatLabel(line.vat.category, line.vat.ratePercent)}</TableCell>
                      <TableCell className={styles.nowrap}>{line.costCentre ? `${line.incomeAccount} / ${line.costCentre}` : line.incomeAccount}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </NavTable>
            </div>
            <Totals view={view} />
            {inv.note !== undefined && inv.note !== '' && <Text className={styles.text}>{inv.note}</Text>}
          </>
        )}
        {view.roundingNote !== undefined && <Text className={styles.hint}>{view.roundingNote}</Text>}
        {view.splitNote !== undefined && <Text className={styles.hint}>{view.splitNote}</Text>}
      </section>

      {!isDraft && isInvoice && (
        <section className={styles.section} aria-label={ti.payments}>
          <h3 className={styles.heading}>{ti.payments}</h3>
          {view.payments.length === 0 ? (
            <Text className={styles.text}>{ti.noPayments}</Text>
          ) : (
            <ul className={styles.list} data-testid="payments">
              {view.payments.map((p) => (
                <li key={p.id}>
                  {ti.paymentLine(formatDate(p.date), formatKr(p.amountOre))}
                  {p.note !== undefined && p.note !== '' ? ` (${p.note})` : ''}
                </li>
              ))}
            </ul>
          )}
          {view.creditNotes.length > 0 && (
            <>
              <h3 className={styles.heading}>{ti.creditNotes}</h3>
              <ul className={styles.list}>
                {view.creditNotes.map((n) => (
                  <li key={n.id}>
                    <Link href={hrefTo('fakturering', ['faktura', n.id])}>{invoiceTitle(n)}</Link> {formatKr(n.totalOre)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      <ConfirmDialog
        open={dialog === 'issue'}
        title={ti.issueTitle}
        confirmLabel={ti.issueConfirm}
        danger
        busy={issue.isPending}
        error={error}
        onConfirm={() => void doIssue()}
        onClose={close}
      >
        <Text>{ti.issueBody(view.customerName, formatKr(view.totalOre))}</Text>
        <Text weight="semibold">{ti.final}</Text>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'delete'}
        title={ti.deleteTitle}
        confirmLabel={ti.deleteDraft}
        busy={remove.isPending}
        error={error}
        onConfirm={() => void doDelete()}
        onClose={close}
      >
        <Text>{ti.deleteBody}</Text>
      </ConfirmDialog>
      {dialog === 'credit' && <CreditDialog view={view} onClose={close} />}
      {dialog === 'pay' && <PaymentDialog view={view} today={today} onClose={close} />}
      {dialog === 'reminder' && <ReminderDialog view={view} today={today} onClose={close} />}
    </div>
  );
}

function Totals({ view }: { view: InvoiceView }) {
  const styles = useFaktureringStyles();
  const rows: { label: string; value: string; strong?: boolean }[] = [{ label: ti.totals.net, value: formatKr(view.netOre) }];
  for (const b of view.breakdown) {
    if (b.category === 'S') rows.push({ label: ti.totals.vat(`${formatNumber(b.ratePercent)} %`), value: formatKr(b.vatOre) });
    else rows.push({ label: ti.vatOutside(b.exemptionReason ?? t.articles.vatOptions[b.category]), value: formatKr(0) });
  }
  rows.push({ label: ti.totals.total, value: formatKr(view.totalOre), strong: true });
  if (view.invoice.status === 'issued' && view.kind === 'invoice') {
    if (view.creditedOre > 0) rows.push({ label: ti.totals.credited, value: formatKr(view.creditedOre) });
    rows.push({ label: ti.totals.paid, value: formatKr(view.paidOre) });
    rows.push({ label: ti.totals.remaining, value: formatKr(view.remainingOre), strong: true });
  }
  return (
    <dl className={styles.totals} data-testid="invoice-totals">
      {rows.map((r) => (
        <div key={r.label} style={{ display: 'contents' }}>
          <dt className={r.strong ? `${styles.totalsTerm} ${styles.strong}` : styles.totalsTerm}>{r.label}</dt>
          <dd className={r.strong ? `${styles.totalsValue} ${styles.strong}` : styles.totalsValue}>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
