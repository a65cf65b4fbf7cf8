import { useMemo, useState } from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  mergeClasses,
  Radio,
  RadioGroup,
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
import { Add20Regular, MoreHorizontal20Regular } from '@fluentui/react-icons';
import type { MembershipTimeline } from '../../../electron/contract';
import { useApiMutation } from '../../app/api';
import { useNotify } from '../../app/notify';
import type { ApiCallError } from '../../bridge/api-client';
import { sv } from '../../lib/i18n/sv';
import { FormDialog } from '../../components/FormDialog';
import { fieldRefusal, type FieldRefusal } from './organisation-form.view-model';
import { openPeriod, periodRows, timelineViewModel, type PeriodRowVm, type TimelineVm } from './organisation-page.view-model';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateInput } from '../../components/DateInput';
import { Section, useSharedStyles } from './shared';

const t = sv.medlemmar.page;
const p = sv.medlemmar.period;

const useStyles = makeStyles({
  timeline: { display: 'grid', gridTemplateColumns: 'minmax(120px, 200px) minmax(0, 1fr)', rowGap: tokens.spacingVerticalS, columnGap: tokens.spacingHorizontalM },
  laneLabel: { alignSelf: 'center', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: tokens.colorNeutralForeground2 },
  track: {
    position: 'relative',
    height: '24px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
  },
  axis: { position: 'relative', height: '20px' },
  tick: {
    position: 'absolute',
    top: 0,
    transform: 'translateX(-50%)',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    fontVariantNumeric: 'tabular-nums',
  },
  gridLine: { position: 'absolute', top: 0, bottom: 0, width: '1px', backgroundColor: tokens.colorNeutralStroke2 },
  today: { position: 'absolute', top: '-4px', bottom: '-4px', width: '2px', backgroundColor: tokens.colorNeutralForeground1 },
  bar: {
    position: 'absolute',
    top: '3px',
    bottom: '3px',
    borderRadius: tokens.borderRadiusSmall,
    minWidth: '3px',
    overflow: 'hidden',
    boxSizing: 'border-box',
  },
  own: { backgroundColor: tokens.colorBrandBackground },
  group: { backgroundColor: tokens.colorPaletteTealBackground2, border: `1px solid ${tokens.colorPaletteTealBorderActive}` },
  notice: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    right: 0,
    // Stripes as well as colour, so notice shows without colour vision.
    backgroundImage: `repeating-linear-gradient(45deg, ${tokens.colorPaletteDarkOrangeBackground3} 0 4px, ${tokens.colorPaletteYellowBackground2} 4px 8px)`,
  },
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200 },
  legendItem: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  swatch: { display: 'inline-block', width: '20px', height: '12px', borderRadius: tokens.borderRadiusSmall, position: 'relative', overflow: 'hidden' },
  todayLabel: { display: 'inline-block', width: '2px', height: '14px', backgroundColor: tokens.colorNeutralForeground1 },
});

function Timeline({ vm, label }: { vm: TimelineVm; label: string }) {
  const styles = useStyles();
  return (
    <div role="img" aria-label={label} data-testid="membership-timeline">
      <div className={styles.timeline}>
        <span />
        <div className={styles.axis} aria-hidden>
          {vm.ticks.map((tick) => (
            <span key={tick.year} className={styles.tick} style={{ left: `${tick.at + (100 / (vm.lastYear - vm.firstYear + 1)) / 2}%` }}>
              {tick.year}
            </span>
          ))}
        </div>
        {vm.lanes.map((lane) => (
          <div key={lane.key} style={{ display: 'contents' }}>
            <span className={styles.laneLabel} title={lane.label}>
              {lane.label}
            </span>
            <div className={styles.track}>
              {vm.ticks.map((tick) => (
                <span key={tick.year} className={styles.gridLine} style={{ left: `${tick.at}%` }} />
              ))}
              {lane.bars.map((bar) => (
                <span
                  key={bar.key}
                  className={mergeClasses(styles.bar, bar.kind === 'own' ? styles.own : styles.group)}
                  style={{ left: `${bar.start}%`, width: `${Math.max(bar.end - bar.start, 0.3)}%` }}
                  title={bar.text}
                >
                  {bar.notice !== undefined && (
                    <span className={styles.notice} style={{ width: `${((bar.end - bar.notice) / Math.max(bar.end - bar.start, 0.3)) * 100}%` }} />
                  )}
                </span>
              ))}
              <span className={styles.today} style={{ left: `${vm.today}%` }} />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}

function Legend() {
  const styles = useStyles();
  return (
    <div className={styles.legend} aria-hidden>
      <span className={styles.legendItem}>
        <span className={mergeClasses(styles.swatch, styles.own)} />
        {t.legendMember}
      </span>
      <span className={styles.legendItem}>
        <span className={mergeClasses(styles.swatch, styles.own)}>
          <span className={styles.notice} style={{ width: '100%' }} />
        </span>
        {t.legendNotice}
      </span>
      <span className={styles.legendItem}>
        <span className={mergeClasses(styles.swatch, styles.group)} />
        {t.legendGroup}
      </span>
      <span className={styles.legendItem}>
        <span className={styles.todayLabel} />
        {t.legendToday}
      </span>
    </div>
  );
}

type PeriodDialogState =
  | { mode: 'add'; rejoin: boolean }
  | { mode: 'edit'; period: PeriodRowVm['period'] }
  | { mode: 'end'; period: PeriodRowVm['period'] };

type PeriodForm = { joined: string; startKnown: StartKnown; noticeGiven: string; left: string; reason: string; note: string };

export type StartKnown = 'exact' | 'before';

/**
 * The first day of a membership: an exact date, or a date the organisation was already a member by («före»),
 * for a member whose join date nobody recorded. `message` is the refusal shown at the date.
 */
export function JoinDateFields({
  startKnown,
  joined,
  message,
  exactLabel = p.joined,
  onChange,
}: {
  startKnown: StartKnown;
  joined: string;
  message?: string | undefined;
  /** The date field's label for an exact start. */
  exactLabel?: string;
  onChange: (patch: { startKnown?: StartKnown; joined?: string }) => void;
}) {
  return (
    <>
      <Field label={p.startKnown} hint={startKnown === 'before' ? p.startBeforeHint : undefined}>
        <RadioGroup layout="horizontal" value={startKnown} onChange={(_, data) => onChange({ startKnown: data.value as StartKnown })}>
          <Radio value="exact" label={p.startExact} />
          <Radio value="before" label={p.startBefore} />
        </RadioGroup>
      </Field>
      <Field label={startKnown === 'before' ? p.joinedBefore : exactLabel} required validationMessage={message}>
        <DateInput value={joined} onChange={(value) => onChange({ joined: value })} required />
      </Field>
    </>
  );
}

function PeriodDialog({ state, organisationId, today, onClose }: { state: PeriodDialogState; organisationId: string; today: string; onClose: () => void }) {
  const shared = useSharedStyles();
  const notify = useNotify();
  const add = useApiMutation('memberships/add');
  const update = useApiMutation('memberships/update');
  const end = useApiMutation('memberships/end');
  const busy = add.isPending || update.isPending || end.isPending;
  const [form, setForm] = useState<PeriodForm>(() =>
    state.mode === 'add'
      ? { joined: today, startKnown: 'exact', noticeGiven: '', left: '', reason: '', note: '' }
      : {
          joined: state.period.joined,
          startKnown: state.period.startKnown === 'before' ? 'before' : 'exact',
          noticeGiven: state.period.noticeGiven ?? '',
          left: state.period.left ?? (state.mode === 'end' ? today : ''),
          reason: state.period.reason ?? '',
          note: state.period.note,
        },
  );
  const [refusal, setRefusal] = useState<FieldRefusal>();
  const set = (patch: Partial<PeriodForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setRefusal(undefined);
  };
  const title = state.mode === 'add' ? (state.rejoin ? p.rejoinTitle : p.addTitle) : state.mode === 'edit' ? p.editTitle : p.endTitle;
  const message = (field: string) => (refusal?.field === field ? refusal.message : undefined);
  const shown = new Set(state.mode === 'end' ? ['left', 'noticeGiven', 'reason'] : ['joined', 'startKnown', 'noticeGiven', 'left', 'reason', 'note']);

  async function save() {
    setRefusal(undefined);
    try {
      if (state.mode === 'add') {
        await add.mutateAsync({
          organisationId,
          joined: form.joined,
          ...(form.startKnown === 'before' ? { startKnown: 'before' as const } : {}),
          ...(form.noticeGiven !== '' ? { noticeGiven: form.noticeGiven } : {}),
          ...(form.left !== '' ? { left: form.left } : {}),
          ...(form.reason.trim() !== '' ? { reason: form.reason } : {}),
          ...(form.note.trim() !== '' ? { note: form.note } : {}),
        });
        notify(p.saved);
      } else if (state.mode === 'edit') {
        await update.mutateAsync({
          id: state.period.id,
          joined: form.joined,
          startKnown: form.startKnown,
          noticeGiven: form.noticeGiven === '' ? null : form.noticeGiven,
          left: form.left === '' ? null : form.left,
          reason: form.reason.trim() === '' ? null : form.reason,
          note: form.note,
        });
        notify(p.saved);
      } else {
        await end.mutateAsync({
          id: state.period.id,
          left: form.left,
          ...(form.noticeGiven !== '' ? { noticeGiven: form.noticeGiven } : {}),
          ...(form.reason.trim() !== '' ? { reason: form.reason } : {}),
        });
        notify(p.ended);
      }
      onClose();
    } catch (error) {
      setRefusal(fieldRefusal(error as ApiCallError));
    }
  }

  const known = refusal?.field !== undefined && shown.has(refusal.field);
  return (
    <FormDialog
      title={title}
      error={refusal && !known ? refusal.fullMessage : undefined}
      submitLabel={sv.medlemmar.common.save}
      busyLabel={sv.medlemmar.common.saving}
      cancelLabel={sv.medlemmar.common.cancel}
      busy={busy}
      onSubmit={() => void save()}
      onClose={onClose}
      contentClassName={shared.form}
    >
      {state.mode === 'add' && state.rejoin && <Text>{p.rejoinHint}</Text>}
      {shown.has('joined') && <JoinDateFields startKnown={form.startKnown} joined={form.joined} message={message('joined') ?? message('startKnown')} onChange={set} />}
      <div className={shared.twoColumns}>
        <Field label={p.noticeGiven} validationMessage={message('noticeGiven')}>
          <DateInput value={form.noticeGiven} onChange={(value) => set({ noticeGiven: value })} />
        </Field>
        <Field label={p.left} required={state.mode === 'end'} validationMessage={message('left')}>
          <DateInput value={form.left} onChange={(value) => set({ left: value })} required={state.mode === 'end'} />
        </Field>
      </div>
      <Field label={p.reason} validationMessage={message('reason')}>
        <Input value={form.reason} onChange={(_, data) => set({ reason: data.value })} />
      </Field>
      {shown.has('note') && (
        <Field label={p.note} validationMessage={message('note')}>
          <Textarea value={form.note} onChange={(_, data) => set({ note: data.value })} resize="vertical" />
        </Field>
      )}
    </FormDialog>
  );
}

export function MembershipSection({ organisationId, organisationName, timeline, today }: { organisationId: string; organisationName: string; timeline: MembershipTimeline; today: string }) {
  const shared = useSharedStyles();
  const notify = useNotify();
  const [dialog, setDialog] = useState<PeriodDialogState>();
  const [deleting, setDeleting] = useState<PeriodRowVm>();
  const remove = useApiMutation('memberships/delete');
  const vm = useMemo(() => timelineViewModel(timeline, today), [timeline, today]);
  const rows = useMemo(() => periodRows(timeline), [timeline]);
  const open = openPeriod(timeline);
  const cols = t.periodColumns;

  return (
    <Section
      title={t.timeline}
      wide
      testId="membership-section"
      actions={
        !open && (
          <Button icon={<Add20Regular />} onClick={() => setDialog({ mode: 'add', rejoin: timeline.periods.length > 0 })}>
            {timeline.periods.length > 0 ? t.rejoin : t.addPeriod}
          </Button>
        )
      }
    >
      <Timeline vm={vm} label={`${t.timelineAxis}: ${organisationName}`} />
      <Legend />
      {rows.length === 0 ? (
        <Text className={shared.muted}>{t.noPeriods}</Text>
      ) : (
        <NavTable size="small" aria-label={t.periodsTable}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{cols.kind}</TableHeaderCell>
              <TableHeaderCell>{cols.joined}</TableHeaderCell>
              <TableHeaderCell>{cols.noticeGiven}</TableHeaderCell>
              <TableHeaderCell>{cols.left}</TableHeaderCell>
              <TableHeaderCell>{cols.reason}</TableHeaderCell>
              <TableHeaderCell style={{ width: '56px' }}>
                <span className={shared.visuallyHidden}>{sv.medlemmar.common.actions}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id} data-testid="period-row">
                <TableCell>{row.kind}</TableCell>
                <TableCell>{row.joined}</TableCell>
                <TableCell>{row.noticeGiven}</TableCell>
                <TableCell>{row.left}</TableCell>
                <TableCell>{row.reason}</TableCell>
                <TableCell>
                  <Menu>
                    <MenuTrigger disableButtonEnhancement>
                      <Button appearance="subtle" icon={<MoreHorizontal20Regular />} aria-label={sv.medlemmar.common.moreActions(`${row.kind} ${row.joined}`)} />
                    </MenuTrigger>
                    <MenuPopover>
                      <MenuList>
                        {row.open && <MenuItem onClick={() => setDialog({ mode: 'end', period: row.period })}>{t.endPeriod}</MenuItem>}
                        <MenuItem onClick={() => setDialog({ mode: 'edit', period: row.period })}>{t.editPeriod}</MenuItem>
                        <MenuItem onClick={() => setDeleting(row)}>{t.deletePeriod}</MenuItem>
                      </MenuList>
                    </MenuPopover>
                  </Menu>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </NavTable>
      )}
      {dialog && <PeriodDialog state={dialog} organisationId={organisationId} today={today} onClose={() => setDialog(undefined)} />}
      {deleting && (
        <ConfirmDialog
          open
          title={p.deleteTitle}
          confirmLabel={t.deletePeriod}
          danger
          busy={remove.isPending}
          error={remove.error?.message}
          onClose={() => setDeleting(undefined)}
          onConfirm={() =>
            remove.mutate(
              { id: deleting.id },
              {
                onSuccess: () => {
                  notify(p.deleted);
                  setDeleting(undefined);
                },
              },
            )
          }
        >
          <Text>{p.deleteBody(sv.medlemmar.page.periodBar(deleting.joined, deleting.left))}</Text>
        </ConfirmDialog>
      )}
    </Section>
  );
}
