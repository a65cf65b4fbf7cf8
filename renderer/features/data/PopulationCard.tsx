import { useRef, useState } from 'react';
import {
  Button,
  Card,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
  useId,
} from '@fluentui/react-components';
import { ArrowUpload20Regular } from '@fluentui/react-icons';
import type { PopulationImportPlan } from '../../../electron/contract';
import { useApiMutation, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import type { ApiCallError } from '../../bridge/api-client';
import { FormDialog } from '../../components/FormDialog';
import { readFileAsBase64 } from '../../components/download-file';
import { folkmangdSv as t } from '../../lib/i18n/folkmangd.sv';
import { fieldRefusal } from '../medlemmar/organisation-form.view-model';
import { useSharedStyles } from '../medlemmar/shared';
import { importReview, parseFigure, populationRows } from './populations.view-model';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  hiddenInput: { display: 'none' },
  review: { maxHeight: '320px', overflowY: 'auto' },
});

function CorrectDialog({ code, name, date, current, onClose }: { code: string; name: string; date: string; current: string; onClose: () => void }) {
  const notify = useNotify();
  const correct = useApiMutation('populations/correct');
  const [figure, setFigure] = useState(current);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ population?: string; reason?: string; general?: string }>({});
  async function submit() {
    const population = parseFigure(figure);
    if (population === undefined) {
      setErrors({ population: t.figureInvalid });
      return;
    }
    try {
      await correct.mutateAsync({ code, date, population, reason });
      notify(t.corrected(name, date));
      onClose();
    } catch (error) {
      const refusal = fieldRefusal(error as ApiCallError);
      setErrors({ ...(refusal.field === 'reason' ? { reason: refusal.message } : {}), ...(refusal.field === 'population' ? { population: refusal.message } : {}), general: refusal.fullMessage });
    }
  }
  return (
    <FormDialog title={t.correctTitle(name, date)} submitLabel={t.correctButton} busy={correct.isPending} error={errors.general} onSubmit={() => void submit()} onClose={onClose}>
      <Field label={t.newFigure} validationMessage={errors.population} required>
        <Input
          value={figure}
          inputMode="numeric"
          onChange={(_, d) => {
            setFigure(d.value);
            setErrors({});
          }}
        />
      </Field>
      <Field label={t.reason} hint={t.reasonHint} validationMessage={errors.reason} required>
        <Input
          value={reason}
          onChange={(_, d) => {
            setReason(d.value);
            setErrors({});
          }}
        />
      </Field>
    </FormDialog>
  );
}

function ReviewDialog({ file, plan, onClose }: { file: { fileName: string; bytesBase64: string }; plan: PopulationImportPlan; onClose: () => void }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const notify = useNotify();
  const status = useApiQuery('store/get-status', {});
  const apply = useApiMutation('populations/import-apply');
  const [error, setError] = useState<string>();
  const vm = importReview(plan);
  async function submit() {
    if (!vm.canApply) {
      setError(vm.errors[0] ?? t.nothingToApply);
      return;
    }
    try {
      await apply.mutateAsync({ ...file, expectedRevision: status.data?.revision ?? 0 });
      notify(t.imported(plan.date));
      onClose();
    } catch (e) {
      setError(fieldRefusal(e as ApiCallError).fullMessage);
    }
  }
  return (
    <FormDialog title={vm.title} submitLabel={t.apply} busy={apply.isPending} error={error} onSubmit={() => void submit()} onClose={onClose}>
      <Text>{plan.title}</Text>
      <Text>{vm.summary}</Text>
      {vm.sweden !== undefined && <Text>{vm.sweden}</Text>}
      {vm.errors.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{vm.errors.join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      {vm.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{vm.warnings.join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      {vm.rows.length > 0 && (
        <div className={styles.review}>
          <Table size="small" aria-label={vm.title}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.reviewColumns.name}</TableHeaderCell>
                <TableHeaderCell className={shared.numberHeader}>{t.reviewColumns.before}</TableHeaderCell>
                <TableHeaderCell className={shared.numberHeader}>{t.reviewColumns.after}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {vm.rows.map((r) => (
                <TableRow key={r.code}>
                  <TableCell>{r.name}</TableCell>
                  <TableCell className={styles.number}>{r.before}</TableCell>
                  <TableCell className={styles.number}>{r.after}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </FormDialog>
  );
}

/** Populations by year on the Data screen: one municipality's figures, a correction, and SCB's yearly table. */
export function PopulationCard() {
  const styles = useStyles();
  const shared = useSharedStyles();
  const headingId = useId('population-card');
  const municipalities = useApiQuery('reference/list-municipalities', {});
  const [code, setCode] = useState('0114');
  const list = useApiQuery('populations/list', { code });
  const preview = useApiMutation('populations/import-preview');
  const fileInput = useRef<HTMLInputElement>(null);
  const [correcting, setCorrecting] = useState<{ date: string; current: string }>();
  const [review, setReview] = useState<{ file: { fileName: string; bytesBase64: string }; plan: PopulationImportPlan }>();
  const [fileError, setFileError] = useState<string>();
  const chosen = municipalities.data?.find((m) => m.code === code);

  async function onFile(file: File | undefined) {
    if (!file) return;
    setFileError(undefined);
    try {
      const input = { fileName: file.name, bytesBase64: await readFileAsBase64(file) };
      const plan = await preview.mutateAsync(input);
      setReview({ file: input, plan });
    } catch (e) {
      setFileError(fieldRefusal(e as ApiCallError).fullMessage);
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId} data-testid="population-card">
      <h2 id={headingId} className={styles.heading}>
        {t.card}
      </h2>
      <Text className={styles.muted}>{t.intro}</Text>
      <Field label={t.municipality}>
        <Dropdown value={chosen?.name ?? code} selectedOptions={[code]} onOptionSelect={(_, d) => d.optionValue && setCode(d.optionValue)}>
          {(municipalities.data ?? []).map((m) => (
            <Option key={m.code} value={m.code}>
              {m.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {list.data && list.data.figures.length === 0 && <Text>{t.none}</Text>}
      {list.data && list.data.figures.length > 0 && (
        <Table size="small" aria-label={`${t.card}: ${list.data.name}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.columns.date}</TableHeaderCell>
              <TableHeaderCell className={shared.numberHeader}>{t.columns.population}</TableHeaderCell>
              <TableHeaderCell>{t.columns.source}</TableHeaderCell>
              <TableHeaderCell>
                <span className={styles.hiddenInput}>{t.columns.actions}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {populationRows(list.data).map((row) => (
              <TableRow key={row.date}>
                <TableCell>{row.date}</TableCell>
                <TableCell className={styles.number}>{row.population}</TableCell>
                <TableCell>{row.source}</TableCell>
                <TableCell>
                  <Button size="small" aria-label={t.correct(row.date)} onClick={() => setCorrecting({ date: row.date, current: row.population })}>
                    {t.correctButton}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <input
        ref={fileInput}
        className={styles.hiddenInput}
        type="file"
        tabIndex={-1}
        aria-label={t.fileInputLabel}
        accept=".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => void onFile(e.currentTarget.files?.[0])}
      />
      <div>
        <Button icon={<ArrowUpload20Regular />} disabled={preview.isPending} onClick={() => fileInput.current?.click()}>
          {t.importButton}
        </Button>
      </div>
      {fileError !== undefined && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{fileError}</MessageBarBody>
        </MessageBar>
      )}
      {correcting && list.data && (
        <CorrectDialog code={code} name={list.data.name} date={correcting.date} current={correcting.current} onClose={() => setCorrecting(undefined)} />
      )}
      {review && <ReviewDialog file={review.file} plan={review.plan} onClose={() => setReview(undefined)} />}
    </Card>
  );
}
