/**
 * A workbook as plain data, cell by cell (value or formula, number format) with each sheet's print setup, so two
 * workbooks can be compared exactly and a difference names the sheet and the cell.
 */
import ExcelJS from 'exceljs';

export type CellDump = { value: unknown; numFmt?: string };
export type SheetDump = {
  cells: Record<string, CellDump>;
  print: { orientation?: string; fitToWidth?: number; fitToHeight?: number; scale?: number; printTitlesRow?: string; header?: string; footer?: string };
};

export async function workbookCells(bytes: Uint8Array): Promise<Record<string, SheetDump>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: Record<string, SheetDump> = {};
  workbook.eachSheet((sheet) => {
    const cells: Record<string, CellDump> = {};
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value instanceof Date ? { date: cell.value.toISOString() } : cell.value;
        cells[cell.address] = { value: JSON.parse(JSON.stringify(value ?? null)) as unknown, ...(cell.numFmt ? { numFmt: cell.numFmt } : {}) };
      });
    });
    const setup = sheet.pageSetup;
    sheets[sheet.name] = {
      cells,
      print: {
        ...(setup.orientation ? { orientation: setup.orientation } : {}),
        ...(setup.fitToWidth !== undefined ? { fitToWidth: setup.fitToWidth } : {}),
        ...(setup.fitToHeight !== undefined ? { fitToHeight: setup.fitToHeight } : {}),
        ...(setup.scale !== undefined ? { scale: setup.scale } : {}),
        ...(setup.printTitlesRow ? { printTitlesRow: setup.printTitlesRow } : {}),
        ...(sheet.headerFooter.oddHeader ? { header: sheet.headerFooter.oddHeader } : {}),
        ...(sheet.headerFooter.oddFooter ? { footer: sheet.headerFooter.oddFooter } : {}),
      },
    };
  });
  return sheets;
}
