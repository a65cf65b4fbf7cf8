import { useMemo, useState } from 'react';
import {
  Button,
  Card,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  mergeClasses,
  Select,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  tokens,
  useId,
} from '@fluentui/react-components';
import { NavTable } from '../../components/NavTable';
import { Add20Regular, MoreHorizontal20Regular } from '@fluentui/react-icons';
import type { NetworkDetail } from '../../../electron/contract';
import type { MeetingKind } from '../../../electron/core/store/schema';
import { useApiMutation } from '../../app/api';
import { useNotify } from '../../app/notify';
import { formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { DateInput } from '../../components/DateInput';
import { FormDialog } from '../../components/FormDialog';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import {
  apiFieldError,
  emptyMeetingForm,
  hasErrors,
  keepAttendees,
  meetingFormFields,
  toggleId,
  validateMeetingForm,
  type FieldErrors,
  type MeetingFormField,
  type MeetingFormValues,
} from './forms.view-model';
import type { Refusal } from '../../lib/refusal';
import { attendeeOptions, meetingKindOrder, meetingRows, organisationOptions, type MeetingRowVm } from './meetings.view-model';
import { useNatverkStyles } from './styles';
import { isCalendarDate } from '../../../electron/contract/rules/calendar-date';

const t = sv.natverk.meetings;

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalL },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  pair: { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: tokens.spacingHorizontalM },
  checks: {
    display: 'flex',
    flexDirection: 'column',
    maxHeight: '260px',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalXS,
  },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  checkActions: { display: 'flex', columnGap: tokens.spacingHorizontalS },
  title: { display: 'flex', flexDirection: 'column', rowGap: '2px', paddingBlock: tokens.spacingVerticalXS },
  dateCol: { width: '110px' },
  kindCol: { width: '130px' },
  attCol: { width: '120px' },
  actionsCol: { width: '52px' },
});

type Dialogs =
  | { kind: 'create' }
  | { kind: 'edit'; row: MeetingRowVm; date: string }
  | { kind: 'attendance'; row: MeetingRowVm; date: string }
  | { kind: 'delete'; row: MeetingRowVm };

/** `attendanceFor`: a meeting whose attendance dialog opens at once (a link from Översikt). */
export function MeetingsSection({ detail, attendanceFor }: { detail: NetworkDetail; attendanceFor?: string | undefined }) {
  const styles = useStyles();
  const shared = useNatverkStyles();
  const notify = useNotify();
  const rows = useMemo(() => meetingRows(detail), [detail]);
  const [dialog, setDialog] = useState<Dialogs | undefined>(() => {
    const row = rows.find((r) => r.id === attendanceFor);
    return row ? { kind: 'attendance', row, date: detail.meetings.find((m) => m.id === row.id)?.date ?? detail.date } : undefined;
  });
  const remove = useApiMutation('networks/delete-meeting');
  const headingId = useId('meetings');
  const close = () => {
    remove.reset();
    setDialog(undefined);
  };
  const isoDateOf = (id: string) => detail.meetings.find((m) => m.id === id)?.date ?? detail.date;

  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId}>
      <div className={styles.head}>
        <h2 id={headingId} className={shared.sectionHeading}>
          {t.heading}
        </h2>
        <Button appearance="primary" icon={<Add20Regular />} onClick={() => setDialog({ kind: 'create' })}>
          {t.add}
        </Button>
      </div>
      {rows.length === 0 ? (
        <Text className={shared.hint}>{t.empty}</Text>
      ) : (
        <div className={shared.scroll}>
          <NavTable aria-label={t.tableLabel} size="small" className={shared.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.dateCol}>{t.columns.date}</TableHeaderCell>
                <TableHeaderCell className={styles.kindCol}>{t.columns.kind}</TableHeaderCell>
                <TableHeaderCell>{t.columns.title}</TableHeaderCell>
                <TableHeaderCell className={mergeClasses(styles.attCol, shared.numberHeader)}>{t.columns.attendees}</TableHeaderCell>
                <TableHeaderCell className={styles.actionsCol}>
                  <span className={shared.visuallyHidden}>{t.columns.actions}</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id} data-testid="meeting-row">
                  <TableCell className={shared.tabular}>{row.date}</TableCell>
                  <TableCell>{row.kindLabel}</TableCell>
                  <TableCell>
                    <div className={styles.title}>
                      <span>{row.title}</span>
                      {row.attendeeNames !== '' && <Text className={shared.hint}>{row.attendeeNames}</Text>}
                      {row.note !== '' && <Text className={shared.hint}>{row.note}</Text>}
                    </div>
                  </TableCell>
                  <TableCell className={shared.number}>{row.attendeesText}</TableCell>
                  <TableCell>
                    <Menu>
                      <MenuTrigger disableButtonEnhancement>
                        <MenuButton appearance="subtle" icon={<MoreHorizontal20Regular />} menuIcon={null} aria-label={t.rowMenu(row.title)} />
                      </MenuTrigger>
                      <MenuPopover>
                        <MenuList>
                          <MenuItem disabled={row.planned} onClick={() => setDialog({ kind: 'attendance', row, date: isoDateOf(row.id) })}>
                            {t.attendance}
                          </MenuItem>
                          <MenuItem onClick={() => setDialog({ kind: 'edit', row, date: isoDateOf(row.id) })}>{t.edit}</MenuItem>
                          <MenuItem onClick={() => setDialog({ kind: 'delete', row })}>{t.remove}</MenuItem>
                        </MenuList>
                      </MenuPopover>
                    </Menu>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </NavTable>
        </div>
      )}

      {dialog?.kind === 'create' && <MeetingForm detail={detail} onClose={close} />}
      {dialog?.kind === 'edit' && <MeetingForm key={dialog.row.id} detail={detail} meeting={{ row: dialog.row, date: dialog.date }} onClose={close} />}
      {dialog?.kind === 'attendance' && <AttendanceForm key={dialog.row.id} detail={detail} row={dialog.row} date={dialog.date} onClose={close} />}
      <ConfirmDialog
        open={dialog?.kind === 'delete'}
        title={dialog?.kind === 'delete' ? t.deleteTitle(dialog.row.title) : ''}
        confirmLabel={t.remove}
        busy={remove.isPending}
        {...(remove.error ? { error: remove.error.message } : {})}
        onConfirm={() => {
          if (dialog?.kind !== 'delete') return;
          const { row } = dialog;
          remove.mutate(
            { networkId: detail.id, meetingId: row.id },
            {
              onSuccess: () => {
                notify(t.removed(row.title));
                close();
              },
            },
          );
        }}
        onClose={close}
      >
        {t.deleteBody}
      </ConfirmDialog>
    </Card>
  );
}

function AttendeeChecks({
  detail,
  date,
  selected,
  onChange,
  organisations,
}: {
  detail: NetworkDetail;
  date: string;
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  /** The organisations marked present and their setter; absent where only persons are asked for. */
  organisations?: { selected: readonly string[]; onChange: (ids: string[]) => void };
}) {
  const styles = useStyles();
  const shared = useNatverkStyles();
  const options = useMemo(() => attendeeOptions(detail, date), [detail, date]);
  const orgOptions = useMemo(() => (organisations ? organisationOptions(detail, date) : []), [detail, date, organisations]);
  const groupId = useId('attendees');
  if (options.length === 0 && orgOptions.length === 0) return <Text className={shared.hint}>{t.noPersons}</Text>;
  return (
    <div role="group" aria-labelledby={groupId}>
      <Text id={groupId} weight="semibold" block>
        {t.attendees}
      </Text>
      <Text className={shared.hint} block>
        {t.attendeesHint(date)}
      </Text>
      <div className={styles.checkActions}>
        <Button size="small" appearance="transparent" onClick={() => onChange(options.map((o) => o.contactId))}>
          {t.selectAll}
        </Button>
        <Button size="small" appearance="transparent" onClick={() => onChange([])}>
          {t.selectNone}
        </Button>
      </div>
      <div className={styles.checks}>
        {options.map((o) => (
          <Checkbox
            key={o.contactId}
            label={o.label}
            checked={selected.includes(o.contactId)}
            onChange={(_e, d) => onChange(toggleId(selected, o.contactId, d.checked === true))}
          />
        ))}
      </div>
      {organisations && orgOptions.length > 0 && (
        <div role="group" aria-label={t.organisations}>
          <Text weight="semibold" block>
            {t.organisations}
          </Text>
          <div className={styles.checks}>
            {orgOptions.map((o) => (
              <Checkbox
                key={o.organisationId}
                label={o.name}
                checked={organisations.selected.includes(o.organisationId)}
                onChange={(_e, d) => organisations.onChange(toggleId(organisations.selected, o.organisationId, d.checked === true))}
              />
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

function MeetingForm({ detail, meeting, onClose }: { detail: NetworkDetail; meeting?: { row: MeetingRowVm; date: string }; onClose: () => void }) {
  const styles = useStyles();
  const shared = useNatverkStyles();
  const notify = useNotify();
  const [values, setValues] = useState<MeetingFormValues>(() =>
    meeting
      ? { date: meeting.date, kind: meeting.row.kind, title: meeting.row.title, note: meeting.row.note, attendeeContactIds: meeting.row.attendeeContactIds }
      : emptyMeetingForm(detail.date),
  );
  const [errors, setErrors] = useState<FieldErrors<MeetingFormField>>({});
  const [general, setGeneral] = useState<string>();
  const onError = (error: Refusal) => {
    const mapped = apiFieldError(error, meetingFormFields);
    if (mapped.field) setErrors({ [mapped.field]: mapped.message });
    else setGeneral(mapped.message);
  };
  const onSuccess = (m: { title: string }) => {
    notify(t.saved(m.title));
    onClose();
  };
  const add = useApiMutation('networks/add-meeting', { onSuccess, onError });
  const update = useApiMutation('networks/update-meeting', { onSuccess, onError });
  const busy = add.isPending || update.isPending;
  const set = <K extends keyof MeetingFormValues>(key: K, value: MeetingFormValues[K]) => {
    setValues((v) => {
      const next = { ...v, [key]: value };
      // Persons not on the roster on the new day cannot have attended it.
      if (key === 'date' && isCalendarDate(next.date)) next.attendeeContactIds = keepAttendees(next.attendeeContactIds, attendeeOptions(detail, next.date));
      return next;
    });
    setErrors((e) => ({ ...e, [key]: undefined }));
    setGeneral(undefined);
  };
  const submit = () => {
    const found = validateMeetingForm(values);
    setErrors(found);
    if (hasErrors(found)) return;
    const fields = { networkId: detail.id, date: values.date, kind: values.kind, title: values.title.trim(), note: values.note.trim() };
    if (meeting) update.mutate({ ...fields, meetingId: meeting.row.id });
    else add.mutate({ ...fields, attendeeContactIds: values.attendeeContactIds });
  };
  const state = (f: MeetingFormField) => (errors[f] !== undefined ? 'error' : 'none');
  return (
    <FormDialog
      title={meeting ? t.editTitle : t.createTitle}
      submitLabel={t.save}
      busy={busy}
      error={general === undefined ? undefined : sv.natverk.form.failed(general)}
      onSubmit={submit}
      onClose={onClose}
      contentClassName={styles.form}
    >
      <div className={styles.pair}>
        <Field label={t.date} required validationState={state('date')} validationMessage={errors.date}>
          <DateInput value={values.date} onChange={(v) => set('date', v)} />
        </Field>
        <Field label={t.kind} required validationState={state('kind')} validationMessage={errors.kind}>
          <Select value={values.kind} onChange={(_e, d) => set('kind', d.value as MeetingKind)}>
            {meetingKindOrder.map((k) => (
              <option key={k} value={k}>
                {sv.natverk.meetingKinds[k]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t.title} required validationState={state('title')} validationMessage={errors.title}>
        <Input value={values.title} maxLength={250} onChange={(_e, d) => set('title', d.value)} />
      </Field>
      <Field label={t.note} validationState={state('note')} validationMessage={errors.note}>
        <Textarea value={values.note} rows={2} resize="vertical" onChange={(_e, d) => set('note', d.value)} />
      </Field>
      {!meeting && isCalendarDate(values.date) && values.date > detail.date && <Text className={shared.hint}>{t.plannedHint(values.date)}</Text>}
      {!meeting && isCalendarDate(values.date) && values.date <= detail.date && (
        <div>
          <AttendeeChecks detail={detail} date={values.date} selected={values.attendeeContactIds} onChange={(ids) => set('attendeeContactIds', ids)} />
          {errors.attendeeContactIds !== undefined && (
            <Text role="alert" className={styles.error}>
              {errors.attendeeContactIds}
            </Text>
          )}
        </div>
      )}
    </FormDialog>
  );
}

function AttendanceForm({ detail, row, date, onClose }: { detail: NetworkDetail; row: MeetingRowVm; date: string; onClose: () => void }) {
  const notify = useNotify();
  const [selected, setSelected] = useState<string[]>(row.attendeeContactIds);
  const [organisations, setOrganisations] = useState<string[]>(row.attendeeOrganisationIds);
  const save = useApiMutation('networks/set-attendees', {
    onSuccess: (m) => {
      notify(t.attendanceSaved(formatNumber(m.attendeeContactIds.length + (m.attendeeOrganisationIds ?? []).length)));
      onClose();
    },
  });
  const organisationChecks = useMemo(() => ({ selected: organisations, onChange: setOrganisations }), [organisations]);
  return (
    <FormDialog
      title={t.attendanceTitle(row.title, row.date)}
      submitLabel={t.save}
      busy={save.isPending}
      error={save.error ? sv.natverk.form.failed(save.error.message) : undefined}
      onSubmit={() => save.mutate({ networkId: detail.id, meetingId: row.id, attendeeContactIds: selected, attendeeOrganisationIds: organisations })}
      onClose={onClose}
    >
      <AttendeeChecks detail={detail} date={date} selected={selected} onChange={setSelected} organisations={organisationChecks} />
    </FormDialog>
  );
}
