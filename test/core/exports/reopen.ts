import ExcelJS from 'exceljs';
import { asText, unzip } from '../imports/zip-fixtures';

/** Opens written bytes again with ExcelJS, as a consumer would. */
export async function reopen(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The raw XML of one part (`xl/worksheets/sheet1.xml`, `docProps/app.xml`), to check what is really stored. */
export async function partXml(bytes: Uint8Array, part: string): Promise<string> {
  const parts = await unzip(bytes);
  if (!parts.has(part)) throw new Error(`no part ${part}; parts: ${[...parts.keys()].join(', ')}`);
  return asText(parts.get(part));
}
