import { useState } from 'react';
import {
  Checkbox,
  Dropdown,
  Field,
  Input,
  Label,
  makeStyles,
  Option,
  Text,
  Textarea,
  tokens,
  useId,
} from '@fluentui/react-components';
import type { Goal } from '../../../electron/core/store/schema';
import { FormDialog } from '../../components/FormDialog';
import { useApiMutation } from '../../app/api';
import { useNotify } from '../../app/notify';
import { sv } from '../../lib/i18n/sv';
import {
  comparisonOptions,
  countsEvents,
  emptyGoalForm,
  eventKindOptions,
  isGoalFormField,
  goalFormOf,
  isShareMetric,
  metricOptions,
  readGoalForm,
  toggleEventKind,
  withMetric,
  type GoalForm,
  type GoalFormErrors,
} from './goal-form.view-model';
import { asRefusal, placeRefusal } from '../../lib/refusal';
import { whenIdle } from '../../lib/idle';

const f = sv.styrelserapport.form;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))', gap: tokens.spacingHorizontalM },
  number: { '& input': { textAlign: 'end', fontVariantNumeric: 'tabular-nums' } },
  kinds: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  error: { color: tokens.colorPaletteRedForeground1 },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** Adds a goal (`goal` absent) or changes one: title, metric from the list, comparison, target, and for an event goal the meeting kinds it counts. */
export function GoalDialog({ goal, year, onClose }: { goal?: Goal; year: number; onClose: () => void }) {
  const styles = useStyles();
  const notify = useNotify();
  const [form, setForm] = useState<GoalForm>(() => (goal ? goalFormOf(goal) : emptyGoalForm(year)));
  const [errors, setErrors] = useState<GoalFormErrors>({});
  const [general, setGeneral] = useState<string>();
  const create = useApiMutation('goals/create');
  const update = useApiMutation('goals/update');
  const busy = create.isPending || update.isPending;
  const share = isShareMetric(form.metric);
  const kindsId = useId('goal-kinds');
  const kindsHintId = useId('goal-kinds-hint');

  const set = (patch: Partial<GoalForm>) => setForm((current) => ({ ...current, ...patch }));

  const save = async () => {
    const read = readGoalForm(form);
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    setErrors({});
    setGeneral(undefined);
    try {
      const saved = goal
        ? await update.mutateAsync({ goalId: goal.id, ...read.input, targetMax: read.input.targetMax ?? null })
        : await create.mutateAsync(read.input);
      onClose();
      // The toast once the pack shows the goal's new figures: laid out before them, it held them back.
      whenIdle(() => notify(f.saved(saved.title)));
    } catch (error) {
      const placed = placeRefusal(asRefusal(error), isGoalFormField);
      if (placed.field) setErrors({ [placed.field]: placed.message });
      else setGeneral(placed.message);
    }
  };

  return (
    <FormDialog
      title={goal ? f.editTitle : f.newTitle}
      submitLabel={f.save}
      busyLabel={f.saving}
      cancelLabel={f.cancel}
      busy={busy}
      error={general}
      onSubmit={() => void save()}
      onClose={onClose}
      contentClassName={styles.form}
    >
      <Field label={f.title} required validationMessage={errors.title}>
        <Input value={form.title} onChange={(_, d) => set({ title: d.value })} maxLength={200} />
      </Field>
      <Field label={f.description}>
        <Textarea value={form.description} onChange={(_, d) => set({ description: d.value })} maxLength={2000} resize="vertical" />
      </Field>
      <div className={styles.row}>
        <Field label={f.year} required validationMessage={errors.year}>
          <Input className={styles.number} value={form.year} onChange={(_, d) => set({ year: d.value })} inputMode="numeric" maxLength={4} />
        </Field>
        <Field label={f.comparison} required>
          <Dropdown
            value={sv.styrelserapport.comparisons[form.comparison]}
            selectedOptions={[form.comparison]}
            onOptionSelect={(_, d) => d.optionValue && set({ comparison: d.optionValue as GoalForm['comparison'] })}
          >
            {comparisonOptions.map((c) => (
              <Option key={c} value={c}>
                {sv.styrelserapport.comparisons[c]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Field label={f.metric} required hint={f.metricHint}>
        <Dropdown
          value={sv.styrelserapport.metrics[form.metric]}
          selectedOptions={[form.metric]}
          onOptionSelect={(_, d) => d.optionValue && setForm((current) => withMetric(current, d.optionValue as GoalForm['metric']))}
        >
          {metricOptions.map((m) => (
            <Option key={m} value={m}>
              {sv.styrelserapport.metrics[m]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {countsEvents(form.metric) && (
        // Not a Field: a Field hands its label, id and «required» to each checkbox inside it.
        <div role="group" aria-labelledby={kindsId} aria-describedby={kindsHintId}>
          <Label id={kindsId} required weight="semibold">
            {f.eventKinds}
          </Label>
          <div className={styles.kinds}>
            {eventKindOptions.map((kind) => (
              <Checkbox
                key={kind}
                label={f.eventKindLabels[kind]}
                checked={form.eventKinds.includes(kind)}
                onChange={(_, d) => {
                  setForm((current) => ({ ...current, eventKinds: toggleEventKind(current.eventKinds, kind, d.checked === true) }));
                  setErrors(({ eventKinds: _answered, ...rest }) => rest);
                }}
              />
            ))}
          </div>
          {errors.eventKinds !== undefined && (
            <Text role="alert" block className={styles.error}>
              {errors.eventKinds}
            </Text>
          )}
          <Text id={kindsHintId} block size={200} className={styles.hint}>
            {f.eventKindsHint}
          </Text>
        </div>
      )}
      <div className={styles.row}>
        <Field label={share ? f.targetPercent : f.target} required validationMessage={errors.target}>
          <Input className={styles.number} value={form.target} onChange={(_, d) => set({ target: d.value })} inputMode="decimal" />
        </Field>
        {form.comparison === 'between' && (
          <Field label={share ? f.targetMaxPercent : f.targetMax} required validationMessage={errors.targetMax}>
            <Input className={styles.number} value={form.targetMax} onChange={(_, d) => set({ targetMax: d.value })} inputMode="decimal" />
          </Field>
        )}
      </div>
    </FormDialog>
  );
}
