import { useState } from 'react';
import {
  Field,
  Input,
  makeStyles,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { NetworkSummary } from '../../../electron/contract';
import { useApiMutation, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import { sv } from '../../lib/i18n/sv';
import { DateInput } from '../../components/DateInput';
import { FormDialog } from '../../components/FormDialog';
import {
  apiFieldError,
  emptyNetworkForm,
  hasErrors,
  networkCreateInput,
  networkFormFields,
  networkFormFrom,
  networkUpdateInput,
  validateNetworkForm,
  type FieldErrors,
  type NetworkFormField,
  type NetworkFormValues,
} from './forms.view-model';
import type { Refusal } from '../../lib/refusal';
import { networkKindOrder } from './network-list.view-model';
import type { Network, NetworkKind } from '../../../electron/core/store/schema';

const t = sv.natverk;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  dates: { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: tokens.spacingHorizontalM },
});

type Props = {
  open: boolean;
  /** The network to edit; absent to create one. */
  network?: NetworkSummary;
  defaultKind?: NetworkKind;
  onClose: () => void;
  onSaved?: (network: Network) => void;
};

/** Create or edit a network: kind, name, description, the service a council governs, start and end. */
export function NetworkDialog(props: Props) {
  return props.open ? <NetworkForm {...props} /> : null;
}

function NetworkForm({ network, defaultKind, onClose, onSaved }: Props) {
  const styles = useStyles();
  const notify = useNotify();
  const [values, setValues] = useState<NetworkFormValues>(() => (network ? networkFormFrom(network) : emptyNetworkForm(defaultKind)));
  const [errors, setErrors] = useState<FieldErrors<NetworkFormField>>({});
  const [general, setGeneral] = useState<string>();
  const services = useApiQuery('services/list', {});
  const onError = (error: Refusal) => {
    const mapped = apiFieldError(error, networkFormFields);
    if (mapped.field) setErrors({ [mapped.field]: mapped.message });
    else setGeneral(mapped.message);
  };
  const create = useApiMutation('networks/create', {
    onSuccess: (saved) => {
      notify(t.form.created(saved.name));
      onSaved?.(saved);
      onClose();
    },
    onError,
  });
  const update = useApiMutation('networks/update', {
    onSuccess: (saved) => {
      notify(t.form.saved(saved.name));
      onSaved?.(saved);
      onClose();
    },
    onError,
  });
  const busy = create.isPending || update.isPending;

  const set = <K extends keyof NetworkFormValues>(key: K, value: NetworkFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setGeneral(undefined);
  };

  const submit = () => {
    const found = validateNetworkForm(values);
    setErrors(found);
    setGeneral(undefined);
    if (hasErrors(found)) return;
    if (network) update.mutate(networkUpdateInput(network.id, values));
    else create.mutate(networkCreateInput(values));
  };

  const state = (field: NetworkFormField) => (errors[field] !== undefined ? 'error' : 'none');
  // A service that already has another council cannot take this one (the core refuses it too).
  const serviceOptions = (services.data ?? []).map((s) => ({
    id: s.id,
    label: s.councilNetworkId !== undefined && s.councilNetworkId !== network?.id && s.councilNetworkName !== undefined
      ? `${s.name} (${t.form.serviceTaken(s.councilNetworkName)})`
      : s.name,
    disabled: s.councilNetworkId !== undefined && s.councilNetworkId !== network?.id,
  }));

  return (
    <FormDialog
      title={network ? t.form.editTitle : t.form.createTitle}
      submitLabel={network ? t.form.save : t.form.create}
      busyLabel={t.form.saving}
      busy={busy}
      error={general === undefined ? undefined : t.form.failed(general)}
      onSubmit={submit}
      onClose={onClose}
      contentClassName={styles.form}
    >
      <Field label={t.form.kind} required validationState={state('kind')} validationMessage={errors.kind}>
        <Select value={values.kind} onChange={(_e, data) => set('kind', data.value as NetworkKind)}>
          {networkKindOrder.map((kind) => (
            <option key={kind} value={kind}>
              {t.kinds[kind]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.form.name} required validationState={state('name')} validationMessage={errors.name}>
        <Input value={values.name} maxLength={250} onChange={(_e, data) => set('name', data.value)} />
      </Field>
      {values.kind === 'forvaltningsrad' && (
        <Field label={t.form.service} hint={t.form.serviceHint} validationState={state('serviceId')} validationMessage={errors.serviceId}>
          <Select value={values.serviceId} onChange={(_e, data) => set('serviceId', data.value)}>
            <option value="">{t.form.noService}</option>
            {serviceOptions.map((s) => (
              <option key={s.id} value={s.id} disabled={s.disabled}>
                {s.label}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={t.form.description} validationState={state('description')} validationMessage={errors.description}>
        <Textarea value={values.description} resize="vertical" rows={3} onChange={(_e, data) => set('description', data.value)} />
      </Field>
      <div className={styles.dates}>
        <Field label={t.form.startDate} validationState={state('startDate')} validationMessage={errors.startDate}>
          <DateInput value={values.startDate} onChange={(v) => set('startDate', v)} />
        </Field>
        <Field label={t.form.endDate} validationState={state('endDate')} validationMessage={errors.endDate}>
          <DateInput value={values.endDate} onChange={(v) => set('endDate', v)} />
        </Field>
      </div>
    </FormDialog>
  );
}
