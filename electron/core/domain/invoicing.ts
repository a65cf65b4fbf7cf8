/**
 * Invoicing's rules (issue 17, points 2, 4, 5 and 8): drafting a run from the invoice basis, what an invoice
 * owes, issuing with an unbroken number series, credit notes and payments. Pure functions over the register;
 * the handlers write what they return through `repo.change`.
 *
 * A run never computes a fee: its lines are the accountant's invoice basis (`invoiceBasis(...).lines`,
 * the fee rules of fees.ts and the services' prices), each rounded half-up to whole kronor. Membership fees
 * outside VAT (category O) go on an invoice of their own, since EN 16931 forbids mixing O with other categories
 * on one invoice (BR-O-11…14) and forbids the seller's VAT number on it (BR-O-02).
 */
import { AppError } from '../../contract/result';
import { addDays, daysBetween, yearOf } from '../../contract/rules/calendar-date';
import {
  invoiceSettingsSchema,
  type Article,
  type BillingDetails,
  type Invoice,
  type InvoiceLine,
  type InvoiceRun,
  type InvoiceSettings,
  type PartySnapshot,
  type Payment,
} from '../../contract/model/invoicing';
import type { InvoiceState, InvoiceSummary, MissingDetail } from '../../contract/model/invoicing-views';
import type { Organisation, SambrukDocument } from '../store/schema';
import { invoiceBasis, type InvoiceLine as BasisLine } from '../exports/invoice-basis';
import { invoiceTotals, ocrReference } from './invoice-math';
import { allArticles, articleKey as soldKey } from './articles';
import { associationMissing, customerMissing, peppolIdOf } from './billing';
import { basisReference } from './basis-references';
import { formatOre, formatOreSigned } from './amounts';
import { countOf } from './swedish';

type Doc = SambrukDocument;

// ---------------------------------------------------------------- settings

/** The association's details: the stored row, or the defaults before anything is saved. */
export function settingsOf(doc: Pick<Doc, 'invoicing'>): InvoiceSettings {
  return doc.invoicing.settings[0] ?? invoiceSettingsSchema.parse({ id: 'association' });
}

/** Whether any line of these invoices carries VAT (then the association's VAT number is required). */
export function anyVat(invoices: readonly Pick<Invoice, 'lines'>[]): boolean {
  return invoices.some((i) => i.lines.some((l) => l.vat.category !== 'O'));
}

// ---------------------------------------------------------------- the basis and its references

/** What the basis line sells, as articles.ts's `articleKey` names it. */
function soldBy(line: BasisLine): string {
  if (line.kind === 'arsavgift') return soldKey({ kind: 'yearly-fee' });
  if (line.kind === 'medlemsinsats') return soldKey({ kind: 'entry-fee' });
  return soldKey({ kind: 'service-fee', serviceId: line.serviceId });
}

// ---------------------------------------------------------------- drafting a run

export type RunRequest = { year: number; kind: 'year' | 'joiners'; joinedFrom?: string | undefined };

export type RunPlan = {
  run: InvoiceRun;
  invoices: Invoice[];
  /** Customers that got their customer number with this run. */
  newBilling: BillingDetails[];
  /** Default articles the run used that were not stored yet. */
  newArticles: Article[];
  nextCustomerNumber: number;
  basisExactOre: number;
  basisRoundedOre: number;
  /** Basis lines left out because an invoice already has them. */
  alreadyInvoiced: number;
  /** The year's whole invoice basis the run was drafted from, handed on so its checks need not compute it again. */
  basis: readonly BasisLine[];
};

export function runTitle(request: RunRequest): string {
  return request.kind === 'year' ? `Fakturering ${request.year}` : `Nya medlemmar ${request.year} från ${request.joinedFrom ?? ''}`;
}

/** Organisations with a membership starting (on a known day) on or after `from` and within its year. */
function joinedSince(doc: Pick<Doc, 'memberships'>, from: string): Set<string> {
  const yearEnd = `${from.slice(0, 4)}-12-31`;
  return new Set(doc.memberships.filter((m) => m.startKnown !== 'before' && m.joined >= from && m.joined <= yearEnd).map((m) => m.organisationId));
}

/** Every basis reference already on an invoice (draft or issued), so no basis line is invoiced twice. */
export function invoicedReferences(invoices: readonly Invoice[]): Set<string> {
  const refs = new Set<string>();
  for (const invoice of invoices) {
    if (invoice.kind !== 'invoice') continue;
    for (const line of invoice.lines) if (line.basisReference !== undefined) refs.add(line.basisReference);
  }
  return refs;
}

/**
 * Drafts a run: the year's invoice basis lines (for a joiners run, those of organisations that joined on or
 * after `joinedFrom`) not yet on any invoice, one draft per paying customer and VAT scope.
 */
export function planRun(doc: Doc, request: RunRequest, context: { ids: () => string; now: string }): RunPlan {
  const { year } = request;
  const basis = invoiceBasis(doc, { year }).lines;
  const settings = settingsOf(doc);
  const billingByOrg = new Map(doc.invoicing.billing.map((b) => [b.organisationId, b]));
  const newBilling: BillingDetails[] = [];
  let nextCustomerNumber = settings.nextCustomerNumber;
  const customerNumberOf = (organisationId: string): number => {
    const known = billingByOrg.get(organisationId);
    if (known) return known.customerNumber;
    const details: BillingDetails = { id: context.ids(), organisationId, customerNumber: nextCustomerNumber, example: false };
    nextCustomerNumber += 1;
    billingByOrg.set(organisationId, details);
    newBilling.push(details);
    return details.customerNumber;
  };

  const joiners = request.kind === 'joiners' ? joinedSince(doc, request.joinedFrom ?? `${year}-01-01`) : undefined;
  const taken = invoicedReferences(doc.invoicing.invoices);
  const orgById = new Map(doc.organisations.map((o) => [o.id, o]));
  const referencesSeen = new Set<string>();
  const newArticles = new Map<string, Article>();
  // The first article that sells it (stored ones come first), so the accountant's choices are used.
  const articles = new Map<string, { article: Article; stored: boolean }>();
  for (const a of allArticles(doc.invoicing.articles, doc.services)) if (!articles.has(soldKey(a.article))) articles.set(soldKey(a.article), a);
  const articleOf = (key: string): Article => {
    const found = articles.get(key);
    if (!found) throw new AppError('internal', 'En rad i fakturaunderlaget har ingen artikel.');
    if (!found.stored) newArticles.set(found.article.id, found.article);
    return found.article;
  };

  type Drafted = { payerId: string; outside: boolean; line: InvoiceLine };
  const drafted: Drafted[] = [];
  let basisExactOre = 0;
  let basisRoundedOre = 0;
  let alreadyInvoiced = 0;
  for (const line of basis) {
    if (joiners && !joiners.has(line.organisationId)) continue;
    const customerNumber = customerNumberOf(line.organisationId);
    // The basis's own reference, made the one way (basis-references.ts); a customer numbered by this run only
    // now has the number the basis showed as missing (`K?-…`).
    const reference = basisReference(orgById.get(line.organisationId) ?? { id: line.organisationId }, { customerNumber }, year, line.article);
    if (referencesSeen.has(reference)) throw new AppError('internal', `Fakturaunderlaget har raden ${reference} två gånger. Inget utkast skapades.`);
    referencesSeen.add(reference);
    if (taken.has(reference)) {
      alreadyInvoiced += 1;
      continue;
    }
    const payerId = billingByOrg.get(line.organisationId)?.payerOrganisationId ?? line.organisationId;
    customerNumberOf(payerId);
    const article = articleOf(soldBy(line));
    // The basis has rounded each line to whole kronor once and kept the exact amount beside it.
    const netOre = line.amountOre;
    const exactOre = line.exactOre ?? line.amountOre;
    basisExactOre += exactOre;
    basisRoundedOre += netOre;
    const months = line.months !== undefined && line.months < 12 && line.kind !== 'medlemsinsats' ? ` (${countOf(line.months, { one: 'månad', other: 'månader' })})` : '';
    const forOther = payerId !== line.organisationId ? `${line.customer}: ` : '';
    drafted.push({
      payerId,
      outside: article.vat.category === 'O',
      line: {
        id: context.ids(),
        articleId: article.id,
        description: `${forOther}${line.item}${months}`.slice(0, 500),
        quantity: 1,
        unitPriceOre: netOre,
        netOre,
        vat: article.vat,
        incomeAccount: article.incomeAccount,
        ...(article.costCentre !== undefined ? { costCentre: article.costCentre } : {}),
        basisReference: reference,
        ...(netOre !== exactOre ? { exactOre } : {}),
        periodStart: line.from,
        periodEnd: line.to,
      },
    });
  }
  if (drafted.length === 0) {
    const what = request.kind === 'year' ? `Fakturaunderlaget för ${year}` : `Fakturaunderlaget för nya medlemmar från ${request.joinedFrom ?? ''}`;
    throw new AppError(
      'validation',
      alreadyInvoiced > 0 ? `${what} är redan fakturerat: varje rad finns redan på en faktura eller ett utkast.` : `${what} har inga rader att fakturera.`,
    );
  }

  const run: InvoiceRun = {
    id: context.ids(),
    year,
    kind: request.kind,
    ...(request.kind === 'joiners' && request.joinedFrom !== undefined ? { joinedFrom: request.joinedFrom } : {}),
    createdAt: context.now,
    title: runTitle(request),
  };
  // One invoice per payer and VAT scope, in the basis's order (customers by name).
  const groups = new Map<string, Drafted[]>();
  for (const d of drafted) {
    const key = `${d.payerId}\u0000${d.outside ? 'O' : 'V'}`;
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  }
  const invoices: Invoice[] = [...groups.values()].map((list) => {
    const payerId = (list[0] as Drafted).payerId;
    const details = billingByOrg.get(payerId);
    return {
      id: context.ids(),
      kind: 'invoice',
      status: 'draft',
      runId: run.id,
      organisationId: payerId,
      customerNumber: customerNumberOf(payerId),
      lines: list.map((d) => d.line),
      ...(details?.buyerReference !== undefined ? { buyerReference: details.buyerReference } : {}),
      reminders: [],
    };
  });
  return { run, invoices, newBilling, newArticles: [...newArticles.values()], nextCustomerNumber, basisExactOre, basisRoundedOre, alreadyInvoiced, basis };
}

/** The öre rounding of lines, stated: what the basis said and what the invoices say. */
export function roundingNote(lines: readonly Pick<InvoiceLine, 'netOre' | 'exactOre'>[]): string | undefined {
  const rounded = lines.filter((l) => l.exactOre !== undefined && l.exactOre !== l.netOre);
  if (rounded.length === 0) return undefined;
  const difference = rounded.reduce((sum, l) => sum + l.netOre - (l.exactOre as number), 0);
  return `Beloppen är avrundade till hela kronor per rad (${countOf(rounded.length, { one: 'rad', other: 'rader' })} med ören): ${formatOreSigned(difference, { unit: true })} jämfört med fakturaunderlaget.`;
}

/** Why a customer got two invoices from a run, or nothing when nobody did. */
export function splitNote(invoices: readonly Pick<Invoice, 'organisationId' | 'runId' | 'kind' | 'lines'>[]): string | undefined {
  const scopes = new Map<string, Set<boolean>>();
  for (const i of invoices) {
    if (i.kind !== 'invoice') continue;
    const key = `${i.runId ?? ''} ${i.organisationId}`;
    const set = scopes.get(key) ?? new Set<boolean>();
    for (const l of i.lines) set.add(l.vat.category === 'O');
    scopes.set(key, set);
  }
  if (![...scopes.values()].some((s) => s.size > 1)) return undefined;
  return 'Medlemsavgifter utanför momsens tillämpningsområde faktureras för sig och tjänsteavgifter med moms för sig: enligt e-fakturastandarden (EN 16931) får en faktura utan moms av det skälet inte ha andra rader.';
}

// ---------------------------------------------------------------- what an invoice owes

export type Ledger = {
  paymentsByInvoice: Map<string, Payment[]>;
  creditNotesByInvoice: Map<string, Invoice[]>;
  runYear: Map<string, number>;
  orgName: Map<string, string>;
  byId: Map<string, Invoice>;
};

export function ledgerOf(doc: Pick<Doc, 'invoicing' | 'organisations'>): Ledger {
  const paymentsByInvoice = new Map<string, Payment[]>();
  for (const p of doc.invoicing.payments) {
    const list = paymentsByInvoice.get(p.invoiceId);
    if (list) list.push(p);
    else paymentsByInvoice.set(p.invoiceId, [p]);
  }
  const creditNotesByInvoice = new Map<string, Invoice[]>();
  for (const i of doc.invoicing.invoices) {
    if (i.kind !== 'credit-note' || i.creditOfInvoiceId === undefined) continue;
    const list = creditNotesByInvoice.get(i.creditOfInvoiceId);
    if (list) list.push(i);
    else creditNotesByInvoice.set(i.creditOfInvoiceId, [i]);
  }
  return {
    paymentsByInvoice,
    creditNotesByInvoice,
    runYear: new Map(doc.invoicing.runs.map((r) => [r.id, r.year])),
    orgName: new Map(doc.organisations.map((o) => [o.id, o.name])),
    byId: new Map(doc.invoicing.invoices.map((i) => [i.id, i])),
  };
}

const stateLabels: Record<InvoiceState, string> = {
  draft: 'Utkast',
  unpaid: 'Obetald',
  overdue: 'Förfallen',
  paid: 'Betald',
  credited: 'Krediterad',
  'credit-note': 'Kreditfaktura',
};

/** Number, customer, amounts, paid and remaining, state at `date`. */
export function summarise(invoice: Invoice, ledger: Ledger, date: string): InvoiceSummary {
  const totals = invoiceTotals(invoice.lines);
  const paidOre = (ledger.paymentsByInvoice.get(invoice.id) ?? []).reduce((sum, p) => sum + p.amountOre, 0);
  const creditedOre = (ledger.creditNotesByInvoice.get(invoice.id) ?? []).reduce((sum, c) => sum + invoiceTotals(c.lines).totalOre, 0);
  const remainingOre = invoice.kind === 'invoice' ? totals.totalOre - creditedOre - paidOre : 0;
  let state: InvoiceState;
  if (invoice.status === 'draft') state = 'draft';
  else if (invoice.kind === 'credit-note') state = 'credit-note';
  else if (remainingOre <= 0) state = creditedOre >= totals.totalOre ? 'credited' : 'paid';
  else state = invoice.dueDate !== undefined && invoice.dueDate < date ? 'overdue' : 'unpaid';
  const year = (invoice.runId !== undefined ? ledger.runYear.get(invoice.runId) : undefined) ?? (invoice.issueDate !== undefined ? yearOf(invoice.issueDate) : yearOf(date));
  const creditOf = invoice.creditOfInvoiceId !== undefined ? ledger.byId.get(invoice.creditOfInvoiceId)?.number : undefined;
  return {
    id: invoice.id,
    kind: invoice.kind,
    state,
    stateLabel: stateLabels[state],
    year,
    ...(invoice.runId !== undefined ? { runId: invoice.runId } : {}),
    ...(invoice.number !== undefined ? { number: invoice.number } : {}),
    organisationId: invoice.organisationId,
    customerNumber: invoice.customerNumber,
    customerName: invoice.buyer?.name ?? ledger.orgName.get(invoice.organisationId) ?? invoice.organisationId,
    ...(invoice.issueDate !== undefined ? { issueDate: invoice.issueDate } : {}),
    ...(invoice.dueDate !== undefined ? { dueDate: invoice.dueDate } : {}),
    netOre: totals.netOre,
    vatOre: totals.vatOre,
    totalOre: totals.totalOre,
    paidOre,
    creditedOre,
    remainingOre: invoice.status === 'draft' ? totals.totalOre : remainingOre,
    overdueDays: state === 'overdue' && invoice.dueDate !== undefined ? daysBetween(invoice.dueDate, date) : 0,
    ...(creditOf !== undefined ? { creditOfNumber: creditOf } : {}),
    reminders: [...invoice.reminders],
  };
}

// ---------------------------------------------------------------- issuing

export function formatNumber(settings: Pick<InvoiceSettings, 'numberPrefix'>, serial: number): string {
  return `${settings.numberPrefix}${serial}`;
}

function sellerSnapshot(settings: InvoiceSettings, withVatNumber: boolean): PartySnapshot {
  return {
    name: settings.name,
    ...(settings.orgNumber ? { orgNumber: settings.orgNumber } : {}),
    // BR-O-02: an invoice outside the scope of VAT must not carry the seller's VAT number.
    ...(withVatNumber && settings.vatNumber ? { vatNumber: settings.vatNumber } : {}),
    address: settings.address,
    ...(settings.email ? { email: settings.email } : {}),
  };
}

function buyerSnapshot(org: Organisation, details: BillingDetails | undefined): PartySnapshot {
  const peppolId = peppolIdOf(org, details);
  return {
    name: org.name,
    ...(org.orgNumber !== undefined ? { orgNumber: org.orgNumber } : {}),
    address: details?.invoiceAddress ?? { street: '', postalCode: '', city: '', countryCode: 'SE' },
    ...(peppolId !== undefined ? { peppolId } : {}),
    ...(details?.invoiceEmail ? { email: details.invoiceEmail } : {}),
  };
}

/** What blocks issuing these drafts: the association's missing details and each customer's. */
export function issueBlockers(doc: Doc, drafts: readonly Invoice[]): { association: MissingDetail[]; customers: { organisationId: string; name: string; missing: MissingDetail[] }[] } {
  const association = associationMissing(settingsOf(doc), anyVat(drafts));
  const orgById = new Map(doc.organisations.map((o) => [o.id, o]));
  const billingByOrg = new Map(doc.invoicing.billing.map((b) => [b.organisationId, b]));
  const customers: { organisationId: string; name: string; missing: MissingDetail[] }[] = [];
  const seen = new Set<string>();
  for (const draft of drafts) {
    if (seen.has(draft.organisationId)) continue;
    seen.add(draft.organisationId);
    const org = orgById.get(draft.organisationId);
    const missing = org ? customerMissing(org, billingByOrg.get(org.id)) : [{ field: 'organisationId', label: 'Organisation' }];
    if (missing.length > 0) customers.push({ organisationId: draft.organisationId, name: org?.name ?? draft.organisationId, missing });
  }
  return { association, customers };
}

/** Labels inside a sentence: lower case first, except names (Peppol, IBAN, BIC). */
const labelsOf = (missing: readonly MissingDetail[]) =>
  missing.map((m) => (/^(?:Peppol|IBAN|BIC)/u.test(m.label) ? m.label : m.label.charAt(0).toLowerCase() + m.label.slice(1))).join(', ');

export type IssuedPlan = { issued: Invoice[]; settings: InvoiceSettings };

/**
 * Issues `drafts` in the given order: all or none. Numbers, OCR and voucher numbers come from the settings'
 * series, which the returned settings continue; invoice date `date`, due date after the payment terms.
 */
export function planIssue(doc: Doc, drafts: readonly Invoice[], context: { date: string; now: string; by: string }): IssuedPlan {
  for (const draft of drafts) {
    if (draft.status !== 'draft') throw new AppError('validation', `Faktura ${draft.number ?? ''} är redan utfärdad och kan inte utfärdas igen.`, { field: 'invoiceIds' });
  }
  const { association, customers } = issueBlockers(doc, drafts);
  const problems: string[] = [];
  if (association.length > 0) problems.push(`föreningens uppgifter saknar ${labelsOf(association)}`);
  for (const c of customers) problems.push(`${c.name} saknar ${labelsOf(c.missing)}`);
  for (const draft of drafts) {
    const total = invoiceTotals(draft.lines).totalOre;
    if (total <= 0) problems.push(`utkastet till ${doc.organisations.find((o) => o.id === draft.organisationId)?.name ?? draft.organisationId} har inget belopp att betala`);
  }
  if (problems.length > 0) {
    const text = problems.join('; ');
    throw new AppError('validation', `Inget utfärdades: ${text.charAt(0).toUpperCase()}${text.slice(1)}.`, { association, customers });
  }
  const start = settingsOf(doc);
  let serial = start.nextInvoiceNumber;
  let voucher = start.nextVoucherNumber;
  const orgById = new Map(doc.organisations.map((o) => [o.id, o]));
  const billingByOrg = new Map(doc.invoicing.billing.map((b) => [b.organisationId, b]));
  const issued = drafts.map((draft): Invoice => {
    const org = orgById.get(draft.organisationId) as Organisation;
    const buyerReference = draft.buyerReference ?? billingByOrg.get(org.id)?.buyerReference;
    const invoice: Invoice = {
      ...draft,
      ...(buyerReference !== undefined ? { buyerReference } : {}),
      status: 'issued',
      number: formatNumber(start, serial),
      issueDate: context.date,
      dueDate: addDays(context.date, start.paymentTermsDays),
      ocr: ocrReference(draft.customerNumber, serial),
      seller: sellerSnapshot(start, anyVat([draft])),
      buyer: buyerSnapshot(org, billingByOrg.get(org.id)),
      voucherNumber: voucher,
      issuedAt: context.now,
      ...(context.by ? { issuedBy: context.by } : {}),
    };
    serial += 1;
    voucher += 1;
    return invoice;
  });
  return { issued, settings: { ...start, nextInvoiceNumber: serial, nextVoucherNumber: voucher } };
}

// ---------------------------------------------------------------- credit notes

/**
 * A credit note for `lineIds` of an issued invoice (all lines when absent), issued at once with the next number:
 * at most what remains unpaid, never a credit note of a credit note.
 */
export function planCredit(
  doc: Doc,
  invoice: Invoice,
  request: { lineIds?: readonly string[] | undefined; reason: string; date: string },
  context: { ids: () => string; now: string; by: string },
): IssuedPlan {
  if (invoice.status !== 'issued') throw new AppError('validation', 'Ett utkast krediteras inte: ändra eller ta bort det i stället.', { field: 'invoiceId' });
  if (invoice.kind !== 'invoice') throw new AppError('validation', 'En kreditfaktura kan inte krediteras.', { field: 'invoiceId' });
  const lines = request.lineIds === undefined ? invoice.lines : invoice.lines.filter((l) => request.lineIds?.includes(l.id));
  if (request.lineIds !== undefined && lines.length !== new Set(request.lineIds).size)
    throw new AppError('validation', 'Någon av raderna finns inte på fakturan.', { field: 'invoiceLineIds' });
  const ledger = ledgerOf(doc);
  const owed = summarise(invoice, ledger, request.date);
  const creditOre = invoiceTotals(lines).totalOre;
  if (creditOre > owed.remainingOre) {
    throw new AppError(
      'validation',
      `Kreditfakturan (${formatOre(creditOre, { unit: true })}) blir större än det som återstår att betala på faktura ${invoice.number ?? ''} (${formatOre(Math.max(0, owed.remainingOre), { unit: true })}). Det som redan är betalt eller krediterat kan inte krediteras igen.`,
      { field: 'invoiceLineIds' },
    );
  }
  if (invoice.issueDate !== undefined && request.date < invoice.issueDate)
    throw new AppError('validation', `Kreditfakturan kan inte vara daterad före fakturan (${invoice.issueDate}).`, { field: 'date' });
  const start = settingsOf(doc);
  const serial = start.nextInvoiceNumber;
  const creditNote: Invoice = {
    id: context.ids(),
    kind: 'credit-note',
    status: 'issued',
    ...(invoice.runId !== undefined ? { runId: invoice.runId } : {}),
    organisationId: invoice.organisationId,
    customerNumber: invoice.customerNumber,
    lines: lines.map((l) => ({ ...l, id: context.ids() })),
    note: `Kreditering av faktura ${invoice.number ?? ''}: ${request.reason}`.slice(0, 2000),
    ...(invoice.buyerReference !== undefined ? { buyerReference: invoice.buyerReference } : {}),
    number: formatNumber(start, serial),
    issueDate: request.date,
    dueDate: request.date,
    seller: sellerSnapshot(start, anyVat([{ lines }])),
    ...(invoice.buyer !== undefined ? { buyer: invoice.buyer } : {}),
    voucherNumber: start.nextVoucherNumber,
    issuedAt: context.now,
    ...(context.by ? { issuedBy: context.by } : {}),
    creditOfInvoiceId: invoice.id,
    reminders: [],
  };
  return { issued: [creditNote], settings: { ...start, nextInvoiceNumber: serial + 1, nextVoucherNumber: start.nextVoucherNumber + 1 } };
}

// ---------------------------------------------------------------- payments

/** Checks a payment on `invoice` and gives it its voucher number. */
export function planPayment(
  doc: Doc,
  invoice: Invoice,
  request: { date: string; amountOre: number; note?: string | undefined },
  context: { ids: () => string; now: string; by: string },
): { payment: Payment; settings: InvoiceSettings } {
  if (invoice.status !== 'issued') throw new AppError('validation', 'Betalningar registreras på utfärdade fakturor, inte på utkast.', { field: 'invoiceId' });
  if (invoice.kind !== 'invoice') throw new AppError('validation', 'Betalningar registreras på fakturan, inte på kreditfakturan.', { field: 'invoiceId' });
  if (invoice.issueDate !== undefined && request.date < invoice.issueDate)
    throw new AppError('validation', `Datum: betalningen kan inte ha kommit före fakturadatumet (${invoice.issueDate}).`, { field: 'date' }, `Betalningen kan inte ha kommit före fakturadatumet (${invoice.issueDate}).`);
  const owed = summarise(invoice, ledgerOf(doc), request.date);
  if (request.amountOre > owed.remainingOre) {
    const fieldMessage = `Beloppet är större än det som återstår att betala (${formatOre(owed.remainingOre, { unit: true })}).`;
    throw new AppError('validation', `Belopp: ${fieldMessage}`, { field: 'amountOre' }, fieldMessage);
  }
  if (request.amountOre < 0) {
    if (!request.note?.trim()) {
      const fieldMessage = 'Skriv varför betalningen återförs; det står i bokföringen.';
      throw new AppError('validation', `Anteckning: ${fieldMessage}`, { field: 'note' }, fieldMessage);
    }
    if (owed.paidOre + request.amountOre < 0) {
      const fieldMessage = `Det går inte att återföra mer än det som är betalt (${formatOre(owed.paidOre, { unit: true })}).`;
      throw new AppError('validation', `Belopp: ${fieldMessage}`, { field: 'amountOre' }, fieldMessage);
    }
  }
  const settings = settingsOf(doc);
  const payment: Payment = {
    id: context.ids(),
    invoiceId: invoice.id,
    date: request.date,
    amountOre: request.amountOre,
    ...(request.note?.trim() ? { note: request.note.trim() } : {}),
    voucherNumber: settings.nextVoucherNumber,
    recordedAt: context.now,
    ...(context.by ? { recordedBy: context.by } : {}),
  };
  return { payment, settings: { ...settings, nextVoucherNumber: settings.nextVoucherNumber + 1 } };
}

/** A reminder is for an issued invoice that is overdue at `date`. */
export function checkReminder(invoice: Invoice, ledger: Ledger, date: string): void {
  const state = summarise(invoice, ledger, date).state;
  if (state !== 'overdue') {
    const why = state === 'draft' ? 'den är ett utkast' : state === 'unpaid' ? `den förfaller först ${invoice.dueDate ?? ''}` : 'det finns inget kvar att betala';
    throw new AppError('validation', `Ingen påminnelse behövs för faktura ${invoice.number ?? ''}: ${why}.`, { field: 'invoiceId' });
  }
}
