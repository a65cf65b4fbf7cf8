import {
  Checkbox,
  Dropdown,
  Field,
  Link,
  mergeClasses,
  Option,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  useId,
} from '@fluentui/react-components';
import { useApiQuery } from '../../app/api';
import { byData, useFocusOnArrival } from '../../app/focus';
import { currentQuery, hrefTo, navigate, previousLocationHash } from '../../app/router';
import { ExportButton } from '../../components/ExportButton';
import { NavTable } from '../../components/NavTable';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatKr } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { yearOf } from '../../../electron/contract/rules/calendar-date';
import { invoiceListStatuses } from '../../../electron/contract/channels/invoicing.channels';
import { filterFromQuery, listTotals, queryOfFilter, type InvoiceFilter } from './fakturering.view-model';
import { StateBadge, YearField } from './Parts';
import { useFaktureringStyles } from './styles';

const t = sv.fakturering;
const c = t.list.columns;

/** «Fakturor»: the invoices of a year by status, each opening its lines. */
export function InvoiceList({ today, query }: { today: string; query: URLSearchParams }) {
  const styles = useFaktureringStyles();
  const headingId = useId('invoices');
  const filter = filterFromQuery(query, yearOf(today));
  const invoices = useApiQuery(
    'invoicing/invoices-list',
    { ...(filter.year === undefined ? {} : { year: filter.year }), status: filter.status, date: today },
    { placeholderData: (previous) => previous },
  );
  // Back from an invoice: focus lands on the row that was opened.
  const previous = /^#\/fakturering\/faktura\/([^/?]+)/u.exec(previousLocationHash())?.[1];
  useFocusOnArrival(previous === undefined ? undefined : `${byData('data-invoice', decodeURIComponent(previous))} a`, { onlyIfNowhere: true });

  const setFilter = (change: Partial<InvoiceFilter>) => {
    const base = filterFromQuery(currentQuery(), yearOf(today));
    navigate('fakturering', [], queryOfFilter({ ...base, ...change }));
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.sectionHeader}>
        <h2 id={headingId} className={styles.heading}>
          {t.list.heading}
        </h2>
      </div>
      <div className={styles.toolbar}>
        {filter.year !== undefined && <YearField label={t.list.year} year={filter.year} onYear={(year) => setFilter({ year })} />}
        <Checkbox
          label={t.list.allYears}
          checked={filter.year === undefined}
          onChange={(_, d) => setFilter({ year: d.checked === true ? undefined : yearOf(today) })}
        />
        {filter.year !== undefined && <ExportButton channel="invoicing/export-sie" label={t.list.sie(filter.year)} input={{ year: filter.year }} />}
        <Field label={t.list.status}>
          <Dropdown
            className={styles.dropdown}
            value={t.list.statuses[filter.status]}
            selectedOptions={[filter.status]}
            onOptionSelect={(_, d) => setFilter({ status: (d.optionValue ?? 'all') as InvoiceFilter['status'] })}
          >
            {invoiceListStatuses.map((s) => (
              <Option key={s} value={s}>
                {t.list.statuses[s]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <QueryState query={invoices}>
        {(rows) => {
          if (rows.length === 0)
            return (
              <div className={styles.stack} data-ready="true">
                <Text className={styles.text}>{t.list.empty}</Text>
                <Text className={styles.hint}>
                  {t.list.emptyHint} <Link href={hrefTo('fakturering', ['korning'])}>{t.list.toRun}</Link>
                </Text>
              </div>
            );
          const sums = listTotals(rows);
          return (
            <div className={styles.tableWrap} data-ready="true">
              <Text className={styles.hint}>{t.list.count(rows.length)}</Text>
              <NavTable aria-labelledby={headingId} className={styles.wideTable} size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{c.number}</TableHeaderCell>
                    <TableHeaderCell>{c.customer}</TableHeaderCell>
                    <TableHeaderCell>{c.issueDate}</TableHeaderCell>
                    <TableHeaderCell>{c.dueDate}</TableHeaderCell>
                    <TableHeaderCell className={styles.numberHeader}>{c.total}</TableHeaderCell>
                    <TableHeaderCell className={styles.numberHeader}>{c.paid}</TableHeaderCell>
                    <TableHeaderCell className={styles.numberHeader}>{c.remaining}</TableHeaderCell>
                    <TableHeaderCell>{c.status}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((row) => (
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
                      <TableCell className={styles.nowrap}>{row.issueDate === undefined ? '–' : formatDate(row.issueDate)}</TableCell>
                      <TableCell className={styles.nowrap}>{row.dueDate === undefined ? '–' : formatDate(row.dueDate)}</TableCell>
                      <TableCell className={styles.number}>{formatKr(row.totalOre)}</TableCell>
                      <TableCell className={styles.number}>{formatKr(row.paidOre)}</TableCell>
                      <TableCell className={styles.number}>{formatKr(row.remainingOre)}</TableCell>
                      <TableCell className={styles.nowrap}>
                        <StateBadge state={row.state} label={row.stateLabel} />
                        {row.overdueDays > 0 && <Text className={mergeClasses(styles.hint, styles.nowrap)}> {t.list.overdueDays(row.overdueDays)}</Text>}
                      </TableCell>
                    </TableRow>
                  ))}
                  <TableRow className={styles.totalRow}>
                    <TableCell>{t.list.sum}</TableCell>
                    <TableCell />
                    <TableCell />
                    <TableCell />
                    <TableCell className={styles.number}>{formatKr(sums.totalOre)}</TableCell>
                    <TableCell className={styles.number}>{formatKr(sums.paidOre)}</TableCell>
                    <TableCell className={styles.number}>{formatKr(sums.remainingOre)}</TableCell>
                    <TableCell />
                  </TableRow>
                </TableBody>
              </NavTable>
            </div>
          );
        }}
      </QueryState>
    </section>
  );
}
