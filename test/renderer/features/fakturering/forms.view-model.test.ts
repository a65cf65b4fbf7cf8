import { describe, expect, it } from 'vitest';
import type { ArticleView, BillingRow, InvoiceSettingsView } from '../../../../electron/contract/model/invoicing-views';
import {
  articleFormKey,
  articleInput,
  articleToForm,
  billingFormKey,
  billingInput,
  billingToForm,
  missingForNextRun,
  settingsInput,
  settingsToForm,
  withCategory,
} from '../../../../renderer/features/fakturering/forms.view-model';
import { sampleSettings } from '../../../fixtures/invoicing/sample-invoices';

const view = (over: Partial<InvoiceSettingsView> = {}): InvoiceSettingsView => ({ settings: sampleSettings, stored: true, missingForIssuing: [], anyIssued: false, ...over });

describe('Inställningar: the association’s details', () => {
  it('sends nothing when nothing changed', () => {
    expect(settingsInput(view(), settingsToForm(sampleSettings))).toEqual({ ok: true, input: {}, changed: false });
  });

  it('sends only what changed: a text, the whole address when a part of it changed, a flag, the terms as a number', () => {
    const form = settingsToForm(sampleSettings);
    const built = settingsInput(view(), {
      ...form,
      bankgiro: ' 123-4567 ',
      address: { ...form.address, city: 'Göteborg' },
      example: false,
      paymentTermsDays: '20',
    });
    expect(built).toEqual({
      ok: true,
      changed: true,
      input: {
        bankgiro: '123-4567',
        address: { street: 'Exempelgatan 1', postalCode: '111 22', city: 'Göteborg', countryCode: 'SE' },
        example: false,
        paymentTermsDays: 20,
      },
    });
  });

  it('sends an emptied detail as blank, which the core takes as emptying it', () => {
    const built = settingsInput(view(), { ...settingsToForm(sampleSettings), iban: '' });
    expect(built).toMatchObject({ ok: true, input: { iban: '' } });
  });

  it('refuses payment terms and a next number that are not whole numbers in range', () => {
    const form = settingsToForm(sampleSettings);
    expect(settingsInput(view(), { ...form, paymentTermsDays: '0', nextInvoiceNumber: 'tio' })).toEqual({
      ok: false,
      errors: { paymentTermsDays: 'Skriv ett antal dagar, 1–365.', nextInvoiceNumber: 'Skriv ett heltal från 1.' },
    });
    expect(settingsInput(view(), { ...form, paymentTermsDays: '366' })).toMatchObject({ ok: false });
  });

  it('never sends the next invoice number once anything is issued: the series is unbroken', () => {
    const form = { ...settingsToForm(sampleSettings), nextInvoiceNumber: '1' };
    expect(settingsInput(view({ anyIssued: true }), form)).toEqual({ ok: true, input: {}, changed: false });
    expect(settingsInput(view(), form)).toMatchObject({ ok: true, input: { nextInvoiceNumber: 1 } });
  });
});

const row = (over: Partial<BillingRow> = {}): BillingRow => ({
  organisationId: 'org-ale',
  name: 'Ale kommun',
  kind: 'kommun',
  orgNumber: '212000-1439',
  customerNumber: 1001,
  details: {
    id: 'b1',
    organisationId: 'org-ale',
    customerNumber: 1001,
    invoiceAddress: { street: 'Box 1', postalCode: '449 80', city: 'Alafors', countryCode: 'SE' },
    buyerReference: 'ABC',
    example: false,
  },
  defaultPeppolId: '0007:2120001439',
  inBasis: true,
  missing: [],
  advice: [],
  example: false,
  ...over,
});

describe('Kunder: a customer’s billing details', () => {
  it('sends only the changed details; an emptied one as null (cleared)', () => {
    const r = row();
    const form = billingToForm(r);
    expect(billingInput(r, form)).toEqual({ ok: true, input: { organisationId: 'org-ale' }, changed: false });
    expect(billingInput(r, { ...form, buyerReference: '', peppolId: '0007:2120001439', invoiceEmail: 'faktura@ale.se' })).toEqual({
      ok: true,
      changed: true,
      input: { organisationId: 'org-ale', buyerReference: null, peppolId: '0007:2120001439', invoiceEmail: 'faktura@ale.se' },
    });
  });

  it('clears the address when every part is emptied, and sends it whole when one part changed', () => {
    const r = row();
    const form = billingToForm(r);
    expect(billingInput(r, { ...form, address: { street: '', street2: '', postalCode: '', city: '', countryCode: 'SE' } })).toMatchObject({ input: { invoiceAddress: null } });
    expect(billingInput(r, { ...form, address: { ...form.address, street2: 'Ekonomi' } })).toMatchObject({
      input: { invoiceAddress: { street: 'Box 1', street2: 'Ekonomi', postalCode: '449 80', city: 'Alafors', countryCode: 'SE' } },
    });
  });

  it('saves an organisation without details even unchanged, so it gets its customer number', () => {
    const r = row({ customerNumber: undefined, details: undefined });
    expect(billingInput(r, billingToForm(r))).toEqual({ ok: true, input: { organisationId: 'org-ale' }, changed: true });
  });

  it('puts the core’s refusal of an address part under that field', () => {
    expect(billingFormKey('invoiceAddress.postalCode')).toBe('address.postalCode');
    expect(billingFormKey('peppolId')).toBe('peppolId');
    expect(billingFormKey('organisationId')).toBeUndefined();
  });

  it('filters to the organisations the next run invoices that lack a detail', () => {
    const lacking = row({ organisationId: 'a', missing: [{ field: 'invoiceAddress', label: 'Fakturaadress' }] });
    const notInRun = row({ organisationId: 'b', inBasis: false, missing: [{ field: 'invoiceAddress', label: 'Fakturaadress' }] });
    const complete = row({ organisationId: 'c' });
    expect(missingForNextRun([lacking, notInRun, complete]).map((r) => r.organisationId)).toEqual(['a']);
  });
});

const article = (over: Partial<ArticleView> = {}): ArticleView => ({
  id: 'art-yearly',
  kind: 'yearly-fee',
  name: 'Årsavgift',
  incomeAccount: '3890',
  vat: { category: 'O', ratePercent: 0, exemptionReason: 'Medlemsavgift utanför momsens tillämpningsområde' },
  kindLabel: 'Årsavgift',
  stored: true,
  vatLabel: 'Utanför momsens tillämpningsområde',
  ...over,
});

describe('Artiklar: an article', () => {
  it('gives 25 % for VAT and 0 % with a reason otherwise, filling in the usual reason', () => {
    const form = articleToForm(article());
    const s = withCategory(form, 'S');
    expect(s).toMatchObject({ category: 'S', exemptionReason: '' });
    expect(articleInput(article(), s)).toMatchObject({ ok: true, input: { vat: { category: 'S', ratePercent: 25 } } });
    const e = withCategory(s, 'E');
    expect(e.exemptionReason).toBe('Undantagen från skatteplikt enligt mervärdesskattelagen');
    expect(articleInput(article(), e)).toMatchObject({ input: { vat: { category: 'E', ratePercent: 0, exemptionReason: e.exemptionReason } } });
  });

  it('keeps a reason the accountant wrote when the category stays', () => {
    const form = { ...articleToForm(article()), exemptionReason: 'Egen motivering' };
    expect(withCategory(form, 'O').exemptionReason).toBe('Egen motivering');
  });

  it('sends only what changed, and stores a suggested article even unchanged', () => {
    expect(articleInput(article(), articleToForm(article()))).toEqual({ ok: true, input: { articleId: 'art-yearly' }, changed: false });
    expect(articleInput(article({ stored: false }), articleToForm(article()))).toMatchObject({ changed: true });
    expect(articleInput(article(), { ...articleToForm(article()), incomeAccount: '3010', costCentre: 'A1' })).toEqual({
      ok: true,
      changed: true,
      input: { articleId: 'art-yearly', incomeAccount: '3010', costCentre: 'A1' },
    });
  });

  it('puts the core’s refusal of the VAT reason under the reason field', () => {
    expect(articleFormKey('vat.exemptionReason')).toBe('exemptionReason');
    expect(articleFormKey('vat.ratePercent')).toBe('category');
    expect(articleFormKey('incomeAccount')).toBe('incomeAccount');
  });
});
