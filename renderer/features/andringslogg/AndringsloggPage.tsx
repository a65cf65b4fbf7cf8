import { useMemo, useState } from 'react';
import {
  Button,
  Card,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { NavTable } from '../../components/NavTable';
import type { ChangeLogAnswer, ChangeLogOption } from '../../../electron/contract';
import type { PageProps } from '../../app/page-props';
import { useApiQuery } from '../../app/api';
import { currentQuery, navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { sv } from '../../lib/i18n/sv';
import { ViewDateInput } from '../../components/DateInput';
import { filterFromQuery, isFiltered, logInput, logRows, queryFromFilter, rangeProblem, type LogFilter } from './andringslogg.view-model';

const t = sv.andringslogg;
const PAGE = 100;

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    // A Card stacks its children; the filters stand in a row that wraps.
    flexDirection: 'row',
    flexWrap: 'wrap',
    alignItems: 'end',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalL,
  },
  select: { minWidth: '200px' },
  muted: { color: tokens.colorNeutralForeground3 },
  nowrap: { whiteSpace: 'nowrap' },
  history: { fontStyle: 'italic' },
  diff: { display: 'block' },
  diffField: { color: tokens.colorNeutralForeground3 },
  more: { marginTop: tokens.spacingVerticalM },
});

function Choice({ label, value, options, onChange }: { label: string; value: string | undefined; options: ChangeLogOption[]; onChange: (value: string | undefined) => void }) {
  const styles = useStyles();
  return (
    <Field label={label}>
      <Select className={styles.select} value={value ?? ''} onChange={(_, d) => onChange(d.value === '' ? undefined : d.value)}>
        <option value="">{t.all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function Log({ answer, filtered, onMore }: { answer: ChangeLogAnswer; filtered: boolean; onMore: () => void }) {
  const styles = useStyles();
  const names = useMemo(() => new Map(answer.options.organisations.map((o) => [o.value, o.label])), [answer.options.organisations]);
  const rows = useMemo(() => logRows(answer.entries, (id) => names.get(id)), [answer.entries, names]);
  const cols = t.columns;
  if (rows.length === 0)
    return (
      <Text className={styles.muted} data-ready="true">
        {filtered ? t.emptyFiltered : t.empty}
      </Text>
    );
  return (
    <>
      <Text className={styles.muted} data-testid="log-count" data-ready="true">
        {t.shown(rows.length, answer.total)}
      </Text>
      <NavTable size="small" aria-label={t.title}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '140px' }}>{cols.at}</TableHeaderCell>
            <TableHeaderCell style={{ width: '110px' }}>{cols.by}</TableHeaderCell>
            <TableHeaderCell style={{ width: '170px' }}>{cols.what}</TableHeaderCell>
            <TableHeaderCell style={{ width: '170px' }}>{cols.concerns}</TableHeaderCell>
            <TableHeaderCell>{cols.summary}</TableHeaderCell>
            <TableHeaderCell>{cols.details}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-testid="log-row" className={row.history ? styles.history : undefined}>
              <TableCell className={styles.nowrap}>{row.at}</TableCell>
              <TableCell>{row.by}</TableCell>
              <TableCell>{row.what}</TableCell>
              <TableCell>{row.concerns}</TableCell>
              <TableCell>{row.summary}</TableCell>
              <TableCell>
                {row.diffs.map((d) => (
                  <span key={d.field} className={styles.diff}>
                    <span className={styles.diffField}>{d.field}:</span> {d.before} → {d.after}
                  </span>
                ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </NavTable>
      {answer.total > rows.length && (
        <Button className={styles.more} onClick={onMore}>
          {t.more}
        </Button>
      )}
    </>
  );
}

export function AndringsloggPage({ query }: PageProps) {
  const styles = useStyles();
  const filter = useMemo(() => filterFromQuery(query), [query]);
  const problem = rangeProblem(filter);
  // «Visa fler» grows the page; another filter starts from one page again.
  const filterKey = JSON.stringify(filter);
  const [paging, setPaging] = useState({ key: filterKey, limit: PAGE });
  const limit = paging.key === filterKey ? paging.limit : PAGE;
  const log = useApiQuery('changes/list', logInput(filter, limit), { enabled: problem === undefined, placeholderData: (previous) => previous });
  // The choices come with every answer; the unfiltered log's first page gives them before any filter is set.
  const choices = log.data?.options ?? { entities: [], organisations: [], contacts: [] };
  const set = (patch: Partial<LogFilter>) => navigate('andringslogg', [], queryFromFilter({ ...filterFromQuery(currentQuery()), ...patch }));

  return (
    <>
      <PageHeader title={t.title} subtitle={t.subtitle} />
      <Card className={styles.filters} role="search" aria-label={t.filters}>
        <Field label={t.from}>
          <ViewDateInput date={filter.from} fallback="" onDate={(from) => set({ from: from || undefined })} />
        </Field>
        <Field label={t.to} validationMessage={problem} validationState={problem ? 'error' : 'none'}>
          <ViewDateInput date={filter.to} fallback="" onDate={(to) => set({ to: to || undefined })} />
        </Field>
        <Choice label={t.entity} value={filter.entity} options={choices.entities} onChange={(entity) => set({ entity })} />
        <Choice label={t.organisation} value={filter.organisationId} options={choices.organisations} onChange={(organisationId) => set({ organisationId })} />
        <Choice label={t.person} value={filter.contactId} options={choices.contacts} onChange={(contactId) => set({ contactId })} />
        <Button appearance="subtle" disabled={!isFiltered(filter)} onClick={() => navigate('andringslogg')}>
          {t.clear}
        </Button>
      </Card>
      {problem ? (
        <MessageBar intent="warning">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      ) : (
        <QueryState query={log} label={t.title}>
          {(answer) => <Log answer={answer} filtered={isFiltered(filter)} onMore={() => setPaging({ key: filterKey, limit: limit + PAGE })} />}
        </QueryState>
      )}
    </>
  );
}
