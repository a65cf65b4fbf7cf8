/**
 * Invoicing (issue 17): the stored records of the association's billing. The association's own details, each
 * organisation's billing details, the articles (what is sold, with account, VAT and cost centre), invoice runs,
 * invoices and credit notes, and payments.
 *
 * Conventions beyond records.ts:
 * - an invoice's lines, amounts, seller and buyer are copied onto it when it is issued, so an issued invoice reads
 *   the same after the register has moved on (bokföringslagen: nothing is changed afterwards);
 * - amounts on invoices are whole kronor in öre (the run rounds each line; the rounding is stated on the draft);
 * - VAT categories are EN 16931's codes (UNCL 5305): S standard rate, E exempt, O outside the scope of VAT;
 * - a credit note's lines and amounts are positive, as in UBL's CreditNote; the books reverse them (`bookSign`);
 * - accounts are BAS account numbers as text (four digits); the accountant decides them, the app ships defaults.
 */
import { z } from 'zod';
import { id, isoDate, storedName as name, timestamp, year } from './records';

const MAX_LINE_TEXT = 500;
const lineText = z.string().min(1).max(MAX_LINE_TEXT);
const shortText = z.string().max(200);

/** A BAS account: four digits. */
export const accountNumber = z.string().regex(/^\d{4}$/, { message: 'Ett konto är fyra siffror (BAS-kontoplanen).' });

/** EN 16931 VAT category codes the association uses. */
export const vatCategories = ['S', 'E', 'O'] as const;
export type VatCategory = (typeof vatCategories)[number];

export const vatTreatmentSchema = z.strictObject({
  category: z.enum(vatCategories),
  /** Percent; 25 for S, 0 for E and O. */
  ratePercent: z.number().min(0).max(100),
  /** Why no VAT is charged (required for E and O; printed on the invoice and sent as BT-120). */
  exemptionReason: shortText.optional(),
});
export type VatTreatment = z.infer<typeof vatTreatmentSchema>;

export const postalAddressSchema = z.strictObject({
  street: shortText.default(''),
  /** Second address line: c/o, box, department. */
  street2: shortText.optional(),
  postalCode: z.string().max(20).default(''),
  city: shortText.default(''),
  /** ISO 3166-1 alpha-2. */
  countryCode: z.string().length(2).default('SE'),
});
export type PostalAddress = z.infer<typeof postalAddressSchema>;

/** The association as seller: the one row of `invoicing.settings` (id `association`). */
export const invoiceSettingsSchema = z.strictObject({
  id: z.literal('association'),
  name: shortText.default(''),
  /** `NNNNNN-NNNN`. */
  orgNumber: z.string().max(20).default(''),
  /** `SE` + 10 digits + `01`. */
  vatNumber: z.string().max(20).default(''),
  /** Godkänd för F-skatt. */
  fSkatt: z.boolean().default(false),
  address: postalAddressSchema.default({ street: '', postalCode: '', city: '', countryCode: 'SE' }),
  email: shortText.default(''),
  phone: shortText.default(''),
  bankgiro: z.string().max(20).default(''),
  iban: z.string().max(40).default(''),
  bic: z.string().max(20).default(''),
  paymentTermsDays: z.number().int().min(0).max(365).default(30),
  /** Invoice and credit note numbers: prefix + a number that only grows (one unbroken series). */
  numberPrefix: z.string().max(10).default(''),
  nextInvoiceNumber: z.number().int().positive().default(1),
  /** Customer numbers are handed out once and never reused. */
  nextCustomerNumber: z.number().int().positive().default(1001),
  /** The SIE voucher series and its next number. */
  voucherSeries: z.string().max(4).default('F'),
  nextVoucherNumber: z.number().int().positive().default(1),
  receivableAccount: accountNumber.default('1510'),
  outputVatAccount: accountNumber.default('2611'),
  bankAccount: accountNumber.default('1930'),
  /** Late-payment interest stated on invoices and reminders, percent per year (räntelagen: reference rate + 8). */
  lateInterestText: shortText.default(''),
  /** True for the default data's invented details: shown as examples everywhere, never real bank details. */
  example: z.boolean().default(false),
});
export type InvoiceSettings = z.infer<typeof invoiceSettingsSchema>;

/** One organisation's billing details (`invoicing.billing`, one per organisation that is or may be invoiced). */
export const billingDetailsSchema = z.strictObject({
  id,
  organisationId: id,
  /** Handed out once from settings.nextCustomerNumber; never changed or reused. */
  customerNumber: z.number().int().positive(),
  /** For a group: the organisation that pays its invoices (another organisation's id); absent: itself. */
  payerOrganisationId: id.optional(),
  invoiceAddress: postalAddressSchema.optional(),
  /** «Er referens» (BT-10); Peppol and most municipalities require it. */
  buyerReference: shortText.optional(),
  /** `scheme:identifier`, e.g. `0007:2120001439`; the default for a Swedish public body is built from its orgNumber. */
  peppolId: z.string().max(100).optional(),
  invoiceEmail: z.string().max(254).optional(),
  /** Invented details in the default data. */
  example: z.boolean().default(false),
});
export type BillingDetails = z.infer<typeof billingDetailsSchema>;

export const articleKinds = ['yearly-fee', 'entry-fee', 'service-fee'] as const;

/** What the association sells: the yearly fee, the entry fee and each service's fee. */
export const articleSchema = z.strictObject({
  id,
  kind: z.enum(articleKinds),
  /** For a service fee: the service. */
  serviceId: id.optional(),
  name,
  incomeAccount: accountNumber,
  vat: vatTreatmentSchema,
  costCentre: shortText.optional(),
});
export type Article = z.infer<typeof articleSchema>;

export const invoiceRunKinds = ['year', 'joiners'] as const;
export const invoiceRunSchema = z.strictObject({
  id,
  year,
  /** The year's run, or a run for members who joined during the year. */
  kind: z.enum(invoiceRunKinds),
  /** For a joiners run: members whose membership starts on or after this date. */
  joinedFrom: isoDate.optional(),
  createdAt: timestamp,
  title: name,
});
export type InvoiceRun = z.infer<typeof invoiceRunSchema>;

export const invoiceLineSchema = z.strictObject({
  id,
  articleId: id,
  description: lineText,
  quantity: z.number().positive().max(1_000_000),
  /** Whole kronor in öre. */
  unitPriceOre: z.number().int(),
  /** quantity × unit price, whole kronor in öre. */
  netOre: z.number().int(),
  vat: vatTreatmentSchema,
  incomeAccount: accountNumber,
  costCentre: shortText.optional(),
  /** The invoice basis line this came from (`<customerNumber>-<year>-<article>`), stable whatever else exists. */
  basisReference: z.string().max(100).optional(),
  /** When the fee rules gave öre: the exact amount before rounding to whole kronor. */
  exactOre: z.number().int().optional(),
  /** The period the line is for (what was sold and when). */
  periodStart: isoDate.optional(),
  periodEnd: isoDate.optional(),
});
export type InvoiceLine = z.infer<typeof invoiceLineSchema>;

/** The parties as they were when the invoice was issued. */
export const partySnapshotSchema = z.strictObject({
  name,
  orgNumber: z.string().max(20).optional(),
  vatNumber: z.string().max(20).optional(),
  address: postalAddressSchema,
  peppolId: z.string().max(100).optional(),
  email: z.string().max(254).optional(),
});
export type PartySnapshot = z.infer<typeof partySnapshotSchema>;

export const invoiceKinds = ['invoice', 'credit-note'] as const;
export const invoiceStatuses = ['draft', 'issued'] as const;

export const invoiceSchema = z.strictObject({
  id,
  kind: z.enum(invoiceKinds),
  status: z.enum(invoiceStatuses),
  runId: id.optional(),
  /** The paying organisation. */
  organisationId: id,
  customerNumber: z.number().int().positive(),
  lines: z.array(invoiceLineSchema).max(500),
  /** Free text printed on the invoice. */
  note: z.string().max(2000).optional(),
  buyerReference: shortText.optional(),
  // Set when issued, never changed afterwards.
  number: z.string().max(30).optional(),
  issueDate: isoDate.optional(),
  dueDate: isoDate.optional(),
  /** Digits with a Luhn check digit last. */
  ocr: z.string().regex(/^\d{2,25}$/).optional(),
  seller: partySnapshotSchema.optional(),
  buyer: partySnapshotSchema.optional(),
  /** The voucher number in the SIE series. */
  voucherNumber: z.number().int().positive().optional(),
  issuedAt: timestamp.optional(),
  issuedBy: z.string().max(200).optional(),
  /** A credit note: the invoice it corrects. */
  creditOfInvoiceId: id.optional(),
  /** Reminders sent (påminnelser), dates. */
  reminders: z.array(isoDate).max(20).default([]),
});
export type Invoice = z.infer<typeof invoiceSchema>;

export const paymentSchema = z.strictObject({
  id,
  invoiceId: id,
  date: isoDate,
  /** Positive öre received (a refund of a credit note is negative). */
  amountOre: z.number().int(),
  note: shortText.optional(),
  voucherNumber: z.number().int().positive().optional(),
  recordedAt: timestamp,
  recordedBy: z.string().max(200).optional(),
});
export type Payment = z.infer<typeof paymentSchema>;

/** The document's `invoicing` part. */
export const invoicingSchema = z.strictObject({
  settings: z.array(invoiceSettingsSchema).max(1).default([]),
  billing: z.array(billingDetailsSchema).default([]),
  articles: z.array(articleSchema).default([]),
  runs: z.array(invoiceRunSchema).default([]),
  invoices: z.array(invoiceSchema).default([]),
  payments: z.array(paymentSchema).default([]),
});
export type Invoicing = z.infer<typeof invoicingSchema>;
