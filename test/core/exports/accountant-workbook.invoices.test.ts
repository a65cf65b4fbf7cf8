/**
 * The accountant workbook's «Fakturor» sheet (issue 17, point 6): every issued invoice and credit note of the year
 * with its totals from `invoiceTotals` and what has been paid, a control total, and the year's invoiced net tied
 * to the invoice basis. Tested on the default data with the shared sample invoices inserted.
 */
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { issuedInvoicesOfYear } from '../../../electron/core/exports/accountant-model';
import { accountantSheetNames, buildAccountantWorkbook, issuedHeaders, tieLabels } from '../../../electron/core/exports/accountant-workbook';
import { toBytes } from '../../../electron/core/exports/workbook-kit';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import { loadDefaultDocument } from '../../support/memory-document';
import { sampleCreditNote, sampleInvoice, samplePayments, sampleServiceInvoice, sampleSettings } from '../../fixtures/invoicing/sample-invoices';
import { reopen } from './reopen';

const NOW = new Date('2022-06-30T10:00:00.000Z');

function withSamples(extra: Partial<SambrukDocument['invoicing']> = {}): SambrukDocument {
  const doc = loadDefaultDocument();
  return {
    ...doc,
    invoicing: {
      ...doc.invoicing,
      settings: [sampleSettings],
      invoices: [sampleCreditNote, sampleServiceInvoice, sampleInvoice, { ...sampleInvoice, id: 'draft-1', status: 'draft', number: undefined }],
      payments: samplePayments,
      ...extra,
    },
  };
}

async function sheetOf(doc: SambrukDocument, year = 2022) {
  const built = buildAccountantWorkbook(doc, { year, includePersonalDetails: false, now: NOW });
  const workbook = await reopen(await toBytes(built.workbook));
  const sheet = workbook.getWorksheet('Fakturor');
  if (!sheet) throw new Error('no Fakturor sheet');
  const headerRow = (sheet.views[0] as { ySplit?: number }).ySplit ?? 0;
  const columns = new Map<string, number>();
  sheet.getRow(headerRow).eachCell((cell, c) => columns.set(String(cell.value), c));
  const rowWith = (label: string): ExcelJS.Row => {
    for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === label) return sheet.getRow(r);
    throw new Error(`no row ${label}`);
  };
  return { built, sheet, headerRow, columns, rowWith };
}

const kr = (ore: number) => ore / 100;

describe('the Fakturor sheet', () => {
  it('comes right after the invoice basis', () => {
    expect(accountantSheetNames.indexOf('Fakturor')).toBe(accountantSheetNames.indexOf('Fakturaunderlag') + 1);
  });

  it('lists each issued invoice and credit note of the year in number order, drafts left out, credit notes negative', () => {
    const issued = issuedInvoicesOfYear(withSamples(), 2022);
    expect(issued.rows.map((r) => [r.number, r.kindLabel, r.issueDate, r.dueDate, r.customerNumber, r.customer, r.netOre, r.vatOre, r.totalOre, r.paidOre, r.remainingOre])).toEqual([
      // Membership fee outside VAT, paid in two parts.
      ['1', 'Faktura', '2022-02-01', '2022-03-03', 1001, 'Stockholms kommun', 8_000_000, 0, 8_000_000, 8_000_000, 0],
      // Service fees at 25 %: VAT on 46 667 kr is 11 666,75 kr.
      ['2', 'Faktura', '2022-02-01', '2022-03-03', 1002, 'Göteborgs Stad', 4_666_700, 1_166_675, 5_833_375, 0, 5_833_375],
      ['3', 'Kredit av 2', '2022-03-10', '2022-03-10', 1002, 'Göteborgs Stad', -166_700, -41_675, -208_375, 0, -208_375],
    ]);
    expect([issued.netOre, issued.vatOre, issued.totalOre, issued.paidOre, issued.remainingOre]).toEqual([12_500_000, 1_125_000, 13_625_000, 8_000_000, 5_625_000]);
    // Another year has none of them.
    expect(issuedInvoicesOfYear(withSamples(), 2023).rows).toEqual([]);
  });

  it('puts the year of an invoice from its run, and a credit note in the year of the invoice it corrects', () => {
    const doc = withSamples({ runs: [{ id: 'run-2022', year: 2023, kind: 'year', createdAt: '2023-01-10T08:00:00.000Z', title: 'Fakturering 2023' }] });
    expect(issuedInvoicesOfYear(doc, 2023).rows.map((r) => r.number)).toEqual(['1', '2', '3']);
    expect(issuedInvoicesOfYear(doc, 2022).rows).toEqual([]);
  });

  it('writes the rows, a live control total and the tie to the basis with its difference', async () => {
    const { built, sheet, headerRow, columns, rowWith } = await sheetOf(withSamples());
    const h = issuedHeaders;
    expect([...columns.keys()]).toEqual(Object.values(h));
    const first = sheet.getRow(headerRow + 1);
    expect(first.getCell(columns.get(h.number) ?? 0).value).toBe('1');
    expect((first.getCell(columns.get(h.issueDate) ?? 0).value as Date).toISOString()).toBe('2022-02-01T00:00:00.000Z');
    expect(first.getCell(columns.get(h.customerNumber) ?? 0).value).toBe('1001');
    const credit = sheet.getRow(headerRow + 3);
    expect(credit.getCell(columns.get(h.total) ?? 0).value).toBe(-2_083.75);
    expect(credit.getCell(columns.get(h.total) ?? 0).numFmt).toBe('#,##0.00 "kr"');

    const total = rowWith('Summa');
    const net = total.getCell(columns.get(h.net) ?? 0).value as ExcelJS.CellFormulaValue;
    const letter = sheet.getColumn(columns.get(h.net) ?? 0).letter;
    expect(net.formula).toBe(`SUM(${letter}${headerRow + 1}:${letter}${headerRow + 3})`);
    expect(net.result).toBe(125_000);
    expect((total.getCell(columns.get(h.vat) ?? 0).value as ExcelJS.CellFormulaValue).result).toBe(11_250);
    expect((total.getCell(columns.get(h.remaining) ?? 0).value as ExcelJS.CellFormulaValue).result).toBe(56_250);

    const basisOre = built.model.totals.invoiceOre;
    const basis = rowWith(tieLabels.basis);
    expect(basis.getCell(columns.get(h.net) ?? 0).value).toBe(kr(basisOre));
    expect(String(sheet.getCell(basis.number + 3, 1).value)).toBe(`Fakturaunderlaget 2022: ${built.model.invoiceLines.length} rader i hela kronor; inga ören att avrunda.`);
    const difference = rowWith(tieLabels.difference).getCell(columns.get(h.net) ?? 0).value as ExcelJS.CellFormulaValue;
    expect(difference.formula).toBe(`${letter}${total.number}-${letter}${basis.number}`);
    expect(difference.result).toBe(kr(12_500_000 - basisOre));
    expect(String(sheet.getCell('A2').value)).toBe(
      '2 utfärdade fakturor och 1 kreditfaktura för 2022, i nummerordning. Kreditfakturor står med minustecken, som i bokföringen. Nettot jämförs under summan med fakturaunderlaget.',
    );
  });

  it('states the öre rounding of the basis where there is one', async () => {
    const doc = withSamples();
    const egil = doc.services.find((s) => s.id === 'svc-egil');
    if (!egil) throw new Error('no EGIL');
    // 1 kr per inhabitant for 7 of 12 months gives öre on most lines.
    const priced: SambrukDocument = { ...doc, services: doc.services.map((s) => (s.id === egil.id ? { ...s, pricing: [{ year: 2022, model: { kind: 'per-inhabitant', orePerInhabitant: 100 } }] } : s)) };
    const usages = priced.usages.map((u) => (u.serviceId === egil.id ? { ...u, from: '2022-06-01' } : u));
    const { built, rowWith, sheet } = await sheetOf({ ...priced, usages });
    expect(built.model.totals.roundingOre).not.toBe(0);
    const text = String(sheet.getCell(rowWith(tieLabels.basis).number + 3, 1).value);
    expect(text).toMatch(/; exakt enligt avgiftsreglerna [\d\s\u00a0]+,\d\d kr, öresavrundning -?\d+,\d\d kr\.$/u);
  });

  it('says when nothing is issued yet, and shows the whole basis as the difference', async () => {
    const { built, sheet, rowWith, columns } = await sheetOf(loadDefaultDocument());
    expect(String(sheet.getCell('A2').value)).toMatch(/^Inga fakturor för 2022 är utfärdade ännu\./);
    const difference = rowWith(tieLabels.difference).getCell(columns.get(issuedHeaders.net) ?? 0).value as ExcelJS.CellFormulaValue;
    expect(difference.result).toBe(-built.model.totals.invoiceOre / 100);
  });
});
