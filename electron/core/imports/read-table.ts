/**
 * The one entry for imported spreadsheets: bytes and a file name in, a raw table of strings out, or an
 * `AppError('validation')` with a Swedish sentence. The content decides what the file is, not the name:
 * an OLE compound file (`D0 CF 11 E0`: a password-protected `.xlsx` or an old `.xls`) is refused, a zip is read
 * as `.xlsx` (after `inspectXlsx`, from the zip it rebuilt of the checked entries), anything else as CSV text, except that a name promising a workbook
 * (`.xlsx`, `.xls`, `.ods` …) on bytes that are not one is refused rather than read as text.
 *
 * Every limit is checked before the expensive step it protects, so refusal is quick and memory stays bounded:
 * file size first, then the zip's claims, then the inflated sizes, then rows while parsing.
 */
import { decodeCsv, parseCsv, sniffDelimiter, type CsvDelimiter } from './csv';
import { importMessages, refuse } from './import-messages';
import { toRawSheet, type RawTable } from './raw-table';
import { inspectXlsx, readXlsx } from './xlsx';
import { isZip } from './zip';

export type { RawSheet, RawTable } from './raw-table';

export type ReadTableOptions = {
  /** Largest file accepted, in bytes (default 20 MB). */
  maxBytes?: number;
  /** Most rows per sheet, counted as Excel numbers them, header included (default 100 000). */
  maxRows?: number;
  maxColumns?: number;
  /** Most cells: per CSV, rows × used columns; per workbook, cells stored in all sheets (default 1 000 000). */
  maxCells?: number;
  maxSheets?: number;
  /** Largest total of an `.xlsx`'s unpacked parts (default 50 MB). */
  maxUncompressedBytes?: number;
  /** Highest unpacked/packed ratio of an `.xlsx` above 1 MB unpacked (default 100). */
  maxRatio?: number;
  /** 1-based header row; found automatically when absent (see `toRawSheet`). */
  headerRow?: number;
  /** CSV separator; sniffed when absent. */
  delimiter?: CsvDelimiter;
};

export const importLimits = {
  maxBytes: 20_000_000,
  maxRows: 100_000,
  maxColumns: 1_000,
  maxCells: 1_000_000,
  maxSheets: 50,
  maxUncompressedBytes: 50_000_000,
  maxRatio: 100,
} as const;

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const WORKBOOK_EXTENSIONS = new Set(['xlsx', 'xlsm', 'xltx', 'xltm', 'xlam', 'xlsb', 'xls', 'ods']);
const MACRO_EXTENSIONS = new Set(['xlsm', 'xltm', 'xlam']);

const extensionOf = (fileName: string) => /\.([^./\\]+)$/.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
const baseName = (fileName: string) => fileName.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, '') || 'Blad1';

export async function readTable(bytes: Uint8Array, fileName: string, options: ReadTableOptions = {}): Promise<RawTable> {
  const limits = { ...importLimits, ...stripUndefined(options) };
  const extension = extensionOf(fileName);
  if (bytes.length === 0) refuse(importMessages.empty);
  if (bytes.length > limits.maxBytes) refuse(importMessages.tooLarge(bytes.length, limits.maxBytes));
  if (OLE.every((b, i) => bytes[i] === b)) refuse(importMessages.oleCompound);
  if (MACRO_EXTENSIONS.has(extension)) refuse(importMessages.macro, { reason: 'extension' });

  if (isZip(bytes)) {
    if (extension === 'ods') refuse(importMessages.ods);
    const checked = await inspectXlsx(bytes, limits);
    const sheets = await readXlsx(checked, limits, options.headerRow);
    return { format: 'xlsx', sheets };
  }
  if (extension === 'ods') refuse(importMessages.ods);
  if (WORKBOOK_EXTENSIONS.has(extension)) refuse(importMessages.notExcel(extension));

  const { text, encoding } = decodeCsv(bytes);
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  const name = baseName(fileName);
  const records = parseCsv(text, delimiter, { limits, sheetName: '' });
  return { format: 'csv', encoding, delimiter, sheets: [toRawSheet(name, false, records, options.headerRow)] };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
