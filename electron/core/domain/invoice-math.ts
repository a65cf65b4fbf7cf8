/**
 * The figures of one invoice, computed once for every output (screen, PDF, Peppol UBL, SIE, workbook), so they
 * cannot disagree: net per VAT category and rate, the VAT of each (rounded to öre per category, as EN 16931 sums
 * it), the totals; and the OCR reference with its Luhn check digit.
 */
import type { Invoice, InvoiceLine, VatCategory } from '../../contract/model/invoicing';
import { luhnCheckDigit, luhnValid } from '../../contract/rules/luhn';

export type VatBreakdown = {
  category: VatCategory;
  ratePercent: number;
  /** Sum of the lines' net amounts in this category and rate, öre. */
  taxableOre: number;
  vatOre: number;
  exemptionReason?: string | undefined;
};

export type InvoiceTotals = {
  netOre: number;
  vatOre: number;
  /** Net + VAT: what the buyer pays (negative on a credit note). */
  totalOre: number;
  breakdown: VatBreakdown[];
};

/** VAT on an amount at a rate, rounded half away from zero to whole öre. */
export function vatOf(netOre: number, ratePercent: number): number {
  const exact = (Math.abs(netOre) * ratePercent) / 100;
  return Math.sign(netOre) * Math.round(exact);
}

/** Net, VAT and total of the lines, with one breakdown row per VAT category and rate (in the order first seen). */
export function invoiceTotals(lines: readonly InvoiceLine[]): InvoiceTotals {
  const rows = new Map<string, VatBreakdown>();
  for (const line of lines) {
    const key = `${line.vat.category} ${line.vat.ratePercent}`;
    const row = rows.get(key) ?? { category: line.vat.category, ratePercent: line.vat.ratePercent, taxableOre: 0, vatOre: 0, exemptionReason: line.vat.exemptionReason };
    row.taxableOre += line.netOre;
    rows.set(key, row);
  }
  const breakdown = [...rows.values()].map((row) => ({ ...row, vatOre: row.category === 'S' ? vatOf(row.taxableOre, row.ratePercent) : 0 }));
  const netOre = breakdown.reduce((sum, r) => sum + r.taxableOre, 0);
  const vatOre = breakdown.reduce((sum, r) => sum + r.vatOre, 0);
  return { netOre, vatOre, totalOre: netOre + vatOre, breakdown };
}

/** The sign an invoice's amounts carry in the books: +1 for an invoice, -1 for a credit note. */
export function bookSign(invoice: Pick<Invoice, 'kind'>): 1 | -1 {
  return invoice.kind === 'credit-note' ? -1 : 1;
}

/** True when the last digit of `ocr` is the Luhn check digit of the rest. */
export function isValidOcr(ocr: string): boolean {
  return /^\d{2,25}$/.test(ocr) && luhnValid(ocr);
}

/**
 * The OCR reference of an invoice: the customer number and the invoice's serial number, then a length digit
 * (the length including itself and the check digit, modulo 10, which lets the bank catch a dropped digit), then
 * the Luhn check digit.
 */
export function ocrReference(customerNumber: number, serial: number): string {
  const base = `${customerNumber}${String(serial).padStart(6, '0')}`;
  const lengthDigit = (base.length + 2) % 10;
  const withLength = `${base}${lengthDigit}`;
  return `${withLength}${luhnCheckDigit(withLength)}`;
}
