import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import type { Invoice } from '../../../electron/contract/model/invoicing';
import { formatOre } from '../../../electron/core/domain/amounts';
import { invoiceTotals, isValidOcr } from '../../../electron/core/domain/invoice-math';
import { EXAMPLE_MARK, invoicePdf, pdfText, reminderFigures, reminderPdf, runPdf } from '../../../electron/core/exports/invoice-pdf';
import {
  sampleCreditNote,
  sampleInvoice,
  sampleLongInvoice,
  samplePayments,
  sampleServiceInvoice,
  sampleSettings,
} from '../../fixtures/invoicing/sample-invoices';
import { pdfPageCount, pdfPageText, popplerPresent } from '../../support/pdf-text';

const poppler = popplerPresent();
const inCi = process.env.CI === 'true';
const realSettings = { ...sampleSettings, example: false };

const dir = mkdtempSync(path.join(tmpdir(), 'sambruk-invoice-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.useRealTimers();
});

let fileCounter = 0;
/** The PDF's pages as poppler reads them (layout kept), with runs of spaces squeezed to one. */
function pagesOf(bytes: Uint8Array): string[] {
  const file = path.join(dir, `doc-${(fileCounter += 1)}.pdf`);
  writeFileSync(file, bytes);
  return Array.from({ length: pdfPageCount(file) }, (_, i) => pdfPageText(file, i + 1).replace(/[ \t]+/g, ' '));
}

const textOf = (bytes: Uint8Array): string => pagesOf(bytes).join('\n');
/** An amount as the PDF prints it: the app's money format with plain spaces. */
const kr = (ore: number): string => pdfText(formatOre(ore));

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('pdfText', () => {
  it('turns the money format’s narrow no-break space, no-break spaces and minus sign into what Helvetica prints', () => {
    expect(pdfText('1\u202F234\u00A0kr')).toBe('1 234 kr');
    expect(pdfText(formatOre(-123_456_789))).toBe('-1 234 567,89 kr');
    expect(pdfText('a\tb\u2009c\u2007d')).toBe('a b c d');
    expect(pdfText('mjuk\u00ADbindestreck\u200B')).toBe('mjukbindestreck');
  });

  it('keeps Swedish letters and the WinAnsi punctuation, takes the accent off other letters, and marks the rest', () => {
    expect(pdfText('Åsa Öberg, Ängelholm – «é» € ’')).toBe('Åsa Öberg, Ängelholm – «é» € ’');
    expect(pdfText('Gdańsk Łódź Győr')).toBe('Gdansk Lódz Gyor');
    expect(pdfText('a→b 😀')).toBe('a?b ?');
    expect(pdfText('rad 1\nrad 2')).toBe('rad 1\nrad 2');
  });
});

describe('the same input gives the same bytes', () => {
  it('whatever the clock says: the dates and the file id come from the invoice', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2030-06-01T12:00:00Z'));
    const first = invoicePdf(sampleInvoice, sampleSettings);
    vi.setSystemTime(Date.parse('2031-01-15T03:00:00Z'));
    const second = invoicePdf(sampleInvoice, sampleSettings);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const raw = Buffer.from(first).toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toContain("/CreationDate (D:20220201090000+00'00')");
    expect(Buffer.from(reminderPdf(sampleInvoice, [], sampleSettings, '2022-04-15')).equals(Buffer.from(reminderPdf(sampleInvoice, [], sampleSettings, '2022-04-15')))).toBe(true);
    expect(Buffer.from(runPdf([sampleInvoice, sampleServiceInvoice], sampleSettings)).equals(Buffer.from(runPdf([sampleInvoice, sampleServiceInvoice], sampleSettings)))).toBe(true);
  });

  it('states a date beyond what jsPDF accepts (2037) as its last year rather than failing', () => {
    const late = { ...sampleInvoice, issueDate: '2150-02-01', dueDate: '2150-03-03', issuedAt: '2150-02-01T09:00:00.000Z' };
    expect(Buffer.from(invoicePdf(late, sampleSettings)).toString('latin1')).toContain("/CreationDate (D:20370201090000+00'00')");
  });

  it('and another invoice gives other bytes and another file id', () => {
    const a = Buffer.from(invoicePdf(sampleInvoice, sampleSettings)).toString('latin1');
    const b = Buffer.from(invoicePdf({ ...sampleInvoice, number: '9' }, sampleSettings)).toString('latin1');
    const id = (raw: string) => /\/ID \[ <([0-9A-F]{32})>/.exec(raw)?.[1];
    expect(id(a)).toBeDefined();
    expect(id(a)).not.toBe(id(b));
  });
});

describe('refusals, in Swedish', () => {
  it('prints no draft', () => {
    const draft: Invoice = { ...sampleInvoice, status: 'draft' };
    expect(refusal(() => invoicePdf(draft, sampleSettings)).message).toBe('Fakturan är ett utkast: bara utfärdade fakturor skrivs ut som PDF.');
  });

  it('names what an issued invoice lacks', () => {
    const { ocr: _ocr, dueDate: _due, ...rest } = sampleInvoice;
    expect(refusal(() => invoicePdf(rest, sampleSettings)).message).toBe('Fakturan kan inte skrivas ut: förfallodatum och OCR-nummer saknas.');
  });

  it('prints a credit note as issuing makes it, without an OCR number or due date (it is not paid)', () => {
    const { ocr: _ocr, dueDate: _due, ...asIssued } = sampleCreditNote;
    const bytes = invoicePdf(asIssued, sampleSettings, { credited: sampleServiceInvoice });
    expect(Buffer.from(bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    const { number: _number, ...unnumbered } = asIssued;
    expect(refusal(() => invoicePdf(unnumbered, sampleSettings)).message).toBe('Kreditfakturan kan inte skrivas ut: nummer saknas.');
  });

  it('prints no credit note without the invoice it credits', () => {
    expect(refusal(() => invoicePdf(sampleCreditNote, sampleSettings)).message).toBe('Kreditfaktura 3: fakturan den krediterar behövs för att skriva ut den (nummer och datum).');
    expect(refusal(() => invoicePdf(sampleCreditNote, sampleSettings, { credited: sampleInvoice })).message).toContain('fakturan den krediterar behövs');
  });

  it('makes no empty run', () => {
    expect(refusal(() => runPdf([], sampleSettings)).message).toBe('Körningen har inga utfärdade fakturor att skriva ut.');
  });

  it('sends no reminder before the due date has passed, for a paid invoice, or for a credit note', () => {
    expect(refusal(() => reminderPdf(sampleInvoice, [], sampleSettings, '2022-03-03')).message).toBe(
      'Faktura 1 förfaller 2022-03-03: en påminnelse kan skickas först efter förfallodagen.',
    );
    expect(refusal(() => reminderPdf(sampleInvoice, samplePayments, sampleSettings, '2022-04-15')).message).toBe('Faktura 1 är betald: ingen påminnelse behövs.');
    expect(refusal(() => reminderPdf(sampleCreditNote, [], sampleSettings, '2022-04-15')).message).toBe('Kreditfaktura 3 ska inte betalas: ingen påminnelse skickas för den.');
  });
});

describe('reminderFigures', () => {
  it('counts payments and credit notes of this invoice up to the reminder’s date', () => {
    expect(reminderFigures(sampleInvoice, samplePayments, '2022-02-25')).toEqual({ totalOre: 8_000_000, paidOre: 5_000_000, creditedOre: 0, remainingOre: 3_000_000, daysOverdue: -6 });
    const other = { ...samplePayments[0]!, invoiceId: 'inv-2' };
    expect(reminderFigures(sampleInvoice, [...samplePayments, other], '2022-04-15').paidOre).toBe(8_000_000);
    const figures = reminderFigures(sampleServiceInvoice, [], '2022-04-15', [sampleCreditNote]);
    expect(figures.creditedOre).toBe(invoiceTotals(sampleCreditNote.lines).totalOre);
    expect(figures.remainingOre).toBe(5_833_375 - 208_375);
    expect(reminderFigures(sampleServiceInvoice, [], '2022-03-09', [sampleCreditNote]).creditedOre).toBe(0);
  });
});

describe('pdftotext', () => {
  it.runIf(inCi)('is installed in CI, where the PDFs must be read back', () => {
    expect(poppler).toBe(true);
  });
});

describe.skipIf(!poppler && !inCi)('what the PDFs say, read back with pdftotext', () => {
  it('an invoice outside VAT states everything mervärdesskattelagen asks, the reason for no VAT and the payment details', () => {
    const pages = pagesOf(invoicePdf(sampleInvoice, sampleSettings));
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    const required = [
      'Faktura',
      'Fakturanummer 1',
      'Fakturadatum 2022-02-01',
      'Förfallodatum 2022-03-03',
      // The seller: name, address, organisation number, F-skatt.
      'Sambruk',
      'Exempelgatan 1',
      '111 22 Stockholm',
      'Org.nr 802400-0005',
      'Godkänd för F-skatt',
      // The buyer.
      'Stockholms kommun',
      'Box 1',
      '105 35 Stockholm',
      'Org.nr 212000-0142',
      'Kundnummer 1001',
      'Er referens ABC123',
      // What was sold and when.
      'Medlemsavgift 2022',
      'Period 2022-01-01 – 2022-12-31',
      // Net per rate, the rate, the VAT; why none.
      '0 % (utanför momsen) 80 000 kr 0 kr',
      'Summa exkl. moms 80 000 kr',
      'Summa moms 0 kr',
      'Att betala 80 000 kr',
      'Moms tas inte ut: Medlemsavgift utanför mervärdesskattens tillämpningsområde.',
      'Avgifter utanför momsen faktureras på en egen faktura',
      // Payment.
      'Bankgiro 991-2346',
      'IBAN SE45 5000 0000 0583 9825 7466',
      'BIC ESSESESS',
      'Dröjsmålsränta enligt räntelagen.',
      '30 dagar netto',
      'Sida 1 av 1',
    ];
    for (const statement of required) expect(text, statement).toContain(statement);
    // BR-O-02: an invoice outside VAT does not carry the seller's VAT number.
    expect(text).not.toContain('Momsreg.nr');
    expect(text).not.toContain('Kreditfaktura');
  });

  it('prints the invoice’s own OCR reference, valid, in the facts and on the payment slip', () => {
    for (const invoice of [sampleInvoice, sampleServiceInvoice, sampleLongInvoice]) {
      const text = textOf(invoicePdf(invoice, sampleSettings));
      // Every long run of digits on the page is the OCR reference (the IBAN is printed in groups of four).
      const printed = [...text.matchAll(/\b\d{10,25}\b/g)].map((m) => m[0]);
      expect(printed).toHaveLength(2);
      expect(new Set(printed)).toEqual(new Set([invoice.ocr]));
      expect(text).toContain(`OCR-nummer ${invoice.ocr}`);
      expect(isValidOcr(printed[0]!)).toBe(true);
    }
  });

  it('an invoice with VAT states the VAT number, net and VAT per rate and the total, from invoiceTotals', () => {
    const text = textOf(invoicePdf(sampleServiceInvoice, realSettings));
    const totals = invoiceTotals(sampleServiceInvoice.lines);
    expect(totals).toMatchObject({ netOre: 4_666_700, vatOre: 1_166_675, totalOre: 5_833_375 });
    for (const statement of [
      'Momsreg.nr SE802400000501',
      'Göteborgs Stad',
      '404 82 Göteborg',
      'Er referens REF-77',
      'EGIL 2022 1 45 000 25 % 45 000',
      'Bibblix 2022 1 1 667 25 % 1 667',
      'Avrundat till hela kronor från 1 666,67 kr',
      `25 % ${kr(totals.netOre)} ${kr(totals.vatOre)}`,
      '25 % 46 667 kr 11 666,75 kr',
      'Summa exkl. moms 46 667 kr',
      'Summa moms 11 666,75 kr',
      'Att betala 58 333,75 kr',
    ]) {
      expect(text, statement).toContain(statement);
    }
    expect(text).not.toContain('Moms tas inte ut');
    expect(text).not.toContain('EXEMPEL');
  });

  it('a credit note says so, refers to the credited invoice’s number and date, and shows the amounts as credited', () => {
    const text = textOf(invoicePdf(sampleCreditNote, sampleSettings, { credited: sampleServiceInvoice }));
    for (const statement of [
      'Kreditfaktura',
      'Kreditfakturanr 3',
      'Datum 2022-03-10',
      'Krediterar faktura 2 av 2022-02-01',
      'Denna kreditfaktura krediterar faktura 2 daterad 2022-02-01.',
      'Bibblix 2022 1 -1 667 25 % -1 667',
      '25 % -1 667 kr -416,75 kr',
      'Totalt krediterat -2 083,75 kr',
      'Kreditfakturan ska inte betalas.',
      'Momsreg.nr SE802400000501',
      'Godkänd för F-skatt',
      'Kundnummer 1002',
    ]) {
      expect(text, statement).toContain(statement);
    }
    expect(text).not.toContain('Att betala');
  });

  it('example data carries the example mark on every page; real details do not', () => {
    const pages = pagesOf(invoicePdf(sampleLongInvoice, sampleSettings));
    for (const page of pages) expect(page).toContain(EXAMPLE_MARK);
    expect(textOf(invoicePdf(sampleInvoice, realSettings))).not.toContain('EXEMPEL');
    expect(textOf(reminderPdf(sampleInvoice, [], sampleSettings, '2022-04-15'))).toContain(EXAMPLE_MARK);
  });

  it('a long invoice flows onto a second page, repeats the table header and numbers its pages', () => {
    const pages = pagesOf(invoicePdf(sampleLongInvoice, sampleSettings));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Sida 1 av 2');
    expect(pages[1]).toContain('Sida 2 av 2');
    expect(pages[1]).toContain('Faktura 4, fortsättning');
    expect(pages[1]).toContain('Beskrivning Antal À-pris Moms Belopp, kr');
    // Every line is printed once, none lost at the page break; the totals come after the last line.
    const all = pages.join('\n');
    for (const line of sampleLongInvoice.lines) {
      const first = line.description.split(' – ')[0]!;
      expect(all.match(new RegExp(`${first}(?!\\d)`, 'g')), first).toHaveLength(1);
    }
    expect(all).toContain('förvaltning och support för regionens kommuner');
    expect(all).toContain('inklusive utbildning av handläggare');
    expect(pages[1]).toContain(`Att betala ${kr(invoiceTotals(sampleLongInvoice.lines).totalOre)}`);
    // The total to pay and the payment slip stay together.
    expect(pages[1]).toContain('Bankgiro 991-2346');
    expect(all).toContain('Region Östergötland');
    expect(all).toContain('Åsa Öberg');
  });

  it('moves the total to a page of its own with the payment slip rather than part them', () => {
    const more = { ...sampleLongInvoice, lines: [...sampleLongInvoice.lines, ...sampleLongInvoice.lines.slice(0, 4).map((line) => ({ ...line, id: `${line.id}-extra` }))] };
    const pages = pagesOf(invoicePdf(more, sampleSettings));
    expect(pages).toHaveLength(3);
    expect(pages[1]).not.toContain('Att betala');
    expect(pages[2]).toContain(`Att betala ${kr(invoiceTotals(more.lines).totalOre)}`);
    expect(pages[2]).toContain('OCR-nummer');
    expect(pages[2]).toContain('Sida 3 av 3');
  });

  it('a run puts every invoice on pages of its own, each numbering its own pages', () => {
    const pages = pagesOf(runPdf([sampleInvoice, sampleServiceInvoice, sampleLongInvoice, sampleCreditNote], sampleSettings));
    expect(pages).toHaveLength(5);
    expect(pages[0]).toMatch(/Fakturanummer 1\b/);
    expect(pages[0]).toContain('Sida 1 av 1');
    expect(pages[1]).toMatch(/Fakturanummer 2\b/);
    expect(pages[2]).toMatch(/Fakturanummer 4\b/);
    expect(pages[2]).toContain('Sida 1 av 2');
    expect(pages[3]).toContain('Sida 2 av 2');
    // The credit note finds the invoice it credits among the run's.
    expect(pages[4]).toContain('Krediterar faktura 2 av 2022-02-01');
    expect(pages[4]).toContain('Sida 1 av 1');
  });

  it('a reminder states the original invoice, its dates and amount, what was paid, what remains, how late, and how to pay', () => {
    const text = textOf(reminderPdf(sampleInvoice, samplePayments.slice(0, 1), sampleSettings, '2022-04-15'));
    for (const statement of [
      'Påminnelse',
      'Datum 2022-04-15',
      'Avser faktura 1',
      'Fakturadatum 2022-02-01',
      'Förfallodatum 2022-03-03',
      'Försenad 43 dagar',
      'Kundnummer 1001',
      'OCR-nummer 100100000122',
      'Fakturabelopp, faktura 1 80 000 kr',
      'Betalt hittills 50 000 kr',
      'varav betalt 2022-02-20 50 000 kr',
      'Kvar att betala 30 000 kr',
      'Bankgiro 991-2346',
      'IBAN SE45 5000 0000 0583 9825 7466',
      'Dröjsmålsränta enligt räntelagen.',
      'Stockholms kommun',
      'Sida 1 av 1',
    ]) {
      expect(text, statement).toContain(statement);
    }
    expect(new Set([...text.matchAll(/\b\d{10,25}\b/g)].map((m) => m[0]))).toEqual(new Set([sampleInvoice.ocr]));
  });

  it('a second reminder says it is the second', () => {
    const reminded = { ...sampleInvoice, reminders: ['2022-03-20'] };
    expect(textOf(reminderPdf(reminded, [], sampleSettings, '2022-04-15'))).toContain('Påminnelse nr 2');
    expect(textOf(reminderPdf(sampleInvoice, [], sampleSettings, '2022-04-15'))).not.toContain('Påminnelse nr');
  });

  it('a reminder subtracts a credit note and says which, with one day overdue in the singular', () => {
    const text = textOf(reminderPdf(sampleServiceInvoice, [], realSettings, '2022-03-11', { creditNotes: [sampleCreditNote] }));
    expect(text).toContain('Krediterat, kreditfaktura 3 av 2022-03-10 2 083,75 kr');
    expect(text).toContain(`Kvar att betala ${kr(5_833_375 - 208_375)}`);
    expect(text).toContain('Kvar att betala 56 250 kr');
    expect(text).toContain('(8 dagar sedan)');
    const oneDay = textOf(reminderPdf(sampleServiceInvoice, [], realSettings, '2022-03-04'));
    expect(oneDay).toContain('Försenad 1 dag');
  });
});
