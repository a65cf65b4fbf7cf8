import { useRef, useState } from 'react';
import {
  Badge,
  Button,
  Card,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Tab,
  TabList,
  Text,
  tokens,
  useId,
} from '@fluentui/react-components';
import { ArrowUpload20Regular, Checkmark20Regular, Dismiss20Regular, Eye20Regular } from '@fluentui/react-icons';
import type { ImportFieldKey, ImportFileView, ImportMapping, ImportPreview, RowDecision } from '../../../electron/contract';
import { useApiClient } from '../../app/api';
import { useNotify } from '../../app/notify';
import { useTask } from '../../app/useTask';
import { readFileAsBase64 } from '../../components/download-file';
import { importProgressView } from '../../components/task-progress';
import { sv } from '../../lib/i18n/sv';
import { ImportMappingStep } from './ImportMappingStep';
import { ImportPreviewTable } from './ImportPreviewTable';
import {
  canPreview,
  decisionsAfter,
  defaultSheet,
  fileFactsText,
  filterOptions,
  mappingAfter,
  previewRows,
  summaryItems,
  type Decisions,
  type RowFilter,
} from './import.view-model';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  step: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  hiddenInput: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  facts: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  sheet: { minWidth: '18rem' },
  summary: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  busy: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  progress: { flexGrow: 1, flexBasis: '20rem', maxWidth: '36rem' },
});

type Busy = 'read' | 'preview' | 'apply';

type Picked = { fileName: string; bytesBase64: string };

/**
 * The import flow: pick a file, choose the sheet, map columns to fields, preview every row's outcome, decide
 * what the preview asks, and apply. Nothing is written before «Genomför import»; the whole import is one undo
 * step. Each call runs as a task: a progress bar follows the core's reports (row by row while planning), and
 * «Avbryt» asks the core to stop (`tasks/cancel`) and throws the answer away, so the screen is back where it was
 * and the register untouched. Applying can be cancelled until the core starts saving; from then «Avbryt» is
 * gone and the screen says the import is being saved.
 */
export function ImportCard() {
  const styles = useStyles();
  const client = useApiClient();
  const notify = useNotify();
  const headingId = useId('import');
  const inputId = useId('import-file');
  const fileInput = useRef<HTMLInputElement>(null);
  const ticket = useRef(0);

  const [picked, setPicked] = useState<Picked>();
  const [file, setFile] = useState<ImportFileView>();
  const [sheetName, setSheetName] = useState<string>();
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [preview, setPreview] = useState<ImportPreview>();
  const [decisions, setDecisions] = useState<Decisions>({});
  const [filter, setFilter] = useState<RowFilter>('all');
  const [busy, setBusy] = useState<Busy>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [cancelled, setCancelled] = useState<string>();
  // Set when the core answered that applying was past cancelling (its save had started).
  const [pastCancel, setPastCancel] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const { task, begin: beginTask, end: endTask, cancel: cancelTask } = useTask();

  const sheet = file?.sheets.find((s) => s.name === sheetName);

  function reset() {
    // Starting over while a file is read or previewed stops that work in the core too.
    if ((busy === 'read' || busy === 'preview') && task) void cancelTask(task.taskId);
    ticket.current += 1;
    setPicked(undefined);
    setFile(undefined);
    setSheetName(undefined);
    setMapping({});
    setPreview(undefined);
    setDecisions({});
    setFilter('all');
    setBusy(undefined);
    setError(undefined);
    stopTask();
    if (fileInput.current) fileInput.current.value = '';
  }

  function stopTask() {
    endTask();
    setPastCancel(false);
    setCancelling(false);
  }

  async function onFile(chosen: File | undefined) {
    reset();
    setDone(undefined);
    setCancelled(undefined);
    if (!chosen) return;
    const mine = ++ticket.current;
    setBusy('read');
    const taskId = beginTask();
    const bytesBase64 = await readFileAsBase64(chosen);
    if (mine !== ticket.current) return;
    const result = await client.call('imports/read', { fileName: chosen.name, bytesBase64, taskId });
    if (mine !== ticket.current) return;
    setBusy(undefined);
    stopTask();
    if (!result.ok) {
      setError(result.error.message);
      if (fileInput.current) fileInput.current.value = '';
      return;
    }
    const first = defaultSheet(result.data);
    setPicked({ fileName: chosen.name, bytesBase64 });
    setFile(result.data);
    setSheetName(first?.name);
    setMapping(first?.proposal.mapping ?? {});
  }

  function chooseSheet(name: string) {
    const next = file?.sheets.find((s) => s.name === name);
    setSheetName(name);
    setMapping(next?.proposal.mapping ?? {});
    setPreview(undefined);
    setDecisions({});
  }

  function chooseColumn(field: ImportFieldKey, column: number | undefined) {
    setMapping((m) => mappingAfter(m, field, column));
    setPreview(undefined);
    setDecisions({});
  }

  async function runPreview(nextDecisions: Decisions) {
    if (!picked || !sheet) return;
    const mine = ++ticket.current;
    setBusy('preview');
    setError(undefined);
    setCancelled(undefined);
    const taskId = beginTask();
    const result = await client.call('imports/preview', { ...picked, sheet: sheet.name, mapping, decisions: nextDecisions, taskId });
    if (mine !== ticket.current) return;
    setBusy(undefined);
    stopTask();
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setDecisions(nextDecisions);
    setPreview(result.data);
    if (filter !== 'all' && result.data.summary[filter] === 0) setFilter('all');
  }

  function decide(row: number, change: RowDecision) {
    void runPreview(decisionsAfter(decisions, row, change));
  }

  async function apply() {
    if (!picked || !sheet || !preview) return;
    const mine = ++ticket.current;
    setBusy('apply');
    setError(undefined);
    setCancelled(undefined);
    const taskId = beginTask();
    const result = await client.call('imports/apply', { ...picked, sheet: sheet.name, mapping, decisions, expectedRevision: preview.revision, taskId });
    if (mine !== ticket.current) return;
    setBusy(undefined);
    stopTask();
    if (!result.ok) {
      setError(sv.excel.failed(result.error.message));
      return;
    }
    const message = sv.excel.applied(result.data.message);
    reset();
    setDone(message);
    notify(message);
  }

  async function cancel() {
    const was = busy;
    const taskId = task?.taskId;
    if (was === 'apply') {
      // Applying stops only if the core agrees (it has not started saving); otherwise its answer is awaited.
      if (!taskId) return;
      const mine = ticket.current;
      setCancelling(true);
      const stopped = await cancelTask(taskId);
      if (mine !== ticket.current) return;
      setCancelling(false);
      if (!stopped) {
        setPastCancel(true);
        return;
      }
    }
    ticket.current += 1;
    setBusy(undefined);
    stopTask();
    // Reading and previewing write nothing, so their answer is simply not waited for.
    if (was !== 'apply' && taskId) void cancelTask(taskId);
    // Reading: back to no file. Previewing: back to the mapping, the unfinished preview thrown away.
    if (was === 'read') reset();
    setCancelled(sv.excel.importCancelled);
  }

  const progress = busy ? importProgressView(busy, task?.progress) : undefined;
  const canCancel = progress !== undefined && progress.cancellable && !pastCancel;
  const rowsVm = preview ? previewRows(preview, filter) : [];

  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {sv.excel.importCard}
      </h2>
      <Text>{sv.excel.importIntro}</Text>

      <div className={styles.row}>
        <input
          id={inputId}
          ref={fileInput}
          className={styles.hiddenInput}
          type="file"
          tabIndex={-1}
          aria-label={sv.excel.fileInputLabel}
          accept=".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void onFile(e.currentTarget.files?.[0])}
        />
        <Button icon={<ArrowUpload20Regular />} disabled={busy !== undefined} onClick={() => fileInput.current?.click()}>
          {sv.excel.chooseFile}
        </Button>
        {file && <Text className={styles.facts}>{fileFactsText(file, sheet)}</Text>}
        {file && (
          <Button appearance="subtle" icon={<Dismiss20Regular />} disabled={busy === 'apply'} onClick={reset}>
            {sv.excel.startOver}
          </Button>
        )}
      </div>

      {progress && (
        <div className={styles.busy} role="status" data-testid="import-progress">
          <Field className={styles.progress} validationMessage={progress.text} validationState="none">
            <ProgressBar value={progress.value} thickness="large" aria-label={progress.text} />
          </Field>
          {canCancel ? (
            <>
              <Button size="small" icon={<Dismiss20Regular />} disabled={cancelling} onClick={() => void cancel()}>
                {cancelling ? sv.excel.cancelling : sv.excel.cancel}
              </Button>
              <Text size={200} className={styles.muted}>
                {sv.excel.cancelHint}
              </Text>
            </>
          ) : (
            <Text size={200} weight="semibold">
              {sv.excel.savingNoCancel}
            </Text>
          )}
        </div>
      )}
      {cancelled && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{cancelled}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {done} {sv.excel.appliedUndo}
          </MessageBarBody>
        </MessageBar>
      )}

      {file && (
        <div className={styles.step}>
          {file.sheets.length > 1 && (
            <Field label={sv.excel.sheet}>
              <Dropdown
                className={styles.sheet}
                disabled={busy !== undefined}
                value={sheet ? sv.excel.sheetOption(sheet.name, sheet.rowCount, sheet.hidden) : ''}
                selectedOptions={sheetName ? [sheetName] : []}
                onOptionSelect={(_, d) => d.optionValue && chooseSheet(d.optionValue)}
              >
                {file.sheets.map((s) => (
                  <Option key={s.name} value={s.name} text={sv.excel.sheetOption(s.name, s.rowCount, s.hidden)}>
                    {sv.excel.sheetOption(s.name, s.rowCount, s.hidden)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          )}
          {sheet && sheet.header.length === 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>{sv.excel.emptySheet}</MessageBarBody>
            </MessageBar>
          )}
          {sheet && sheet.header.length > 0 && (
            <>
              <h3 className={styles.subheading}>{sv.excel.mappingHeading}</h3>
              <Text className={styles.muted}>
                {sheet.proposal.source === 'remembered' ? sv.excel.mappingRemembered : sv.excel.mappingSuggested} {sv.excel.headerRow(sheet.headerRowNumber)}
              </Text>
              <ImportMappingStep sheet={sheet} mapping={mapping} disabled={busy !== undefined} onChange={chooseColumn} />
              {!canPreview(mapping) && (
                <MessageBar intent="warning">
                  <MessageBarBody>{sv.excel.mappingNeedsOrganisation}</MessageBarBody>
                </MessageBar>
              )}
              <div className={styles.row}>
                <Button icon={<Eye20Regular />} appearance={preview ? 'secondary' : 'primary'} disabled={busy !== undefined || !canPreview(mapping)} onClick={() => void runPreview(decisions)}>
                  {sv.excel.preview}
                </Button>
              </div>
            </>
          )}
        </div>
      )}

      {preview && (
        <section className={styles.step} aria-label={sv.excel.previewHeading}>
          <h3 className={styles.subheading}>{sv.excel.previewHeading}</h3>
          <Text className={styles.muted}>{sv.excel.previewIntro}</Text>
          <div className={styles.summary} role="group" aria-label={sv.excel.summaryLabel} data-testid="import-summary">
            {summaryItems(preview.summary).map((item) => (
              <Badge key={item.outcome} appearance="tint" color={item.intent} size="large" data-outcome={item.outcome}>
                {item.label}
              </Badge>
            ))}
            <Text weight="semibold">{sv.excel.included(preview.summary.included)}</Text>
          </div>
          <TabList size="small" selectedValue={filter} onTabSelect={(_, d) => setFilter(d.value as RowFilter)} aria-label={sv.excel.filterLabel}>
            {filterOptions(preview.summary).map((o) => (
              <Tab key={o.value} value={o.value}>
                {o.label}
              </Tab>
            ))}
          </TabList>
          <ImportPreviewTable rows={rowsVm} busy={busy !== undefined} onDecide={decide} />
          <div className={styles.row}>
            <Button appearance="primary" icon={<Checkmark20Regular />} disabled={busy !== undefined || preview.summary.included === 0} onClick={() => void apply()}>
              {preview.summary.included > 0 ? sv.excel.applyCount(preview.summary.included) : sv.excel.apply}
            </Button>
            <Button icon={<Dismiss20Regular />} disabled={busy === 'apply'} onClick={reset}>
              {sv.excel.cancel}
            </Button>
            {preview.summary.included === 0 && <Text className={styles.muted}>{sv.excel.nothingToApply}</Text>}
          </div>
        </section>
      )}
    </Card>
  );
}
