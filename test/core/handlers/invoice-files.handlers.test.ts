import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract';
import type { Invoice, InvoiceSettings, Payment } from '../../../electron/core/store/schema';
import { decodeBase64 } from '../../../electron/core/exports/base64';
import { createInvoiceFilesHandlers, type InvoiceFileMakers } from '../../../electron/core/handlers/invoice-files.handlers';
import { createTaskRegistry } from '../../../electron/core/handlers/tasks';
import { createTestServices, loadDefaultDocument } from '../../support/memory-document';
import { sampleCreditNote, sampleInvoice, samplePayments, sampleServiceInvoice, sampleSettings } from '../../fixtures/invoicing/sample-invoices';

const draft: Invoice = { ...sampleInvoice, id: 'draft-1', status: 'draft', number: undefined, issueDate: undefined, dueDate: undefined, ocr: undefined } as Invoice;

function document() {
  const doc = loadDefaultDocument();
  return {
    ...doc,
    invoicing: {
      ...doc.invoicing,
      settings: [sampleSettings],
      runs: [
        { id: 'run-2022', year: 2022, kind: 'year' as const, createdAt: '2022-02-01T08:00:00.000Z', title: 'Fakturering 2022' },
        { id: 'run-empty', year: 2022, kind: 'joiners' as const, joinedFrom: '2022-06-01', createdAt: '2022-06-01T08:00:00.000Z', title: 'Nya medlemmar 2022' },
      ],
      invoices: [sampleInvoice, sampleServiceInvoice, sampleCreditNote, { ...draft, runId: 'run-empty' }],
      payments: samplePayments,
    },
  };
}

/** Records what each file is made from and answers bytes that name it, so the test sees what the handler handed over. */
function recording() {
  const calls: { maker: string; args: unknown[] }[] = [];
  const bytes = (text: string) => new TextEncoder().encode(text);
  const makers: InvoiceFileMakers = {
    invoicePdf: (invoice, settings, options) => (calls.push({ maker: 'invoicePdf', args: [invoice, settings, options] }), bytes(`pdf ${invoice.id}`)),
    runPdf: (invoices, settings, options) => (calls.push({ maker: 'runPdf', args: [invoices, settings, options] }), bytes(`run ${invoices.length}`)),
    reminderPdf: (invoice, payments, settings, date, options) => (calls.push({ maker: 'reminderPdf', args: [invoice, payments, settings, date, options] }), bytes(`reminder ${date}`)),
    invoiceUbl: (invoice, settings, context) => (calls.push({ maker: 'invoiceUbl', args: [invoice, settings, context] }), `<Invoice>${invoice.id}</Invoice>`),
  };
  return { calls, makers };
}

function setup() {
  const s = createTestServices({ initial: document() });
  const { calls, makers } = recording();
  const handlers = createInvoiceFilesHandlers({ repo: s.repo, ports: s.ports, today: () => '2022-06-30', tasks: createTaskRegistry(() => undefined) }, makers);
  return { s, calls, handlers };
}

const text = (base64: string) => new TextDecoder().decode(decodeBase64(base64) ?? new Uint8Array());

async function refusal(run: () => unknown) {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message, field: error.field };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('invoicing files: what each is made from', () => {
  it('an invoice PDF from the issued invoice and the association’s details, named by number and buyer', async () => {
    const { handlers, calls } = setup();
    const file = await handlers['exports/invoice-pdf']({ invoiceId: 'inv-1' });
    expect(file).toMatchObject({ fileName: 'Faktura 1 Stockholms kommun.pdf', mimeType: 'application/pdf', sizeBytes: 'pdf inv-1'.length });
    expect(text(file.bytesBase64)).toBe('pdf inv-1');
    expect(calls).toEqual([{ maker: 'invoicePdf', args: [sampleInvoice, sampleSettings, { credited: undefined }] }]);
  });

  it('a credit note’s PDF and e-invoice with the invoice it corrects', async () => {
    const { handlers, calls } = setup();
    const pdf = await handlers['exports/invoice-pdf']({ invoiceId: 'cn-1' });
    expect(pdf.fileName).toMatch(/^Kreditfaktura 3 .+\.pdf$/u);
    const ubl = await handlers['exports/invoice-ubl']({ invoiceId: 'cn-1' });
    expect(ubl).toMatchObject({ mimeType: 'application/xml' });
    expect(ubl.fileName).toMatch(/^Kreditfaktura 3 .+\.xml$/u);
    expect(text(ubl.bytesBase64)).toBe('<Invoice>cn-1</Invoice>');
    expect(calls.map((c) => c.args.at(-1))).toEqual([{ credited: sampleServiceInvoice }, { creditedInvoice: sampleServiceInvoice }]);
  });

  it('a run’s PDF from its issued invoices only, with the invoices its credit notes correct', async () => {
    const { handlers, calls } = setup();
    const file = await handlers['exports/run-pdf']({ runId: 'run-2022' });
    expect(file.fileName).toBe('Fakturering 2022.pdf');
    const [invoices, settings, options] = calls[0]?.args as [Invoice[], InvoiceSettings, { credited: Invoice[] }];
    expect(invoices.map((i) => i.id)).toEqual(['inv-1', 'inv-2', 'cn-1']);
    expect(settings).toEqual(sampleSettings);
    // The credited invoice is in the run itself, so nothing is added beside it.
    expect(options.credited).toEqual([]);
  });

  it('a reminder from the invoice’s payments and credit notes at the given date', async () => {
    const { handlers, calls } = setup();
    const file = await handlers['exports/reminder-pdf']({ invoiceId: 'inv-2', date: '2022-04-15' });
    expect(file.fileName).toMatch(/^Påminnelse Faktura 2 .+\.pdf$/u);
    const [invoice, payments, , date, options] = calls[0]?.args as [Invoice, Payment[], InvoiceSettings, string, { creditNotes: Invoice[] }];
    expect(invoice.id).toBe('inv-2');
    expect(payments).toEqual(samplePayments.filter((p) => p.invoiceId === 'inv-2'));
    expect(date).toBe('2022-04-15');
    expect(options.creditNotes.map((n) => n.id)).toEqual(['cn-1']);
  });
});

describe('invoicing files: refusals, in Swedish, before anything is made', () => {
  it('refuses an unknown invoice or run, a draft, a run with nothing issued and a reminder for a credit note', async () => {
    const { handlers, calls } = setup();
    expect(await refusal(() => handlers['exports/invoice-pdf']({ invoiceId: 'nope' }))).toEqual({ code: 'not-found', message: 'Fakturan finns inte i registret.', field: 'invoiceId' });
    expect(await refusal(() => handlers['exports/invoice-ubl']({ invoiceId: 'draft-1' }))).toEqual({ code: 'validation', message: 'Ett utkast har ingen fil: utfärda fakturan först.', field: 'invoiceId' });
    expect(await refusal(() => handlers['exports/run-pdf']({ runId: 'nope' }))).toMatchObject({ code: 'not-found', field: 'runId' });
    expect(await refusal(() => handlers['exports/run-pdf']({ runId: 'run-empty' }))).toEqual({ code: 'validation', message: 'Nya medlemmar 2022 har inga utfärdade fakturor ännu.', field: 'runId' });
    expect(await refusal(() => handlers['exports/reminder-pdf']({ invoiceId: 'cn-1', date: '2022-06-30' }))).toMatchObject({ message: 'En kreditfaktura får ingen påminnelse.' });
    expect(calls).toEqual([]);
  });

  it('through the channels, checks the input and answers a refusal, never a thrown error', async () => {
    const { s } = setup();
    const bad = await s.call('exports/reminder-pdf', { invoiceId: 'inv-1', date: '2022-02-30' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', field: 'date' } });
    const draftFile = await s.call('exports/invoice-pdf', { invoiceId: 'draft-1' });
    expect(draftFile).toMatchObject({ ok: false, error: { message: 'Ett utkast har ingen fil: utfärda fakturan först.' } });
  });
});
