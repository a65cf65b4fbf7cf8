/**
 * Invoicing's files (issue 17, point 6), all from issued invoices: an invoice or credit note as PDF, a run's PDF,
 * a reminder, a Peppol e-invoice (UBL) for one invoice or every e-invoice of a run in a zip, and the year's SIE file.
 * This module finds what each file is made from (the invoice a credit note corrects, payments, credit notes, the
 * association's details), refuses in Swedish what has no file, names the file and calls the makers
 * (`invoice-pdf.ts`, `peppol-ubl.ts`, `sie.ts`). The export channels run it in the task worker; the command line
 * and the benchmarks call it directly.
 *
 * It works on an `InvoiceFilesSource`, the part of the register the files need, as plain data that crosses into
 * the worker: never the live register.
 */
import type { Article, Invoice, InvoiceRun, InvoiceSettings, Payment } from '../../contract/model/invoicing';
import { invoiceSettingsSchema } from '../../contract/model/invoicing';
import { AppError } from '../../contract/result';
import { firstDayOfYear, instantOf, lastDayOfYear, utcMidnight, type IsoDate } from '../../contract/rules/calendar-date';
import { allArticles } from '../domain/articles';
import { isPublicBody } from '../domain/billing';
import type { SambrukDocument } from '../store/schema';
import { encodeBase64 } from './base64';
import { safeFileName, type ExportedFile } from './export-file';
import { invoicePdf, reminderPdf, runPdf } from './invoice-pdf';
import { peppolInvoiceXml } from './peppol-ubl';
import { sieFile } from './sie';
import { zipBytes } from './xlsx-package';

const PDF_MIME = 'application/pdf';
const XML_MIME = 'application/xml';
const ZIP_MIME = 'application/zip';
/** SIE files are CP437 text (`#FORMAT PC8`). */
const SIE_MIME = 'text/plain; charset=IBM437';

export type InvoiceFilesSource = {
  settings: InvoiceSettings;
  runs: readonly InvoiceRun[];
  invoices: readonly Invoice[];
  payments: readonly Payment[];
  /** Every article, stored or default: the SIE file names the accounts and cost centres after them. */
  articles: readonly Article[];
  /** The organisations that are public bodies (kommun, region, kommunalförbund, gemensam nämnd). */
  publicBodyIds: readonly string[];
};

export type InvoiceFileRequest =
  | { kind: 'invoice-pdf'; invoiceId: string }
  | { kind: 'run-pdf'; runId: string }
  | { kind: 'reminder-pdf'; invoiceId: string; date: IsoDate }
  | { kind: 'invoice-ubl'; invoiceId: string }
  | { kind: 'run-ubl'; runId: string }
  | { kind: 'sie'; year: number; programVersion: string; generated: IsoDate };

/** What the files need of the register, as plain data. */
export function invoiceFilesSource(doc: Pick<SambrukDocument, 'invoicing' | 'organisations' | 'services'>): InvoiceFilesSource {
  return {
    settings: doc.invoicing.settings[0] ?? invoiceSettingsSchema.parse({ id: 'association' }),
    runs: doc.invoicing.runs,
    invoices: doc.invoicing.invoices,
    payments: doc.invoicing.payments,
    articles: allArticles(doc.invoicing.articles, doc.services).map((a) => a.article),
    publicBodyIds: doc.organisations.filter(isPublicBody).map((o) => o.id),
  };
}

const what = (invoice: Pick<Invoice, 'kind'>) => (invoice.kind === 'credit-note' ? 'Kreditfaktura' : 'Faktura');

/** «Faktura 12 Ale kommun», «Kreditfaktura 13 Ale kommun»: a file's title. */
function invoiceTitle(invoice: Invoice): string {
  return `${what(invoice)} ${invoice.number ?? ''} ${invoice.buyer?.name ?? ''}`.replace(/\s+/gu, ' ').trim();
}

/** «Fakturakörning 2022», or the run's own title for a run of new members. */
function runFileTitle(run: Pick<InvoiceRun, 'kind' | 'year' | 'title'>): string {
  return run.kind === 'year' ? `Fakturakörning ${run.year}` : `Fakturakörning ${run.title}`;
}

function file(title: string, extension: string, mimeType: string, bytes: Uint8Array): ExportedFile {
  return { fileName: safeFileName(title, extension), mimeType, bytesBase64: encodeBase64(bytes), sizeBytes: bytes.length };
}

/** An issued invoice or credit note; an unknown id or a draft is refused. */
function issuedInvoice(source: Pick<InvoiceFilesSource, 'invoices'>, invoiceId: string): Invoice {
  const invoice = source.invoices.find((i) => i.id === invoiceId);
  if (!invoice) throw new AppError('not-found', 'Fakturan finns inte i registret (den kan ha tagits bort).', { field: 'invoiceId' });
  if (invoice.status !== 'issued') throw new AppError('validation', 'Ett utkast har ingen fil, eftersom det kan ändras: utfärda fakturan först.', { field: 'invoiceId' });
  return invoice;
}

function runOf(source: Pick<InvoiceFilesSource, 'runs'>, runId: string): InvoiceRun {
  const run = source.runs.find((r) => r.id === runId);
  if (!run) throw new AppError('not-found', 'Fakturakörningen finns inte i registret (den kan ha ångrats).', { field: 'runId' });
  return run;
}

/** The run's issued invoices and credit notes, in number order. */
function issuedOfRun(source: Pick<InvoiceFilesSource, 'invoices'>, run: InvoiceRun): Invoice[] {
  const issued = source.invoices.filter((i) => i.runId === run.id && i.status === 'issued');
  if (issued.length === 0) throw new AppError('validation', `${run.title}: inga fakturor är utfärdade ännu. Utfärda fakturorna först.`, { field: 'runId' });
  return issued.sort((a, b) => (a.issuedAt ?? '').localeCompare(b.issuedAt ?? '') || (a.voucherNumber ?? 0) - (b.voucherNumber ?? 0));
}

function creditedBy(source: Pick<InvoiceFilesSource, 'invoices'>, note: Invoice): Invoice | undefined {
  return note.creditOfInvoiceId === undefined ? undefined : source.invoices.find((i) => i.id === note.creditOfInvoiceId);
}

/**
 * Whether this invoice goes out as an e-invoice: its buyer is a public body and the invoice names the buyer's
 * e-invoice address (Peppol ID), as every invoice to a public body does unless it was issued without one.
 */
export function isEInvoice(source: Pick<InvoiceFilesSource, 'publicBodyIds'>, invoice: Invoice): boolean {
  return source.publicBodyIds.includes(invoice.organisationId) && !!invoice.buyer?.peppolId?.trim();
}

/** The Peppol UBL text of one issued invoice or credit note to a public body; refused, in Swedish, otherwise. */
export function eInvoiceXml(source: InvoiceFilesSource, invoice: Invoice): string {
  const buyer = invoice.buyer?.name ?? invoice.organisationId;
  if (!source.publicBodyIds.includes(invoice.organisationId)) {
    throw new AppError(
      'validation',
      `${buyer} är inte en offentlig köpare (kommun, region, kommunalförbund eller gemensam nämnd): e-faktura (Peppol) skickas bara till sådana. Skicka ${what(invoice).toLowerCase()}n som PDF.`,
      { field: 'invoiceId' },
    );
  }
  if (!invoice.buyer?.peppolId?.trim()) {
    throw new AppError('validation', `${what(invoice)} ${invoice.number ?? ''} utfärdades utan e-fakturaadress (Peppol-ID) för ${buyer}. Skicka den som PDF.`, { field: 'invoiceId' });
  }
  return peppolInvoiceXml(invoice, source.settings, { creditedInvoice: creditedBy(source, invoice) });
}

/** The entry name of an invoice's XML in a bundle and on disk: its number, `12.xml`. */
function eInvoiceFileName(invoice: Invoice): string {
  return safeFileName(invoice.number ?? invoice.id, 'xml');
}

/** Every e-invoice of a run (invoices and credit notes to public bodies), or a refusal naming each that fails. */
function runEInvoices(source: InvoiceFilesSource, runId: string): { invoice: Invoice; xml: string }[] {
  const run = runOf(source, runId);
  const targets = issuedOfRun(source, run).filter((i) => isEInvoice(source, i));
  if (targets.length === 0) {
    throw new AppError('validation', `${run.title}: ingen utfärdad faktura går till en offentlig köpare med e-fakturaadress (Peppol-ID). Skicka fakturorna som PDF.`, { field: 'runId' });
  }
  const made: { invoice: Invoice; xml: string }[] = [];
  const failed: string[] = [];
  for (const invoice of targets) {
    try {
      made.push({ invoice, xml: eInvoiceXml(source, invoice) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failed.push(error.message);
    }
  }
  if (failed.length > 0) {
    // All or nothing: a bundle that silently lacks some invoices would be sent as if it were complete.
    throw new AppError('conflict', `Inga e-fakturor skapades för ${run.title}, eftersom ${failed.length === 1 ? 'en inte går' : `${failed.length} inte går`} att skapa: ${failed.join(' ')}`, {
      field: 'runId',
    });
  }
  return made;
}

/** Whether anything is booked in `year`: an invoice or credit note issued, or a payment made, within it. */
function anythingToBook(source: InvoiceFilesSource, year: number): boolean {
  const from = firstDayOfYear(year);
  const to = lastDayOfYear(year);
  const within = (date: string | undefined) => date !== undefined && date >= from && date <= to;
  return source.invoices.some((i) => i.status === 'issued' && within(i.issueDate)) || source.payments.some((p) => within(p.date));
}

/** The SIE 4I file of the year's invoices, credit notes and payments. */
export function sieYearFile(source: InvoiceFilesSource, request: { year: number; programVersion: string; generated: IsoDate }): ExportedFile {
  if (!anythingToBook(source, request.year)) {
    throw new AppError('validation', `Inget att bokföra för ${request.year}: inga fakturor, kreditfakturor eller betalningar är daterade det året.`, { field: 'year' });
  }
  const bytes = sieFile({
    programVersion: request.programVersion,
    generated: request.generated,
    year: request.year,
    settings: source.settings,
    invoices: source.invoices.filter((i) => i.status === 'issued'),
    payments: source.payments,
    articles: source.articles,
  });
  return file(`Bokföring ${request.year}`, 'se', SIE_MIME, bytes);
}

/** The run's issued invoices and credit notes in one PDF. */
export function runPdfBytes(source: InvoiceFilesSource, runId: string): { run: InvoiceRun; invoices: Invoice[]; bytes: Uint8Array } {
  const run = runOf(source, runId);
  const invoices = issuedOfRun(source, run);
  const credited = invoices.map((i) => creditedBy(source, i)).filter((i): i is Invoice => i !== undefined && !invoices.includes(i));
  return { run, invoices, bytes: runPdf(invoices, source.settings, { credited }) };
}

/** One issued invoice's or credit note's PDF bytes. */
export function invoicePdfBytes(source: InvoiceFilesSource, invoice: Invoice): Uint8Array {
  return invoicePdf(invoice, source.settings, { credited: creditedBy(source, invoice) });
}

/** The file a request asks for; refused in Swedish when there is none to make. */
export async function invoiceFile(source: InvoiceFilesSource, request: InvoiceFileRequest): Promise<ExportedFile> {
  switch (request.kind) {
    case 'invoice-pdf': {
      const invoice = issuedInvoice(source, request.invoiceId);
      return file(invoiceTitle(invoice), 'pdf', PDF_MIME, invoicePdfBytes(source, invoice));
    }
    case 'run-pdf': {
      const { run, bytes } = runPdfBytes(source, request.runId);
      return file(runFileTitle(run), 'pdf', PDF_MIME, bytes);
    }
    case 'reminder-pdf': {
      const invoice = issuedInvoice(source, request.invoiceId);
      if (invoice.kind === 'credit-note') throw new AppError('validation', `Kreditfaktura ${invoice.number ?? ''} ska inte betalas: ingen påminnelse skickas för den.`, { field: 'invoiceId' });
      const payments = source.payments.filter((p) => p.invoiceId === invoice.id);
      const creditNotes = source.invoices.filter((i) => i.kind === 'credit-note' && i.status === 'issued' && i.creditOfInvoiceId === invoice.id);
      return file(`Påminnelse ${invoiceTitle(invoice)}`, 'pdf', PDF_MIME, reminderPdf(invoice, payments, source.settings, request.date, { creditNotes }));
    }
    case 'invoice-ubl': {
      const invoice = issuedInvoice(source, request.invoiceId);
      return file(`E-${what(invoice).toLowerCase()} ${invoice.number ?? ''} ${invoice.buyer?.name ?? ''}`, 'xml', XML_MIME, new TextEncoder().encode(eInvoiceXml(source, invoice)));
    }
    case 'run-ubl': {
      const run = runOf(source, request.runId);
      const made = runEInvoices(source, run.id);
      // Dated by the last issue in the run, so the same run always gives the same bytes.
      const stamp = made.map((m) => m.invoice.issuedAt ?? '').sort().at(-1) ?? '';
      const when = instantOf(stamp) ?? utcMidnight(firstDayOfYear(run.year));
      const bytes = await zipBytes(
        made.map((m) => ({ name: eInvoiceFileName(m.invoice), bytes: new TextEncoder().encode(m.xml) })),
        when,
      );
      return file(`E-fakturor ${runFileTitle(run)}`, 'zip', ZIP_MIME, bytes);
    }
    case 'sie':
      return sieYearFile(source, request);
  }
}
