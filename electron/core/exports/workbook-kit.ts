/**
 * The one place where values meet ExcelJS. Every workbook the app writes goes through these helpers so that the
 * rules of issue 7 hold everywhere:
 *
 * - **Only safe values reach ExcelJS.** `cellValue` maps a value explicitly: strings, finite numbers, booleans,
 *   valid Dates and formulas made by our own `formula()` pass; `null`/`undefined` become an empty cell; any other
 *   object (from data: `{ formula }`, `{ text, hyperlink }`, `{ richText }` …) becomes text. ExcelJS would turn
 *   an object with a `formula` key into a live formula and `{ text, hyperlink }` into a link.
 * - **Formula injection.** Text whose first character is `=`, `+`, `-`, `@`, tab or carriage return (or the
 *   full-width `＝＋－＠` that some Excel locales also accept) gets a leading apostrophe `'`, as OWASP recommends
 *   for CSV. The apostrophe is part of the stored text: Excel and LibreOffice both show `'=1+1` as text, and it
 *   survives "save as CSV" and re-opening, where a style-only marker (quotePrefix) would be lost. Numbers are never
 *   affected: a negative amount is a number cell, not the text `-1`. A phone number written as `+4670…` does get
 *   the apostrophe; screens that export phones should write them in the national form (`070-123 45 67`).
 * - **Characters ExcelJS would drop silently** (C0 controls except tab/LF/CR, DEL, U+FFFE/U+FFFF and lone UTF-16
 *   surrogates) are replaced by U+FFFD `�`, so a damaged value is visible instead of quietly changed. CRLF and a
 *   lone CR become LF, Excel's line break in a cell (XML would silently do the same on reading). Text longer
 *   than Excel's 32 767-character cell limit is cut and ends with `…`.
 * - **Numbers and dates are real**: money columns take integer öre and write kronor with an invariant number
 *   format (`#,##0 "kr"`; Excel and LibreOffice show it with the reader's separators, `1 234 567 kr` in Sweden);
 *   dates are `Date.UTC` values (ExcelJS writes Dates as UTC, so a local-midnight Date would show the day before).
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../contract/result';
import { isRealDate } from '../store/schema';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;

// ---------------------------------------------------------------- number formats
/** Invariant format codes; never localised ones such as `# ##0,00` (they break in every other locale). */
export const numberFormats = {
  /** Whole kronor: `1 234 567 kr`. */
  kr: '#,##0 "kr"',
  /** Kronor and öre: `1 234 567,50 kr`. */
  krOre: '#,##0.00 "kr"',
  integer: '#,##0',
  /** A fraction shown as per cent with one decimal: 0.087 shows `8,7 %`. */
  percent: '0.0 %',
  date: 'yyyy-mm-dd',
  text: '@',
} as const;

export const APP_CREATOR = 'Sambruk Kansli';
export const APP_COMPANY = 'Föreningen Sambruk';
/** Excel refuses longer cell texts. */
export const MAX_CELL_TEXT = 32_767;

// ---------------------------------------------------------------- formulas
const FORMULA = Symbol('sambruk.formula');

type FormulaResult = number | string | boolean | Date;
/** A formula made by our own code. The symbol brand cannot come from parsed data (JSON has no symbols). */
export type Formula = { readonly [FORMULA]: true; readonly formula: string; readonly result?: FormulaResult };

/**
 * A live formula, optionally with the value the app computed for it: ExcelJS stores that as the cached result, so
 * viewers that do not recalculate (previewers, some mobile apps) still show a number.
 * `expression` is written without the leading `=`.
 */
export function formula(expression: string, result?: FormulaResult): Formula {
  const text = expression.startsWith('=') ? expression.slice(1) : expression;
  if (result !== undefined && typeof result === 'number' && !Number.isFinite(result)) {
    throw new AppError('internal', 'Ett beräknat värde i Excel-filen är inte ett tal.');
  }
  return result === undefined ? { [FORMULA]: true, formula: text } : { [FORMULA]: true, formula: text, result };
}

export function isFormula(value: unknown): value is Formula {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[FORMULA] === true;
}

// ---------------------------------------------------------------- text and values
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const DROPPED_BY_EXCELJS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;
const FORMULA_TRIGGER = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Text as it will be stored: visible replacement for dropped characters, apostrophe before formula triggers. */
export function safeText(value: string): string {
  let text = value.replace(LONE_SURROGATE, '\uFFFD').replace(DROPPED_BY_EXCELJS, '\uFFFD');
  const trigger = FORMULA_TRIGGER.test(text);
  // XML parsers turn a raw CR into LF (ExcelJS does not write `_x000D_`), so do it openly: LF is Excel's line break.
  text = text.replace(/\r\n?/g, '\n');
  if (trigger) text = `'${text}`;
  if (text.length > MAX_CELL_TEXT) text = `${text.slice(0, MAX_CELL_TEXT - 1)}…`;
  return text;
}

/** The string form of a value that is not one of the allowed cell types. */
function textOf(value: unknown): string {
  if (typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function') return String(value);
  if (Array.isArray(value)) return value.map(textOf).join(', ');
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.richText)) {
      return record.richText.map((run) => (typeof run === 'object' && run !== null ? String((run as { text?: unknown }).text ?? '') : '')).join('');
    }
    if (typeof record.text === 'string' && typeof record.hyperlink === 'string') {
      return record.text === record.hyperlink ? record.text : `${record.text} (${record.hyperlink})`;
    }
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/**
 * Maps any value to what ExcelJS may see. Throws `AppError('internal')` for a non-finite number or an invalid
 * Date: those are bugs in the caller, and writing them as text would hide a wrong figure in a finance workbook.
 */
export function cellValue(value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : safeText(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new AppError('internal', 'Ett värde i Excel-filen är inte ett giltigt tal.');
    return Object.is(value, -0) ? 0 : value;
  }
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new AppError('internal', 'Ett datum i Excel-filen är ogiltigt.');
    return value;
  }
  if (isFormula(value)) {
    const result = value.result;
    return result === undefined
      ? { formula: value.formula }
      : { formula: value.formula, result: typeof result === 'string' ? safeText(result) : result };
  }
  return safeText(textOf(value));
}

/** `YYYY-MM-DD` as a Date at UTC midnight, which ExcelJS writes as that very day in every time zone. */
export function excelDate(isoDate: string): Date {
  if (!isRealDate(isoDate)) throw new AppError('internal', `Datumet ${isoDate} är ogiltigt.`);
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

// ---------------------------------------------------------------- columns
/**
 * `kr` and `kr-ore` take integer öre and write kronor; `percent` takes a fraction (0.25 = 25 %); `date` takes a
 * `YYYY-MM-DD` string (or a UTC Date); `integer`/`number` take numbers; `text` and `boolean` what they say.
 * A value of the wrong type is still written, as text, so nothing disappears.
 */
export type ColumnKind = 'text' | 'integer' | 'number' | 'kr' | 'kr-ore' | 'percent' | 'date' | 'boolean';

export type ColumnDef<Row> = {
  header: string;
  /** A property of the row, or a function reading the value. */
  key: (keyof Row & string) | ((row: Row) => unknown);
  kind: ColumnKind;
  /** Width in characters; computed from the content when absent. */
  width?: number;
};

const formatOfKind: Record<ColumnKind, string | undefined> = {
  text: numberFormats.text,
  integer: numberFormats.integer,
  number: undefined,
  kr: numberFormats.kr,
  'kr-ore': numberFormats.krOre,
  percent: numberFormats.percent,
  date: numberFormats.date,
  boolean: undefined,
};

export function formatOf(kind: ColumnKind): string | undefined {
  return formatOfKind[kind];
}

/** The value a column writes for a raw row value, after the kind's conversion (öre to kronor, ISO to Date). */
export function columnCellValue(value: unknown, kind: ColumnKind): ExcelJS.CellValue {
  if (isFormula(value)) return cellValue(value);
  switch (kind) {
    case 'kr':
    case 'kr-ore':
      return typeof value === 'number' && Number.isFinite(value) ? cellValue(value / 100) : cellValue(value);
    case 'date':
      return typeof value === 'string' && isRealDate(value) ? excelDate(value) : cellValue(value);
    default:
      return cellValue(value);
  }
}

const svInteger = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const svDecimal = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const svNumber = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 10 });
const svPercent = new Intl.NumberFormat('sv-SE', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Roughly what a Swedish reader will see, to size the column. */
export function displayText(value: ExcelJS.CellValue, kind: ColumnKind): string {
  if (value === null || value === undefined) return '';
  const shown = typeof value === 'object' && !(value instanceof Date) && 'formula' in value ? value.result : value;
  if (shown === null || shown === undefined) return kind === 'kr' || kind === 'kr-ore' ? '0 000 000 kr' : '';
  if (typeof shown === 'number') {
    switch (kind) {
      case 'kr':
        return `${svInteger.format(shown)} kr`;
      case 'kr-ore':
        return `${svDecimal.format(shown)} kr`;
      case 'integer':
        return svInteger.format(shown);
      case 'percent':
        return svPercent.format(shown);
      default:
        return svNumber.format(shown);
    }
  }
  if (shown instanceof Date) return 'ÅÅÅÅ-MM-DD';
  if (typeof shown === 'boolean') return 'FALSKT';
  if (typeof shown === 'string') return shown;
  return String(shown);
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** Width in characters: the longest line shown, plus room for the filter button on the header. */
export function widthFor(header: string, shown: readonly string[]): number {
  let longest = Math.max(...header.split('\n').map((l) => l.length)) + 3;
  for (const text of shown) for (const line of text.split('\n')) longest = Math.max(longest, line.length + 1);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 1));
}

/**
 * Sets a column's width. ExcelJS treats exactly 9 as "default" and leaves it out of the file, and Excel's real
 * default is 8.43, so 9 is written as 9.01.
 */
export function setColumnWidth(sheet: Worksheet, column: number, width: number): void {
  sheet.getColumn(column).width = width === 9 ? 9.01 : width;
}

// ---------------------------------------------------------------- workbook and sheets
export type WorkbookInfo = {
  title: string;
  subject: string;
  /** From the clock port, so the bytes are reproducible in tests. */
  created: Date;
  description?: string;
};

export function createWorkbook(info: WorkbookInfo): Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = APP_CREATOR;
  workbook.lastModifiedBy = APP_CREATOR;
  workbook.company = APP_COMPANY;
  workbook.title = safeText(info.title);
  workbook.subject = safeText(info.subject);
  if (info.description) workbook.description = safeText(info.description);
  workbook.created = info.created;
  workbook.modified = info.created;
  return workbook;
}

const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;
export const MAX_SHEET_NAME = 31;

/**
 * A sheet name Excel accepts and that is unique in the workbook (case-insensitive, as Excel compares):
 * forbidden characters `[]:*?/\` become `-`, leading/trailing apostrophes go, at most 31 characters,
 * never the reserved `History`.
 */
export function safeSheetName(workbook: Workbook, wanted: string): string {
  let base = wanted
    .replace(LONE_SURROGATE, '')
    .replace(DROPPED_BY_EXCELJS, '')
    .replace(/[\t\r\n]/g, ' ')
    .replace(FORBIDDEN_IN_SHEET_NAME, '-')
    .replace(/^'+|'+$/g, '')
    .trim();
  if (base === '' || base.toLowerCase() === 'history') base = base === '' ? 'Blad' : `${base} (1)`;
  base = base.slice(0, MAX_SHEET_NAME).trim();
  const taken = new Set(workbook.worksheets.map((s) => s.name.toLowerCase()));
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${base.slice(0, MAX_SHEET_NAME - suffix.length).trim()}${suffix}`;
  }
  return name;
}

/** Header/footer text is a small language of its own: `&` starts a code, so a literal ampersand is `&&`. */
function headerText(text: string): string {
  return safeText(text).replace(/&/g, '&&');
}

export type PrintInfo = {
  /** Named in the printed page header, e.g. "Budget". */
  title: string;
  /** The year the sheet is about, in the printed header. */
  year?: number | string;
  /** Rows repeated on every printed page, e.g. `1:1` or `4:4`. */
  repeatRows?: string;
};

/** Landscape A4, fitted to one page wide, a header naming the sheet and year, page numbers in the footer. */
export function setupPrint(sheet: Worksheet, info: PrintInfo): void {
  sheet.pageSetup.orientation = 'landscape';
  sheet.pageSetup.paperSize = 9;
  sheet.pageSetup.fitToPage = true;
  sheet.pageSetup.fitToWidth = 1;
  sheet.pageSetup.fitToHeight = 0;
  if (info.repeatRows) sheet.pageSetup.printTitlesRow = info.repeatRows;
  const year = info.year === undefined ? '' : ` ${info.year}`;
  sheet.headerFooter.oddHeader = `&L&B${headerText(info.title)}${headerText(year)}&R${headerText(APP_COMPANY)}`;
  sheet.headerFooter.oddFooter = `&L${headerText(APP_CREATOR)}&RSida &P av &N`;
}

export type TableSheetSpec<Row> = {
  /** Sheet name; made safe and unique with `safeSheetName`. */
  name: string;
  columns: readonly ColumnDef<Row>[];
  rows: readonly Row[];
  /** Printed page header; defaults to the sheet name. */
  printTitle?: string;
  year?: number | string;
  /** Lines above the table (what it shows, which filters); a blank row separates them from the header. */
  titleLines?: readonly string[];
};

export type TableSheet = {
  sheet: Worksheet;
  /** 1-based row number of the header row. */
  headerRow: number;
  /** 1-based row number of the first and last data row (last < first when there are no rows). */
  firstDataRow: number;
  lastDataRow: number;
};

function readKey<Row>(row: Row, key: ColumnDef<Row>['key']): unknown {
  return typeof key === 'function' ? key(row) : (row as Record<string, unknown>)[key];
}

/**
 * A sheet holding one table: optional title lines, a bold header row that is frozen and auto-filtered, one row
 * per data row with each column's number format, widths from the content, print setup.
 */
export function addTableSheet<Row>(workbook: Workbook, spec: TableSheetSpec<Row>): TableSheet {
  const name = safeSheetName(workbook, spec.name);
  const sheet = workbook.addWorksheet(name);
  const titleLines = spec.titleLines ?? [];
  titleLines.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = cellValue(line);
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  const headerRow = titleLines.length === 0 ? 1 : titleLines.length + 2;

  const shown: string[][] = spec.columns.map(() => []);
  const header = sheet.getRow(headerRow);
  spec.columns.forEach((column, c) => {
    const cell = header.getCell(c + 1);
    cell.value = cellValue(column.header);
    cell.font = { bold: true };
    cell.alignment = { vertical: 'top', wrapText: true };
  });

  spec.rows.forEach((row, r) => {
    const excelRow = sheet.getRow(headerRow + 1 + r);
    spec.columns.forEach((column, c) => {
      const value = columnCellValue(readKey(row, column.key), column.kind);
      const cell = excelRow.getCell(c + 1);
      cell.value = value;
      const format = formatOf(column.kind);
      if (format && !(column.kind === 'text' && typeof value !== 'string')) cell.numFmt = format;
      if (typeof value === 'string' && value.includes('\n')) cell.alignment = { vertical: 'top', wrapText: true };
      shown[c]?.push(displayText(value, column.kind));
    });
  });

  spec.columns.forEach((column, c) => {
    setColumnWidth(sheet, c + 1, column.width ?? widthFor(column.header, shown[c] ?? []));
  });

  const lastDataRow = headerRow + spec.rows.length;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  if (spec.columns.length > 0) {
    sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(headerRow, lastDataRow), column: spec.columns.length } };
  }
  setupPrint(sheet, { title: spec.printTitle ?? name, year: spec.year, repeatRows: `${headerRow}:${headerRow}` });
  return { sheet, headerRow, firstDataRow: headerRow + 1, lastDataRow };
}

/** The workbook as xlsx bytes. */
export async function toBytes(workbook: Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** A1-style column letters for a 1-based column number. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
