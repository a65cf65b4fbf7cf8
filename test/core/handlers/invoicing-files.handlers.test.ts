import { produce } from 'immer';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput, ExportedFile, Result } from '../../../electron/contract';
import { decodeBase64 } from '../../../electron/core/exports/base64';
import { readEntry, readZipDirectory } from '../../../electron/core/imports/zip';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import { createTestServices, loadDefaultDocument } from '../../support/memory-document';

type Services = ReturnType<typeof createTestServices>;

async function data<T>(answer: Promise<Result<T>>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

async function refused<T>(answer: Promise<Result<T>>) {
  const result = await answer;
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

function bytesOf(file: ExportedFile): Uint8Array {
  const bytes = decodeBase64(file.bytesBase64);
  if (!bytes) throw new Error('not base64');
  expect(file.sizeBytes).toBe(bytes.length);
  return bytes;
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
/** jsPDF writes one `/Type /Page` object per page (and `/Type /Pages` once). */
const pageCount = (pdf: Uint8Array) => (latin1(pdf).match(/\/Type \/Page\b(?!s)/gu) ?? []).length;

/** A kind that is not a public body: its invoices go out as PDF only. */
const COMPANY_KIND = 'annan';

type Issued = ChannelOutput<'invoicing/issue'>['issued'][number];

/**
 * The default register (example details) with the 2022 run drafted and issued on 1 March, one invoice to a
 * buyer that is not a public body, a credit note of one invoice and a part payment of another.
 */
async function issuedRegister(initial: SambrukDocument = loadDefaultDocument()) {
  const s = createTestServices({ initial, now: '2022-03-01T09:00:00.000Z' });
  const run = await data(s.call('invoicing/run-draft', { year: 2022 }));
  const issued = await data(s.call('invoicing/issue', { runId: run.id, date: '2022-03-01' }));
  return { s, run, issued: issued.issued };
}

describe('invoicing: files from issued invoices', () => {
  let s: Services;
  let run: ChannelOutput<'invoicing/run-draft'>;
  let issued: Issued[];
  let company: Issued;
  let credit: ChannelOutput<'invoicing/credit'>;
  let publicInvoice: Issued;
  let partPaid: Issued;

  beforeAll(async () => {
    const base = loadDefaultDocument();
    const invoiced = new Set(base.invoicing.billing.map((b) => b.organisationId));
    const org = base.organisations.find((o) => invoiced.has(o.id) && o.kind === 'kommun') as SambrukDocument['organisations'][number];
    // One customer as a company: it must get a PDF and never an e-invoice.
    const initial = produce(base, (d) => {
      const target = d.organisations.find((o) => o.id === org.id);
      if (target) target.kind = COMPANY_KIND;
    });
    ({ s, run, issued } = await issuedRegister(initial));
    company = issued.find((i) => i.organisationId === org.id) as Issued;
    const publics = issued.filter((i) => i.organisationId !== org.id);
    publicInvoice = publics.find((i) => i.vatOre > 0) ?? (publics[0] as Issued);
    const view = await data(s.call('invoicing/invoice-get', { invoiceId: publicInvoice.id }));
    credit = await data(s.call('invoicing/credit', { invoiceId: publicInvoice.id, invoiceLineIds: [view.invoice.lines[0]?.id ?? ''], reason: 'Fel period', date: '2022-03-10' }));
    partPaid = publics.find((i) => i.id !== publicInvoice.id) as Issued;
    await data(s.call('invoicing/payment-record', { invoiceId: partPaid.id, date: '2022-03-20', amountOre: 100_000 }));
  }, 120_000);

  it('an invoice and a credit note as PDF, named by number and buyer', async () => {
    const file = await data(s.call('invoicing/export-pdf', { invoiceId: publicInvoice.id }));
    expect(file).toMatchObject({ fileName: `Faktura ${publicInvoice.number ?? ''} ${publicInvoice.customerName}.pdf`, mimeType: 'application/pdf' });
    const pdf = bytesOf(file);
    expect(latin1(pdf.slice(0, 5))).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
    const note = await data(s.call('invoicing/export-pdf', { invoiceId: credit.invoice.id }));
    expect(note.fileName).toBe(`Kreditfaktura ${credit.number ?? ''} ${publicInvoice.customerName}.pdf`);
    // The page text is compressed; the document's title in its (plain) info dictionary says what it is.
    expect(latin1(bytesOf(note))).toContain(`/Title (Kreditfaktura ${credit.number ?? ''})`);
  });

  it('the run as one PDF with a page or more per invoice and credit note', async () => {
    const file = await data(s.call('invoicing/export-run-pdf', { runId: run.id }));
    expect(file).toMatchObject({ fileName: 'Fakturakörning 2022.pdf', mimeType: 'application/pdf' });
    expect(pageCount(bytesOf(file))).toBeGreaterThanOrEqual(issued.length + 1);
  });

  it('a reminder after the due date; refused before it, for a credit note and for a paid invoice', async () => {
    const file = await data(s.call('invoicing/export-reminder-pdf', { invoiceId: partPaid.id, date: '2022-04-15' }));
    expect(file.fileName).toBe(`Påminnelse Faktura ${partPaid.number ?? ''} ${partPaid.customerName}.pdf`);
    expect(latin1(bytesOf(file).slice(0, 5))).toBe('%PDF-');
    const early = await refused(s.call('invoicing/export-reminder-pdf', { invoiceId: partPaid.id, date: '2022-03-15' }));
    expect(early.message).toBe(`Faktura ${partPaid.number ?? ''} förfaller 2022-03-31: en påminnelse kan skickas först efter förfallodagen.`);
    const onNote = await refused(s.call('invoicing/export-reminder-pdf', { invoiceId: credit.invoice.id, date: '2022-04-15' }));
    expect(onNote.message).toContain('ska inte betalas');
  });

  it('a Peppol e-invoice for a public body, an e-credit note naming the invoice it corrects', async () => {
    const file = await data(s.call('invoicing/export-ubl', { invoiceId: publicInvoice.id }));
    expect(file).toMatchObject({ fileName: `E-faktura ${publicInvoice.number ?? ''} ${publicInvoice.customerName}.xml`, mimeType: 'application/xml' });
    const xml = new TextDecoder().decode(bytesOf(file));
    expect(xml).toContain('<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>');
    expect(xml).toContain(`<cbc:ID>${publicInvoice.number ?? ''}</cbc:ID>`);
    const note = new TextDecoder().decode(bytesOf(await data(s.call('invoicing/export-ubl', { invoiceId: credit.invoice.id }))));
    expect(note).toMatch(/^<\?xml[^>]*>\s*<CreditNote /u);
    expect(note).toMatch(new RegExp(`<cac:BillingReference>\\s*<cac:InvoiceDocumentReference>\\s*<cbc:ID>${publicInvoice.number ?? ''}</cbc:ID>`, 'u'));
  });

  it('refuses an e-invoice to a buyer that is not a public body, and any file of a draft or an unknown id', async () => {
    const toCompany = await refused(s.call('invoicing/export-ubl', { invoiceId: company.id }));
    expect(toCompany.message).toBe(
      `${company.customerName} är inte en offentlig köpare (kommun, region, kommunalförbund eller gemensam nämnd): e-faktura (Peppol) skickas bara till sådana. Skicka fakturan som PDF.`,
    );
    // The company still gets its invoice as PDF.
    expect((await data(s.call('invoicing/export-pdf', { invoiceId: company.id }))).fileName).toMatch(/^Faktura /u);
    const unknown = await refused(s.call('invoicing/export-pdf', { invoiceId: 'finns-inte' }));
    expect(unknown).toMatchObject({ code: 'not-found', message: 'Fakturan finns inte i registret (den kan ha tagits bort).' });
    expect((await refused(s.call('invoicing/export-run-pdf', { runId: 'finns-inte' }))).code).toBe('not-found');
  });

  it('every e-invoice of the run in a zip, one <number>.xml per invoice and credit note to a public body', async () => {
    const file = await data(s.call('invoicing/export-run-ubl', { runId: run.id }));
    expect(file).toMatchObject({ fileName: 'E-fakturor Fakturakörning 2022.zip', mimeType: 'application/zip' });
    const zip = bytesOf(file);
    const entries = readZipDirectory(zip);
    const expected = [...issued.filter((i) => i.id !== company.id).map((i) => i.number ?? ''), credit.number ?? ''].map((n) => `${n}.xml`);
    expect(entries.map((e) => e.name).sort()).toEqual(expected.sort());
    const first = entries.find((e) => e.name === `${credit.number ?? ''}.xml`);
    const xml = new TextDecoder().decode(await readEntry(zip, first as (typeof entries)[number], 1_000_000));
    expect(xml).toContain('<CreditNote ');
    // The same run gives the same bytes.
    expect((await data(s.call('invoicing/export-run-ubl', { runId: run.id }))).bytesBase64).toBe(file.bytesBase64);
  });

  it('the year’s SIE 4I file: a voucher per invoice, credit note and payment; refused for a year with nothing to book', async () => {
    const file = await data(s.call('invoicing/export-sie', { year: 2022 }));
    expect(file.fileName).toBe('Bokföring 2022.se');
    const text = latin1(bytesOf(file));
    expect(text).toContain('#SIETYP 4\r\n');
    expect(text).toContain('#PROGRAM "Sambruk Kansli" "0.0.0-test"');
    expect((text.match(/^#VER /gmu) ?? []).length).toBe(issued.length + 2);
    const empty = await refused(s.call('invoicing/export-sie', { year: 2021 }));
    expect(empty.message).toBe('Inget att bokföra för 2021: inga fakturor, kreditfakturor eller betalningar är daterade det året.');
  });
});

describe('invoicing: files refused before issuing and when an e-invoice cannot be made', () => {
  it('a draft has no file; a run with nothing issued has no PDF', async () => {
    const s = createTestServices({ initial: loadDefaultDocument(), now: '2022-03-01T09:00:00.000Z' });
    const run = await data(s.call('invoicing/run-draft', { year: 2022 }));
    const draft = run.invoices[0] as (typeof run.invoices)[number];
    for (const channel of ['invoicing/export-pdf', 'invoicing/export-ubl'] as const) {
      const answer = await refused(s.call(channel, { invoiceId: draft.id }));
      expect(answer.message).toBe('Ett utkast har ingen fil, eftersom det kan ändras: utfärda fakturan först.');
    }
    const none = await refused(s.call('invoicing/export-run-pdf', { runId: run.id }));
    expect(none.message).toBe('Fakturering 2022: inga fakturor är utfärdade ännu. Utfärda fakturorna först.');
  }, 60_000);

  it('refuses the whole zip, naming the invoice, when one e-invoice lacks what Peppol requires', async () => {
    // An invoice issued without «Er referens» cannot be a Peppol invoice (it is advised, not required, for issuing).
    const base = loadDefaultDocument();
    const target = base.invoicing.billing[0] as SambrukDocument['invoicing']['billing'][number];
    const initial = produce(base, (d) => {
      const b = d.invoicing.billing.find((x) => x.id === target.id);
      if (b) delete b.buyerReference;
    });
    const { s, run, issued } = await issuedRegister(initial);
    const bad = issued.find((i) => i.organisationId === target.organisationId) as Issued;
    const one = await refused(s.call('invoicing/export-ubl', { invoiceId: bad.id }));
    expect(one.message).toContain(`Fakturan ${bad.number ?? ''} kan inte skickas som e-faktura: Fakturan saknar köparens referens («Er referens»), som Peppol kräver.`);
    const all = await refused(s.call('invoicing/export-run-ubl', { runId: run.id }));
    expect(all.message).toMatch(/^Inga e-fakturor skapades för Fakturering 2022, eftersom en inte går att skapa: Fakturan \d+ kan inte skickas som e-faktura/u);
    const others = issued.filter((i) => i.id !== bad.id);
    expect((await data(s.call('invoicing/export-ubl', { invoiceId: (others[0] as Issued).id }))).mimeType).toBe('application/xml');
  }, 60_000);
});
