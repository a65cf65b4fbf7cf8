/**
 * The forms of Fakturering's Kunder, Artiklar and Inställningar: a record as the form's texts, and the form as the
 * channel's input. Only what changed is sent, so saving one detail never touches the others (and the core's
 * change log names only that). The core checks each detail (bankgiro, IBAN, Peppol ID...) and refuses in Swedish;
 * these functions check only what the form itself must (numbers that are numbers).
 */
import type { ChannelInput } from '../../../electron/contract';
import type { ArticleView, BillingRow, InvoiceSettingsView } from '../../../electron/contract/model/invoicing-views';
import type { InvoiceSettings, PostalAddress, VatCategory } from '../../../electron/contract/model/invoicing';
import { sv } from '../../lib/i18n/sv';

const t = sv.fakturering;

type Built<I> = { ok: true; input: I; changed: boolean } | { ok: false; errors: Record<string, string> };

export type AddressForm = { street: string; street2: string; postalCode: string; city: string; countryCode: string };

function addressToForm(address: PostalAddress | undefined): AddressForm {
  return {
    street: address?.street ?? '',
    street2: address?.street2 ?? '',
    postalCode: address?.postalCode ?? '',
    city: address?.city ?? '',
    countryCode: address?.countryCode ?? 'SE',
  };
}

function addressChanged(a: AddressForm, b: AddressForm): boolean {
  return (Object.keys(a) as (keyof AddressForm)[]).some((k) => a[k].trim() !== b[k].trim());
}

function addressInput(form: AddressForm) {
  const street2 = form.street2.trim();
  return {
    street: form.street.trim(),
    ...(street2 === '' ? {} : { street2 }),
    postalCode: form.postalCode.trim(),
    city: form.city.trim(),
    countryCode: form.countryCode.trim() === '' ? 'SE' : form.countryCode.trim(),
  };
}

const isBlankAddress = (form: AddressForm) => form.street.trim() === '' && form.street2.trim() === '' && form.postalCode.trim() === '' && form.city.trim() === '';

// ---------------------------------------------------------------- settings (the association as seller)

export const settingsTextFields = [
  'name',
  'orgNumber',
  'vatNumber',
  'email',
  'phone',
  'bankgiro',
  'iban',
  'bic',
  'numberPrefix',
  'lateInterestText',
  'voucherSeries',
  'receivableAccount',
  'outputVatAccount',
  'bankAccount',
] as const;
type SettingsTextField = (typeof settingsTextFields)[number];

export type SettingsForm = Record<SettingsTextField, string> & {
  address: AddressForm;
  fSkatt: boolean;
  example: boolean;
  paymentTermsDays: string;
  nextInvoiceNumber: string;
};

export function settingsToForm(settings: InvoiceSettings): SettingsForm {
  const form = {} as Record<SettingsTextField, string>;
  for (const field of settingsTextFields) form[field] = settings[field];
  return {
    ...form,
    address: addressToForm(settings.address),
    fSkatt: settings.fSkatt,
    example: settings.example,
    paymentTermsDays: String(settings.paymentTermsDays),
    nextInvoiceNumber: String(settings.nextInvoiceNumber),
  };
}

const wholeNumber = (text: string) => (/^\d{1,9}$/u.test(text.trim()) ? Number(text.trim()) : undefined);

/** What changed between the stored details and the form; `nextInvoiceNumber` only while nothing is issued. */
export function settingsInput(view: InvoiceSettingsView, form: SettingsForm): Built<ChannelInput<'invoicing/settings-save'>> {
  const initial = settingsToForm(view.settings);
  const errors: Record<string, string> = {};
  const input: Record<string, unknown> = {};
  for (const field of settingsTextFields) if (form[field].trim() !== initial[field].trim()) input[field] = form[field].trim();
  if (addressChanged(form.address, initial.address)) input.address = addressInput(form.address);
  if (form.fSkatt !== initial.fSkatt) input.fSkatt = form.fSkatt;
  if (form.example !== initial.example) input.example = form.example;
  if (form.paymentTermsDays.trim() !== initial.paymentTermsDays) {
    const days = wholeNumber(form.paymentTermsDays);
    if (days === undefined || days < 1 || days > 365) errors.paymentTermsDays = t.settings.daysInvalid;
    else input.paymentTermsDays = days;
  }
  if (!view.anyIssued && form.nextInvoiceNumber.trim() !== initial.nextInvoiceNumber) {
    const next = wholeNumber(form.nextInvoiceNumber);
    if (next === undefined || next < 1) errors.nextInvoiceNumber = t.settings.numberInvalid;
    else input.nextInvoiceNumber = next;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: input as ChannelInput<'invoicing/settings-save'>, changed: Object.keys(input).length > 0 };
}

/** The core names an address part `address.city`; the form's key is the same path. */
export const settingsFormFields: readonly string[] = [
  ...settingsTextFields,
  'paymentTermsDays',
  'nextInvoiceNumber',
  'fSkatt',
  'example',
  'address',
  'address.street',
  'address.street2',
  'address.postalCode',
  'address.city',
  'address.countryCode',
];

// ---------------------------------------------------------------- billing details (a customer)

export type BillingForm = {
  orgNumber: string;
  address: AddressForm;
  buyerReference: string;
  peppolId: string;
  invoiceEmail: string;
  payerOrganisationId: string;
};

export function billingToForm(row: BillingRow): BillingForm {
  return {
    orgNumber: row.orgNumber ?? '',
    address: addressToForm(row.details?.invoiceAddress),
    buyerReference: row.details?.buyerReference ?? '',
    peppolId: row.details?.peppolId ?? '',
    invoiceEmail: row.details?.invoiceEmail ?? '',
    payerOrganisationId: row.details?.payerOrganisationId ?? '',
  };
}

/**
 * The changed details; a field emptied clears the detail (`null`). An organisation without stored details is
 * saved even unchanged, since the first save gives it its customer number.
 */
export function billingInput(row: BillingRow, form: BillingForm): Built<ChannelInput<'invoicing/billing-save'>> {
  const initial = billingToForm(row);
  const input: ChannelInput<'invoicing/billing-save'> = { organisationId: row.organisationId };
  const text = (key: 'buyerReference' | 'peppolId' | 'invoiceEmail') => {
    if (form[key].trim() === initial[key].trim()) return;
    input[key] = form[key].trim() === '' ? null : form[key].trim();
  };
  if (form.orgNumber.trim() !== initial.orgNumber.trim() && form.orgNumber.trim() !== '') input.orgNumber = form.orgNumber.trim();
  if (addressChanged(form.address, initial.address)) input.invoiceAddress = isBlankAddress(form.address) ? null : addressInput(form.address);
  text('buyerReference');
  text('peppolId');
  text('invoiceEmail');
  if (form.payerOrganisationId !== initial.payerOrganisationId) input.payerOrganisationId = form.payerOrganisationId === '' ? null : form.payerOrganisationId;
  const changed = Object.keys(input).length > 1;
  return { ok: true, input, changed: changed || row.customerNumber === undefined };
}

/** The core names the input's paths; `invoiceAddress.city` is the form's `address.city`. */
export function billingFormKey(field: string): string | undefined {
  if (field.startsWith('invoiceAddress')) return field.replace(/^invoiceAddress/u, 'address');
  return ['orgNumber', 'buyerReference', 'peppolId', 'invoiceEmail', 'payerOrganisationId'].includes(field) ? field : undefined;
}

/** The Kunder filter «Saknar uppgifter för nästa körning»: organisations the next run would invoice that lack a detail. */
export function missingForNextRun(rows: readonly BillingRow[]): BillingRow[] {
  return rows.filter((row) => row.inBasis && row.missing.length > 0);
}

// ---------------------------------------------------------------- articles

export type ArticleForm = { name: string; incomeAccount: string; category: VatCategory; exemptionReason: string; costCentre: string };

export function articleToForm(article: ArticleView): ArticleForm {
  return {
    name: article.name,
    incomeAccount: article.incomeAccount,
    category: article.vat.category,
    exemptionReason: article.vat.exemptionReason ?? '',
    costCentre: article.costCentre ?? '',
  };
}

/** A VAT choice: S is 25 %, E and O carry a reason (the usual one filled in when none is written yet). */
export function withCategory(form: ArticleForm, category: VatCategory): ArticleForm {
  if (category === 'S') return { ...form, category, exemptionReason: '' };
  const reason = form.exemptionReason.trim() === '' || form.category !== category ? t.articles.defaultReasons[category] : form.exemptionReason;
  return { ...form, category, exemptionReason: reason };
}

export function articleInput(article: ArticleView, form: ArticleForm): Built<ChannelInput<'invoicing/articles-save'>> {
  const initial = articleToForm(article);
  const input: ChannelInput<'invoicing/articles-save'> = { articleId: article.id };
  if (form.name.trim() !== initial.name) input.name = form.name.trim();
  if (form.incomeAccount.trim() !== initial.incomeAccount) input.incomeAccount = form.incomeAccount.trim();
  if (form.category !== initial.category || form.exemptionReason.trim() !== initial.exemptionReason.trim()) {
    const reason = form.exemptionReason.trim();
    input.vat = form.category === 'S' ? { category: 'S', ratePercent: 25 } : { category: form.category, ratePercent: 0, ...(reason === '' ? {} : { exemptionReason: reason }) };
  }
  if (form.costCentre.trim() !== initial.costCentre.trim()) input.costCentre = form.costCentre.trim();
  const changed = Object.keys(input).length > 1;
  // A default article is stored when saved, even unchanged: the accountant has looked at it and accepted it.
  return { ok: true, input, changed: changed || !article.stored };
}

/** `vat.exemptionReason` from the core is the form's `exemptionReason`. */
export function articleFormKey(field: string): string | undefined {
  if (field.startsWith('vat.exemptionReason')) return 'exemptionReason';
  if (field.startsWith('vat')) return 'category';
  return ['name', 'incomeAccount', 'costCentre'].includes(field) ? field : undefined;
}
