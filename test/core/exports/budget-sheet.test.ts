import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { budgetTable } from '../../../electron/core/domain/budget';
import { addBudgetSheet, defaultVariances } from '../../../electron/core/exports/budget-sheet';
import { createWorkbook, toBytes } from '../../../electron/core/exports/workbook-kit';
import { budgetBytes, budgetWithSubLines, planBudget } from './budget-sheet-fixture';
import { partXml, reopen } from './reopen';

const cellFormula = (cell: ExcelJS.Cell) => (cell.value as ExcelJS.CellFormulaValue).formula;
const cellResult = (cell: ExcelJS.Cell) => (cell.value as ExcelJS.CellFormulaValue).result;

describe('budget sheet', () => {
  it('lays out the statement: lines, Summa intäkter, Summa kostnader, Verksamhetsresultat', async () => {
    const { bytes, layout } = await budgetBytes(planBudget());
    const sheet = (await reopen(bytes)).getWorksheet('Budget');
    if (!sheet) throw new Error('no sheet');
    const names = Array.from({ length: 9 }, (_, i) => sheet.getCell(i + 1, 1).value);
    expect(names).toEqual([
      'Post',
      'Medlemsavgifter',
      'Nettoomsättning',
      'Övriga intäkter',
      'Summa intäkter',
      'Övriga externa kostnader',
      'Personalkostnader',
      'Summa kostnader',
      'Verksamhetsresultat',
    ]);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Post', 'Utfall 2021', 'Budget 2022', 'Utfall 2021 − Budget 2022 (kr)', 'Utfall 2021 − Budget 2022 (%)']);
    expect(layout.totalRows).toEqual({ 'sum-income': 5, 'sum-cost': 8, result: 9 });
    expect(layout.rowOfLine.get('staff')).toBe(7);
    expect(layout.columnOf.get('b2022')).toBe('C');
  });

  it('writes leaves as numbers in kronor and totals as live formulas carrying the computed figures', async () => {
    const { bytes } = await budgetBytes(planBudget());
    const sheet = (await reopen(bytes)).getWorksheet('Budget');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell('B2').value).toBe(3_172_048);
    expect(sheet.getCell('C6').value).toBe(-17_460_714);
    expect(sheet.getCell('B2').numFmt).toBe('#,##0 "kr"');
    // "Övriga intäkter" is entered as 0 in the budget column: a 0, not an empty cell.
    expect(sheet.getCell('C4').value).toBe(0);

    expect(cellFormula(sheet.getCell('B5'))).toBe('SUM(B2:B4)');
    expect(cellResult(sheet.getCell('B5'))).toBe(19_166_523);
    expect(cellFormula(sheet.getCell('C8'))).toBe('SUM(C6:C7)');
    expect(cellResult(sheet.getCell('C8'))).toBe(-21_176_303);
    expect(cellFormula(sheet.getCell('B9'))).toBe('B5+B8');
    expect(cellResult(sheet.getCell('B9'))).toBe(118_471);
    // The app computes 96 817 from the lines; the plan states 96 818 (its own rounding). The sheet shows the
    // computed figure, never the stated one.
    expect(cellResult(sheet.getCell('C9'))).toBe(96_817);
    expect(sheet.getCell('C9').font?.bold).toBe(true);
  });

  it('adds variance columns as formulas: utfall − budget, and per cent of |budget| inside IFERROR', async () => {
    const { bytes } = await budgetBytes(planBudget());
    const sheet = (await reopen(bytes)).getWorksheet('Budget');
    if (!sheet) throw new Error('no sheet');
    expect(cellFormula(sheet.getCell('D2'))).toBe('B2-C2');
    expect(cellResult(sheet.getCell('D2'))).toBe(3_172_048 - 3_400_000);
    expect(cellFormula(sheet.getCell('E2'))).toBe('IFERROR((B2-C2)/ABS(C2),"")');
    expect(cellResult(sheet.getCell('E2'))).toBeCloseTo((3_172_048 - 3_400_000) / 3_400_000, 12);
    expect(sheet.getCell('E2').numFmt).toBe('0.0 %');
    // Less cost than budgeted is a positive (favourable) variance.
    expect(cellResult(sheet.getCell('E6'))).toBeGreaterThan(0);
    // Budget 0 ("Övriga intäkter" 2022): the per cent is empty, not an error; the cached result is an empty
    // string (ExcelJS reads an empty cached string back as no result, so the stored XML is checked).
    const xml = await partXml(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).toMatch(/<c r="E4"[^>]*t="str"><f>IFERROR\(\(B4-C4\)\/ABS\(C4\),&quot;&quot;\)<\/f><v><\/v><\/c>/);
  });

  it('sums sub-lines into their parent with formulas naming exactly the direct sub-lines, indented', async () => {
    const { bytes, layout } = await budgetBytes(budgetWithSubLines());
    const sheet = (await reopen(bytes)).getWorksheet('Budget');
    if (!sheet) throw new Error('no sheet');
    const rows = Object.fromEntries([...layout.rowOfLine].map(([id, row]) => [id, row]));
    expect(rows).toMatchObject({ fees: 2, net: 3, 'net-bibblix': 4, 'net-egil': 5, 'net-egil-drift': 6, 'net-egil-utv': 7, 'net-rest': 8, other: 9 });
    expect(cellFormula(sheet.getCell('B3'))).toBe('SUM(B4:B5,B8)');
    expect(cellResult(sheet.getCell('B3'))).toBe(15_993_973);
    expect(cellFormula(sheet.getCell('C5'))).toBe('SUM(C6:C7)');
    expect(cellResult(sheet.getCell('C5'))).toBe(8_373_120);
    expect(sheet.getCell('A4').alignment?.indent).toBe(1);
    expect(sheet.getCell('A6').alignment?.indent).toBe(2);
    // Summa intäkter adds only the statement's own lines, never a parent and its sub-lines twice.
    expect(cellFormula(sheet.getCell(`B${layout.totalRows['sum-income']}`))).toBe('SUM(B2:B3,B9)');
    expect(cellResult(sheet.getCell(`B${layout.totalRows.result}`))).toBe(118_471);
  });

  it('uses the öre format when an amount has öre, and pairs same-year outcome and budget by default', async () => {
    const budget = planBudget();
    budget.columns.push({ id: 'u2022', year: 2022, kind: 'utfall', amounts: { fees: 340_000_050 }, statedTotals: {} });
    const table = budgetTable(budget);
    expect(defaultVariances(table.columns)).toEqual([{ actualColumnId: 'u2022', budgetColumnId: 'b2022' }]);
    const workbook = createWorkbook({ title: 'B', subject: 'S', created: new Date(Date.UTC(2022, 0, 1)) });
    addBudgetSheet(workbook, table, { year: 2022 });
    const sheet = (await reopen(await toBytes(workbook))).getWorksheet('Budget');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Post', 'Utfall 2021', 'Utfall 2022', 'Budget 2022', 'Avvikelse 2022 (kr)', 'Avvikelse 2022 (%)']);
    expect(sheet.getCell('C2').value).toBe(3_400_000.5);
    expect(sheet.getCell('C2').numFmt).toBe('#,##0.00 "kr"');
    // Leaves without an amount in a column are empty cells (the app counts them as 0).
    expect(sheet.getCell('C3').value).toBeNull();
  });

  it('freezes the header and the names, filters, prints landscape with the year, and writes names as text', async () => {
    const budget = planBudget();
    const first = budget.lines[0];
    if (first) first.name = '=HYPERLINK("http://evil.example")';
    const { bytes } = await budgetBytes(budget);
    const sheet = (await reopen(bytes)).getWorksheet('Budget');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 1 });
    expect(sheet.autoFilter).toBe('A1:E9');
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.headerFooter.oddHeader).toContain('Budget 2022');
    expect(sheet.getCell('A2').value).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual('Övriga externa kostnader'.length);
  });
});
