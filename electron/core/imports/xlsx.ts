/**
 * `.xlsx` read defensively. ExcelJS's reader inflates every zip entry whole (a 205 KB crafted file took
 * memory from 66 MB to 324 MB), so nothing reaches it before `inspectXlsx` has:
 *
 * 1. read the zip's central directory by hand (no zip64, no encryption, stored/deflate only), and refused any
 *    byte outside the listed entries, the directory and its end record (a second, hidden directory);
 * 2. refused macros (`vbaProject.bin`, a macro-enabled content type), OpenDocument and non-Excel packages;
 * 3. refused when the claimed total uncompressed size passes the limit (50 MB) or, above 1 MB, the
 *    uncompressed/compressed ratio passes 100;
 * 4. inflated every entry with a cap, in 64 KB pieces, proving the claimed sizes (a file that lies is refused as
 *    soon as an entry produces more than it claims), and on the way counted each worksheet's rows and cells and
 *    read its `<dimension>`: a sheet with, or claiming, more rows than allowed is refused, and so is a workbook
 *    with more cells than allowed (ExcelJS took about 680 MB and 6 s for a million cells here);
 * 5. rebuilt the zip from the checked entries alone (`rebuildZip`): ExcelJS is handed that copy, never the file,
 *    so it cannot find another directory, entry or name than the ones checked.
 *
 * Reading then takes each cell's text as written: strings as they are (a phone `0701234567` stored as text
 * stays so), numbers as JavaScript writes them (`1234.5`; a number formatted only with zeros, like `0000`, is
 * padded to that width), a formula's cached result (never the formula), booleans as `SANT`/`FALSKT`, and a date
 * as `YYYY-MM-DD` (with ` HH:MM` when it has a time) only where the cell is a date. Merged areas keep their
 * text in the top-left cell.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../contract/result';
import { utcDateOf } from '../../contract/rules/calendar-date';
import { importMessages, refuse } from './import-messages';
import { toRawSheet, type RawRecord, type RawSheet } from './raw-table';
import { inflateEntry, readEntry, readZipDirectory, rebuildZip, ZipProblem, type ZipEntry } from './zip';

declare const checked: unique symbol;
/** A zip that `inspectXlsx` checked and rebuilt from the checked entries: the only bytes ExcelJS is given. */
export type CheckedXlsx = Uint8Array & { readonly [checked]: true };

export type XlsxLimits = {
  maxRows: number;
  maxColumns: number;
  maxCells: number;
  maxSheets: number;
  maxUncompressedBytes: number;
  maxRatio: number;
};

const RATIO_FLOOR = 1_000_000;
const SMALL_PART = 2_000_000;

function zipRefusal(problem: ZipProblem, limits: XlsxLimits): never {
  switch (problem.kind) {
    case 'encrypted':
      return refuse(importMessages.encrypted, { reason: problem.kind });
    case 'too-large':
    case 'too-many-entries':
      return refuse(importMessages.bomb(limits.maxUncompressedBytes), { reason: problem.kind });
    case 'hidden-data':
      return refuse(importMessages.hiddenData, { reason: problem.kind, detail: problem.message });
    default:
      return refuse(importMessages.corrupt, { reason: problem.kind, detail: problem.message });
  }
}

/** A character XML allows (XML 1.0, section 2.2). */
const isXmlChar = (code: number) =>
  code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);

const NAMED: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

/**
 * An attribute value's text, references resolved in one pass. A reference to no character XML allows
 * (`&#x110000;`, `&#0;`, a surrogate) makes the part malformed XML: the file is refused as damaged, as Excel
 * and ExcelJS's parser would refuse it.
 */
function xmlText(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|quot|apos|amp);/g, (reference, body: string) => {
    if (!body.startsWith('#')) return NAMED[body] ?? reference;
    const code = body.startsWith('#x') ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    if (!isXmlChar(code)) refuse(importMessages.corrupt, { reason: 'xml', detail: `invalid character reference ${reference.slice(0, 40)}` });
    return String.fromCodePoint(code);
  });
}

/** Sheet names by worksheet part (`xl/worksheets/sheet1.xml` -> `Medlemmar`), for messages that name the sheet. */
async function sheetNamesByPart(bytes: Uint8Array, byName: Map<string, ZipEntry>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const workbook = byName.get('xl/workbook.xml');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return names;
  const decoder = new TextDecoder();
  const workbookXml = decoder.decode(await readEntry(bytes, workbook, SMALL_PART));
  const relsXml = decoder.decode(await readEntry(bytes, rels, SMALL_PART));
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name && part) names.set(part, xmlText(name));
  }
  return names;
}

/** Counts `<row>` and `<c>` elements and reads `<dimension>` from a worksheet streamed in pieces. */
class RowScanner {
  rows = 0;
  cells = 0;
  maxRowNumber = 0;
  dimensionRows = 0;
  private carry = '';
  private readonly decoder = new TextDecoder();

  feed(chunk: Uint8Array): void {
    const text = this.carry + this.decoder.decode(chunk, { stream: true });
    const open = text.lastIndexOf('<');
    const cut = open >= 0 && text.indexOf('>', open) < 0 ? open : text.length;
    const complete = text.slice(0, cut);
    // A tag longer than 4 KB is not one we look for; dropping its start keeps memory bounded.
    this.carry = text.length - cut > 4096 ? '' : text.slice(cut);
    if (this.dimensionRows === 0) {
      const ref = /<(?:\w+:)?dimension\b[^>]*\bref="([^"]*)"/.exec(complete)?.[1];
      if (ref) this.dimensionRows = Number(/(\d+)$/.exec(ref)?.[1] ?? 0);
    }
    for (const m of complete.matchAll(/<(?:\w+:)?row(?=[\s>/])([^>]*)>/g)) {
      this.rows++;
      const r = /\br="(\d+)"/.exec(m[1] ?? '')?.[1];
      if (r) this.maxRowNumber = Math.max(this.maxRowNumber, Number(r));
    }
    this.cells += complete.match(/<(?:\w+:)?c(?=[\s>/])/g)?.length ?? 0;
  }
}

const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
/** ExcelJS's own test (unanchored, after dropping a leading `/`): every part it would parse as a sheet is scanned. */
const EXCELJS_WORKSHEET = /xl\/worksheets\/sheet\d+[.]xml/i;
const isWorksheetPart = (name: string) => WORKSHEET_PART.test(name) || EXCELJS_WORKSHEET.test(name);

/**
 * Everything short of parsing: refuses hostile or unreadable packages before ExcelJS sees them, and returns the
 * zip rebuilt from the entries it checked, for `readXlsx`.
 */
export async function inspectXlsx(bytes: Uint8Array, limits: XlsxLimits): Promise<CheckedXlsx> {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (error) {
    if (error instanceof ZipProblem) zipRefusal(error, limits);
    throw error;
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  // Part names are case-insensitive in a package, and ExcelJS drops a leading `/`: two entries that name one
  // part would give two readings of the file.
  const partNames = new Set(entries.map((e) => e.name.replace(/^\//, '').toLowerCase()));
  if (partNames.size !== entries.length) refuse(importMessages.corrupt, { reason: 'duplicate-part' });

  if (entries.some((e) => /(^|\/)vbaProject[^/]*\.bin$/i.test(e.name))) refuse(importMessages.macro, { reason: 'vba' });
  if (byName.has('mimetype') || byName.has('content.xml')) refuse(importMessages.ods);
  const contentTypes = byName.get('[Content_Types].xml');
  if (!contentTypes || !byName.has('xl/workbook.xml')) refuse(importMessages.notSpreadsheet);

  const claimed = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  const compressed = entries.reduce((n, e) => n + e.compressedSize, 0);
  if (claimed > limits.maxUncompressedBytes) refuse(importMessages.bomb(limits.maxUncompressedBytes), { reason: 'size', claimed });
  if (claimed > RATIO_FLOOR && claimed / Math.max(1, compressed) > limits.maxRatio) {
    refuse(importMessages.bomb(limits.maxUncompressedBytes), { reason: 'ratio', ratio: claimed / Math.max(1, compressed) });
  }

  try {
    const types = new TextDecoder().decode(await readEntry(bytes, contentTypes, SMALL_PART));
    if (/macroEnabled|vbaProject/i.test(types)) refuse(importMessages.macro, { reason: 'content-type' });

    const sheetNames = await sheetNamesByPart(bytes, byName);
    const worksheets = entries.filter((e) => isWorksheetPart(e.name));
    if (worksheets.length > limits.maxSheets) refuse(importMessages.tooManySheets(worksheets.length, limits.maxSheets));

    let produced = 0;
    let cellsBefore = 0;
    for (const entry of entries) {
      const sheet = sheetNames.get(entry.name) ?? entry.name.replace(/^.*\//, '').replace(/\.xml$/i, '');
      const scanner = isWorksheetPart(entry.name) || sheetNames.has(entry.name) ? new RowScanner() : undefined;
      const size = await inflateEntry(bytes, entry, {
        maxBytes: limits.maxUncompressedBytes - produced,
        onChunk: scanner
          ? (chunk) => {
              scanner.feed(chunk);
              if (scanner.dimensionRows > limits.maxRows) {
                refuse(importMessages.tooManyRows(sheet, limits.maxRows, scanner.dimensionRows), { reason: 'dimension' });
              }
              if (scanner.rows > limits.maxRows || scanner.maxRowNumber > limits.maxRows) {
                refuse(importMessages.tooManyRows(sheet, limits.maxRows), { reason: 'rows' });
              }
              // ExcelJS needs several hundred bytes per cell, so cells are bounded for the whole workbook.
              if (cellsBefore + scanner.cells > limits.maxCells) {
                refuse(importMessages.tooManyCells(sheet, limits.maxCells), { reason: 'cells' });
              }
            }
          : undefined,
      });
      cellsBefore += scanner?.cells ?? 0;
      if (size !== entry.uncompressedSize) throw new ZipProblem('corrupt', `${entry.name}: ${size} bytes, claimed ${entry.uncompressedSize}`);
      produced += size;
    }
    return rebuildZip(bytes, entries) as CheckedXlsx;
  } catch (error) {
    if (error instanceof ZipProblem) zipRefusal(error, limits);
    throw error;
  }
}

function isoOf(date: Date): string {
  const day = utcDateOf(date);
  const time = date.toISOString().slice(11, 16);
  if (day === '1899-12-30' || day === '1899-12-31') return time;
  return time === '00:00' ? day : `${day} ${time}`;
}

function numberText(value: number, numFmt: string | undefined): string {
  if (numFmt && /^0+$/.test(numFmt) && Number.isInteger(value) && value >= 0) return String(value).padStart(numFmt.length, '0');
  return String(value);
}

type FormulaLike = { result?: unknown };

function valueText(value: unknown, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'SANT' : 'FALSKT';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoOf(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((run) => String((run as { text?: unknown }).text ?? '')).join('');
    if ('formula' in v || 'sharedFormula' in v) return valueText((v as FormulaLike).result, numFmt);
    if (typeof v.error === 'string') return v.error;
    if ('text' in v) return valueText(v.text, numFmt);
  }
  return String(value);
}

export function cellText(cell: ExcelJS.Cell): string {
  if (cell.type === ExcelJS.ValueType.Merge) return '';
  return valueText(cell.value, cell.numFmt);
}

/**
 * Reads a workbook `inspectXlsx` checked and rebuilt. ExcelJS is a parser of untrusted input here: anything it
 * throws, while loading or while its result is walked, is about the file and is refused as unreadable.
 */
export async function readXlsx(bytes: CheckedXlsx, limits: XlsxLimits, headerRow?: number): Promise<RawSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    return workbook.worksheets.map((sheet) => {
      const records: RawRecord[] = [];
      let cells = 0;
      sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        if (rowNumber > limits.maxRows) refuse(importMessages.tooManyRows(sheet.name, limits.maxRows));
        const texts: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          if (column > limits.maxColumns) refuse(importMessages.tooManyColumns(sheet.name, limits.maxColumns));
          texts[column - 1] = cellText(cell);
        });
        const dense = Array.from({ length: texts.length }, (_, i) => texts[i] ?? '');
        cells += dense.length;
        if (cells > limits.maxCells) refuse(importMessages.tooManyCells(sheet.name, limits.maxCells));
        records.push({ cells: dense, number: rowNumber });
      });
      return toRawSheet(sheet.name, sheet.state !== 'visible', records, headerRow);
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    refuse(importMessages.unreadable, { reason: 'parser', detail: error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200) });
  }
}
