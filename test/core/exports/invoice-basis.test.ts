import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import { accountantModel } from '../../../electron/core/exports/accountant-model';
import { invoiceBasis } from '../../../electron/core/exports/invoice-basis';
import { membershipFeesForYear } from '../../../electron/core/domain/fees';
import { serviceChargesForYear, serviceRevenueForYear } from '../../../electron/core/domain/pricing';
import { compareSv } from '../../../electron/core/domain/swedish';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import { generateDemoDocument } from '../../../tools/demo/demo-document';
import { readDemoBase } from '../../../scripts/demo-data';
import { loadDefaultDocument } from '../../support/memory-document';
import { accountantFixture } from './accountant-fixture';

/** A demo register where every third organisation has billing details, so references carry customer numbers. */
function demo(seed: string): SambrukDocument {
  const doc = generateDemoDocument({ scale: 1, seed, base: readDemoBase() });
  const billing = doc.organisations
    .filter((_, i) => i % 3 === 0)
    .map((o, i) => ({ id: `billing-${o.id}`, organisationId: o.id, customerNumber: 5000 + i, example: false }));
  return { ...doc, invoicing: { ...doc.invoicing, billing } };
}

const registers: [string, () => SambrukDocument, number[]][] = [
  ['the default data', loadDefaultDocument, [2021, 2022]],
  ['the workbook fixture (öre, a re-join, a group rule to confirm)', accountantFixture, [2020, 2021, 2022]],
  ['demo register «fakturering-1»', () => demo('fakturering-1'), [2022]],
  ['demo register «fakturering-2»', () => demo('fakturering-2'), [2021, 2022]],
];

describe('invoiceBasis', () => {
  for (const [name, make, years] of registers) {
    it(`is the workbook's Fakturaunderlag, line for line: ${name}`, () => {
      const doc = make();
      for (const year of years) {
        const model = accountantModel(doc, { year });
        const basis = invoiceBasis(doc, { year });
        expect(basis.lines.length).toBeGreaterThan(0);
        expect(basis.lines).toEqual(model.invoiceLines);
        expect(basis.customersWithoutNumber).toBe(model.customersWithoutNumber);
        expect(basis.invoiceOre).toBe(model.totals.invoiceOre);
        expect(basis.invoiceExactOre).toBe(model.totals.invoiceExactOre);
      }
    });
  }

  it('adds up to the fees and the service revenue, in whole kronor, one customer after the other in Swedish order', () => {
    const doc = demo('fakturering-1');
    const year = 2022;
    const basis = invoiceBasis(doc, { year });
    const fees = membershipFeesForYear(doc, year);
    const revenue = serviceRevenueForYear(doc, year);
    expect(basis.lines.reduce((sum, l) => sum + (l.exactOre ?? l.amountOre), 0)).toBe(fees.totalOre + revenue.totalOre);
    expect(basis.lines.reduce((sum, l) => sum + l.amountOre, 0)).toBe(basis.invoiceOre);
    for (const line of basis.lines) {
      expect(line.amountOre % 100).toBe(0);
      if (line.exactOre !== undefined) expect(Math.abs(line.exactOre - line.amountOre)).toBeLessThanOrEqual(50);
    }
    expect(new Set(basis.lines.map((l) => l.reference)).size).toBe(basis.lines.length);
    // Each customer's lines together, the customers by name.
    const customers = basis.lines.map((l) => l.organisationId).filter((id, i, all) => i === 0 || all[i - 1] !== id);
    expect(new Set(customers).size).toBe(customers.length);
    const names = basis.lines.map((l) => l.customer).filter((n, i, all) => i === 0 || all[i - 1] !== n);
    for (let i = 1; i < names.length; i += 1) expect(compareSv(names[i - 1] as string, names[i] as string)).toBeLessThanOrEqual(0);
    // Billing details give the customer number; the others are counted as missing one.
    const withNumber = new Set(doc.invoicing.billing.map((b) => b.organisationId));
    expect(basis.lines.every((l) => (l.customerNumber !== undefined) === withNumber.has(l.organisationId))).toBe(true);
    expect(basis.customersWithoutNumber).toBe(customers.filter((id) => !withNumber.has(id)).length);
  });

  it('refuses a year no fee table covers, in Swedish', () => {
    const doc = loadDefaultDocument();
    const first = Math.min(...doc.feeTables.map((t) => t.year));
    expect(() => invoiceBasis(doc, { year: first - 1 })).toThrow(
      expect.objectContaining({ code: 'not-found', message: `Det finns ingen avgiftstabell för ${first - 1} eller tidigare år. Lägg in avgiftstabellen först.` }),
    );
  });

  it('refuses to give a basis that does not add up to the fees and revenue it was given', () => {
    const doc = accountantFixture();
    const fees = membershipFeesForYear(doc, 2022);
    const { report: revenue, charged } = serviceChargesForYear(doc, 2022);
    const wrong = { ...revenue, totalOre: revenue.totalOre + 1 };
    let error: unknown;
    try {
      invoiceBasis(doc, { year: 2022 }, { fees, revenue: wrong, charged });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'internal', message: 'Fakturaunderlaget stämmer inte med avgifterna. Inget underlag skapades.' });
  });
});
