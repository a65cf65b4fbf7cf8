/**
 * Invoicing (issue 17): the association's details as seller, articles, customers' billing details, invoice runs
 * and drafts, issuing, credit notes, payments and reminders. Issued invoices are final: no channel changes or
 * deletes one; a credit note corrects it, and a wrong payment is reversed by a negative payment with a note.
 */
import { z } from 'zod';
import { channel } from '../define';
import { REGISTER_YEARS, REGISTER_YEARS_TEXT } from '../rules/calendar-date';
import { id, isoDate, isSafeName, safeLine, safeText, unsafeNameMessage } from '../model/records';
import { vatCategories } from '../model/invoicing';
import type { ExportedFile } from '../model/files';
import type { ArticleView, BillingRow, InvoiceRunSummary, InvoiceRunView, InvoiceSettingsView, InvoiceSummary, InvoiceView, IssueResult } from '../model/invoicing-views';
import { emailInput, orgNumberInput } from './members.channels';
import { parseBankgiro, parseBic, parseIban, parsePeppolId, parseVatNumber, type ParsedText } from '../rules/payment-details';

const year = z
  .number({ error: 'Skriv året med fyra siffror.' })
  .int('Skriv året med fyra siffror.')
  .min(REGISTER_YEARS.first, `Året ska ligga ${REGISTER_YEARS_TEXT}.`)
  .max(REGISTER_YEARS.last, `Året ska ligga ${REGISTER_YEARS_TEXT}.`);
const line = (max = 200) => safeLine(max);
const account = z.string().trim().max(4).regex(/^\d{4}$/u, 'Ett konto är fyra siffror (BAS-kontoplanen).');

/** A text checked by a policy: blank gives `''` (the detail is emptied), a refusal the Swedish reason. */
function policyText(parse: (text: string) => ParsedText, max: number) {
  return z
    .string()
    .max(max)
    .refine(isSafeName, { message: unsafeNameMessage })
    .transform((text, ctx): string => {
      if (text.trim() === '') return '';
      const parsed = parse(text);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }
      return parsed.value;
    });
}

const address = z.strictObject({
  street: line(),
  street2: line().optional(),
  postalCode: z.string().trim().max(20).refine(isSafeName, { message: unsafeNameMessage }),
  city: line(),
  countryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/u, 'Landskoden är två bokstäver, till exempel SE.')
    .default('SE'),
});

const vat = z
  .strictObject({
    category: z.enum(vatCategories, { error: 'Välj momsbehandling.' }),
    ratePercent: z.number({ error: 'Skriv momssatsen i procent.' }).min(0).max(100),
    exemptionReason: line().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.category === 'S' && v.ratePercent <= 0) ctx.addIssue({ code: 'custom', path: ['ratePercent'], message: 'Moms med skattesats behöver en momssats över 0 %.' });
    if (v.category !== 'S' && v.ratePercent !== 0) ctx.addIssue({ code: 'custom', path: ['ratePercent'], message: 'Utan moms är momssatsen 0 %.' });
    if (v.category !== 'S' && !v.exemptionReason?.trim())
      ctx.addIssue({ code: 'custom', path: ['exemptionReason'], message: 'Skriv varför ingen moms tas ut; skälet står på fakturan.' });
  });

/** Whole kronor in öre: what an invoice line's unit price is. */
const wholeKronorOre = z
  .number({ error: 'Skriv ett belopp.' })
  .int('Skriv beloppet i hela kronor.')
  .refine((v) => v % 100 === 0, 'Fakturarader har hela kronor; skriv beloppet utan ören.')
  .min(-100_000_000_00, 'Beloppet är för stort.')
  .max(100_000_000_00, 'Beloppet är för stort.');

const draftLine = z.strictObject({
  /** An existing line of the draft (kept: its basis reference stays); absent: a new line. */
  invoiceLineId: id.optional(),
  articleId: id,
  description: z.string().trim().min(1, 'Skriv vad raden avser.').max(500).refine(isSafeName, { message: unsafeNameMessage }),
  quantity: z
    .number({ error: 'Skriv ett antal.' })
    .positive('Antalet ska vara större än 0.')
    .max(1_000_000, 'Antalet är för stort.')
    .refine((q) => Math.round(q * 1000) === q * 1000, 'Antalet får ha högst tre decimaler.'),
  unitPriceOre: wholeKronorOre,
});

export const invoiceListStatuses = ['all', 'draft', 'unpaid', 'overdue', 'paid'] as const;

const invoiceIds = z.array(id).min(1, 'Välj minst en faktura.').max(5000);

export const invoicingChannels = {
  /** The association's details as seller, and what is missing for issuing. */
  'invoicing/settings-get': channel<InvoiceSettingsView>()(z.strictObject({})),
  /**
   * Saves the given details (the others stay). Blank text empties a detail. `nextInvoiceNumber` can be set only
   * before anything is issued. `example` stays as it is unless given (the UI clears it when real details are
   * entered).
   */
  'invoicing/settings-save': channel<InvoiceSettingsView>()(
    z.strictObject({
      name: line().optional(),
      orgNumber: orgNumberInput.optional(),
      vatNumber: policyText(parseVatNumber, 30).optional(),
      fSkatt: z.boolean().optional(),
      address: address.optional(),
      email: emailInput.optional(),
      phone: line(40).optional(),
      bankgiro: policyText(parseBankgiro, 20).optional(),
      iban: policyText(parseIban, 50).optional(),
      bic: policyText(parseBic, 20).optional(),
      paymentTermsDays: z.number({ error: 'Skriv antal dagar.' }).int('Skriv hela dagar.').min(1, 'Minst en dag.').max(365, 'Högst 365 dagar.').optional(),
      numberPrefix: z
        .string()
        .trim()
        .max(10, 'Högst tio tecken.')
        .regex(/^[A-Za-z0-9-]*$/u, 'Prefixet får bara ha bokstäver A–Z, siffror och bindestreck.')
        .optional(),
      nextInvoiceNumber: z.number({ error: 'Skriv ett nummer.' }).int('Skriv ett heltal.').min(1).max(99_999_999).optional(),
      voucherSeries: z.string().trim().min(1).max(4).regex(/^[A-Za-z0-9]+$/u, 'Verifikationsserien är en till fyra bokstäver eller siffror.').optional(),
      receivableAccount: account.optional(),
      outputVatAccount: account.optional(),
      bankAccount: account.optional(),
      lateInterestText: line().optional(),
      example: z.boolean().optional(),
    }),
  ),

  /**
   * Every article: the stored ones and the defaults not stored yet (yearly fee, entry fee, one per service;
   * `stored: false`). Defaults are stored lazily, when saved or when a run first uses them, so reading the list
   * never changes the register.
   */
  'invoicing/articles-list': channel<ArticleView[]>()(z.strictObject({})),
  /** Saves one article (a default one is stored with it): income account, VAT treatment, cost centre, name. */
  'invoicing/articles-save': channel<ArticleView>()(
    z.strictObject({
      articleId: id,
      name: line().refine((v) => v !== '', 'Skriv artikelns namn.').optional(),
      incomeAccount: account.optional(),
      vat: vat.optional(),
      /** Blank: no cost centre. */
      costCentre: line(40).optional(),
    }),
  ),

  /**
   * Per organisation that is or would be invoiced in `year` (the year's invoice basis, and everyone with billing
   * details): customer number, details and what the next run would miss.
   */
  'invoicing/billing-list': channel<BillingRow[]>()(z.strictObject({ year: year.optional() })),
  /**
   * One organisation's billing details; given fields change, `null` clears. The first save assigns a customer
   * number from the series (never changed afterwards). `orgNumber` is the organisation's own (saved on it).
   */
  'invoicing/billing-save': channel<BillingRow>()(
    z.strictObject({
      organisationId: id,
      orgNumber: orgNumberInput.optional(),
      invoiceAddress: address.nullable().optional(),
      buyerReference: line().nullable().optional(),
      peppolId: policyText(parsePeppolId, 100).nullable().optional(),
      invoiceEmail: emailInput.nullable().optional(),
      payerOrganisationId: id.nullable().optional(),
    }),
  ),

  'invoicing/runs-list': channel<InvoiceRunSummary[]>()(z.strictObject({ year: year.optional() })),
  /**
   * Drafts a run from the year's invoice basis (the same fee rules as the accountant's workbook): one invoice
   * per paying customer, membership fees outside VAT apart from lines with VAT. `joiners`: only memberships
   * starting on or after `joinedFrom` in the year. A basis line already on an invoice is never drafted again.
   */
  'invoicing/run-draft': channel<InvoiceRunView>()(
    z
      .strictObject({ year, kind: z.enum(['year', 'joiners']).default('year'), joinedFrom: isoDate.optional() })
      .superRefine((v, ctx) => {
        if (v.kind === 'joiners' && v.joinedFrom === undefined) ctx.addIssue({ code: 'custom', path: ['joinedFrom'], message: 'Ange från vilket datum nya medlemmar faktureras.' });
        if (v.joinedFrom !== undefined && Number(v.joinedFrom.slice(0, 4)) !== v.year)
          ctx.addIssue({ code: 'custom', path: ['joinedFrom'], message: 'Datumet ska ligga i det år som faktureras.' });
      }),
  ),
  'invoicing/run-get': channel<InvoiceRunView>()(z.strictObject({ runId: id, date: isoDate.optional() })),

  /** One invoice or credit note; `date` (today by default) decides overdue. */
  'invoicing/invoice-get': channel<InvoiceView>()(z.strictObject({ invoiceId: id, date: isoDate.optional() })),
  /**
   * Changes a draft. `lines`, when given, is the draft's whole new list: a line with `invoiceLineId` is kept
   * and changed, one without is added, a line left out is removed. `null` clears note or buyer reference.
   */
  'invoicing/draft-update': channel<InvoiceView>()(
    z.strictObject({
      invoiceId: id,
      lines: z.array(draftLine).min(1, 'En faktura behöver minst en rad.').max(500).optional(),
      note: safeText(2000).nullable().optional(),
      buyerReference: line().nullable().optional(),
    }),
  ),
  /** Deletes a draft (never an issued invoice); no number is used up. */
  'invoicing/draft-delete': channel<{ deleted: string }>()(z.strictObject({ invoiceId: id })),

  /**
   * Issues drafts: the given ones, or all of a run's. All or nothing: refused, naming what, when an association
   * detail or a customer's detail is missing. `date` is the invoice date (today by default). Final.
   */
  'invoicing/issue': channel<IssueResult>()(
    z.union([z.strictObject({ invoiceIds, date: isoDate.optional() }), z.strictObject({ runId: id, date: isoDate.optional() })], {
      error: 'Ange fakturorna eller körningen som ska utfärdas.',
    }),
  ),
  /**
   * Issues a credit note against an issued invoice: the given lines (all when absent), at most what remains
   * unpaid. Final.
   */
  'invoicing/credit': channel<InvoiceView>()(
    z.strictObject({
      invoiceId: id,
      invoiceLineIds: z.array(id).min(1).max(500).optional(),
      reason: z.string().trim().min(1, 'Skriv varför fakturan krediteras.').max(500).refine(isSafeName, { message: unsafeNameMessage }),
      date: isoDate.optional(),
    }),
  ),

  /** Records a payment on an issued invoice; a negative amount (with a note) reverses a wrong one. */
  'invoicing/payment-record': channel<InvoiceView>()(
    z.strictObject({
      invoiceId: id,
      date: isoDate,
      amountOre: z
        .number({ error: 'Skriv ett belopp.' })
        .int('Skriv beloppet i hela ören.')
        .refine((v) => v !== 0, 'Beloppet kan inte vara 0.')
        .min(-100_000_000_00, 'Beloppet är för stort.')
        .max(100_000_000_00, 'Beloppet är för stort.'),
      note: line().optional(),
    }),
  ),

  /** Invoices and credit notes, newest first; `date` (today by default) decides overdue. */
  'invoicing/invoices-list': channel<InvoiceSummary[]>()(
    z.strictObject({
      year: year.optional(),
      status: z.enum(invoiceListStatuses, { error: 'Välj en status.' }).default('all'),
      date: isoDate.optional(),
      runId: id.optional(),
    }),
  ),

  /** Records that a reminder (påminnelse) was sent on `date` for an overdue invoice. */
  'invoicing/reminder-record': channel<InvoiceView>()(z.strictObject({ invoiceId: id, date: isoDate })),

  // Files from issued invoices (point 6), each an `ExportedFile` (see exports.channels.ts) made in the task worker.
  // A draft has no file, since it may still change.
  /** An issued invoice or credit note as PDF (`Faktura 12 Ale.pdf`). */
  'invoicing/export-pdf': channel<ExportedFile>()(z.strictObject({ invoiceId: id })),
  /** Every issued invoice and credit note of a run in one PDF (`Fakturakörning 2022.pdf`). */
  'invoicing/export-run-pdf': channel<ExportedFile>()(z.strictObject({ runId: id })),
  /** A reminder (påminnelse) of an overdue invoice at `date`: invoiced, paid, credited, what remains. */
  'invoicing/export-reminder-pdf': channel<ExportedFile>()(z.strictObject({ invoiceId: id, date: isoDate })),
  /** A Peppol BIS Billing 3.0 e-invoice (UBL XML); refused for a buyer that is not a public body with a Peppol ID. */
  'invoicing/export-ubl': channel<ExportedFile>()(z.strictObject({ invoiceId: id })),
  /** Every e-invoice of a run (invoices and credit notes to public bodies) in a zip, `<nummer>.xml` each. */
  'invoicing/export-run-ubl': channel<ExportedFile>()(z.strictObject({ runId: id })),
  /** The year's SIE 4I file (`Bokföring 2022.se`): a voucher per invoice, credit note and payment dated in it. */
  'invoicing/export-sie': channel<ExportedFile>()(z.strictObject({ year })),
};
