/**
 * The SIE 4I file (the import variant of SIE 4: vouchers, no balances) every Swedish bookkeeping program reads, for
 * the accountant to book the association's invoicing: one voucher per issued invoice, per credit note and per
 * payment, in the settings' voucher series under the numbers given when each was issued or recorded.
 *
 * - An invoice debits the receivable with its total and credits each income account (per cost centre, as dimension
 *   1 «Kostnadsställe») with its net and the output VAT account with its VAT, all from `invoiceTotals`; a credit note
 *   books the same the other way (`bookSign`); a payment debits the bank and credits the receivable.
 * - Only events dated within the year are written (`#RAR 0` is that year): the file is the year's bookkeeping.
 *   Drafts are not business events and are never written.
 * - The file is IBM PC 8-bit (CP437, `#FORMAT PC8`) with CR LF line ends; characters CP437 lacks become `?`.
 */
import type { Article, Invoice, InvoiceSettings, Payment } from '../../contract/model/invoicing';
import { AppError } from '../../contract/result';
import { firstDayOfYear, isCalendarDate, lastDayOfYear, type IsoDate } from '../../contract/rules/calendar-date';
import { bookSign, invoiceTotals } from '../domain/invoice-math';
import { compareSv } from '../domain/swedish';
import { decimalAmount } from './decimal-amount';

export type SieInput = {
  /** The app's version, for `#PROGRAM`. */
  programVersion: string;
  /** The day the file is made (`#GEN`). */
  generated: IsoDate;
  /** The calendar year the file books (`#RAR 0`). */
  year: number;
  settings: InvoiceSettings;
  /** Issued invoices and credit notes (drafts are left out); a credit note's invoice should be among them. */
  invoices: readonly Invoice[];
  payments: readonly Payment[];
  /** For the income accounts' and cost centres' names. */
  articles: readonly Article[];
};

// ---------------------------------------------------------------- CP437

/** CP437's upper half, 0x80–0xFF, in order. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00A0';

const TO_CP437 = new Map<string, number>([...CP437_HIGH].map((char, index) => [char, 0x80 + index]));

/**
 * Text as CP437 bytes: printable ASCII, tab, CR and LF as themselves, every other character CP437 has at its code,
 * anything else (and other control characters) as `?`. The text is NFC-normalised first, so a decomposed «å» is one
 * character.
 */
export function encodeCp437(text: string): Uint8Array {
  const chars = [...text.normalize('NFC')];
  const bytes = new Uint8Array(chars.length);
  chars.forEach((char, index) => {
    const code = char.codePointAt(0)!;
    if ((code >= 0x20 && code < 0x7f) || code === 0x09 || code === 0x0a || code === 0x0d) bytes[index] = code;
    else bytes[index] = TO_CP437.get(char) ?? 0x3f;
  });
  return bytes;
}

// ---------------------------------------------------------------- records

/** A quoted SIE field: `"` and `\` escaped with a backslash; line breaks and tabs become spaces (a record is a line). */
export function sieQuote(text: string): string {
  return `"${text.replace(/[\r\n\t]+/gu, ' ').replace(/\\/gu, '\\\\').replace(/"/gu, '\\"')}"`;
}

/** A field as a bare token when it is one (letters and digits), else quoted. */
function sieField(text: string): string {
  return /^[A-Za-z0-9]+$/u.test(text) ? text : sieQuote(text);
}

function sieDate(date: IsoDate): string {
  return date.replaceAll('-', '');
}

type Trans = { account: string; costCentre?: string | undefined; ore: number };
type Voucher = { number: number; date: IsoDate; text: string; trans: Trans[] };

/** Adds `ore` to the row for the account and cost centre, keeping first-seen order. */
function addTrans(rows: Trans[], account: string, costCentre: string | undefined, ore: number): void {
  const found = rows.find((row) => row.account === account && row.costCentre === costCentre);
  if (found) found.ore += ore;
  else rows.push({ account, costCentre, ore });
}

function invoiceVoucher(invoice: Invoice, settings: InvoiceSettings, byId: ReadonlyMap<string, Invoice>): Voucher {
  const sign = bookSign(invoice);
  const totals = invoiceTotals(invoice.lines);
  const trans: Trans[] = [{ account: settings.receivableAccount, ore: sign * totals.totalOre }];
  for (const line of invoice.lines) addTrans(trans, line.incomeAccount, line.costCentre?.trim() || undefined, -sign * line.netOre);
  if (totals.vatOre !== 0) trans.push({ account: settings.outputVatAccount, ore: -sign * totals.vatOre });
  const buyer = invoice.buyer?.name ?? '';
  const credited = invoice.creditOfInvoiceId ? byId.get(invoice.creditOfInvoiceId)?.number : undefined;
  const text =
    invoice.kind === 'credit-note'
      ? `Kreditfaktura ${invoice.number ?? ''}${credited ? ` (krediterar faktura ${credited})` : ''} ${buyer}`
      : `Faktura ${invoice.number ?? ''} ${buyer}`;
  // Rows of 0 kr stay, so that even an invoice of 0 kr keeps its number in the unbroken voucher series.
  return { number: invoice.voucherNumber!, date: invoice.issueDate!, text: text.trim(), trans };
}

function paymentVoucher(payment: Payment, settings: InvoiceSettings, byId: ReadonlyMap<string, Invoice>): Voucher {
  const invoice = byId.get(payment.invoiceId);
  const what = invoice?.kind === 'credit-note' ? 'kreditfaktura' : 'faktura';
  const note = payment.note?.trim() ? ` (${payment.note.trim()})` : '';
  const text = `Betalning ${what} ${invoice?.number ?? ''} ${invoice?.buyer?.name ?? ''}${note}`.replace(/\s+/gu, ' ').trim();
  return {
    number: payment.voucherNumber!,
    date: payment.date,
    text,
    trans: [
      { account: settings.bankAccount, ore: payment.amountOre },
      { account: settings.receivableAccount, ore: -payment.amountOre },
    ],
  };
}

/** Names of the income accounts (from the articles that use them) and of the settings' own accounts. */
function accountNames(input: SieInput, used: ReadonlySet<string>, vatRates: ReadonlySet<number>): Map<string, string> {
  const { settings } = input;
  const names = new Map<string, string>();
  const byAccount = new Map<string, string[]>();
  for (const article of input.articles) byAccount.set(article.incomeAccount, [...(byAccount.get(article.incomeAccount) ?? []), article.name]);
  for (const [account, articleNames] of byAccount) names.set(account, [...new Set(articleNames)].sort(compareSv).join(', '));
  names.set(settings.receivableAccount, 'Kundfordringar');
  names.set(settings.bankAccount, 'Företagskonto/bank');
  names.set(settings.outputVatAccount, vatRates.size === 1 && vatRates.has(25) ? 'Utgående moms 25 %' : 'Utgående moms');
  return new Map([...used].sort().map((account) => [account, names.get(account) ?? 'Intäkter']));
}

/** The year's vouchers, checked: numbered, dated, unique and balanced. */
function vouchersOf(input: SieInput): Voucher[] {
  const { settings } = input;
  const from = firstDayOfYear(input.year);
  const to = lastDayOfYear(input.year);
  const inYear = (date: IsoDate | undefined) => date !== undefined && date >= from && date <= to;
  const byId = new Map(input.invoices.map((invoice) => [invoice.id, invoice]));
  const issued = input.invoices.filter((invoice) => invoice.status === 'issued');
  const problems: string[] = [];
  for (const invoice of issued) {
    const name = `${invoice.kind === 'credit-note' ? 'Kreditfaktura' : 'Faktura'} ${invoice.number ?? invoice.id}`;
    if (!invoice.issueDate || !isCalendarDate(invoice.issueDate)) problems.push(`${name} saknar fakturadatum.`);
    if (invoice.voucherNumber === undefined) problems.push(`${name} saknar verifikationsnummer.`);
  }
  for (const payment of input.payments) {
    if (payment.voucherNumber === undefined && inYear(payment.date)) problems.push(`Betalningen ${payment.date} av ${decimalAmount(payment.amountOre)} kr saknar verifikationsnummer.`);
    if (!byId.has(payment.invoiceId)) problems.push(`Betalningen ${payment.date} av ${decimalAmount(payment.amountOre)} kr hör till en faktura som inte finns.`);
  }
  if (problems.length > 0) throw new AppError('conflict', `SIE-filen kan inte skapas: ${problems.join(' ')}`, { problems });

  const vouchers = [
    ...issued.filter((invoice) => inYear(invoice.issueDate)).map((invoice) => invoiceVoucher(invoice, settings, byId)),
    ...input.payments.filter((payment) => inYear(payment.date)).map((payment) => paymentVoucher(payment, settings, byId)),
  ].sort((a, b) => a.number - b.number);
  const seen = new Set<number>();
  for (const voucher of vouchers) {
    if (seen.has(voucher.number)) problems.push(`Verifikationsnummer ${settings.voucherSeries} ${voucher.number} används två gånger.`);
    seen.add(voucher.number);
    // Cannot happen with totals from invoiceTotals; a file that does not balance must never reach the books.
    if (voucher.trans.reduce((sum, t) => sum + t.ore, 0) !== 0) problems.push(`Verifikation ${settings.voucherSeries} ${voucher.number} balanserar inte.`);
  }
  if (problems.length > 0) throw new AppError('conflict', `SIE-filen kan inte skapas: ${problems.join(' ')}`, { problems });
  return vouchers;
}

/** The SIE 4I text (before encoding), lines joined with CR LF. */
export function sieText(input: SieInput): string {
  const { settings } = input;
  const vouchers = vouchersOf(input);
  const used = new Set(vouchers.flatMap((v) => v.trans.map((t) => t.account)));
  const vatRates = new Set(input.invoices.flatMap((invoice) => invoice.lines.filter((line) => line.vat.category === 'S').map((line) => line.vat.ratePercent)));
  const costCentres = [...new Set(vouchers.flatMap((v) => v.trans.flatMap((t) => (t.costCentre ? [t.costCentre] : []))))].sort(compareSv);
  const centreNames = new Map<string, string[]>();
  for (const article of input.articles) {
    const centre = article.costCentre?.trim();
    if (centre) centreNames.set(centre, [...(centreNames.get(centre) ?? []), article.name]);
  }
  const series = settings.voucherSeries || 'F';

  const lines = [
    '#FLAGGA 0',
    `#PROGRAM ${sieQuote('Sambruk Kansli')} ${sieQuote(input.programVersion)}`,
    '#FORMAT PC8',
    `#GEN ${sieDate(input.generated)}`,
    '#SIETYP 4',
    `#ORGNR ${settings.orgNumber.replace(/\s/gu, '')}`,
    `#FNAMN ${sieQuote(settings.name)}`,
    `#RAR 0 ${sieDate(firstDayOfYear(input.year))} ${sieDate(lastDayOfYear(input.year))}`,
    ...[...accountNames(input, used, vatRates)].map(([account, name]) => `#KONTO ${account} ${sieQuote(name)}`),
    ...(costCentres.length > 0 ? [`#DIM 1 ${sieQuote('Kostnadsställe')}`] : []),
    ...costCentres.map((centre) => `#OBJEKT 1 ${sieQuote(centre)} ${sieQuote([...new Set(centreNames.get(centre) ?? [centre])].sort(compareSv).join(', '))}`),
  ];
  for (const voucher of vouchers) {
    lines.push(`#VER ${sieField(series)} ${voucher.number} ${sieDate(voucher.date)} ${sieQuote(voucher.text)}`, '{');
    for (const t of voucher.trans) lines.push(`   #TRANS ${t.account} {${t.costCentre ? `1 ${sieQuote(t.costCentre)}` : ''}} ${decimalAmount(t.ore)}`);
    lines.push('}');
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The SIE 4I file as CP437 bytes, ready to write. */
export function sieFile(input: SieInput): Uint8Array {
  return encodeCp437(sieText(input));
}
