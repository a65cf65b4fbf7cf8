/**
 * The budget sheet opened by LibreOffice, a real consumer of it: every formula recalculated must give the app's
 * totals. In the `slow` project, since each recalculation starts LibreOffice.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { budgetTable } from '../../../electron/core/domain/budget';
import { recalculateWithLibreOffice, skipReason, sofficePath } from '../../support/libreoffice';
import { budgetBytes, budgetWithSubLines, planBudget } from './budget-sheet-fixture';
import { reopen } from './reopen';

/** LibreOffice recalculates every formula; the totals must equal the app's to the krona. */
describe.skipIf(!sofficePath())('budget sheet recalculated by LibreOffice', () => {
  if (!sofficePath()) console.warn(skipReason);

  const numberAt = (rows: string[][], row: number, column: number) => {
    const raw = rows[row - 1]?.[column - 1] ?? '';
    const value = raw.endsWith('%') ? Number(raw.slice(0, -1)) / 100 : Number(raw);
    if (raw === '' || Number.isNaN(value)) throw new Error(`cell ${row}:${column} is ${JSON.stringify(raw)}`);
    return value;
  };

  it('gives the same totals as the app, with and without sub-lines, and an empty per cent for a 0 budget', async () => {
    for (const budget of [planBudget(), budgetWithSubLines()]) {
      const table = budgetTable(budget);
      const { bytes, layout } = await budgetBytes(budget);
      // Break every cached result, so only a real recalculation can give the right figures.
      const workbook = await reopen(bytes);
      const sheet = workbook.getWorksheet('Budget');
      sheet?.eachRow((row) =>
        row.eachCell((cell) => {
          const value = cell.value as ExcelJS.CellFormulaValue;
          if (value && typeof value === 'object' && 'formula' in value) cell.value = { formula: value.formula, result: 999 };
        }),
      );
      const broken = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
      const rows = await recalculateWithLibreOffice(broken);

      const income = table.sections.find((s) => s.kind === 'income')?.total.cells ?? [];
      const cost = table.sections.find((s) => s.kind === 'cost')?.total.cells ?? [];
      const result = table.result.cells;
      table.columns.forEach((column, i) => {
        const c = i + 2;
        expect(numberAt(rows, layout.totalRows['sum-income'], c)).toBe((income[i]?.amountOre ?? NaN) / 100);
        expect(numberAt(rows, layout.totalRows['sum-cost'], c)).toBe((cost[i]?.amountOre ?? NaN) / 100);
        expect(numberAt(rows, layout.totalRows.result, c)).toBe((result[i]?.amountOre ?? NaN) / 100);
        for (const section of table.sections) {
          for (const line of section.rows) {
            expect(numberAt(rows, layout.rowOfLine.get(line.lineId) ?? 0, c)).toBe((line.cells[i]?.amountOre ?? 0) / 100);
          }
        }
      });
      expect(numberAt(rows, layout.totalRows.result, 2)).toBe(118_471);
      expect(numberAt(rows, layout.totalRows.result, 3)).toBe(96_817);
      expect(numberAt(rows, layout.totalRows['sum-income'], 3)).toBe(21_273_120);
      expect(numberAt(rows, layout.totalRows.result, 4)).toBe(118_471 - 96_817);
      expect(numberAt(rows, layout.totalRows.result, 5)).toBeCloseTo((118_471 - 96_817) / 96_817, 10);
      const otherRow = layout.rowOfLine.get('other') ?? 0;
      expect(rows[otherRow - 1]?.[4]).toBe('');
    }
  }, 240_000);

  it('keeps injected text as text after recalculation', async () => {
    const budget = planBudget();
    const first = budget.lines[0];
    if (first) first.name = '=1+1';
    const { bytes } = await budgetBytes(budget);
    const rows = await recalculateWithLibreOffice(bytes);
    expect(rows[1]?.[0]).toBe("'=1+1");
  }, 120_000);
});
