/**
 * Fakturering's view-models: which tab the address shows, the invoice list's filters, the draft line editor and
 * the payment form as channel inputs, and where each missing detail is fixed. Pure, so they are tested without a
 * browser (test/renderer/features/fakturering/fakturering.view-model.test.ts).
 */
import type { ChannelInput } from '../../../electron/contract';
import type { InvoiceLine } from '../../../electron/contract/model/invoicing';
import type { InvoiceSummary, MissingDetail } from '../../../electron/contract/model/invoicing-views';
import { invoiceListStatuses } from '../../../electron/contract/channels/invoicing.channels';
import { parseCalendarDate, parseYear } from '../../../electron/contract/rules/calendar-date';
import { formatOre, parseAmount } from '../../../electron/core/domain/amounts';
import { sv } from '../../lib/i18n/sv';

const t = sv.fakturering;

export const sections = ['fakturor', 'korning', 'kunder', 'artiklar', 'installningar'] as const;
export type Section = (typeof sections)[number];

export type FaktureringView = { kind: Section } | { kind: 'faktura'; invoiceId: string };

/** `#/fakturering` lists the invoices, `#/fakturering/faktura/<id>` opens one, `#/fakturering/<tab>` a tab. */
export function viewFromParams(params: readonly string[]): FaktureringView {
  const [first, second] = params;
  if (first === 'faktura' && second !== undefined && second !== '') return { kind: 'faktura', invoiceId: second };
  return { kind: (sections as readonly string[]).includes(first ?? '') ? (first as Section) : 'fakturor' };
}

/** The params of a tab's address (the invoice list is the screen's own address). */
export function paramsOfSection(section: Section): string[] {
  return section === 'fakturor' ? [] : [section];
}

export type InvoiceStatusFilter = (typeof invoiceListStatuses)[number];

export type InvoiceFilter = { year: number | undefined; status: InvoiceStatusFilter };

/**
 * The list's filters from the address: `?ar=2022` (default: the year of today; `alla` for every year) and
 * `?status=obetalda` (Swedish words in the address, default all).
 */
export const statusWords: Record<InvoiceStatusFilter, string> = { all: 'alla', draft: 'utkast', unpaid: 'obetalda', overdue: 'forfallna', paid: 'betalda' };

export function filterFromQuery(query: URLSearchParams, defaultYear: number): InvoiceFilter {
  const yearText = query.get('ar');
  const year = yearText === 'alla' ? undefined : yearText === null ? defaultYear : (parseYear(yearText) ?? defaultYear);
  const word = query.get('status');
  const status = (Object.entries(statusWords) as [InvoiceStatusFilter, string][]).find(([, w]) => w === word)?.[0] ?? 'all';
  return { year, status };
}

export function queryOfFilter(filter: InvoiceFilter): Record<string, string> {
  const query: Record<string, string> = { ar: filter.year === undefined ? 'alla' : String(filter.year) };
  if (filter.status !== 'all') query.status = statusWords[filter.status];
  return query;
}

/** The sums under the list: total, paid and remaining of the invoices shown (credit notes count against). */
export function listTotals(rows: readonly InvoiceSummary[]): { totalOre: number; paidOre: number; remainingOre: number } {
  let totalOre = 0;
  let paidOre = 0;
  let remainingOre = 0;
  for (const row of rows) {
    if (row.kind === 'credit-note') continue;
    totalOre += row.totalOre;
    paidOre += row.paidOre;
    remainingOre += row.remainingOre;
  }
  return { totalOre, paidOre, remainingOre };
}

/** An invoice's name in the list and its title: the number once issued, «Utkast» before. */
export function invoiceTitle(row: Pick<InvoiceSummary, 'kind' | 'number' | 'customerName'>): string {
  if (row.number === undefined) return t.invoice.draftTitle(row.customerName);
  return row.kind === 'credit-note' ? t.invoice.creditTitle(row.number, row.customerName) : t.invoice.title(row.number, row.customerName);
}

// ---------------------------------------------------------------- the draft line editor

export type LineForm = {
  key: string;
  invoiceLineId?: string;
  articleId: string;
  description: string;
  quantity: string;
  unitPrice: string;
};

export type DraftForm = { lines: LineForm[]; note: string; buyerReference: string };

const quantityFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 3, useGrouping: false });

/** Whole kronor as typed back into a field (`1 667`), without the unit, which the field's label carries. */
export function kronorText(ore: number): string {
  return formatOre(ore).replace(/\s*kr$/u, '');
}

export function draftToForm(
  invoice: { lines: readonly InvoiceLine[]; note?: string | undefined; buyerReference?: string | undefined },
  nextKey: () => string,
): DraftForm {
  return {
    lines: invoice.lines.map((line) => ({
      key: nextKey(),
      invoiceLineId: line.id,
      articleId: line.articleId,
      description: line.description,
      quantity: quantityFormat.format(line.quantity),
      unitPrice: kronorText(line.unitPriceOre),
    })),
    note: invoice.note ?? '',
    buyerReference: invoice.buyerReference ?? '',
  };
}

/** A quantity as typed: `2`, `1,5`, `0.25`; positive, at most three decimals. */
export function parseQuantity(text: string): number | undefined {
  const s = text.trim().replace(',', '.');
  if (!/^\d+(?:\.\d{1,3})?$/u.test(s)) return undefined;
  const value = Number(s);
  return value > 0 && value <= 1_000_000 ? value : undefined;
}

/** A line's unit price: whole kronor (the invoice's lines carry no öre), negative for a discount. */
export function parseWholeKronor(text: string): { ok: true; ore: number } | { ok: false; message: string } {
  const parsed = parseAmount(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  if (parsed.ore % 100 !== 0) return { ok: false, message: t.invoice.lineErrors.unitPrice };
  return { ok: true, ore: parsed.ore };
}

/** The error key of a line's field, shared by the form's own checks and the core's refusals (`lines.2.unitPriceOre`). */
export function lineErrorKey(index: number, field: 'description' | 'quantity' | 'unitPrice' | 'articleId'): string {
  return `lines.${index}.${field}`;
}

/** The core names a line's field by the input's path; the form shows it under the field the user typed in. */
export function formKeyOfField(field: string): string | undefined {
  const m = /^lines\.(\d+)\.(description|quantity|unitPriceOre|articleId)$/u.exec(field);
  if (m) return lineErrorKey(Number(m[1]), m[2] === 'unitPriceOre' ? 'unitPrice' : (m[2] as 'description' | 'quantity' | 'articleId'));
  if (field === 'note' || field === 'buyerReference') return field;
  return undefined;
}

type Built<I> = { ok: true; input: I } | { ok: false; errors: Record<string, string> };

/** The draft's whole new list of lines, note and reference; each field checked as the core would, in Swedish. */
export function draftUpdateInput(invoiceId: string, form: DraftForm): Built<ChannelInput<'invoicing/draft-update'>> {
  const errors: Record<string, string> = {};
  const lines: NonNullable<ChannelInput<'invoicing/draft-update'>['lines']> = [];
  form.lines.forEach((line, i) => {
    const description = line.description.trim();
    if (description === '') errors[lineErrorKey(i, 'description')] = t.invoice.lineErrors.description;
    if (line.articleId === '') errors[lineErrorKey(i, 'articleId')] = t.invoice.lineErrors.article;
    const quantity = parseQuantity(line.quantity);
    if (quantity === undefined) errors[lineErrorKey(i, 'quantity')] = t.invoice.lineErrors.quantity;
    const price = parseWholeKronor(line.unitPrice);
    if (!price.ok) errors[lineErrorKey(i, 'unitPrice')] = price.message;
    if (quantity !== undefined && price.ok)
      lines.push({
        ...(line.invoiceLineId !== undefined ? { invoiceLineId: line.invoiceLineId } : {}),
        articleId: line.articleId,
        description,
        quantity,
        unitPriceOre: price.ore,
      });
  });
  if (form.lines.length === 0) errors.lines = 'En faktura behöver minst en rad.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const note = form.note.trim();
  const reference = form.buyerReference.trim();
  return { ok: true, input: { invoiceId, lines, note: note === '' ? null : note, buyerReference: reference === '' ? null : reference } };
}

/** A line's amount as the form stands (quantity × whole-kronor price), for the live sum; undefined while unreadable. */
export function lineAmountOre(line: Pick<LineForm, 'quantity' | 'unitPrice'>): number | undefined {
  const quantity = parseQuantity(line.quantity);
  const price = parseWholeKronor(line.unitPrice);
  if (quantity === undefined || !price.ok) return undefined;
  return Math.round((quantity * price.ore) / 100) * 100;
}

// ---------------------------------------------------------------- payments

export type PaymentForm = { date: string; amount: string; note: string };

/** The payment dialog starts at today and the whole remaining amount (a smaller amount is a part payment). */
export function paymentFormFor(remainingOre: number, today: string): PaymentForm {
  return { date: today, amount: remainingOre > 0 ? kronorText(remainingOre) : '', note: '' };
}

export function paymentInput(invoiceId: string, form: PaymentForm): Built<ChannelInput<'invoicing/payment-record'>> {
  const errors: Record<string, string> = {};
  const date = parseCalendarDate(form.date.trim());
  if (date === undefined) errors.date = t.invoice.payDateInvalid;
  const amount = parseAmount(form.amount);
  if (!amount.ok) errors.amountOre = amount.message;
  else if (amount.ore === 0) errors.amountOre = t.invoice.payZero;
  if (date === undefined || !amount.ok || amount.ore === 0) return { ok: false, errors };
  const note = form.note.trim();
  return { ok: true, input: { invoiceId, date, amountOre: amount.ore, ...(note === '' ? {} : { note }) } };
}

// ---------------------------------------------------------------- where a missing detail is fixed

export type FixTarget = { section: 'installningar'; query: { falt: string } } | { section: 'kunder'; query: { kund: string } };

/** A missing association detail is fixed under Inställningar at its field; a customer's under Kunder at its row. */
export function fixTargetOfAssociation(detail: MissingDetail): FixTarget {
  return { section: 'installningar', query: { falt: detail.field } };
}

export function fixTargetOfCustomer(organisationId: string): FixTarget {
  return { section: 'kunder', query: { kund: organisationId } };
}

/** «Organisationsnummer, Adress» for a refusal line or a run's blocking list. */
export function missingText(missing: readonly MissingDetail[]): string {
  return missing.map((m) => m.label).join(', ');
}
