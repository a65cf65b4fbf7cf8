import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { invoiceTotals, isValidOcr, ocrReference, vatOf } from '../../../electron/core/domain/invoice-math';
import { luhnCheckDigit } from '../../../electron/contract/rules/luhn';
import type { InvoiceLine } from '../../../electron/contract/model/invoicing';

const line = (netOre: number, category: 'S' | 'E' | 'O', ratePercent: number): InvoiceLine => ({
  id: `l${netOre}${category}`,
  articleId: 'a',
  description: 'Avgift',
  quantity: 1,
  unitPriceOre: netOre,
  netOre,
  vat: { category, ratePercent, ...(category === 'S' ? {} : { exemptionReason: 'Utanför momsens tillämpningsområde' }) },
  incomeAccount: '3010',
});

describe('invoice math', () => {
  it('takes an OCR reference of 2 to 25 digits ending in its Luhn digit', () => {
    expect(isValidOcr('1234567897')).toBe(true);
    expect(isValidOcr('1234567898')).toBe(false);
    expect(isValidOcr('0')).toBe(false);
    expect(isValidOcr(`${'1'.repeat(24)}${luhnCheckDigit('1'.repeat(24))}`)).toBe(true);
    expect(isValidOcr(`${'1'.repeat(25)}${luhnCheckDigit('1'.repeat(25))}`)).toBe(false);
  });

  it('builds OCR references with a length digit and a check digit that a changed or swapped digit breaks', () => {
    const ocr = ocrReference(1001, 42);
    expect(ocr).toBe(`1001000042${(10 + 2) % 10}${luhnCheckDigit(`1001000042${(10 + 2) % 10}`)}`);
    expect(isValidOcr(ocr)).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 0, max: 9 }), (customer, serial, position) => {
        const reference = ocrReference(customer, serial);
        expect(isValidOcr(reference)).toBe(true);
        expect(Number(reference.at(-2)) ).toBe(reference.length % 10);
        const at = position % reference.length;
        const changed = reference.slice(0, at) + String((Number(reference[at]) + 1) % 10) + reference.slice(at + 1);
        expect(isValidOcr(changed)).toBe(false);
      }),
    );
  });

  it('sums net per VAT category and rate, with VAT only on the standard rate, rounded to öre', () => {
    const totals = invoiceTotals([line(5_000_000, 'O', 0), line(166_700, 'S', 25), line(100_001, 'S', 25)]);
    expect(totals.breakdown).toEqual([
      { category: 'O', ratePercent: 0, taxableOre: 5_000_000, vatOre: 0, exemptionReason: 'Utanför momsens tillämpningsområde' },
      { category: 'S', ratePercent: 25, taxableOre: 266_701, vatOre: 66_675, exemptionReason: undefined },
    ]);
    expect(totals).toMatchObject({ netOre: 5_266_701, vatOre: 66_675, totalOre: 5_333_376 });
    expect(vatOf(-266_701, 25)).toBe(-66_675);
    expect(invoiceTotals([])).toEqual({ netOre: 0, vatOre: 0, totalOre: 0, breakdown: [] });
  });
});
