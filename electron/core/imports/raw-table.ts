/**
 * The shape every imported file is read into: per sheet, a header and rows of strings exactly as written (no
 * trimming, no number or date coercion), each row with the row number the user sees in Excel, so a later
 * validation message can say "rad 17".
 */
import { importMessages, refuse } from './import-messages';

export type RawSheet = {
  name: string;
  /** Hidden sheets are read too; the UI may leave them out of the first choice. */
  hidden: boolean;
  /** Lines above the header (a title, a filter description), each as its non-empty cells joined by spaces. */
  titleLines: string[];
  /** 1-based row number of the header in the file; 0 when the sheet is empty. */
  headerRowNumber: number;
  header: string[];
  /** Every row padded to the same width as the header. Rows with nothing but blanks are left out. */
  rows: string[][];
  /** 1-based row number of each row in `rows`, as Excel numbers it. */
  rowNumbers: number[];
};

export type RawTable = {
  format: 'xlsx' | 'csv';
  /** For CSV: how the bytes were decoded. */
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** For CSV: the field separator found or given. */
  delimiter?: ',' | ';' | '\t';
  sheets: RawSheet[];
};

export type RawRecord = { cells: string[]; number: number };

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
const filled = (cells: readonly string[]) => cells.reduce((n, c) => n + (c.trim() === '' ? 0 : 1), 0);

/**
 * Picks the header: the given row, or else the first of the first 20 non-blank rows that has at least 60 % as
 * many filled cells as the fullest of them. That skips a title line or two ("Medlemmar", "Urval: …") above the
 * real header, as in the app's own exports, without mistaking a data row for the header.
 */
export function toRawSheet(name: string, hidden: boolean, records: readonly RawRecord[], headerRow?: number): RawSheet {
  const nonBlank = records.filter((r) => !isBlank(r.cells));
  if (headerRow !== undefined) {
    const exists = nonBlank.some((r) => r.number === headerRow);
    if (!exists) refuse(importMessages.headerRowMissing(headerRow), { field: 'headerRow' });
  }
  if (nonBlank.length === 0) {
    return { name, hidden, titleLines: [], headerRowNumber: 0, header: [], rows: [], rowNumbers: [] };
  }
  let headerIndex = 0;
  if (headerRow !== undefined) {
    headerIndex = nonBlank.findIndex((r) => r.number === headerRow);
  } else {
    const head = nonBlank.slice(0, 20);
    const most = Math.max(...head.map((r) => filled(r.cells)));
    const needed = Math.max(1, Math.ceil(most * 0.6));
    headerIndex = Math.max(0, head.findIndex((r) => filled(r.cells) >= needed));
  }
  const headerRecord = nonBlank[headerIndex] as RawRecord;
  const body = nonBlank.slice(headerIndex + 1);
  const usedWidth = (cells: readonly string[]) => {
    let w = cells.length;
    while (w > 0 && (cells[w - 1] ?? '') === '') w--;
    return w;
  };
  const width = body.reduce((w, r) => Math.max(w, usedWidth(r.cells)), usedWidth(headerRecord.cells));
  const pad = (cells: readonly string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  return {
    name,
    hidden,
    titleLines: nonBlank.slice(0, headerIndex).map((r) => r.cells.filter((c) => c.trim() !== '').join(' ')),
    headerRowNumber: headerRecord.number,
    header: pad(headerRecord.cells),
    rows: body.map((r) => pad(r.cells)),
    rowNumbers: body.map((r) => r.number),
  };
}
