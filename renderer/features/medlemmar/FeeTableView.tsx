import { useMemo, useState } from 'react';
import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Option,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { NavTable } from '../../components/NavTable';
import { Add20Regular, Delete20Regular, Edit20Regular } from '@fluentui/react-icons';
import { keepPreviousData } from '@tanstack/react-query';
import type { FeeTableAnswer } from '../../../electron/contract';
import { useApiMutation, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import type { ApiCallError } from '../../bridge/api-client';
import { QueryState } from '../../components/QueryState';
import { formatKr } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import {
  bandRangeLabels,
  draftErrorKey,
  draftFromTable,
  feeTableView,
  populationOffsetLabel,
  POPULATION_OFFSETS,
  tableInput,
  type DraftErrors,
  type FeeTableDraft,
} from './fee-table.view-model';
import { FormDialog } from '../../components/FormDialog';
import { groupFeeBases, type FeeTable, type GroupFeeBasis } from '../../../electron/contract/model/records';
import { fieldRefusal } from './organisation-form.view-model';
import { feeYears } from './organisation-page.view-model';
import { Section, useSharedStyles, useToday } from './shared';
import { yearOf } from '../../../electron/contract/rules/calendar-date';

const t = sv.medlemmar.feeTable;

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalL },
  year: { width: '140px' },
  yearDropdown: { minWidth: 0, width: '100%' },
  layout: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(480px, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  single: { gridTemplateColumns: 'minmax(0, 1fr)', maxWidth: '960px' },
  amountInput: { width: '100%', minWidth: 0, '& input': { textAlign: 'end', fontVariantNumeric: 'tabular-nums', minWidth: 0 } },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  fieldsRow: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 240px))', gap: tokens.spacingHorizontalM },
  cell: { verticalAlign: 'top', paddingBlock: tokens.spacingVerticalXS },
  sum: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  editActions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

function FeeTableEditor({ answer, onDone }: { answer: FeeTableAnswer; onDone: () => void }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const notify = useNotify();
  const save = useApiMutation('fees/save-table');
  const [draft, setDraft] = useState<FeeTableDraft>(() => draftFromTable(answer.table, answer.year));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [general, setGeneral] = useState<string>();
  const ranges = bandRangeLabels(draft);
  const copyNote = answer.table && answer.table.year !== answer.year ? t.editingNew(String(answer.year), String(answer.table.year)) : undefined;

  const change = (next: FeeTableDraft) => {
    setDraft(next);
    setErrors({});
    setGeneral(undefined);
  };
  const setBand = (i: number, patch: Partial<FeeTableDraft['bands'][number]>) =>
    change({ ...draft, bands: draft.bands.map((b, j) => (j === i ? { ...b, ...patch } : b)) });

  async function submit() {
    const parsed = tableInput(draft);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setGeneral(t.fixErrors);
      return;
    }
    try {
      await save.mutateAsync(parsed.input);
      notify(t.saved(String(draft.year)));
      onDone();
    } catch (error) {
      const refusal = fieldRefusal(error as ApiCallError);
      if (refusal.field !== undefined) setErrors({ [draftErrorKey(refusal.field)]: refusal.message });
      setGeneral(refusal.fullMessage);
    }
  }

  const err = (key: string) => errors[key];
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Section title={t.bandsLabel} testId="fee-table-editor">
        {copyNote !== undefined && <Text>{copyNote}</Text>}
        <NavTable size="small" aria-label={t.bandsLabel}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '22%' }}>{t.columns.band}</TableHeaderCell>
              <TableHeaderCell className={shared.numberHeader}>{t.columns.minPopulation}</TableHeaderCell>
              <TableHeaderCell className={shared.numberHeader}>{t.editColumns.entryFee}</TableHeaderCell>
              <TableHeaderCell className={shared.numberHeader}>{t.editColumns.yearlyFee}</TableHeaderCell>
              <TableHeaderCell style={{ width: '48px' }}>
                <span className={shared.visuallyHidden}>{sv.medlemmar.common.actions}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {draft.bands.map((band, i) => (
              <TableRow key={i}>
                <TableCell className={styles.cell}>{ranges[i]}</TableCell>
                <TableCell className={styles.cell}>
                  <Field validationMessage={err(`bands.${i}.minPopulation`)}>
                    <Input
                      className={styles.amountInput}
                      aria-label={t.minPopulationLabel(i + 1)}
                      value={band.minPopulation}
                      onChange={(_, d) => setBand(i, { minPopulation: d.value })}
                      inputMode="numeric"
                    />
                  </Field>
                </TableCell>
                <TableCell className={styles.cell}>
                  <Field validationMessage={err(`bands.${i}.entryFeeOre`)}>
                    <Input className={styles.amountInput} aria-label={t.entryFeeLabel(i + 1)} value={band.entryFee} onChange={(_, d) => setBand(i, { entryFee: d.value })} />
                  </Field>
                </TableCell>
                <TableCell className={styles.cell}>
                  <Field validationMessage={err(`bands.${i}.yearlyFeeOre`)}>
                    <Input className={styles.amountInput} aria-label={t.yearlyFeeLabel(i + 1)} value={band.yearlyFee} onChange={(_, d) => setBand(i, { yearlyFee: d.value })} />
                  </Field>
                </TableCell>
                <TableCell className={styles.cell}>
                  <Button
                    appearance="subtle"
                    icon={<Delete20Regular />}
                    aria-label={t.removeBand(i + 1)}
                    disabled={draft.bands.length <= 1}
                    onClick={() => change({ ...draft, bands: draft.bands.filter((_, j) => j !== i) })}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </NavTable>
        <div>
          <Button icon={<Add20Regular />} onClick={() => change({ ...draft, bands: [...draft.bands, { minPopulation: '', entryFee: '', yearlyFee: '' }] })}>
            {t.addBand}
          </Button>
        </div>
        <h3 className={styles.subheading}>{t.other}</h3>
        <Text className={shared.muted}>{t.otherHint}</Text>
        <div className={styles.fieldsRow}>
          <Field label={t.otherEntry} validationMessage={err('otherOrganisations.entryFeeOre')}>
            <Input className={styles.amountInput} value={draft.otherEntry} onChange={(_, d) => change({ ...draft, otherEntry: d.value })} />
          </Field>
          <Field label={t.otherYearly} validationMessage={err('otherOrganisations.yearlyFeeOre')}>
            <Input className={styles.amountInput} value={draft.otherYearly} onChange={(_, d) => change({ ...draft, otherYearly: d.value })} />
          </Field>
        </div>
        <h3 className={styles.subheading}>{t.populationLabel}</h3>
        <Field label={t.populationLabel} hint={t.populationHint} validationMessage={err('populationYearOffset')}>
          <Dropdown
            value={populationOffsetLabel(draft.populationYearOffset)}
            selectedOptions={[String(draft.populationYearOffset)]}
            onOptionSelect={(_, d) => change({ ...draft, populationYearOffset: Number(d.optionValue) })}
          >
            {POPULATION_OFFSETS.map((offset) => (
              <Option key={offset} value={String(offset)}>
                {populationOffsetLabel(offset)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <h3 className={styles.subheading}>{t.rejoin}</h3>
        <div className={styles.fieldsRow}>
          <Field label={t.rejoinPercent} validationMessage={err('rejoinEntryFeePercent')}>
            <Input className={styles.amountInput} value={draft.rejoinPercent} onChange={(_, d) => change({ ...draft, rejoinPercent: d.value })} inputMode="numeric" />
          </Field>
        </div>
        <Field label={t.note} validationMessage={err('note')}>
          <Textarea value={draft.note} onChange={(_, d) => change({ ...draft, note: d.value })} resize="vertical" />
        </Field>
        {general !== undefined && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{general}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.editActions}>
          <Button appearance="primary" type="submit" disabled={save.isPending}>
            {save.isPending ? sv.medlemmar.common.saving : sv.medlemmar.common.save}
          </Button>
          <Button onClick={onDone} disabled={save.isPending}>
            {sv.medlemmar.common.cancel}
          </Button>
        </div>
      </Section>
    </form>
  );
}

function FeeTableRead({ answer }: { answer: FeeTableAnswer }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const [confirming, setConfirming] = useState(false);
  const vm = feeTableView(answer);
  if ('message' in vm) return <Text>{vm.message}</Text>;
  return (
    <Section title={t.bandsLabel} testId="fee-table">
      <Text>{vm.inForce}</Text>
      <NavTable size="small" aria-label={t.bandsLabel}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.columns.band}</TableHeaderCell>
            <TableHeaderCell className={shared.numberHeader}>{t.columns.entryFee}</TableHeaderCell>
            <TableHeaderCell className={shared.numberHeader}>{t.columns.yearlyFee}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {vm.rows.map((row) => (
            <TableRow key={row.range}>
              <TableCell>{row.range}</TableCell>
              <TableCell className={shared.number}>{row.entry}</TableCell>
              <TableCell className={shared.number}>{row.yearly}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>{t.other}</TableCell>
            <TableCell className={shared.number}>{vm.other.entry}</TableCell>
            <TableCell className={shared.number}>{vm.other.yearly}</TableCell>
          </TableRow>
        </TableBody>
      </NavTable>
      <Text>
        {t.rejoinRead}: {vm.rejoin}
      </Text>
      <Text data-testid="fee-population-date">
        {t.populationLabel}: {vm.populationDate}
      </Text>
      <h3 className={styles.subheading}>{t.groupRuleLabel}</h3>
      {vm.groupRule.unconfirmed ? (
        <MessageBar intent="warning" layout="multiline" data-testid="group-rule">
          <MessageBarBody>{vm.groupRule.text}</MessageBarBody>
        </MessageBar>
      ) : (
        <Text data-testid="group-rule">{vm.groupRule.text}</Text>
      )}
      {answer.table && (
        <div>
          <Button onClick={() => setConfirming(true)}>{t.confirmRule}</Button>
        </div>
      )}
      {confirming && answer.table && <ConfirmGroupRuleDialog table={answer.table} onClose={() => setConfirming(false)} />}
      {vm.note !== '' && <Text className={shared.muted}>{vm.note}</Text>}
    </Section>
  );
}

function ConfirmGroupRuleDialog({ table, onClose }: { table: FeeTable; onClose: () => void }) {
  const notify = useNotify();
  const confirm = useApiMutation('fees/confirm-group-rule');
  const [basis, setBasis] = useState<GroupFeeBasis>(table.groupRule.basis);
  const [decision, setDecision] = useState(table.groupRule.decision);
  const [error, setError] = useState<string>();
  const [fieldError, setFieldError] = useState<string>();
  async function submit() {
    try {
      await confirm.mutateAsync({ tableYear: table.year, basis, decision });
      notify(t.confirmed);
      onClose();
    } catch (e) {
      const refusal = fieldRefusal(e as ApiCallError);
      if (refusal.field === 'decision') setFieldError(refusal.message);
      setError(refusal.fullMessage);
    }
  }
  return (
    <FormDialog title={t.confirmTitle} submitLabel={t.confirmSubmit} busy={confirm.isPending} error={error} onSubmit={() => void submit()} onClose={onClose}>
      <Field label={t.confirmBasis}>
        <Dropdown value={t.groupBasis[basis]} selectedOptions={[basis]} onOptionSelect={(_, d) => setBasis(d.optionValue as GroupFeeBasis)}>
          {groupFeeBases.map((b) => (
            <Option key={b} value={b}>
              {t.groupBasis[b]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t.confirmDecision} hint={t.confirmDecisionHint} validationMessage={fieldError} required>
        <Input
          value={decision}
          onChange={(_, d) => {
            setDecision(d.value);
            setFieldError(undefined);
          }}
        />
      </Field>
    </FormDialog>
  );
}

function FeeSum({ year }: { year: number }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const fees = useApiQuery('fees/compute', { year }, { retry: false });
  if (!fees.data) return null;
  const unconfirmed = fees.data.rows.filter((r) => r.groupRuleUnconfirmed === true);
  return (
    <Section title={t.sum(String(year))} testId="fee-sum">
      <div className={styles.sum}>{formatKr(fees.data.totalOre)}</div>
      <Text>{t.sumValue(formatKr(fees.data.totalOre), fees.data.rows.length)}</Text>
      <Text className={shared.muted}>{t.sumParts(formatKr(fees.data.yearlyOre), formatKr(fees.data.entryOre))}</Text>
      {unconfirmed.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="fee-sum-unconfirmed">
          <MessageBarBody>{t.unconfirmedRows(unconfirmed.map((r) => `${r.name} ${formatKr(r.totalOre)}`))}</MessageBarBody>
        </MessageBar>
      )}
    </Section>
  );
}

export function FeeTableView() {
  const styles = useStyles();
  const today = useToday();
  const tables = useApiQuery('fees/list-tables', {});
  const [chosen, setChosen] = useState<number>();
  const [editing, setEditing] = useState(false);
  const year = chosen ?? (today ? yearOf(today) : undefined);
  const answer = useApiQuery('fees/get-table', { year: year ?? 2000 }, { enabled: year !== undefined, placeholderData: keepPreviousData });
  const years = useMemo(() => (today ? feeYears(today, tables.data?.[0]?.year) : []), [today, tables.data]);
  const own = answer.data?.table?.year === year;

  return (
    <>
      <div className={styles.head}>
        <Field label={t.year} className={styles.year}>
          <Dropdown
            className={styles.yearDropdown}
            value={year !== undefined ? String(year) : ''}
            selectedOptions={year !== undefined ? [String(year)] : []}
            disabled={editing}
            onOptionSelect={(_, d) => setChosen(Number(d.optionValue))}
          >
            {years.map((y) => (
              <Option key={y} value={String(y)}>
                {String(y)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {!editing && year !== undefined && (
          <Button icon={<Edit20Regular />} onClick={() => setEditing(true)}>
            {own ? t.edit : t.newForYear(String(year))}
          </Button>
        )}
      </div>
      <QueryState query={answer}>
        {(data) => (
          <div className={mergeClasses(styles.layout, editing && styles.single)} data-ready="true">
            {editing ? <FeeTableEditor key={data.year} answer={data} onDone={() => setEditing(false)} /> : <FeeTableRead answer={data} />}
            {year !== undefined && data.table && <FeeSum year={year} />}
          </div>
        )}
      </QueryState>
    </>
  );
}
