import { useState } from 'react';
import {
  Badge,
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  Switch,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  useId,
} from '@fluentui/react-components';
import type { BillingRow } from '../../../electron/contract/model/invoicing-views';
import { parseYear, yearOf } from '../../../electron/contract/rules/calendar-date';
import { groupKinds } from '../../../electron/contract/model/records';
import { useApiMutation, useApiQuery } from '../../app/api';
import { byData, useFocusOnArrival } from '../../app/focus';
import { useNotify } from '../../app/notify';
import { navigate } from '../../app/router';
import { FormDialog } from '../../components/FormDialog';
import { NavTable } from '../../components/NavTable';
import { QueryState } from '../../components/QueryState';
import { sv } from '../../lib/i18n/sv';
import { asRefusal, placeRefusal } from '../../lib/refusal';
import { billingFormKey, billingInput, billingToForm, missingForNextRun, type AddressForm, type BillingForm } from './forms.view-model';
import { missingText } from './fakturering.view-model';
import { YearField } from './Parts';
import { useFaktureringStyles } from './styles';

const t = sv.fakturering.customers;

/** «Kunder»: each organisation's billing details and what the next run would miss; `?kund=<id>` focuses its row. */
export function CustomersView({ today, query }: { today: string; query: URLSearchParams }) {
  const styles = useFaktureringStyles();
  const headingId = useId('customers');
  const year = parseYear(query.get('ar') ?? '') ?? yearOf(today);
  const onlyMissing = query.get('saknas') === 'ja';
  const focusOn = query.get('kund') ?? undefined;
  const rows = useApiQuery('invoicing/billing-list', { year }, { placeholderData: (previous) => previous });
  const [editing, setEditing] = useState<BillingRow>();
  useFocusOnArrival(focusOn === undefined || rows.data === undefined ? undefined : `${byData('data-org', focusOn)} button`);

  const setQuery = (change: { ar?: number; saknas?: boolean }) =>
    navigate('fakturering', ['kunder'], {
      ar: String(change.ar ?? year),
      ...((change.saknas ?? onlyMissing) ? { saknas: 'ja' } : {}),
    });

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t.heading}
      </h2>
      <Text className={styles.text}>{t.intro}</Text>
      <div className={styles.toolbar}>
        <YearField label={t.year} year={year} onYear={(ar) => setQuery({ ar })} />
        <Switch label={t.onlyMissing} checked={onlyMissing} onChange={(_, d) => setQuery({ saknas: d.checked })} />
      </div>
      <QueryState query={rows}>
        {(all) => {
          const shown = onlyMissing ? missingForNextRun(all) : all;
          return (
            <div className={styles.tableWrap} data-ready="true">
              <Text className={styles.hint}>{t.count(shown.length)}</Text>
              {shown.length === 0 ? (
                <Text className={styles.text}>{t.empty}</Text>
              ) : (
                <NavTable aria-labelledby={headingId} size="small" className={styles.wideTable}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell className={styles.w8}>{t.columns.customerNumber}</TableHeaderCell>
                      <TableHeaderCell className={styles.w18}>{t.columns.name}</TableHeaderCell>
                      <TableHeaderCell className={styles.w12}>{t.columns.orgNumber}</TableHeaderCell>
                      <TableHeaderCell className={styles.w12}>{t.columns.reference}</TableHeaderCell>
                      <TableHeaderCell className={styles.w16}>{t.columns.peppol}</TableHeaderCell>
                      <TableHeaderCell className={styles.w26}>{t.columns.missing}</TableHeaderCell>
                      <TableHeaderCell className={styles.w8}>{t.columns.actions}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {shown.map((row) => (
                      <TableRow key={row.organisationId} data-org={row.organisationId}>
                        <TableCell className={styles.nowrap}>{row.customerNumber ?? t.none}</TableCell>
                        <TableCell>
                          {row.name}
                          {row.payerName !== undefined && <Text className={styles.hint}> {t.payerIs(row.payerName)}</Text>}
                          {row.example && (
                            <>
                              {' '}
                              <Badge appearance="outline" color="warning" size="small">
                                {t.example}
                              </Badge>
                            </>
                          )}
                        </TableCell>
                        <TableCell className={styles.nowrap}>{row.orgNumber ?? t.none}</TableCell>
                        <TableCell>{row.details?.buyerReference ?? t.none}</TableCell>
                        <TableCell className={styles.nowrap}>
                          {row.details?.peppolId ?? (row.defaultPeppolId !== undefined ? t.defaultPeppol(row.defaultPeppolId) : t.none)}
                        </TableCell>
                        <TableCell>
                          {row.missing.length === 0 ? (
                            <Text className={styles.hint}>{row.advice.length === 0 ? t.complete : missingText(row.advice)}</Text>
                          ) : (
                            <Text weight="semibold" className={styles.wrap}>
                              {missingText(row.missing)}
                            </Text>
                          )}
                        </TableCell>
                        <TableCell>
                          <Button size="small" aria-label={t.edit(row.name)} onClick={() => setEditing(row)}>
                            {t.editShort}
                          </Button>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </NavTable>
              )}
            </div>
          );
        }}
      </QueryState>
      {editing !== undefined && <BillingDialog row={editing} payers={rows.data ?? []} onClose={() => setEditing(undefined)} />}
    </section>
  );
}

function BillingDialog({ row, payers, onClose }: { row: BillingRow; payers: readonly BillingRow[]; onClose: () => void }) {
  const styles = useFaktureringStyles();
  const notify = useNotify();
  const save = useApiMutation('invoicing/billing-save');
  const [form, setForm] = useState<BillingForm>(() => billingToForm(row));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();
  const set = (change: Partial<BillingForm>) => setForm((f) => ({ ...f, ...change }));
  const setAddress = (key: keyof AddressForm, value: string) => setForm((f) => ({ ...f, address: { ...f.address, [key]: value } }));
  const payerOptions = payers.filter((p) => p.organisationId !== row.organisationId);
  const payerName = payerOptions.find((p) => p.organisationId === form.payerOrganisationId)?.name ?? t.payerSelf;

  const submit = async () => {
    const built = billingInput(row, form);
    if (!built.ok) {
      setErrors(built.errors);
      setGeneral(t.failed);
      return;
    }
    if (!built.changed) {
      onClose();
      return;
    }
    setErrors({});
    setGeneral(undefined);
    try {
      await save.mutateAsync(built.input);
      notify(t.saved(row.name));
      onClose();
    } catch (e) {
      const placed = placeRefusal(asRefusal(e), (f): f is string => billingFormKey(f) !== undefined);
      if (placed.field !== undefined) {
        setErrors({ [billingFormKey(placed.field) as string]: placed.message });
        setGeneral(t.failed);
      } else setGeneral(placed.message);
    }
  };

  const address = (key: keyof AddressForm, label: string, maxLength = 200) => (
    <Field label={label} validationMessage={errors[`address.${key}`]}>
      <Input value={form.address[key]} maxLength={maxLength} onChange={(_, d) => setAddress(key, d.value)} />
    </Field>
  );

  return (
    <FormDialog
      title={t.dialogTitle(row.name)}
      submitLabel={t.save}
      busyLabel={t.saving}
      busy={save.isPending}
      error={general}
      onSubmit={() => void submit()}
      onClose={onClose}
      surfaceClassName={styles.wideDialog}
    >
      <Text>
        {t.customerNumber}: {row.customerNumber ?? t.customerNumberNew}
      </Text>
      <div className={styles.formGrid}>
        <Field label={t.orgNumber} validationMessage={errors.orgNumber}>
          <Input value={form.orgNumber} maxLength={30} onChange={(_, d) => set({ orgNumber: d.value })} />
        </Field>
        <Field label={t.buyerReference} hint={t.buyerReferenceHint} validationMessage={errors.buyerReference}>
          <Input value={form.buyerReference} maxLength={200} onChange={(_, d) => set({ buyerReference: d.value })} />
        </Field>
        {address('street', t.street)}
        {address('street2', t.street2)}
        {address('postalCode', t.postalCode, 20)}
        {address('city', t.city)}
        {address('countryCode', t.countryCode, 2)}
        <Field
          label={t.peppolId}
          hint={row.defaultPeppolId !== undefined ? t.peppolHint(row.defaultPeppolId) : t.peppolHintNone}
          validationMessage={errors.peppolId}
        >
          <Input value={form.peppolId} maxLength={100} placeholder={row.defaultPeppolId} onChange={(_, d) => set({ peppolId: d.value })} />
        </Field>
        <Field label={t.invoiceEmail} validationMessage={errors.invoiceEmail}>
          <Input type="email" value={form.invoiceEmail} maxLength={254} onChange={(_, d) => set({ invoiceEmail: d.value })} />
        </Field>
        {(groupKinds.includes(row.kind) || row.details?.payerOrganisationId !== undefined) && (
          <Field label={t.payer} validationMessage={errors.payerOrganisationId}>
            <Dropdown value={payerName} selectedOptions={[form.payerOrganisationId]} onOptionSelect={(_, d) => set({ payerOrganisationId: d.optionValue ?? '' })}>
              <Option value="">{t.payerSelf}</Option>
              {payerOptions.map((p) => (
                <Option key={p.organisationId} value={p.organisationId}>
                  {p.name}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
      </div>
    </FormDialog>
  );
}
