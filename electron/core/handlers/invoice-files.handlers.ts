/**
 * Invoicing's files (issue 17): an issued invoice or credit note as PDF and as a Peppol e-invoice, a run's issued
 * invoices in one PDF, and a reminder. The handlers find what a file is made from (the invoice, the invoice a
 * credit note corrects, payments and credit notes, the association's details), refuse in Swedish what has no file
 * (an unknown id, a draft, a run with nothing issued), and name the file; `InvoiceFileMakers` makes the bytes.
 */
import { AppError, type ChannelHandlers, type ExportedFile } from '../../contract';
import { invoiceSettingsSchema, type Invoice, type InvoiceSettings, type Payment } from '../store/schema';
import { encodeBase64 } from '../exports/base64';
import { safeFileName } from '../exports/export-file';
import type { HandlerContext } from './create-handlers';

type InvoiceFilesChannel = 'exports/invoice-pdf' | 'exports/invoice-ubl' | 'exports/run-pdf' | 'exports/reminder-pdf';

/** Bytes now, or later: a maker may load its library on first use (jsPDF need not be in the screen's first load). */
type Bytes = Uint8Array | Promise<Uint8Array>;

/**
 * What makes the bytes. The signatures are those of `invoicePdf`, `runPdf` and `reminderPdf`
 * (exports/invoice-pdf.ts) and `peppolInvoiceXml` (exports/peppol-ubl.ts).
 */
export type InvoiceFileMakers = {
  invoicePdf(invoice: Invoice, settings: InvoiceSettings, options: { credited?: Invoice | undefined }): Bytes;
  runPdf(invoices: readonly Invoice[], settings: InvoiceSettings, options: { credited?: readonly Invoice[] }): Bytes;
  reminderPdf(invoice: Invoice, payments: readonly Payment[], settings: InvoiceSettings, date: string, options: { creditNotes?: readonly Invoice[] }): Bytes;
  invoiceUbl(invoice: Invoice, settings: InvoiceSettings, context: { creditedInvoice?: Invoice | undefined }): string | Promise<string>;
};

/**
 * The makers, loaded on first use: jsPDF is large, and the web entry would otherwise carry it in the chunk every
 * screen loads.
 */
export const invoiceFileMakers: InvoiceFileMakers = {
  invoicePdf: async (...a) => (await import('../exports/invoice-pdf')).invoicePdf(...a),
  runPdf: async (...a) => (await import('../exports/invoice-pdf')).runPdf(...a),
  reminderPdf: async (...a) => (await import('../exports/invoice-pdf')).reminderPdf(...a),
  invoiceUbl: async (...a) => (await import('../exports/peppol-ubl')).peppolInvoiceXml(...a),
};

const PDF_MIME = 'application/pdf';
const XML_MIME = 'application/xml';

function file(title: string, extension: 'pdf' | 'xml', bytes: Uint8Array): ExportedFile {
  return { fileName: safeFileName(title, extension), mimeType: extension === 'pdf' ? PDF_MIME : XML_MIME, bytesBase64: encodeBase64(bytes), sizeBytes: bytes.length };
}

/** «Faktura 12 Ale kommun», «Kreditfaktura 13 Ale kommun». */
function titleOf(invoice: Invoice): string {
  return `${invoice.kind === 'credit-note' ? 'Kreditfaktura' : 'Faktura'} ${invoice.number ?? ''} ${invoice.buyer?.name ?? ''}`;
}

export function createInvoiceFilesHandlers({ repo }: HandlerContext, makers: InvoiceFileMakers = invoiceFileMakers): Pick<ChannelHandlers, InvoiceFilesChannel> {
  const settings = (): InvoiceSettings => repo.get().invoicing.settings[0] ?? invoiceSettingsSchema.parse({ id: 'association' });

  /** An issued invoice or credit note; a draft has no file, since it may still change. */
  const issued = (invoiceId: string): Invoice => {
    const invoice = repo.get().invoicing.invoices.find((i) => i.id === invoiceId);
    if (!invoice) throw new AppError('not-found', 'Fakturan finns inte i registret.', { field: 'invoiceId' });
    if (invoice.status !== 'issued') throw new AppError('validation', 'Ett utkast har ingen fil: utfärda fakturan först.', { field: 'invoiceId' });
    return invoice;
  };
  const creditedBy = (note: Invoice): Invoice | undefined =>
    note.creditOfInvoiceId === undefined ? undefined : repo.get().invoicing.invoices.find((i) => i.id === note.creditOfInvoiceId);
  const creditNotesOf = (invoice: Invoice): Invoice[] =>
    repo.get().invoicing.invoices.filter((i) => i.kind === 'credit-note' && i.status === 'issued' && i.creditOfInvoiceId === invoice.id);

  return {
    'exports/invoice-pdf': async ({ invoiceId }) => {
      const invoice = issued(invoiceId);
      return file(titleOf(invoice), 'pdf', await makers.invoicePdf(invoice, settings(), { credited: creditedBy(invoice) }));
    },

    'exports/invoice-ubl': async ({ invoiceId }) => {
      const invoice = issued(invoiceId);
      const xml = await makers.invoiceUbl(invoice, settings(), { creditedInvoice: creditedBy(invoice) });
      return file(titleOf(invoice), 'xml', new TextEncoder().encode(xml));
    },

    'exports/run-pdf': async ({ runId }) => {
      const doc = repo.get();
      const run = doc.invoicing.runs.find((r) => r.id === runId);
      if (!run) throw new AppError('not-found', 'Körningen finns inte i registret.', { field: 'runId' });
      const invoices = doc.invoicing.invoices.filter((i) => i.runId === runId && i.status === 'issued');
      if (invoices.length === 0) throw new AppError('validation', `${run.title} har inga utfärdade fakturor ännu.`, { field: 'runId' });
      const credited = invoices.map(creditedBy).filter((i): i is Invoice => i !== undefined && !invoices.includes(i));
      return file(run.title, 'pdf', await makers.runPdf(invoices, settings(), { credited }));
    },

    'exports/reminder-pdf': async ({ invoiceId, date }) => {
      const invoice = issued(invoiceId);
      if (invoice.kind !== 'invoice') throw new AppError('validation', 'En kreditfaktura får ingen påminnelse.', { field: 'invoiceId' });
      const payments = repo.get().invoicing.payments.filter((p) => p.invoiceId === invoice.id);
      const bytes = await makers.reminderPdf(invoice, payments, settings(), date, { creditNotes: creditNotesOf(invoice) });
      return file(`Påminnelse ${titleOf(invoice)}`, 'pdf', bytes);
    },
  };
}
