/**
 * `export`: the accountant workbook (`exports/accountant-workbook`, through the dispatcher as the UI calls it)
 * of the register's current year, against plain exceljs writing the same cells: the bench reads the workbook
 * the app made, keeps every sheet's cell values (formulas included), and writes them into a new workbook with
 * no styles, widths, print setup or model to compute. Peak memory comes from a child process that holds the
 * register and makes one workbook (`bench/child/export-peak.ts`): the kernel's peak RSS of that process.
 */
import ExcelJS from 'exceljs';
import type { BenchContext } from '../lib/context';
import { runChild } from '../lib/child';
import { collectGarbage, measure } from '../lib/measure';
import { missing, timed, type BenchResult } from '../lib/results';
import { benchServices, dataOf } from '../lib/services';
import { DEMO_AS_OF } from '../../tools/demo/demo-document';

export const EXPORT_CHANNEL = 'exports/accountant-workbook';
export const EXPORT_YEAR = Number(DEMO_AS_OF.slice(0, 4));

type ExportedFile = { fileName: string; bytesBase64: string; sizeBytes: number };

type SheetCells = { name: string; rows: { number: number; values: ExcelJS.CellValue[] }[] };

export type ExportPeak = { rssBeforeMb: number; peakRssMb: number; ms: number; sizeBytes: number };

function isExportedFile(value: unknown): value is ExportedFile {
  return typeof value === 'object' && value !== null && typeof (value as ExportedFile).bytesBase64 === 'string';
}

async function cellsOf(bytes: Buffer): Promise<SheetCells[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: SheetCells['rows'] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const values: ExcelJS.CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        values[column] = cell.value;
      });
      rows.push({ number, values });
    });
    return { name: sheet.name, rows };
  });
}

async function writePlain(sheets: readonly SheetCells[]): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.getRow(row.number).values = row.values;
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer.byteLength;
}

export async function benchExport(ctx: BenchContext): Promise<BenchResult> {
  const services = benchServices(ctx.document);
  if (!services.has(EXPORT_CHANNEL)) return missing('export', `kanalen ${EXPORT_CHANNEL} finns inte i kärnan`, 'exceljs, samma celler');
  const input = { year: EXPORT_YEAR };
  let file: ExportedFile | undefined;
  const budgetMs = 10_000 * Math.max(1, ctx.scale / 5);
  collectGarbage();
  const ours = await measure(async () => {
    const data = dataOf<unknown>(await services.call(EXPORT_CHANNEL, input), EXPORT_CHANNEL);
    if (!isExportedFile(data)) throw new Error(`${EXPORT_CHANNEL} answered without bytesBase64`);
    file = data;
  }, { budgetMs, maxSamples: 15 });
  if (!file) throw new Error('no workbook');

  const sheets = await cellsOf(Buffer.from(file.bytesBase64, 'base64'));
  const cells = sheets.reduce((sum, s) => sum + s.rows.reduce((n, r) => n + r.values.filter((v) => v !== undefined).length, 0), 0);
  collectGarbage();
  const baseline = await measure(() => writePlain(sheets), { budgetMs, maxSamples: 15 });

  let peak: ExportPeak | undefined;
  let peakNote = '';
  try {
    peak = await runChild<ExportPeak>('export-peak.ts', [ctx.documentFile, String(EXPORT_YEAR)], ctx.dir);
  } catch (error) {
    peakNote = `; toppminnet kunde inte mätas: ${error instanceof Error ? error.message : String(error)}`;
  }
  return timed('export', ours, {
    baseline: { label: 'exceljs, samma celler', samples: baseline },
    peakRssMb: peak?.peakRssMb ?? null,
    note:
      `${ours.length} mätningar; ${sheets.length} blad, ${cells} celler, ${(file.sizeBytes / 1_048_576).toFixed(1)} MB` +
      (peak ? `; topp-RSS för en process som håller registret (${Math.round(peak.rssBeforeMb)} MB före exporten)` : '') +
      peakNote,
  });
}
