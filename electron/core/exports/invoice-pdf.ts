/**
 * The invoice, the run and the reminder (påminnelse) as PDF (issue 17, points 5 and 6): A4, in Swedish, stating all
 * mervärdesskattelagen ch. 17 asks of an invoice. Pure code over jsPDF, so the worker, the web entry and the command
 * line make the same bytes; the same input always gives the same bytes (dates and file id come from the input).
 *
 * What an issued invoice states is read from the invoice itself (its seller and buyer snapshots, lines, dates, OCR),
 * never from the register as it is now; only what the model does not copy onto the invoice (F-skatt, bank details,
 * late interest, whether the details are examples) comes from the settings. Every figure comes from `invoiceTotals`.
 */
import { jsPDF } from 'jspdf';
import { AppError } from '../../contract/result';
import type { Invoice, InvoiceLine, InvoiceSettings, PartySnapshot, Payment, PostalAddress, VatCategory } from '../../contract/model/invoicing';
import { daysBetween } from '../../contract/rules/calendar-date';
import { formatOre } from '../domain/amounts';
import { bookSign, invoiceTotals, type InvoiceTotals, type VatBreakdown } from '../domain/invoice-math';
import { countOf } from '../domain/swedish';

export type InvoicePdfOptions = {
  /** For a credit note: the invoice it corrects, whose number and date it must state. */
  credited?: Pick<Invoice, 'id' | 'number' | 'issueDate'> | undefined;
};

export type RunPdfOptions = {
  /** Invoices that credit notes among `invoices` correct, when they are not in `invoices` themselves. */
  credited?: readonly Pick<Invoice, 'id' | 'number' | 'issueDate'>[];
};

export type ReminderPdfOptions = {
  /** Issued credit notes; those that correct this invoice lower what remains to pay. */
  creditNotes?: readonly Invoice[];
};

/** The mark on every page made from the default data's invented details. */
export const EXAMPLE_MARK = 'EXEMPEL – inte en riktig faktura';

// ---------------------------------------------------------------- text jsPDF's standard fonts can print

// jsPDF's standard Helvetica is WinAnsi-encoded: one character outside that set turns the whole string into
// unreadable glyphs, so every string is brought into it before it is drawn.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const SPACES = /[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const HYPHENS = /[\u2010\u2011\u2212]/g;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const NO_DECOMPOSITION: Readonly<Record<string, string>> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i', ħ: 'h', Ħ: 'H', ŋ: 'n', Ŋ: 'N' };

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

/**
 * `text` in characters the PDF's font can print: the app's narrow and ordinary no-break spaces (and other spaces)
 * become a plain space, the minus sign and non-breaking hyphens a hyphen-minus, invisible characters go, and a
 * letter outside the font's set loses its accent (`ő` → `o`); anything else becomes `?`. Line breaks are kept.
 */
export function pdfText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC').replace(SPACES, ' ').replace(HYPHENS, '-').replace(INVISIBLE, '')) {
    if (char === '\n' || isWinAnsi(char)) out += char;
    else if (NO_DECOMPOSITION[char] !== undefined) out += NO_DECOMPOSITION[char];
    else {
      const base = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += base !== '' && [...base].every(isWinAnsi) ? base : '?';
    }
  }
  return out;
}

// ---------------------------------------------------------------- formats

const money = (ore: number): string => pdfText(formatOre(ore));
const figure = (ore: number): string => pdfText(formatOre(ore, { unit: false }));
const quantityFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 3 });
const days = { one: 'dag', other: 'dagar' };

function ratePercentText(ratePercent: number): string {
  return `${pdfText(quantityFormat.format(ratePercent))} %`;
}

/** `SE45 5000 0000 …`: an IBAN in groups of four, as printed on paper. */
function groupedIban(iban: string): string {
  return iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

function addressLines(address: PostalAddress): string[] {
  const lines = [address.street, address.street2 ?? '', `${address.postalCode} ${address.city}`.trim()];
  if (address.countryCode !== 'SE') lines.push(address.countryCode);
  return lines.filter((line) => line.trim() !== '');
}

/** What a VAT category without VAT is called when the line gives no reason of its own. */
const NO_VAT_WORDING: Readonly<Record<Exclude<VatCategory, 'S'>, string>> = {
  O: 'Utanför mervärdesskattens tillämpningsområde',
  E: 'Undantaget från skatteplikt enligt mervärdesskattelagen',
};

function vatColumnText(category: VatCategory, ratePercent: number): string {
  return category === 'S' ? ratePercentText(ratePercent) : 'Ej moms';
}

function exemptionText(row: Pick<VatBreakdown, 'category' | 'exemptionReason'>): string {
  return row.category === 'S' ? '' : (row.exemptionReason ?? NO_VAT_WORDING[row.category]);
}

/** A PDF date (`D:YYYYMMDDHHmmSS+00'00'`) from a timestamp or calendar date of the input, never the clock. */
function pdfDate(stamp: string): string {
  const digits = stamp.replace(/\D/g, '').padEnd(14, '0').slice(0, 14);
  // jsPDF accepts the years 1970–2037 only; a later one is stated as the last it takes.
  const year = Math.min(2037, Math.max(1970, Number(digits.slice(0, 4))));
  return `D:${year}${digits.slice(4)}+00'00'`;
}

/** A 32-hex-digit file id from the input, so the same input gives the same bytes (jsPDF would pick it at random). */
function fileIdOf(key: string): string {
  let hex = '';
  for (const seed of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]) {
    let hash = seed >>> 0;
    for (let i = 0; i < key.length; i += 1) {
      hash ^= key.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hex += hash.toString(16).padStart(8, '0');
  }
  return hex.toUpperCase();
}

// ---------------------------------------------------------------- page geometry (millimetres) and drawing

const LEFT = 20;
const RIGHT = 190;
const WIDTH = RIGHT - LEFT;
const BODY_TOP_CONTINUED = 42;
const BODY_BOTTOM = 262;
const FOOTER_LINE = 268;
const PT = 25.4 / 72;

type Rgb = readonly [number, number, number];
const INK: Rgb = [20, 20, 20];
const GREY: Rgb = [95, 95, 95];
const RULE: Rgb = [170, 170, 170];
const EXAMPLE_INK: Rgb = [150, 20, 20];
const EXAMPLE_FILL: Rgb = [253, 226, 226];

type Style = { size?: number; bold?: boolean; color?: Rgb; align?: 'left' | 'right' | 'center' };

/** Line height in millimetres for a font size in points. */
const lineHeight = (size: number): number => size * PT * 1.3;

/** One document (an invoice, credit note or reminder) inside a PDF, with the cursor and what each page repeats. */
type Sheet = {
  doc: jsPDF;
  settings: InvoiceSettings;
  seller: PartySnapshot;
  /** Whether the seller's VAT number belongs on it (VAT is charged or the supply is exempt). */
  showVatNumber: boolean;
  /** «Faktura 1» for the heads of later pages. */
  heading: string;
  firstPage: number;
  y: number;
  /** Redrawn at the top of the body on a new page (a table's header row). */
  repeat?: (() => void) | undefined;
};

function setStyle(doc: jsPDF, style: Style): void {
  doc.setFont('helvetica', style.bold ? 'bold' : 'normal');
  doc.setFontSize(style.size ?? 9);
  const [r, g, b] = style.color ?? INK;
  doc.setTextColor(r, g, b);
}

function draw(doc: jsPDF, text: string, x: number, y: number, style: Style = {}): void {
  setStyle(doc, style);
  doc.text(pdfText(text), x, y, { align: style.align ?? 'left' });
}

/** `text` broken into lines no wider than `width` in the given style. */
function wrap(doc: jsPDF, text: string, width: number, style: Style = {}): string[] {
  setStyle(doc, style);
  return pdfText(text)
    .split('\n')
    .flatMap((paragraph) => (paragraph.trim() === '' ? [''] : (doc.splitTextToSize(paragraph, width) as string[])));
}

function rule(doc: jsPDF, y: number, from = LEFT, to = RIGHT, color: Rgb = RULE): void {
  doc.setDrawColor(color[0], color[1], color[2]);
  doc.setLineWidth(0.25);
  doc.line(from, y, to, y);
}

function exampleBanner(sheet: Sheet): void {
  if (!sheet.settings.example) return;
  const { doc } = sheet;
  doc.setFillColor(EXAMPLE_FILL[0], EXAMPLE_FILL[1], EXAMPLE_FILL[2]);
  doc.rect(LEFT, 7, WIDTH, 8, 'F');
  draw(doc, `${EXAMPLE_MARK} – exempeluppgifter, betala inte`, LEFT + WIDTH / 2, 12.5, { size: 10, bold: true, color: EXAMPLE_INK, align: 'center' });
}

/** A new page for the same document: banner, a short head, and the repeated table header if inside a table. */
function newPage(sheet: Sheet): void {
  sheet.doc.addPage('a4', 'portrait');
  exampleBanner(sheet);
  draw(sheet.doc, sheet.seller.name, LEFT, 26, { size: 11, bold: true });
  draw(sheet.doc, `${sheet.heading}, fortsättning`, RIGHT, 26, { size: 11, bold: true, align: 'right' });
  rule(sheet.doc, 30);
  sheet.y = BODY_TOP_CONTINUED;
  sheet.repeat?.();
}

/** Makes room for `height` millimetres, going on to a new page when the body has less left. */
function ensure(sheet: Sheet, height: number): void {
  if (sheet.y + height > BODY_BOTTOM) newPage(sheet);
}

/** Paragraphs across the full width, flowing to new pages as needed. */
function paragraphs(sheet: Sheet, text: string, style: Style = {}): void {
  const size = style.size ?? 9;
  for (const line of wrap(sheet.doc, text, WIDTH, style)) {
    ensure(sheet, lineHeight(size));
    draw(sheet.doc, line, LEFT, sheet.y, style);
    sheet.y += lineHeight(size);
  }
}

// ---------------------------------------------------------------- the parts of a page

type Fact = readonly [label: string, value: string];

/**
 * The first page's head: the seller and the title, the buyer where a window envelope shows it, and the document's
 * facts (number, dates, customer number, reference, OCR) on the right.
 */
function head(sheet: Sheet, title: string, buyer: PartySnapshot, facts: readonly Fact[]): void {
  const { doc, seller } = sheet;
  exampleBanner(sheet);
  draw(doc, seller.name, LEFT, 26, { size: 15, bold: true });
  let y = 31.5;
  for (const line of addressLines(seller.address)) {
    draw(doc, line, LEFT, y, { size: 8.5, color: GREY });
    y += lineHeight(8.5);
  }
  draw(doc, title, RIGHT, 26, { size: 20, bold: true, align: 'right' });

  let factY = 36;
  for (const [label, value] of facts) {
    draw(doc, label, 120, factY, { size: 8.5, color: GREY });
    const lines = wrap(doc, value, RIGHT - 153, { size: 9, bold: true });
    for (const line of lines) {
      draw(doc, line, 153, factY, { size: 9, bold: true });
      factY += lineHeight(9);
    }
    factY += 0.6;
  }

  let buyerY = 52;
  draw(doc, 'Köpare', LEFT, buyerY, { size: 8.5, color: GREY });
  buyerY += lineHeight(11);
  for (const line of wrap(doc, buyer.name, 90, { size: 11, bold: true })) {
    draw(doc, line, LEFT, buyerY, { size: 11, bold: true });
    buyerY += lineHeight(11);
  }
  for (const line of addressLines(buyer.address)) {
    draw(doc, line, LEFT, buyerY, { size: 10 });
    buyerY += lineHeight(10);
  }
  if (buyer.orgNumber) {
    buyerY += 1;
    draw(doc, `Org.nr ${buyer.orgNumber}`, LEFT, buyerY, { size: 9 });
    buyerY += lineHeight(9);
  }
  if (buyer.vatNumber) {
    draw(doc, `Momsreg.nr ${buyer.vatNumber}`, LEFT, buyerY, { size: 9 });
    buyerY += lineHeight(9);
  }
  sheet.y = Math.max(factY, buyerY) + 8;
}

// Columns of the line table: description on the left, figures right-aligned at these edges.
const COL_QUANTITY = 124;
const COL_PRICE = 148;
const COL_VAT = 166;
const COL_AMOUNT = RIGHT;
const DESCRIPTION_WIDTH = 92;

function lineTableHeader(sheet: Sheet): void {
  const { doc } = sheet;
  const style: Style = { size: 8.5, bold: true, color: GREY };
  draw(doc, 'Beskrivning', LEFT, sheet.y, style);
  draw(doc, 'Antal', COL_QUANTITY, sheet.y, { ...style, align: 'right' });
  draw(doc, 'À-pris', COL_PRICE, sheet.y, { ...style, align: 'right' });
  draw(doc, 'Moms', COL_VAT, sheet.y, { ...style, align: 'right' });
  draw(doc, 'Belopp, kr', COL_AMOUNT, sheet.y, { ...style, align: 'right' });
  rule(doc, sheet.y + 1.8, LEFT, RIGHT, GREY);
  sheet.y += 6.5;
}

function periodText(line: InvoiceLine): string | undefined {
  if (line.periodStart && line.periodEnd) return `Period ${line.periodStart} – ${line.periodEnd}`;
  if (line.periodStart) return `Från ${line.periodStart}`;
  if (line.periodEnd) return `Till ${line.periodEnd}`;
  return undefined;
}

/** The lines, what was sold and for which period, flowing to new pages with the header row repeated. */
function lineTable(sheet: Sheet, lines: readonly InvoiceLine[], sign: 1 | -1): void {
  const { doc } = sheet;
  ensure(sheet, 20);
  lineTableHeader(sheet);
  sheet.repeat = () => lineTableHeader(sheet);
  for (const line of lines) {
    const description = wrap(doc, line.description, DESCRIPTION_WIDTH, { size: 9.5 });
    const details: string[] = [];
    const period = periodText(line);
    if (period) details.push(period);
    if (line.exactOre !== undefined && line.exactOre !== line.netOre) details.push(`Avrundat till hela kronor från ${money(sign * line.exactOre)}`);
    const detailLines = details.flatMap((detail) => wrap(doc, detail, DESCRIPTION_WIDTH, { size: 8 }));
    const height = description.length * lineHeight(9.5) + detailLines.length * lineHeight(8) + 2.5;
    ensure(sheet, height);
    draw(doc, quantityFormat.format(line.quantity), COL_QUANTITY, sheet.y, { size: 9.5, align: 'right' });
    draw(doc, figure(sign * line.unitPriceOre), COL_PRICE, sheet.y, { size: 9.5, align: 'right' });
    draw(doc, vatColumnText(line.vat.category, line.vat.ratePercent), COL_VAT, sheet.y, { size: 9.5, align: 'right' });
    draw(doc, figure(sign * line.netOre), COL_AMOUNT, sheet.y, { size: 9.5, align: 'right' });
    for (const text of description) {
      draw(doc, text, LEFT, sheet.y, { size: 9.5 });
      sheet.y += lineHeight(9.5);
    }
    for (const text of detailLines) {
      draw(doc, text, LEFT, sheet.y, { size: 8, color: GREY });
      sheet.y += lineHeight(8);
    }
    rule(doc, sheet.y - 1, LEFT, RIGHT, [225, 225, 225]);
    sheet.y += 2.5;
  }
  sheet.repeat = undefined;
}

/**
 * The VAT specification (net per rate, the rate, the VAT) on the left and the totals on the right; below them why no
 * VAT is charged, for every category without it.
 */
function totalsBlock(sheet: Sheet, totals: InvoiceTotals, sign: 1 | -1, totalLabel: string, keepWith = 0): void {
  const { doc } = sheet;
  const reasons = [...new Set(totals.breakdown.filter((row) => row.category !== 'S').map(exemptionText))];
  const reasonLines = reasons.flatMap((reason) => wrap(doc, `Moms tas inte ut: ${reason}.`, WIDTH, { size: 8.5 }));
  const rows = totals.breakdown.length;
  const height = 8 + Math.max(rows * 5 + 6, 17) + reasonLines.length * lineHeight(8.5) + 4;
  // The total to pay and the payment slip stay on one page.
  ensure(sheet, height + keepWith);
  sheet.y += 3;
  const top = sheet.y;

  // VAT specification.
  const small: Style = { size: 8.5, bold: true, color: GREY };
  draw(doc, 'Momssats', LEFT, top, small);
  draw(doc, 'Underlag', 78, top, { ...small, align: 'right' });
  draw(doc, 'Moms', 106, top, { ...small, align: 'right' });
  rule(doc, top + 1.8, LEFT, 106);
  let y = top + 6;
  for (const row of totals.breakdown) {
    draw(doc, row.category === 'S' ? ratePercentText(row.ratePercent) : `0 % (${row.category === 'O' ? 'utanför momsen' : 'undantaget'})`, LEFT, y, { size: 9 });
    draw(doc, money(sign * row.taxableOre), 78, y, { size: 9, align: 'right' });
    draw(doc, money(sign * row.vatOre), 106, y, { size: 9, align: 'right' });
    y += 5;
  }

  // Totals.
  let ty = top;
  draw(doc, 'Summa exkl. moms', 124, ty, { size: 9 });
  draw(doc, money(sign * totals.netOre), RIGHT, ty, { size: 9, align: 'right' });
  ty += 5;
  draw(doc, 'Summa moms', 124, ty, { size: 9 });
  draw(doc, money(sign * totals.vatOre), RIGHT, ty, { size: 9, align: 'right' });
  ty += 2;
  rule(doc, ty, 124, RIGHT, GREY);
  ty += 5.5;
  draw(doc, totalLabel, 124, ty, { size: 11, bold: true });
  draw(doc, money(sign * totals.totalOre), RIGHT, ty, { size: 11, bold: true, align: 'right' });

  sheet.y = Math.max(y, ty + 4) + 2;
  for (const line of reasonLines) {
    draw(doc, line, LEFT, sheet.y, { size: 8.5 });
    sheet.y += lineHeight(8.5);
  }
  sheet.y += 4;
}

type PaymentFacts = { ocr: string; dueLabel: string; due: string; amountLabel: string; amountOre: number };

/** The box with what the payer needs: bank details, OCR, due date, amount; the late interest below. */
function paymentNotes(sheet: Sheet): string[] {
  const notes = [
    'Ange OCR-numret som referens vid betalning.',
    sheet.settings.lateInterestText,
    sheet.settings.example ? 'Exempeluppgifter: bankgiro och konto är påhittade. Betala inte.' : '',
  ].filter((note) => note.trim() !== '');
  return notes.flatMap((note) => wrap(sheet.doc, note, WIDTH - 8, { size: 8.5 }));
}

/** The height the payment box takes, with the space after it. */
function paymentBoxHeight(sheet: Sheet): number {
  return 30 + paymentNotes(sheet).length * lineHeight(8.5) + 6;
}

function paymentBox(sheet: Sheet, facts: PaymentFacts): void {
  const { doc, settings } = sheet;
  const noteLines = paymentNotes(sheet);
  const height = 30 + noteLines.length * lineHeight(8.5);
  ensure(sheet, height + 2);
  const top = sheet.y;
  doc.setDrawColor(GREY[0], GREY[1], GREY[2]);
  doc.setLineWidth(0.35);
  doc.rect(LEFT, top, WIDTH, height, 'S');

  let y = top + 6;
  draw(doc, 'Betalning', LEFT + 4, y, { size: 10, bold: true });
  y += 5.5;
  const accounts: Fact[] = [];
  if (settings.bankgiro) accounts.push(['Bankgiro', settings.bankgiro]);
  if (settings.iban) accounts.push(['IBAN', groupedIban(settings.iban)]);
  if (settings.bic) accounts.push(['BIC', settings.bic]);
  if (accounts.length === 0) accounts.push(['Konto', 'Betalningsuppgifter saknas']);
  for (const [label, value] of accounts) {
    draw(doc, label, LEFT + 4, y, { size: 8.5, color: GREY });
    draw(doc, value, LEFT + 21, y, { size: 9, bold: true });
    y += 4.6;
  }

  const mid = 95;
  draw(doc, 'OCR-nummer', mid, top + 6, { size: 8.5, color: GREY });
  draw(doc, facts.ocr, mid, top + 12.5, { size: 13, bold: true });
  draw(doc, facts.dueLabel, mid, top + 19, { size: 8.5, color: GREY });
  draw(doc, facts.due, mid, top + 24, { size: 10, bold: true });

  draw(doc, facts.amountLabel, RIGHT - 4, top + 6, { size: 8.5, color: GREY, align: 'right' });
  draw(doc, money(facts.amountOre), RIGHT - 4, top + 12.5, { size: 13, bold: true, align: 'right' });

  y = top + 30;
  for (const line of noteLines) {
    draw(doc, line, LEFT + 4, y - 1.5, { size: 8.5 });
    y += lineHeight(8.5);
  }
  sheet.y = top + height + 6;
}

/** The seller's details at the foot of every page of a document, and «Sida n av m». */
function footers(sheet: Sheet): void {
  const { doc, seller, settings } = sheet;
  const last = doc.getNumberOfPages();
  const count = last - sheet.firstPage + 1;
  const columns: string[][] = [
    [seller.name, ...addressLines(seller.address)],
    [
      seller.orgNumber ? `Org.nr ${seller.orgNumber}` : '',
      sheet.showVatNumber && seller.vatNumber ? `Momsreg.nr ${seller.vatNumber}` : '',
      settings.fSkatt ? 'Godkänd för F-skatt' : '',
    ],
    [
      settings.bankgiro ? `Bankgiro ${settings.bankgiro}` : '',
      seller.email ? `E-post ${seller.email}` : settings.email ? `E-post ${settings.email}` : '',
      settings.phone ? `Telefon ${settings.phone}` : '',
    ],
  ].map((column) => column.filter((line) => line.trim() !== ''));
  for (let page = sheet.firstPage; page <= last; page += 1) {
    doc.setPage(page);
    rule(doc, FOOTER_LINE);
    const xs = [LEFT, 82, 140];
    columns.forEach((column, index) => {
      column.slice(0, 3).forEach((line, row) => draw(doc, line, xs[index]!, FOOTER_LINE + 4.5 + row * 3.6, { size: 7.5, color: GREY }));
    });
    draw(doc, `Sida ${page - sheet.firstPage + 1} av ${count}`, RIGHT, FOOTER_LINE + 4.5 + 3 * 3.6 + 1, { size: 8, align: 'right' });
  }
  doc.setPage(last);
}

// ---------------------------------------------------------------- documents

function refuse(message: string): never {
  throw new AppError('conflict', message);
}

/** What issuing sets on an invoice, with the words a message names them by. */
const ISSUED_FIELDS = { number: 'nummer', issueDate: 'fakturadatum', dueDate: 'förfallodatum', ocr: 'OCR-nummer', seller: 'säljarens uppgifter', buyer: 'köparens uppgifter' } as const;

const swedishList = new Intl.ListFormat('sv-SE', { style: 'long', type: 'conjunction' });

type IssuedInvoice = Invoice & Required<Pick<Invoice, 'number' | 'issueDate' | 'dueDate' | 'ocr' | 'seller' | 'buyer'>>;

function issued(invoice: Invoice): IssuedInvoice {
  const what = invoice.kind === 'credit-note' ? 'Kreditfakturan' : 'Fakturan';
  if (invoice.status !== 'issued') refuse(`${what} är ett utkast: bara utfärdade fakturor skrivs ut som PDF.`);
  // A credit note is not paid: issuing gives it no OCR number, and it prints no due date.
  const required = (Object.keys(ISSUED_FIELDS) as (keyof typeof ISSUED_FIELDS)[]).filter((key) => invoice.kind === 'invoice' || (key !== 'ocr' && key !== 'dueDate'));
  const missing = required.filter((key) => invoice[key] === undefined);
  if (missing.length > 0) refuse(`${what} kan inte skrivas ut: ${swedishList.format(missing.map((key) => ISSUED_FIELDS[key]))} saknas.`);
  return invoice as IssuedInvoice;
}

function newDocument(creationStamp: string, fileKey: string, title: string, author: string): jsPDF {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true });
  doc.setCreationDate(pdfDate(creationStamp));
  doc.setFileId(fileIdOf(fileKey));
  doc.setDocumentProperties({ title: pdfText(title), author: pdfText(author), creator: 'Sambruk Kansli' });
  doc.setLanguage('sv');
  return doc;
}

function sheetFor(doc: jsPDF, invoice: IssuedInvoice, settings: InvoiceSettings, heading: string, totals: InvoiceTotals): Sheet {
  const showVatNumber = totals.breakdown.some((row) => row.category !== 'O');
  return { doc, settings, seller: invoice.seller, showVatNumber, heading, firstPage: doc.getNumberOfPages(), y: 0 };
}

/** Draws one invoice or credit note from the current (fresh) page on. */
function drawInvoice(doc: jsPDF, source: Invoice, settings: InvoiceSettings, options: InvoicePdfOptions): void {
  const invoice = issued(source);
  const totals = invoiceTotals(invoice.lines);
  const credit = invoice.kind === 'credit-note';
  const sign = bookSign(invoice);
  const credited = credit ? options.credited : undefined;
  if (credit && (credited?.number === undefined || credited.issueDate === undefined || credited.id !== invoice.creditOfInvoiceId)) {
    refuse(`Kreditfaktura ${invoice.number}: fakturan den krediterar behövs för att skriva ut den (nummer och datum).`);
  }
  const sheet = sheetFor(doc, invoice, settings, `${credit ? 'Kreditfaktura' : 'Faktura'} ${invoice.number}`, totals);
  const reference = invoice.buyerReference ? [['Er referens', invoice.buyerReference] as const] : [];
  const facts: Fact[] = credit
    ? [
        ['Kreditfakturanr', invoice.number],
        ['Datum', invoice.issueDate],
        ['Krediterar faktura', `${credited!.number} av ${credited!.issueDate}`],
        ['Kundnummer', String(invoice.customerNumber)],
        ...reference,
      ]
    : [
        ['Fakturanummer', invoice.number],
        ['Fakturadatum', invoice.issueDate],
        ['Förfallodatum', invoice.dueDate],
        ['Kundnummer', String(invoice.customerNumber)],
        ...reference,
        ['OCR-nummer', invoice.ocr],
        ['Villkor', `${countOf(daysBetween(invoice.issueDate, invoice.dueDate), days)} netto`],
      ];
  head(sheet, credit ? 'Kreditfaktura' : 'Faktura', invoice.buyer, facts);

  if (credit) {
    paragraphs(sheet, `Denna kreditfaktura krediterar faktura ${credited!.number} daterad ${credited!.issueDate}. Beloppen nedan dras av från den fakturan.`, { size: 9.5 });
    sheet.y += 2;
  }
  if (invoice.note) {
    paragraphs(sheet, invoice.note, { size: 9.5 });
    sheet.y += 2;
  }
  if (totals.breakdown.length > 0 && totals.breakdown.every((row) => row.category === 'O')) {
    paragraphs(sheet, 'Avgifter utanför momsen faktureras på en egen faktura, skild från avgifter med moms, eftersom de enligt reglerna för e-fakturor inte får stå på samma faktura.', { size: 8.5, color: GREY });
    sheet.y += 2;
  }
  sheet.y += 3;
  lineTable(sheet, invoice.lines, sign);
  totalsBlock(sheet, totals, sign, credit ? 'Totalt krediterat' : 'Att betala', credit ? 12 : paymentBoxHeight(sheet));

  if (credit) {
    paragraphs(sheet, `Kreditfakturan ska inte betalas. Beloppet avräknas mot faktura ${credited!.number}, eller betalas tillbaka om den fakturan redan är betald.`, { size: 9.5, bold: true });
    if (settings.example) paragraphs(sheet, 'Exempeluppgifter: detta är ingen riktig kreditfaktura.', { size: 8.5 });
  } else {
    paymentBox(sheet, { ocr: invoice.ocr, dueLabel: 'Förfallodatum', due: invoice.dueDate, amountLabel: 'Att betala', amountOre: totals.totalOre });
  }
  footers(sheet);
}

/** One invoice or credit note as a PDF. A credit note needs `options.credited`, the invoice it corrects. */
export function invoicePdf(invoice: Invoice, settings: InvoiceSettings, options: InvoicePdfOptions = {}): Uint8Array {
  const doc = newDocument(invoice.issuedAt ?? invoice.issueDate ?? '', JSON.stringify(['invoice', invoice, settings, options]), `${invoice.kind === 'credit-note' ? 'Kreditfaktura' : 'Faktura'} ${invoice.number ?? ''}`, invoice.seller?.name ?? settings.name);
  drawInvoice(doc, invoice, settings, options);
  return new Uint8Array(doc.output('arraybuffer'));
}

/** Every invoice of a run in one PDF, each starting on a new page and numbering its own pages. */
export function runPdf(invoices: readonly Invoice[], settings: InvoiceSettings, options: RunPdfOptions = {}): Uint8Array {
  if (invoices.length === 0) refuse('Körningen har inga utfärdade fakturor att skriva ut.');
  const stamps = invoices.map((invoice) => invoice.issuedAt ?? invoice.issueDate ?? '').sort();
  const doc = newDocument(stamps.at(-1) ?? '', JSON.stringify(['run', invoices, settings, options]), 'Fakturor', settings.name);
  const byId = new Map([...(options.credited ?? []), ...invoices].map((invoice) => [invoice.id, invoice]));
  invoices.forEach((invoice, index) => {
    if (index > 0) doc.addPage('a4', 'portrait');
    const credited = invoice.creditOfInvoiceId === undefined ? undefined : byId.get(invoice.creditOfInvoiceId);
    drawInvoice(doc, invoice, settings, { credited });
  });
  return new Uint8Array(doc.output('arraybuffer'));
}

/** What a reminder states: the invoice's total, what was paid and credited by `date`, what remains. */
export type ReminderFigures = { totalOre: number; paidOre: number; creditedOre: number; remainingOre: number; daysOverdue: number };

export function reminderFigures(invoice: Invoice, payments: readonly Payment[], date: string, creditNotes: readonly Invoice[] = []): ReminderFigures {
  const totalOre = invoiceTotals(invoice.lines).totalOre;
  const paidOre = payments.filter((p) => p.invoiceId === invoice.id && p.date <= date).reduce((sum, p) => sum + p.amountOre, 0);
  const creditedOre = creditNotes
    .filter((note) => note.kind === 'credit-note' && note.status === 'issued' && note.creditOfInvoiceId === invoice.id && (note.issueDate ?? '') <= date)
    .reduce((sum, note) => sum + invoiceTotals(note.lines).totalOre, 0);
  return { totalOre, paidOre, creditedOre, remainingOre: totalOre - paidOre - creditedOre, daysOverdue: invoice.dueDate ? daysBetween(invoice.dueDate, date) : 0 };
}

/**
 * A reminder (påminnelse) for an issued invoice on `date`: the original number and dates, the amount, what has been
 * paid (and credited) so far, what remains, how many days overdue, and the same payment details and OCR.
 * Refused for a credit note, before the due date has passed, and when nothing remains to pay.
 */
export function reminderPdf(source: Invoice, payments: readonly Payment[], settings: InvoiceSettings, date: string, options: ReminderPdfOptions = {}): Uint8Array {
  const invoice = issued(source);
  if (invoice.kind === 'credit-note') refuse(`Kreditfaktura ${invoice.number} ska inte betalas: ingen påminnelse skickas för den.`);
  const figures = reminderFigures(invoice, payments, date, options.creditNotes);
  if (figures.daysOverdue <= 0) refuse(`Faktura ${invoice.number} förfaller ${invoice.dueDate}: en påminnelse kan skickas först efter förfallodagen.`);
  if (figures.remainingOre <= 0) refuse(`Faktura ${invoice.number} är betald: ingen påminnelse behövs.`);

  const doc = newDocument(date, JSON.stringify(['reminder', invoice, payments, settings, date, options]), `Påminnelse faktura ${invoice.number}`, invoice.seller.name);
  const totals = invoiceTotals(invoice.lines);
  const sheet = sheetFor(doc, invoice, settings, `Påminnelse faktura ${invoice.number}`, totals);
  const earlier = invoice.reminders.filter((sent) => sent < date).length;
  const reference = invoice.buyerReference ? [['Er referens', invoice.buyerReference] as const] : [];
  head(sheet, 'Påminnelse', invoice.buyer, [
    ['Datum', date],
    ['Avser faktura', invoice.number],
    ['Fakturadatum', invoice.issueDate],
    ['Förfallodatum', invoice.dueDate],
    ['Försenad', countOf(figures.daysOverdue, days)],
    ['Kundnummer', String(invoice.customerNumber)],
    ...reference,
    ['OCR-nummer', invoice.ocr],
    ...(earlier > 0 ? [['Påminnelse nr', String(earlier + 1)] as const] : []),
  ]);

  paragraphs(
    sheet,
    `Vi har inte fått full betalning för faktura ${invoice.number} av ${invoice.issueDate}, som förföll till betalning ${invoice.dueDate} (${countOf(figures.daysOverdue, days)} sedan). Betala det som återstår snarast. Om ni redan har betalat kan ni bortse från denna påminnelse.`,
    { size: 9.5 },
  );
  sheet.y += 6;

  // What was invoiced, paid and credited, and what remains; each payment beneath the sum paid.
  const paid = payments.filter((p) => p.invoiceId === invoice.id && p.date <= date).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const credits = (options.creditNotes ?? []).filter((n) => n.kind === 'credit-note' && n.status === 'issued' && n.creditOfInvoiceId === invoice.id && (n.issueDate ?? '') <= date);
  type Row = { label: string; ore: number; style: Style; indent?: boolean };
  const rows: Row[] = [{ label: `Fakturabelopp, faktura ${invoice.number}`, ore: figures.totalOre, style: { size: 9.5 } }];
  rows.push({ label: 'Betalt hittills', ore: figures.paidOre, style: { size: 9.5 } });
  for (const payment of paid) rows.push({ label: `varav betalt ${payment.date}`, ore: payment.amountOre, style: { size: 8.5, color: GREY }, indent: true });
  for (const note of credits) rows.push({ label: `Krediterat, kreditfaktura ${note.number ?? ''} av ${note.issueDate ?? ''}`, ore: invoiceTotals(note.lines).totalOre, style: { size: 9.5 } });
  ensure(sheet, rows.length * 5.5 + 16);
  for (const row of rows) {
    draw(doc, row.label, row.indent ? LEFT + 5 : LEFT, sheet.y, row.style);
    draw(doc, money(row.ore), row.indent ? 112 : 130, sheet.y, { ...row.style, align: 'right' });
    sheet.y += row.indent ? 4.5 : 5.5;
  }
  rule(doc, sheet.y - 3.3, LEFT, 130, GREY);
  sheet.y += 1.5;
  draw(doc, 'Kvar att betala', LEFT, sheet.y, { size: 11, bold: true });
  draw(doc, money(figures.remainingOre), 130, sheet.y, { size: 11, bold: true, align: 'right' });
  sheet.y += 10;

  paymentBox(sheet, { ocr: invoice.ocr, dueLabel: 'Förföll', due: invoice.dueDate, amountLabel: 'Kvar att betala', amountOre: figures.remainingOre });
  footers(sheet);
  return new Uint8Array(doc.output('arraybuffer'));
}
