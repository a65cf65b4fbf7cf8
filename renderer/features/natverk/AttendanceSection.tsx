import { useMemo, useState } from 'react';
import {
  Card,
  Field,
  makeStyles,
  mergeClasses,
  Select,
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
import type { NetworkDetail } from '../../../electron/contract';
import { useApiQuery } from '../../app/api';
import { QueryState } from '../../components/QueryState';
import { sv } from '../../lib/i18n/sv';
import { attendanceVm, attendanceYears } from './meetings.view-model';
import { useNatverkStyles } from './styles';
import { yearOf } from '../../../electron/contract/rules/calendar-date';

const t = sv.natverk.attendance;

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalL },
  tables: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  numCol: { width: '96px' },
});

/** Attendance per person and per organisation over a year, for this network. */
export function AttendanceSection({ detail }: { detail: NetworkDetail }) {
  const styles = useStyles();
  const shared = useNatverkStyles();
  const currentYear = yearOf(detail.date);
  const [year, setYear] = useState(currentYear);
  const years = useMemo(() => attendanceYears(detail, currentYear), [detail, currentYear]);
  const report = useApiQuery('networks/get-attendance', { year, networkIds: [detail.id] });
  const vm = useMemo(() => (report.data ? attendanceVm(report.data) : undefined), [report.data]);
  const headingId = useId('attendance');
  const num = mergeClasses(styles.numCol, shared.numberHeader);

  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId}>
      <div className={styles.head}>
        <div>
          <h2 id={headingId} className={shared.sectionHeading}>
            {t.heading(String(year))}
          </h2>
          {vm && <Text className={shared.hint}>{vm.summary}</Text>}
        </div>
        <Field label={t.year} orientation="horizontal">
          <Select value={String(year)} onChange={(_e, d) => setYear(Number(d.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {String(y)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <QueryState query={report}>
        {() =>
          vm &&
          (!vm.hasMeetings ? (
            <Text className={shared.hint}>{t.empty}</Text>
          ) : (
            <div className={styles.tables}>
              <section>
                <h3 className={styles.subheading}>{t.persons}</h3>
                <NavTable size="small" aria-label={t.personsLabel}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t.personColumns.name}</TableHeaderCell>
                      <TableHeaderCell>{t.personColumns.organisation}</TableHeaderCell>
                      <TableHeaderCell className={num}>{t.personColumns.attended}</TableHeaderCell>
                      <TableHeaderCell className={num}>{t.personColumns.eligible}</TableHeaderCell>
                      <TableHeaderCell className={num}>{t.personColumns.share}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {vm.persons.map((p) => (
                      <TableRow key={p.contactId}>
                        <TableCell>{p.name}</TableCell>
                        <TableCell>{p.organisationName}</TableCell>
                        <TableCell className={shared.number}>{p.attended}</TableCell>
                        <TableCell className={shared.number}>{p.eligible}</TableCell>
                        <TableCell className={shared.number}>{p.share}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </NavTable>
              </section>
              <section>
                <h3 className={styles.subheading}>{t.organisations}</h3>
                <NavTable size="small" aria-label={t.organisationsLabel}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t.organisationColumns.name}</TableHeaderCell>
                      <TableHeaderCell className={num}>{t.organisationColumns.attendances}</TableHeaderCell>
                      <TableHeaderCell className={mergeClasses(shared.numberHeader)}>{t.organisationColumns.meetings}</TableHeaderCell>
                      <TableHeaderCell className={num}>{t.organisationColumns.persons}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {vm.organisations.map((o) => (
                      <TableRow key={o.organisationId}>
                        <TableCell>{o.name}</TableCell>
                        <TableCell className={shared.number}>{o.attendances}</TableCell>
                        <TableCell className={shared.number}>{o.meetings}</TableCell>
                        <TableCell className={shared.number}>{o.persons}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </NavTable>
              </section>
            </div>
          ))
        }
      </QueryState>
    </Card>
  );
}
