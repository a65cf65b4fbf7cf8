import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import type { BudgetColumnView } from '../../../electron/contract';
import { budgetColumnKinds, type BudgetColumnKind } from '../../../electron/core/store/schema';
import { useApiMutation } from '../../app/api';
import { asRefusal, placeRefusal } from '../../lib/refusal';
import { sv } from '../../lib/i18n/sv';
import { FormDialog } from '../../components/FormDialog';
import { dateAt, parseYear, systemClock, yearOf } from '../../../electron/contract/rules/calendar-date';

const t = sv.budget;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
});

const columnFormFields = ['year', 'kind', 'copyFromColumnId'] as const;
const isColumnFormField = (field: string): field is (typeof columnFormFields)[number] => (columnFormFields as readonly string[]).includes(field);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function AddColumnDialog({
  open,
  columns,
  onClose,
  onAdded,
}: {
  open: boolean;
  columns: readonly BudgetColumnView[];
  onClose: () => void;
  onAdded: (label: string) => void;
}) {
  const styles = useStyles();
  const latestYear = columns.reduce((max, c) => Math.max(max, c.year), yearOf(dateAt(systemClock())) - 1);
  const [yearText, setYearText] = useState(String(latestYear + 1));
  const [kind, setKind] = useState<BudgetColumnKind>('budget');
  const [copyFrom, setCopyFrom] = useState<string>('');
  const [errors, setErrors] = useState<{ year?: string; kind?: string; copy?: string; general?: string }>({});
  const add = useApiMutation('budget/add-column');

  const close = () => {
    if (add.isPending) return;
    setErrors({});
    onClose();
  };

  const submit = async () => {
    const year = parseYear(yearText);
    if (year === undefined) {
      setErrors({ year: t.dialog.yearInvalid });
      return;
    }
    setErrors({});
    try {
      await add.mutateAsync({ year, kind, ...(copyFrom ? { copyFromColumnId: copyFrom } : {}) });
      onAdded(`${t.kinds[kind]} ${year}`);
      setYearText(String(year + 1));
      setCopyFrom('');
      onClose();
    } catch (error) {
      // Under the field the core named (the field shows its own label), else above the buttons.
      const { field, message } = placeRefusal(asRefusal(error), isColumnFormField);
      if (field === 'year') setErrors({ year: message });
      else if (field === 'kind') setErrors({ kind: message });
      else if (field === 'copyFromColumnId') setErrors({ copy: message });
      else setErrors({ general: message });
    }
  };

  const copyLabel = columns.find((c) => c.id === copyFrom)?.label ?? t.dialog.copyNone;
  return (
    <FormDialog
      open={open}
      title={t.dialog.addColumnTitle}
      submitLabel={t.dialog.add}
      busyLabel={t.dialog.adding}
      busy={add.isPending}
      error={errors.general}
      onSubmit={() => void submit()}
      onClose={close}
      contentClassName={styles.form}
    >
      <Field label={t.dialog.year} hint={t.dialog.yearHint} required validationMessage={errors.year} validationState={errors.year ? 'error' : 'none'}>
        <Input value={yearText} inputMode="numeric" maxLength={4} onChange={(_e, d) => setYearText(d.value)} autoFocus />
      </Field>
      <Field label={t.dialog.kind} required validationMessage={errors.kind} validationState={errors.kind ? 'error' : 'none'}>
        <RadioGroup value={kind} layout="horizontal" onChange={(_e, d) => setKind(d.value as BudgetColumnKind)}>
          {budgetColumnKinds.map((k) => (
            <Radio key={k} value={k} label={t.kinds[k]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t.dialog.copyFrom} validationMessage={errors.copy} validationState={errors.copy ? 'error' : 'none'}>
        <Dropdown value={copyLabel} selectedOptions={[copyFrom]} onOptionSelect={(_e, d) => setCopyFrom(d.optionValue ?? '')}>
          <Option value="">{t.dialog.copyNone}</Option>
          {columns.map((c) => (
            <Option key={c.id} value={c.id}>
              {c.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </FormDialog>
  );
}

export type LineDialogMode =
  | { type: 'add-sub-line'; parentId: string; parentName: string }
  | { type: 'add-line'; kind: 'income' | 'cost'; section: string }
  | { type: 'rename'; lineId: string; name: string };

/** Names a new line or sub-line, or renames one; the core's refusals (duplicates, length) stand under the field. */
export function LineDialog({ mode, onClose, onDone }: { mode: LineDialogMode | undefined; onClose: () => void; onDone: (text: string) => void }) {
  const styles = useStyles();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [openedFor, setOpenedFor] = useState<LineDialogMode | undefined>(undefined);
  const addLine = useApiMutation('budget/add-line');
  const rename = useApiMutation('budget/rename-line');
  const pending = addLine.isPending || rename.isPending;

  // A new mode starts with its own name (the current one when renaming) and no old error.
  if (mode !== openedFor) {
    setOpenedFor(mode);
    setName(mode?.type === 'rename' ? mode.name : '');
    setError(undefined);
  }

  const close = () => {
    if (!pending) onClose();
  };

  const submit = async () => {
    if (!mode) return;
    setError(undefined);
    try {
      if (mode.type === 'rename') {
        await rename.mutateAsync({ lineId: mode.lineId, name });
        onDone(t.done.renamed(name.trim()));
      } else if (mode.type === 'add-sub-line') {
        await addLine.mutateAsync({ name, parentId: mode.parentId });
        onDone(t.done.lineAdded(name.trim()));
      } else {
        await addLine.mutateAsync({ name, kind: mode.kind });
        onDone(t.done.lineAdded(name.trim()));
      }
      onClose();
    } catch (err) {
      setError(messageOf(err));
    }
  };

  const title =
    mode?.type === 'rename'
      ? t.dialog.renameTitle(mode.name)
      : mode?.type === 'add-sub-line'
        ? t.dialog.addSubLineTitle(mode.parentName)
        : mode
          ? t.dialog.addLineTitle(mode.section)
          : '';
  return (
    <FormDialog
      open={mode !== undefined}
      title={title}
      submitLabel={mode?.type === 'rename' ? t.dialog.save : t.dialog.add}
      busyLabel={t.dialog.saving}
      busy={pending}
      onSubmit={() => void submit()}
      onClose={close}
      contentClassName={styles.form}
    >
      {mode?.type === 'add-sub-line' && <p className={styles.hint}>{t.dialog.addSubLineHint}</p>}
      <Field label={t.dialog.name} required validationMessage={error} validationState={error ? 'error' : 'none'}>
        <Input value={name} maxLength={200} onChange={(_e, d) => setName(d.value)} autoFocus />
      </Field>
    </FormDialog>
  );
}

export type RemoveRequest =
  | { type: 'remove-line'; lineId: string; name: string; subLineCount: number }
  | { type: 'remove-column'; columnId: string; label: string };

/** Asks before removing a line or a column; the removal can be undone, and the dialog says so. */
export function RemoveDialog({ request, onClose, onDone }: { request: RemoveRequest | undefined; onClose: () => void; onDone: (text: string) => void }) {
  const removeLine = useApiMutation('budget/remove-line');
  const removeColumn = useApiMutation('budget/remove-column');
  const [error, setError] = useState<string>();
  const pending = removeLine.isPending || removeColumn.isPending;
  const close = () => {
    if (pending) return;
    setError(undefined);
    onClose();
  };
  const confirm = async () => {
    if (!request) return;
    try {
      if (request.type === 'remove-line') {
        await removeLine.mutateAsync({ lineId: request.lineId });
        onDone(t.done.lineRemoved(request.name));
      } else {
        await removeColumn.mutateAsync({ columnId: request.columnId });
        onDone(t.done.columnRemoved(request.label));
      }
      setError(undefined);
      onClose();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const title = !request
    ? ''
    : request.type === 'remove-line'
      ? t.dialog.removeLineTitle(request.name)
      : t.dialog.removeColumnTitle(request.label);
  const body = !request
    ? ''
    : request.type === 'remove-line'
      ? t.dialog.removeLineBody(request.name, request.subLineCount)
      : t.dialog.removeColumnBody(request.label);
  return (
    <Dialog open={request !== undefined} modalType="alert" onOpenChange={(_e, d) => !d.open && close()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            {body}
            {error && (
              <MessageBar intent="error" layout="multiline" style={{ marginTop: 12 }}>
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={pending}>
              {sv.app.cancel}
            </Button>
            <Button appearance="primary" disabled={pending} icon={pending ? <Spinner size="tiny" /> : undefined} onClick={() => void confirm()}>
              {pending ? t.dialog.removing : t.dialog.remove}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
