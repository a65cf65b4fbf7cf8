/**
 * The accountant workbook opened by LibreOffice, a real consumer of it: every formula recalculated from the rows
 * must give the app's totals. In the `slow` project, since each recalculation starts LibreOffice.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { membershipFeesForYear } from '../../../electron/core/domain/fees';
import { serviceRevenueForYear } from '../../../electron/core/domain/pricing';
import { buildAccountantWorkbook, invoiceHeaders, memberHeaders, serviceHeaders, accountantSheetNames } from '../../../electron/core/exports/accountant-workbook';
import { toBytes } from '../../../electron/core/exports/workbook-kit';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import { loadDefaultDocument } from '../../support/memory-document';
import { recalculateWithLibreOffice, skipReason, sofficePath } from '../../support/libreoffice';
import { accountantFixture } from './accountant-fixture';
import { reopen } from './reopen';

/** A sheet's number in the workbook (1 is the first), as LibreOffice is asked for it. */
const sheetNumber = (name: (typeof accountantSheetNames)[number]) => accountantSheetNames.indexOf(name) + 1;

const NOW = new Date('2022-06-30T10:00:00.000Z');
const YEAR = 2022;

async function workbookOf(doc: SambrukDocument) {
  const built = buildAccountantWorkbook(doc, { year: YEAR, includePersonalDetails: false, now: NOW });
  return { bytes: await toBytes(built.workbook), model: built.model };
}

/** LibreOffice recalculates every formula from the rows; the totals must equal the app's to the krona. */
describe.skipIf(!sofficePath())('the accountant workbook recalculated by LibreOffice', () => {
  if (!sofficePath()) console.warn(skipReason);

  /** Every cached formula result set to 999, so only a real recalculation gives the right figures. */
  async function withBrokenCache(bytes: Uint8Array): Promise<Uint8Array> {
    const workbook = await reopen(bytes);
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const value = cell.value as ExcelJS.CellFormulaValue;
          if (value && typeof value === 'object' && 'formula' in value) cell.value = { formula: value.formula, result: 999 };
        }),
      );
    }
    return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  }

  /** The value of `header`'s column in the `Summa` row, and the sum of that column's data rows, from LibreOffice's CSV. */
  function totals(rows: string[][], firstHeader: string, header: string) {
    const headerIndex = rows.findIndex((r) => r[0] === firstHeader && r.includes(header));
    const column = rows[headerIndex]?.indexOf(header) ?? -1;
    const sumIndex = rows.findIndex((r, i) => i > headerIndex && r[0] === 'Summa');
    if (headerIndex < 0 || column < 0 || sumIndex < 0) throw new Error(`no ${header} / Summa in ${JSON.stringify(rows.slice(0, 8))}`);
    const data = rows.slice(headerIndex + 1, sumIndex).filter((r) => r.some((c) => c !== ''));
    const rowsSum = data.reduce((s, r) => s + Math.round(Number(r[column] || '0') * 100), 0);
    return { totalOre: Math.round(Number(rows[sumIndex]?.[column]) * 100), rowsSumOre: rowsSum };
  }

  it.each([
    ['the default data', () => loadDefaultDocument()],
    ['a register with fees and prices', () => accountantFixture()],
  ])('agrees with the app to the krona for %s', async (_label, make) => {
    const doc = make();
    const fees = membershipFeesForYear(doc, YEAR);
    const revenue = serviceRevenueForYear(doc, YEAR);
    const { bytes, model } = await workbookOf(doc);
    const broken = await withBrokenCache(bytes);

    const memberRows = await recalculateWithLibreOffice(broken, sheetNumber('Medlemmar'));
    const members = totals(memberRows, memberHeaders.organisation, memberHeaders.total);
    expect(members.totalOre).toBe(fees.totalOre);
    expect(members.rowsSumOre).toBe(fees.totalOre);
    const charged = totals(memberRows, memberHeaders.organisation, memberHeaders.chargedFee);
    expect(charged.totalOre).toBe(fees.yearlyOre);

    const invoice = totals(await recalculateWithLibreOffice(broken, sheetNumber('Fakturaunderlag')), invoiceHeaders.reference, invoiceHeaders.amount);
    // The basis charges whole kronor per line: the fee rules' total plus the stated rounding.
    expect(model.totals.invoiceExactOre).toBe(fees.totalOre + revenue.totalOre);
    expect(invoice.totalOre).toBe(model.totals.invoiceOre);
    expect(invoice.rowsSumOre).toBe(model.totals.invoiceOre);

    const services = totals(await recalculateWithLibreOffice(broken, sheetNumber('Tjänsteanvändning')), serviceHeaders.organisation, serviceHeaders.amount);
    expect(services.totalOre).toBe(revenue.totalOre);
    expect(services.rowsSumOre).toBe(revenue.totalOre);
  }, 300_000);
});
