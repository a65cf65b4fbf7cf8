import { useState } from 'react';
import {
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { BusinessArea, Service } from '../../../electron/core/store/schema';
import { useApiMutation, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import { navigate } from '../../app/router';
import { sv } from '../../lib/i18n/sv';
import { FormDialog } from '../../components/FormDialog';
import { PricingEditor } from './PricingEditor';
import {
  createInput,
  emptyServiceForm,
  errorsAfterEdit,
  formChanged,
  placeApiError,
  serviceToForm,
  textFields,
  updateInput,
  type ServiceForm,
} from './service-form.view-model';
import { asRefusal, type Refusal } from '../../lib/refusal';

const t = sv.tjanster.form;

const useStyles = makeStyles({
  surface: { maxWidth: '760px', width: 'calc(100vw - 48px)' },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM },
  pricingHeading: { margin: 0, marginTop: tokens.spacingVerticalS, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const businessAreas = Object.keys(sv.tjanster.businessAreas) as BusinessArea[];

let keySeq = 0;
const nextKey = () => `k${(keySeq += 1)}`;

export type ServiceDialogMode = { kind: 'create' } | { kind: 'edit'; service: Service };

export function ServiceDialog({ mode, onClose, defaultYear }: { mode: ServiceDialogMode; onClose: () => void; defaultYear: number }) {
  const styles = useStyles();
  const notify = useNotify();
  const [initial] = useState<ServiceForm>(() => (mode.kind === 'edit' ? serviceToForm(mode.service, nextKey) : emptyServiceForm()));
  const [form, setForm] = useState<ServiceForm>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();
  const councils = useApiQuery('networks/list', { kind: 'forvaltningsrad' });
  const create = useApiMutation('services/create');
  const update = useApiMutation('services/update');
  const busy = create.isPending || update.isPending;
  const serviceId = mode.kind === 'edit' ? mode.service.id : undefined;

  const set = <K extends keyof ServiceForm>(key: K, value: ServiceForm[K]) => {
    const next = { ...form, [key]: value };
    setErrors((current) => errorsAfterEdit(current, form, next));
    setForm(next);
  };

  const refused = (error: Refusal) => {
    const placed = placeApiError(error);
    if (placed.field) {
      setErrors({ [placed.field]: placed.message });
      setGeneral(t.failed);
    } else {
      setErrors({});
      setGeneral(placed.message);
    }
  };

  const submit = async () => {
    setGeneral(undefined);
    if (mode.kind === 'edit' && !formChanged(initial, form)) {
      onClose();
      return;
    }
    const fail = (formErrors: Record<string, string>) => {
      setErrors(formErrors);
      setGeneral(t.failed);
    };
    try {
      if (mode.kind === 'edit') {
        const built = updateInput(mode.service.id, form);
        if (!built.ok) return fail(built.errors);
        setErrors({});
        const saved = await update.mutateAsync(built.input);
        notify(t.saved(saved.name));
        onClose();
      } else {
        const built = createInput(form);
        if (!built.ok) return fail(built.errors);
        setErrors({});
        const created = await create.mutateAsync(built.input);
        notify(t.created(created.name));
        onClose();
        navigate('tjanster', [created.id]);
      }
    } catch (error) {
      refused(asRefusal(error));
    }
  };

  const councilOptions = (councils.data ?? []).filter((n) => !n.archived && (n.serviceId === undefined || n.serviceId === serviceId));
  const councilName = councilOptions.find((n) => n.id === form.councilNetworkId)?.name ?? t.noCouncil;

  return (
    <FormDialog
      title={mode.kind === 'edit' ? t.editTitle(mode.service.name) : t.createTitle}
      submitLabel={t.save}
      busyLabel={t.saving}
      cancelLabel={t.cancel}
      busy={busy}
      error={general}
      onSubmit={() => void submit()}
      onClose={onClose}
      surfaceClassName={styles.surface}
      contentClassName={styles.form}
    >
      <Field label={t.name} required validationMessage={errors.name}>
        <Input value={form.name} onChange={(_, d) => set('name', d.value)} maxLength={200} />
      </Field>
      <Field label={t.description} validationMessage={errors.description}>
        <Textarea value={form.description} onChange={(_, d) => set('description', d.value)} maxLength={2000} resize="vertical" rows={3} />
      </Field>
      <div className={styles.grid}>
        <Field label={t.businessArea} validationMessage={errors.businessArea}>
          <Dropdown
            value={form.businessArea === '' ? t.noBusinessArea : sv.tjanster.businessAreas[form.businessArea]}
            selectedOptions={[form.businessArea]}
            onOptionSelect={(_, d) => set('businessArea', (d.optionValue ?? '') as ServiceForm['businessArea'])}
          >
            <Option value="">{t.noBusinessArea}</Option>
            {businessAreas.map((area) => (
              <Option key={area} value={area}>
                {sv.tjanster.businessAreas[area]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t.council} validationMessage={errors.councilNetworkId}>
          <Dropdown
            value={councilName}
            selectedOptions={[form.councilNetworkId]}
            onOptionSelect={(_, d) => set('councilNetworkId', d.optionValue ?? '')}
          >
            <Option value="">{t.noCouncil}</Option>
            {councilOptions.map((n) => (
              <Option key={n.id} value={n.id}>
                {n.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {textFields.map((key) => (
          <Field key={key} label={t[key]} validationMessage={errors[key]}>
            <Input value={form[key]} onChange={(_, d) => set(key, d.value)} maxLength={200} />
          </Field>
        ))}
      </div>
      <h3 className={styles.pricingHeading}>{t.pricingHeading}</h3>
      <p className={styles.hint}>{sv.tjanster.form.pricingHint}</p>
      <PricingEditor
        entries={form.pricing}
        onChange={(pricing) => set('pricing', pricing)}
        errors={errors}
        nextKey={nextKey}
        defaultYear={defaultYear}
      />
    </FormDialog>
  );
}
