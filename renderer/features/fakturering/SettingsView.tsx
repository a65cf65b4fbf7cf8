import { useState } from 'react';
import { useReadOnlyRole } from '../../app/write-access';
import { Badge, Button, Checkbox, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Text, useId } from '@fluentui/react-components';
import type { InvoiceSettingsView } from '../../../electron/contract/model/invoicing-views';
import { useApiMutation, useApiQuery } from '../../app/api';
import { useFocusOnArrival } from '../../app/focus';
import { useNotify } from '../../app/notify';
import { QueryState } from '../../components/QueryState';
import { sv } from '../../lib/i18n/sv';
import { asRefusal, placeRefusal } from '../../lib/refusal';
import { missingText } from './fakturering.view-model';
import { settingsFormFields, settingsInput, settingsToForm, type AddressForm, type SettingsForm } from './forms.view-model';
import { useFaktureringStyles } from './styles';

const t = sv.fakturering.settings;

/** «Inställningar»: the association as seller; `?falt=<field>` (from a blocking message) focuses that field. */
export function SettingsView({ query }: { query: URLSearchParams }) {
  const settings = useApiQuery('invoicing/settings-get', {});
  return <QueryState query={settings}>{(view) => <SettingsForm key={view.settings.nextInvoiceNumber} view={view} focusField={query.get('falt') ?? undefined} />}</QueryState>;
}

/** The field a missing detail names: `address` is the street, its first part. */
const inputName = (field: string) => (field === 'address' ? 'address.street' : field === 'bankgiro or iban' ? 'bankgiro' : field);

function SettingsForm({ view, focusField }: { view: InvoiceSettingsView; focusField: string | undefined }) {
  const readOnly = useReadOnlyRole('invoicing') !== undefined;
  const styles = useFaktureringStyles();
  const notify = useNotify();
  const headingId = useId('settings');
  const save = useApiMutation('invoicing/settings-save');
  const [form, setForm] = useState<SettingsForm>(() => settingsToForm(view.settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();
  useFocusOnArrival(focusField === undefined ? undefined : `[name="${CSS.escape(inputName(focusField))}"]`);

  const set = (change: Partial<SettingsForm>) => setForm((f) => ({ ...f, ...change }));
  const setAddress = (key: keyof AddressForm, value: string) => setForm((f) => ({ ...f, address: { ...f.address, [key]: value } }));

  const submit = async () => {
    setGeneral(undefined);
    const built = settingsInput(view, form);
    if (!built.ok) {
      setErrors(built.errors);
      setGeneral(t.failed);
      return;
    }
    setErrors({});
    if (!built.changed) {
      notify(t.unchanged);
      return;
    }
    try {
      await save.mutateAsync(built.input);
      notify(t.saved);
    } catch (e) {
      const placed = placeRefusal(asRefusal(e), (f): f is string => settingsFormFields.includes(f));
      if (placed.field !== undefined) {
        setErrors({ [placed.field === 'address' ? 'address.street' : placed.field]: placed.message });
        setGeneral(t.failed);
      } else setGeneral(placed.message);
    }
  };

  const text = (field: keyof SettingsForm & string, label: string, options: { maxLength?: number; hint?: string; disabled?: boolean; required?: boolean } = {}) => (
    <Field label={label} hint={options.hint} required={options.required} validationMessage={errors[field]}>
      <Input
        name={field}
        value={form[field] as string}
        maxLength={options.maxLength ?? 200}
        disabled={options.disabled}
        onChange={(_, d) => set({ [field]: d.value } as Partial<SettingsForm>)}
      />
    </Field>
  );
  const address = (key: keyof AddressForm, label: string, maxLength = 200, required = false) => (
    <Field label={label} required={required} validationMessage={errors[`address.${key}`]}>
      <Input name={`address.${key}`} value={form.address[key]} maxLength={maxLength} onChange={(_, d) => setAddress(key, d.value)} />
    </Field>
  );

  return (
    <form
      noValidate
      className={styles.section}
      aria-labelledby={headingId}
      data-ready="true"
      onSubmit={(e) => {
        e.preventDefault();
        if (!save.isPending) void submit();
      }}
    >
      <div className={styles.sectionHeader}>
        <h2 id={headingId} className={styles.heading}>
          {t.heading}
        </h2>
        {view.settings.example && (
          <Badge appearance="filled" color="warning">
            {t.example}
          </Badge>
        )}
      </div>
      <Text className={styles.text}>{t.intro}</Text>
      {view.missingForIssuing.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="settings-missing">
          <MessageBarBody>
            <MessageBarTitle>{t.missingTitle}</MessageBarTitle> {missingText(view.missingForIssuing)}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Text className={styles.hint}>{t.complete}</Text>
      )}
      <div className={styles.formGrid}>
        {text('name', t.name, { required: true })}
        {text('orgNumber', t.orgNumber, { maxLength: 30, required: true })}
        {text('vatNumber', t.vatNumber, { maxLength: 30, hint: t.vatHint })}
        <Checkbox className={styles.besideFields} name="fSkatt" label={t.fSkatt} checked={form.fSkatt} onChange={(_, d) => set({ fSkatt: d.checked === true })} />
      </div>
      <div className={styles.formGrid}>
        {address('street', t.street, 200, true)}
        {address('street2', t.street2)}
        {address('postalCode', t.postalCode, 20, true)}
        {address('city', t.city, 200, true)}
        {address('countryCode', t.countryCode, 2)}
        {text('email', t.email, { maxLength: 320 })}
        {text('phone', t.phone, { maxLength: 40 })}
      </div>
      <div className={styles.formGrid}>
        {text('bankgiro', t.bankgiro, { maxLength: 20 })}
        {text('iban', t.iban, { maxLength: 50 })}
        {text('bic', t.bic, { maxLength: 20 })}
        {text('paymentTermsDays', t.paymentTermsDays, { maxLength: 3, required: true })}
        {text('lateInterestText', t.lateInterestText)}
      </div>
      <div className={styles.formGrid}>
        {text('numberPrefix', t.numberPrefix, { maxLength: 10 })}
        {text('nextInvoiceNumber', t.nextInvoiceNumber, { maxLength: 8, disabled: view.anyIssued, ...(view.anyIssued ? { hint: t.numberLocked } : {}) })}
        {text('voucherSeries', t.voucherSeries, { maxLength: 4 })}
      </div>
      <h3 className={styles.subheading}>{t.accounts}</h3>
      <div className={styles.formGrid}>
        {text('receivableAccount', t.receivableAccount, { maxLength: 4 })}
        {text('outputVatAccount', t.outputVatAccount, { maxLength: 4 })}
        {text('bankAccount', t.bankAccount, { maxLength: 4 })}
      </div>
      <Checkbox name="example" label={`${t.example}. ${t.exampleHint}`} checked={form.example} onChange={(_, d) => set({ example: d.checked === true })} />
      {general !== undefined && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{general}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={save.isPending || readOnly}>
          {save.isPending ? t.saving : t.save}
        </Button>
      </div>
    </form>
  );
}
