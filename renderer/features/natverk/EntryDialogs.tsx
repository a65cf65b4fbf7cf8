import { useState } from 'react';
import {
  Field,
  makeStyles,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { NetworkKind, RosterRole } from '../../../electron/core/store/schema';
import { useApiMutation } from '../../app/api';
import { useNotify } from '../../app/notify';
import { formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { DateInput } from '../../components/DateInput';
import { FormDialog } from '../../components/FormDialog';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { apiFieldError, entryFormFields, hasErrors, validateEntryForm, type EntryFormField, type EntryFormValues, type FieldErrors } from './forms.view-model';
import type { Refusal } from '../../lib/refusal';
import { participationOrder, rosterRoleOrder, showsParticipation, type Participation, type RosterRowVm } from './roster.view-model';

const t = sv.natverk;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  pair: { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: tokens.spacingHorizontalM },
});

export type EntryAction = { kind: 'edit' | 'end' | 'remove' | 'end-person'; row: RosterRowVm };

/** The dialogs behind a roster row's menu. `date` is the day the screen shows, the default last day. */
export function EntryDialogs({
  action,
  networkId,
  networkKind,
  date,
  onClose,
}: {
  action: EntryAction | undefined;
  networkId: string;
  networkKind: NetworkKind;
  date: string;
  onClose: () => void;
}) {
  return (
    <>
      {action && (action.kind === 'edit' || action.kind === 'end') && (
        <EntryForm key={action.row.id} mode={action.kind} row={action.row} networkId={networkId} networkKind={networkKind} date={date} onClose={onClose} />
      )}
      <RemoveEntry action={action?.kind === 'remove' ? action : undefined} networkId={networkId} onClose={onClose} />
      <EndPerson action={action?.kind === 'end-person' ? action : undefined} date={date} onClose={onClose} />
    </>
  );
}

function EntryForm({
  mode,
  row,
  networkId,
  networkKind,
  date,
  onClose,
}: {
  mode: 'edit' | 'end';
  row: RosterRowVm;
  networkId: string;
  networkKind: NetworkKind;
  date: string;
  onClose: () => void;
}) {
  const styles = useStyles();
  const notify = useNotify();
  const [values, setValues] = useState<EntryFormValues>({
    role: row.role,
    participation: row.participation,
    from: row.from,
    // Ending: the screen's day, or the first day when the entry has not begun by then.
    to: mode === 'end' ? (date < row.from ? row.from : date) : (row.to ?? ''),
  });
  const [worksWithIt, setWorksWithIt] = useState<'' | 'ja' | 'nej'>(row.worksWithIt === undefined ? '' : row.worksWithIt ? 'ja' : 'nej');
  const [errors, setErrors] = useState<FieldErrors<EntryFormField>>({});
  const [general, setGeneral] = useState<string>();
  const onError = (error: Refusal) => {
    const mapped = apiFieldError(error, entryFormFields);
    if (mapped.field) setErrors({ [mapped.field]: mapped.message });
    else setGeneral(mapped.message);
  };
  const update = useApiMutation('networks/update-entry', {
    onSuccess: () => {
      notify(t.entry.saved(row.name));
      onClose();
    },
    onError,
  });
  const end = useApiMutation('networks/end-entry', {
    onSuccess: (e) => {
      notify(t.entry.ended(row.name, e.to ?? ''));
      onClose();
    },
    onError,
  });
  const busy = update.isPending || end.isPending;
  const set = <K extends keyof EntryFormValues>(key: K, value: EntryFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setGeneral(undefined);
  };
  const submit = () => {
    const found = validateEntryForm(values, { toRequired: mode === 'end' });
    setErrors(found);
    if (hasErrors(found)) return;
    if (mode === 'end') end.mutate({ networkId, entryId: row.id, to: values.to });
    else
      update.mutate({
        networkId,
        entryId: row.id,
        role: values.role,
        participation: values.participation,
        from: values.from,
        to: values.to === '' ? null : values.to,
        ...(networkKind === 'styrelse' ? { worksWithIt: worksWithIt === '' ? null : worksWithIt === 'ja' } : {}),
      });
  };
  const state = (f: EntryFormField) => (errors[f] !== undefined ? 'error' : 'none');
  return (
    <FormDialog
      title={mode === 'end' ? t.entry.endTitle(row.name) : t.entry.editTitle(row.name)}
      submitLabel={mode === 'end' ? t.entry.endConfirm : t.entry.save}
      busy={busy}
      error={general === undefined ? undefined : t.roster.failed(general)}
      onSubmit={submit}
      onClose={onClose}
      contentClassName={styles.form}
    >
      {mode === 'end' ? (
        <>
          <Text>{t.entry.endBody}</Text>
          <Field label={t.roster.to} required validationState={state('to')} validationMessage={errors.to}>
            <DateInput value={values.to} onChange={(v) => set('to', v)} />
          </Field>
        </>
      ) : (
        <>
          <div className={styles.pair}>
            <Field label={t.roster.role} validationState={state('role')} validationMessage={errors.role}>
              <Select value={values.role} onChange={(_e, d) => set('role', d.value as RosterRole)}>
                {rosterRoleOrder.map((r) => (
                  <option key={r} value={r}>
                    {t.roles[r]}
                  </option>
                ))}
              </Select>
            </Field>
            {showsParticipation(networkKind) && (
              <Field label={t.roster.participation} validationState={state('participation')} validationMessage={errors.participation}>
                <Select value={values.participation} onChange={(_e, d) => set('participation', d.value as Participation)}>
                  {participationOrder.map((p) => (
                    <option key={p} value={p}>
                      {t.participations[p]}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
          </div>
          <div className={styles.pair}>
            <Field label={t.roster.from} required validationState={state('from')} validationMessage={errors.from}>
              <DateInput value={values.from} onChange={(v) => set('from', v)} />
            </Field>
            <Field label={t.roster.to} hint={t.entry.toHint} validationState={state('to')} validationMessage={errors.to}>
              <DateInput value={values.to} onChange={(v) => set('to', v)} />
            </Field>
          </div>
          {networkKind === 'styrelse' && row.kind !== 'organisation' && (
            <Field label={t.roster.worksWithItField} hint={t.roster.worksWithItHint}>
              <Select value={worksWithIt} onChange={(_e, d) => setWorksWithIt(d.value as '' | 'ja' | 'nej')}>
                <option value="">{t.roster.worksWithItUnknown}</option>
                <option value="ja">{t.roster.worksWithIt}</option>
                <option value="nej">{t.roster.notWorksWithIt}</option>
              </Select>
            </Field>
          )}
        </>
      )}
    </FormDialog>
  );
}

function RemoveEntry({ action, networkId, onClose }: { action: EntryAction | undefined; networkId: string; onClose: () => void }) {
  const notify = useNotify();
  const remove = useApiMutation('networks/remove-entry');
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={action !== undefined}
      title={action ? t.entry.removeTitle(action.row.name) : ''}
      confirmLabel={t.entry.removeConfirm}
      busy={remove.isPending}
      {...(remove.error ? { error: remove.error.message } : {})}
      onConfirm={() =>
        action &&
        remove.mutate(
          { networkId, entryId: action.row.id },
          {
            onSuccess: () => {
              notify(t.roster.removed(action.row.name));
              close();
            },
          },
        )
      }
      onClose={close}
    >
      {t.entry.removeBody}
    </ConfirmDialog>
  );
}

function EndPerson({ action, date, onClose }: { action: EntryAction | undefined; date: string; onClose: () => void }) {
  const notify = useNotify();
  const [last, setLast] = useState(date);
  const endPerson = useApiMutation('networks/end-person');
  const close = () => {
    endPerson.reset();
    setLast(date);
    onClose();
  };
  const contactId = action?.row.contactId;
  const name = action?.row.name ?? '';
  return (
    <ConfirmDialog
      open={action !== undefined}
      title={t.endPerson.title(name)}
      confirmLabel={t.endPerson.confirm}
      busy={endPerson.isPending}
      {...(endPerson.error ? { error: endPerson.error.message } : {})}
      onConfirm={() =>
        contactId !== undefined &&
        endPerson.mutate(
          { contactId, date: last },
          {
            onSuccess: (r) => {
              notify(
                r.networkIds.length === 0
                  ? t.endPerson.nothing(name)
                  : t.endPerson.done(name, formatNumber(r.ended), formatNumber(r.removed), formatNumber(r.networkIds.length)),
                r.networkIds.length === 0 ? 'info' : 'success',
              );
              close();
            },
          },
        )
      }
      onClose={close}
    >
      <Text block>{t.endPerson.body}</Text>
      <Field label={t.endPerson.date} style={{ marginTop: tokens.spacingVerticalM }}>
        <DateInput value={last} onChange={(v) => setLast(v)} />
      </Field>
    </ConfirmDialog>
  );
}
