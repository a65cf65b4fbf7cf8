/**
 * What the invoicing channels answer (issue 17): the stored records of `invoicing.ts` with what the screens need
 * beside them, computed by the core (totals through invoice-math, what is missing, paid and remaining, overdue).
 */
import type { Article, BillingDetails, Invoice, InvoiceRun, InvoiceSettings, Payment, PostalAddress, VatCategory } from './invoicing';
import type { OrganisationKind } from './records';

/** A detail that is missing: the input field a form marks and its Swedish label («Organisationsnummer»). */
export type MissingDetail = { field: string; label: string };

export type InvoiceSettingsView = {
  /** The stored row, or the defaults when nothing is saved yet. */
  settings: InvoiceSettings;
  stored: boolean;
  /** What must be filled in before anything can be issued (empty: nothing blocks). */
  missingForIssuing: MissingDetail[];
  /** Once anything is issued, the number series can no longer be changed. */
  anyIssued: boolean;
};

export type ArticleView = Article & {
  /** «Årsavgift», «Medlemsinsats», «Tjänsteavgift». */
  kindLabel: string;
  serviceName?: string;
  /** False for a default the register has not stored yet (it is stored when saved or first invoiced). */
  stored: boolean;
  /** «Utanför momsens tillämpningsområde», «Momsfri», «Moms 25 %». */
  vatLabel: string;
};

/** One organisation as a customer: its billing details (if any) and what the next run would miss. */
export type BillingRow = {
  organisationId: string;
  name: string;
  kind: OrganisationKind;
  orgNumber?: string;
  /** Absent until the organisation's details are first saved or it is first invoiced. */
  customerNumber?: number;
  details?: BillingDetails;
  /** For a group whose invoices another organisation pays. */
  payerName?: string;
  /** The Peppol ID used when none is entered: `0007:<orgnr digits>` for a Swedish public body with an orgNumber. */
  defaultPeppolId?: string;
  /** True when the year's invoice basis has lines for this organisation (it would be invoiced). */
  inBasis: boolean;
  /** What blocks issuing an invoice to it (empty: nothing). */
  missing: MissingDetail[];
  /** What is advised but does not block (e.g. «Er referens»). */
  advice: MissingDetail[];
  example: boolean;
};

/** The states an invoice is listed under. */
export const invoiceStates = ['draft', 'unpaid', 'overdue', 'paid', 'credited', 'credit-note'] as const;
export type InvoiceState = (typeof invoiceStates)[number];

/** One invoice or credit note in a list. */
export type InvoiceSummary = {
  id: string;
  kind: Invoice['kind'];
  state: InvoiceState;
  /** «Utkast», «Obetald», «Förfallen», «Betald», «Krediterad», «Kreditfaktura». */
  stateLabel: string;
  /** The invoice's year: the run's year for a run's invoices, otherwise the issue date's. */
  year: number;
  runId?: string;
  number?: string;
  organisationId: string;
  customerNumber: number;
  customerName: string;
  issueDate?: string;
  dueDate?: string;
  netOre: number;
  vatOre: number;
  totalOre: number;
  /** Payments received, öre. */
  paidOre: number;
  /** Issued credit notes against it, öre (positive). */
  creditedOre: number;
  /** Total − credited − paid (a draft's is its total; nothing is owed until it is issued). */
  remainingOre: number;
  /** Days past the due date at the list's date (0 when not overdue). */
  overdueDays: number;
  /** For a credit note: the number of the invoice it corrects. */
  creditOfNumber?: string;
  reminders: string[];
};

/** A VAT split the run made, and why, for the screen and the PDF. */
export type VatSplitNote = string;

/** One invoice with everything the screen shows about it. */
export type InvoiceView = InvoiceSummary & {
  invoice: Invoice;
  breakdown: { category: VatCategory; ratePercent: number; taxableOre: number; vatOre: number; exemptionReason?: string }[];
  payments: Payment[];
  creditNotes: InvoiceSummary[];
  /** The öre rounding of the lines, stated («Avrundat till hela kronor: Tjänst X 1 666,67 kr → 1 667 kr»). */
  roundingNote?: string;
  /** Why the customer got more than one invoice from the run (membership fees outside VAT on their own). */
  splitNote?: VatSplitNote;
  /** What blocks issuing it (association or customer details); empty for issued invoices. */
  blocking: MissingDetail[];
  buyerAddress?: PostalAddress;
};

export type InvoiceRunSummary = {
  id: string;
  year: number;
  kind: InvoiceRun['kind'];
  joinedFrom?: string;
  title: string;
  createdAt: string;
  draftCount: number;
  issuedCount: number;
  totalOre: number;
};

/** A run with its invoices, totals and what blocks issuing them. */
export type InvoiceRunView = InvoiceRunSummary & {
  invoices: InvoiceSummary[];
  netOre: number;
  vatOre: number;
  /** The invoice basis lines the run drafted, exact (öre), and the sum of their whole-kronor lines. */
  basisExactOre: number;
  basisRoundedOre: number;
  /** «Beloppen är avrundade till hela kronor per rad: +0,33 kr jämfört med fakturaunderlaget.» (absent: no öre). */
  roundingNote?: string;
  /** Why some customers get two invoices (membership fees outside VAT and service fees with VAT apart). */
  splitNote?: VatSplitNote;
  /** Association details missing for issuing. */
  missingAssociation: MissingDetail[];
  /** Customers of the run's drafts that lack details needed to issue to them. */
  missingCustomers: { organisationId: string; name: string; missing: MissingDetail[] }[];
  /**
   * What to check before the drafts are issued, from the invoice basis: a group's fee under a rule still «att
   * bekräfta». Absent in `runs-list`.
   */
  checks?: string[];
};

export type IssueResult = { issued: InvoiceSummary[] };
