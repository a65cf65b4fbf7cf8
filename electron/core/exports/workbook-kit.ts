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
 *   dates are Dates at UTC midnight (ExcelJS writes Dates as UTC, so a local-midnight Date would show the day before).
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../contract/result';
import { dateAt, instantAt, isCalendarDate, utcMidnightMs } from '../../contract/rules/calendar-date';
import { xlsxBytes } from './xlsx-package';

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

/** Any character `safeText` may change (every surrogate, not only lone ones, and CR): text without one is kept as it is. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const MAY_CHANGE = /[\u0000-\u0008\u000B-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text as it will be stored: visible replacement for dropped characters, apostrophe before formula triggers. */
export function safeText(value: string): string {
  // Nearly every text is plain: two quick tests instead of four replacements.
  if (value.length <= MAX_CELL_TEXT && !FORMULA_TRIGGER.test(value) && !MAY_CHANGE.test(value)) return value;
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

/** UTC midnight of each `YYYY-MM-DD` seen (null: not a real date); a workbook has few distinct days and many dates. */
const utcMidnights = new Map<string, number | null>();

function utcMidnightOf(isoDate: string): number | null {
  let ms = utcMidnights.get(isoDate);
  if (ms === undefined) {
    ms = isCalendarDate(isoDate) ? utcMidnightMs(isoDate) : null;
    if (utcMidnights.size >= 100_000) utcMidnights.clear();
    utcMidnights.set(isoDate, ms);
  }
  return ms;
}

/** `YYYY-MM-DD` as a Date at UTC midnight, which ExcelJS writes as that very day in every time zone. */
export function excelDate(isoDate: string): Date {
  const ms = utcMidnightOf(isoDate);
  if (ms === null) throw new AppError('internal', `Datumet ${isoDate} är ogiltigt.`);
  return instantAt(ms);
}

// ---------------------------------------------------------------- styles
/** Top-aligned, wrapped: headers and text with line breaks. */
export const TOP_WRAP: Partial<ExcelJS.Alignment> = Object.freeze({ vertical: 'top', wrapText: true });

/** The style parts the app sets on a cell. */
export type CellStyle = {
  numFmt?: string;
  font?: Partial<ExcelJS.Font>;
  alignment?: Partial<ExcelJS.Alignment>;
  border?: Partial<ExcelJS.Borders>;
};

const sharedStyles = new Map<string, Partial<ExcelJS.Style>>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const part of Object.values(value)) deepFreeze(part);
  }
  return value;
}

/** Whether ExcelJS will write the value as a date (a Date, or a formula whose cached result is one). */
function holdsDate(value: unknown): boolean {
  return value instanceof Date || (typeof value === 'object' && value !== null && 'formula' in value && (value as { result?: unknown }).result instanceof Date);
}

/**
 * One frozen style object per distinct style, shared by every cell that has it. ExcelJS gives each new cell a
 * style object of its own and, when writing, turns each cell's object into XML to look its style up, unless it
 * has seen that very object before: with 700 000 cells that lookup was close to half of the writing time.
 * Frozen, so that `cell.font = …` on a cell that shares it throws instead of restyling every other cell:
 * set a cell's style with `setCell`/`restyle`, never through ExcelJS's per-part setters.
 *
 * `date`: ExcelJS gives a date cell without a number format a date format of its own, and remembers a shared
 * object's first cell type, so date cells without `numFmt` get an object of their own.
 */
export function sharedStyle(style: CellStyle, date = false): Partial<ExcelJS.Style> {
  const asDate = date && style.numFmt === undefined;
  const key = JSON.stringify([style.numFmt ?? null, style.font ?? null, style.alignment ?? null, style.border ?? null, asDate]);
  let shared = sharedStyles.get(key);
  if (!shared) {
    const made: Partial<ExcelJS.Style> = {};
    // Deep copies (the parts are plain data), so freezing never reaches a caller's objects.
    const copy = <T>(part: T): T => JSON.parse(JSON.stringify(part)) as T;
    if (style.numFmt !== undefined) made.numFmt = style.numFmt;
    if (style.font) made.font = copy(style.font);
    if (style.alignment) made.alignment = copy(style.alignment);
    if (style.border) made.border = copy(style.border);
    shared = deepFreeze(made);
    sharedStyles.set(key, shared);
  }
  return shared;
}

/** Sets a cell's value (as given: map it with `cellValue` first) and its whole style, shared. */
export function setCell(cell: ExcelJS.Cell, value: ExcelJS.CellValue, style: CellStyle = {}): void {
  if (value !== null || cell.value !== null) cell.value = value;
  cell.style = sharedStyle(style, holdsDate(value));
}

/** Adds style parts to what a cell already has (`restyle(cell, { font: { bold: true } })`), shared. */
export function restyle(cell: ExcelJS.Cell, parts: CellStyle): void {
  const current = cell.style;
  cell.style = sharedStyle(
    {
      numFmt: 'numFmt' in parts ? parts.numFmt : current.numFmt,
      font: parts.font ?? current.font,
      alignment: parts.alignment ?? current.alignment,
      border: parts.border ?? current.border,
    },
    holdsDate(cell.value),
  );
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
    case 'date': {
      const ms = typeof value === 'string' ? utcMidnightOf(value) : null;
      return ms !== null ? instantAt(ms) : cellValue(value);
    }
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

/** Length of the longest line of a text. */
function longestLine(text: string): number {
  if (!text.includes('\n')) return text.length;
  let longest = 0;
  for (const line of text.split('\n')) longest = Math.max(longest, line.length);
  return longest;
}

/** Length of the longest word of a text (headers wrap at spaces, never inside a word). */
function longestWord(text: string): number {
  let longest = 0;
  for (const word of text.split(/\s+/)) longest = Math.max(longest, word.length);
  return longest;
}

/** Bold header text is wider than the body text the width unit is measured in. */
const BOLD_FACTOR = 1.1;
/** Characters the filter button takes at the end of a header cell. */
const FILTER_BUTTON = 3;

/**
 * `widthFor` from the header and the longest line shown in the column (-1 when nothing is shown). The header
 * wraps at spaces (its row is made tall enough by `finishPrintLayout`), so only its longest word sets a floor:
 * a long header over short figures no longer widens the printed page.
 */
function widthFromLongest(header: string, longestShown: number): number {
  const longest = Math.max(Math.ceil(longestWord(header) * BOLD_FACTOR) + FILTER_BUTTON, longestShown + 1);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 1));
}

/** Width in characters: the longest line shown, and the header's longest word with room for the filter button. */
export function widthFor(header: string, shown: readonly string[]): number {
  let longest = -1;
  for (const text of shown) longest = Math.max(longest, longestLine(text));
  return widthFromLongest(header, longest);
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

/** The text of the page header's middle part: the day the workbook was made (its `created`, from the clock port). */
function madeOnHeader(created: Date): string {
  return `Skapad ${dateAt(created)}`;
}

/**
 * Landscape A4, a header naming the sheet, the year and the day the workbook was made, page numbers in the
 * footer. How many pages wide it prints is decided by `finishPrintLayout` once every width is known.
 */
export function setupPrint(sheet: Worksheet, info: PrintInfo): void {
  sheet.pageSetup.orientation = 'landscape';
  sheet.pageSetup.paperSize = 9;
  sheet.pageSetup.fitToPage = true;
  sheet.pageSetup.fitToWidth = 1;
  sheet.pageSetup.fitToHeight = 0;
  sheet.pageSetup.margins = { left: SIDE_MARGIN_IN, right: SIDE_MARGIN_IN, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  if (info.repeatRows) sheet.pageSetup.printTitlesRow = info.repeatRows;
  const year = info.year === undefined ? '' : ` ${info.year}`;
  const made = headerText(madeOnHeader(sheet.workbook.created));
  sheet.headerFooter.oddHeader = `&L&B${headerText(info.title)}${headerText(year)}&C${made}&R${headerText(APP_COMPANY)}`;
  sheet.headerFooter.oddFooter = `&L${headerText(APP_CREATOR)}&RSida &P av &N`;
}

// ---------------------------------------------------------------- print layout
/**
 * The smallest print scale a sheet may get (issue 16: no sheet below 70 % unless the user asks). The layout aims a
 * little above it, because the widths below are estimates of what Excel and LibreOffice draw.
 */
export const MIN_PRINT_SCALE = 0.7;
/** Wrapping aims here; a sheet whose estimate stays at or above `ONE_PAGE_SCALE` prints one page wide. */
const AIMED_SCALE = 0.75;
const ONE_PAGE_SCALE = 0.72;
/** Side margins in inches: narrower than Excel's 0.7, for room across the page. */
const SIDE_MARGIN_IN = 0.5;
/** A4 landscape less the side margins, in points. */
const PRINTABLE_WIDTH_PT = 842 - 2 * SIDE_MARGIN_IN * 72;
/** Narrowest a text column is wrapped down to when a sheet is too wide for its page. */
const WRAP_FLOOR = 14;
/** Points per line of 11-point text. */
export const LINE_HEIGHT_PT = 15;
/** Points per character of rotated 11-point header text, and the room around it. */
const ROTATED_CHAR_PT = 6.6;

/**
 * A column's printed width in points. Excel's width unit is the widest digit of Calibri 11 (7 px, plus 5 px
 * padding); where Calibri is missing, LibreOffice draws with a wider font (DejaVu Sans on Linux) and the same
 * width takes about a third more room. The layout plans for the wider, so the scale holds in both.
 */
function columnPoints(width: number): number {
  return (width * 7 + 5) * 0.75 * WIDE_FONT;
}
const WIDE_FONT = 1.35;

/**
 * Characters of text on one line of a column `width` wide. The width unit follows the font a reader draws with,
 * so a wider font makes the column wider on paper but holds about as many characters.
 */
function charsPerLine(width: number): number {
  return Math.max(1, Math.floor(width));
}

/** Lines a text needs when wrapped at spaces in `room` characters. */
export function wrappedLineCount(text: string, room: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      if (line === 0) line = word.length;
      else if (line + 1 + word.length <= room) line += 1 + word.length;
      else {
        lines += 1;
        line = word.length;
      }
    }
  }
  return lines;
}

/** How many pages wide the columns print at `scale`, each page after the first repeating `repeated` points. */
function pagesWide(widths: readonly number[], scale: number, repeated: number): number {
  const room = PRINTABLE_WIDTH_PT / scale;
  let pages = 1;
  let used = 0;
  for (const w of widths) {
    if (used > 0 && used + w > room) {
      pages += 1;
      used = repeated;
    }
    used += w;
  }
  return pages;
}

/** Rows at the top of a sheet (title lines) to be merged across the table and wrapped there. */
const titleRowsOf = new WeakMap<Worksheet, number[]>();

/**
 * Marks a title line to be merged across the table's columns and wrapped (by `finishPrintLayout`, once the widths
 * are final), so a long sentence neither runs off the printed page nor widens the page it is fitted to.
 */
export function mergeTitleRow(sheet: Worksheet, row: number): void {
  restyle(sheet.getCell(row, 1), { alignment: TOP_WRAP });
  titleRowsOf.set(sheet, [...(titleRowsOf.get(sheet) ?? []), row]);
}

/** Columns that fit on the first printed page even at full scale, so a merged title is never cut at a page edge. */
function firstPageColumns(widths: readonly number[]): number {
  let used = 0;
  let columns = 0;
  for (const w of widths) {
    if (used + w > PRINTABLE_WIDTH_PT) break;
    used += w;
    columns += 1;
  }
  return Math.max(1, columns);
}

function rowHeightForText(sheet: Worksheet, rowNumber: number, headerRow: boolean): number {
  let lines = 1;
  let rotated = 0;
  sheet.getRow(rowNumber).eachCell((cell, column) => {
    const text = typeof cell.value === 'string' ? cell.value : '';
    const alignment = cell.style.alignment;
    if (text === '' || !alignment) return;
    if (alignment.textRotation === 90 || alignment.textRotation === -90 || alignment.textRotation === 'vertical') {
      rotated = Math.max(rotated, text.length * ROTATED_CHAR_PT + 12);
      return;
    }
    if (!alignment.wrapText) return;
    const bold = cell.style.font?.bold === true;
    const width = (sheet.getColumn(column).width ?? 8.43) - (headerRow ? FILTER_BUTTON : 1);
    lines = Math.max(lines, wrappedLineCount(text, charsPerLine(width / (bold ? BOLD_FACTOR : 1))));
  });
  return Math.max(rotated, lines > 1 ? lines * LINE_HEIGHT_PT : 0);
}

/** The first row below the repeated header, where a sheet's data begins. */
function firstDataRowOf(sheet: Worksheet): number {
  const repeat = /^\$?\d+:\$?(\d+)$/.exec(sheet.pageSetup.printTitlesRow ?? '');
  return repeat ? Number(repeat[1]) + 1 : 1;
}

/**
 * A sheet too wide for one page at the aimed scale narrows its widest text columns (never below `WRAP_FLOOR`
 * or a column's longest word) and wraps their text, each row made tall enough for its lines, when that brings
 * it onto one page; a sheet that cannot get there keeps its widths and prints over more pages.
 */
function wrapToFit(sheet: Worksheet): void {
  const columns = Math.max(1, sheet.columnCount);
  const room = PRINTABLE_WIDTH_PT / AIMED_SCALE;
  const onePage = PRINTABLE_WIDTH_PT / ONE_PAGE_SCALE;
  const widths = Array.from({ length: columns }, (_v, i) => sheet.getColumn(i + 1).width ?? 8.43);
  const total = () => widths.reduce((sum, w) => sum + columnPoints(w), 0);
  if (total() <= room) return;
  const first = firstDataRowOf(sheet);
  const last = sheet.rowCount;
  // Per column: the narrowest it may get (its longest word), or nothing when it holds no text to wrap.
  const floors = widths.map((width, i) => {
    let longest = 0;
    let text = false;
    for (let r = first; r <= last; r++) {
      const value = sheet.findCell(r, i + 1)?.value;
      if (typeof value !== 'string') continue;
      text = true;
      longest = Math.max(longest, longestWord(value));
    }
    const header = sheet.findCell(first - 1, i + 1)?.value;
    if (typeof header === 'string') longest = Math.max(longest, Math.ceil(longestWord(header) * BOLD_FACTOR) + FILTER_BUTTON);
    return text ? Math.min(width, Math.max(WRAP_FLOOR, longest + 1)) : width;
  });
  // Narrowing that cannot bring the sheet onto one page would only make its rows taller: leave it as it is.
  if (floors.reduce((sum, w) => sum + columnPoints(w), 0) > onePage) return;
  while (total() > room) {
    let widest = -1;
    for (let i = 0; i < columns; i++) if (widths[i]! > floors[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    if (widest < 0) break;
    widths[widest] = Math.max(floors[widest]!, widths[widest]! - 1);
  }
  const narrowed = widths.flatMap((w, i) => (w < (sheet.getColumn(i + 1).width ?? 8.43) ? [i + 1] : []));
  for (const column of narrowed) setColumnWidth(sheet, column, widths[column - 1]!);
  if (narrowed.length === 0) return;
  for (let r = first; r <= last; r++) {
    let lines = 1;
    for (const column of narrowed) {
      // `findCell`, never `getCell`: looking must not create the cells a sparse sheet leaves out.
      const cell = sheet.findCell(r, column);
      if (!cell || typeof cell.value !== 'string') continue;
      restyle(cell, { alignment: TOP_WRAP });
      lines = Math.max(lines, wrappedLineCount(cell.value, charsPerLine(widths[column - 1]! - 1)));
    }
    const row = lines > 1 ? sheet.findRow(r) : undefined;
    if (row && lines * LINE_HEIGHT_PT > (row.height ?? 0)) {
      row.height = lines * LINE_HEIGHT_PT;
      // The row's other cells to the top too, so its figures stand beside the first line of its text.
      row.eachCell((cell) => restyle(cell, { alignment: { ...cell.style.alignment, vertical: 'top' } }));
    }
  }
}

/**
 * Sizes what readers do not size on their own, once every width is final (called by `toBytes`): title and header
 * rows tall enough for their wrapped or rotated text (LibreOffice keeps a file's row heights as written), and the
 * scale. A sheet that fitted to one page wide would print below about 72 % prints at 75 % over as many pages
 * across as it takes, never smaller.
 */
function finishPrintLayout(workbook: Workbook): void {
  for (const sheet of workbook.worksheets) {
    const setup = sheet.pageSetup;
    if (!setup.fitToPage) continue;
    wrapToFit(sheet);
    const widths = Array.from({ length: Math.max(1, sheet.columnCount) }, (_v, i) => columnPoints(sheet.getColumn(i + 1).width ?? 8.43));
    const titleColumns = firstPageColumns(widths);
    const titleWidth = Array.from({ length: titleColumns }, (_v, i) => sheet.getColumn(i + 1).width ?? 8.43).reduce((a, b) => a + b, 0);
    for (const row of titleRowsOf.get(sheet) ?? []) {
      if (titleColumns > 1) sheet.mergeCells(row, 1, row, titleColumns);
      const cell = sheet.getCell(row, 1);
      const text = typeof cell.value === 'string' ? cell.value : '';
      const bold = cell.style.font?.bold === true;
      const size = cell.style.font?.size ?? 11;
      const room = charsPerLine(((titleWidth - 1) * 11) / size / (bold ? BOLD_FACTOR : 1));
      sheet.getRow(row).height = wrappedLineCount(text, room) * LINE_HEIGHT_PT * Math.max(1, size / 11);
    }
    // Once: a workbook written twice must not merge its titles twice.
    titleRowsOf.delete(sheet);
    const repeat = /^\$?(\d+):\$?(\d+)$/.exec(setup.printTitlesRow ?? '');
    if (repeat) {
      for (let r = Number(repeat[1]); r <= Number(repeat[2]); r++) {
        const height = rowHeightForText(sheet, r, sheet.autoFilter !== undefined);
        const row = sheet.getRow(r);
        if (height > (row.height ?? 0)) row.height = height;
      }
    }
    const pages = pagesWide(widths, ONE_PAGE_SCALE, widths[0] ?? 0);
    setup.fitToWidth = 1;
    if (pages > 1) {
      // Too wide for one page at a readable scale: a fixed scale, over as many pages across as it takes, printed
      // across before down, so the pages that hold one set of rows follow each other and can be laid side by
      // side (a repeated first column would cut the merged title on the later pages).
      setup.fitToPage = false;
      setup.scale = Math.round(AIMED_SCALE * 100);
      setup.pageOrder = 'overThenDown';
    }
  }
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

/**
 * A sheet holding one table: optional title lines, a bold header row that is frozen and auto-filtered, one row
 * per data row with each column's number format, widths from the content, print setup.
 */
export function addTableSheet<Row>(workbook: Workbook, spec: TableSheetSpec<Row>): TableSheet {
  const name = safeSheetName(workbook, spec.name);
  const sheet = workbook.addWorksheet(name);
  const titleLines = spec.titleLines ?? [];
  titleLines.forEach((line, i) => {
    setCell(sheet.getCell(i + 1, 1), cellValue(line), i === 0 ? { font: { bold: true, size: 14 } } : {});
    mergeTitleRow(sheet, i + 1);
  });
  const headerRow = titleLines.length === 0 ? 1 : titleLines.length + 2;

  const header = sheet.getRow(headerRow);
  spec.columns.forEach((column, c) => {
    setCell(header.getCell(c + 1), cellValue(column.header), { font: { bold: true }, alignment: TOP_WRAP });
  });

  // Per column, the few styles its cells can have, made once: [with the kind's format?][wrapped?].
  const plans = spec.columns.map((column) => {
    const format = formatOf(column.kind);
    const key = column.key;
    return {
      kind: column.kind,
      read: typeof key === 'function' ? key : (row: Row) => (row as Record<string, unknown>)[key],
      format,
      plain: sharedStyle({}),
      plainDate: sharedStyle({}, true),
      plainWrapped: sharedStyle({ alignment: TOP_WRAP }),
      formatted: format ? sharedStyle({ numFmt: format }) : undefined,
      formattedWrapped: format ? sharedStyle({ numFmt: format, alignment: TOP_WRAP }) : undefined,
      longest: -1,
      /** The shown length of each number met: amounts repeat, and formatting one is the costly part. */
      numberLengths: new Map<number, number>(),
    };
  });

  let r = headerRow;
  for (const row of spec.rows) {
    const excelRow = sheet.getRow(++r);
    for (let c = 0; c < plans.length; c++) {
      const plan = plans[c] as (typeof plans)[number];
      const value = columnCellValue(plan.read(row), plan.kind);
      const cell = excelRow.getCell(c + 1);
      if (value !== null) cell.value = value;
      const formatted = plan.format !== undefined && !(plan.kind === 'text' && typeof value !== 'string');
      const wrapped = typeof value === 'string' && value.includes('\n');
      cell.style = formatted
        ? ((wrapped ? plan.formattedWrapped : plan.formatted) as Partial<ExcelJS.Style>)
        : wrapped
          ? plan.plainWrapped
          : holdsDate(value)
            ? plan.plainDate
            : plan.plain;
      let length: number;
      if (typeof value === 'number') {
        const known = plan.numberLengths.get(value);
        length = known ?? longestLine(displayText(value, plan.kind));
        if (known === undefined) plan.numberLengths.set(value, length);
      } else {
        length = longestLine(displayText(value, plan.kind));
      }
      if (length > plan.longest) plan.longest = length;
    }
  }

  spec.columns.forEach((column, c) => {
    setColumnWidth(sheet, c + 1, column.width ?? widthFromLongest(column.header, plans[c]?.longest ?? -1));
  });

  const lastDataRow = headerRow + spec.rows.length;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  if (spec.columns.length > 0) {
    sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(headerRow, lastDataRow), column: spec.columns.length } };
  }
  setupPrint(sheet, { title: spec.printTitle ?? name, year: spec.year, repeatRows: `${headerRow}:${headerRow}` });
  return { sheet, headerRow, firstDataRow: headerRow + 1, lastDataRow };
}

/** The workbook as xlsx bytes (`xlsx-package.ts`: ExcelJS's parts, the platform's deflate), its print layout finished. */
export function toBytes(workbook: Workbook): Promise<Uint8Array> {
  finishPrintLayout(workbook);
  return xlsxBytes(workbook);
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
