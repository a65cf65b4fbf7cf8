/**
 * CSV read as text, never coerced: `0701234567` stays `0701234567`, ` ` stays ` `, `2022-04-28` stays a string.
 * (ExcelJS's CSV reader turns the first into 701234567 and the second into 0, so it is never used.)
 *
 * - Encoding: a BOM decides (UTF-8, UTF-16 LE/BE), and the bytes after it must then be valid in that encoding
 *   (else the file is refused, naming the first bad text line, rather than read with replacement characters);
 *   without one, strict UTF-8, and if the bytes are not valid UTF-8, Windows-1252, which is what Swedish Excel
 *   writes for "CSV (semikolonavgränsad)". NUL bytes in a file without a UTF-16 BOM mean it is not text at all.
 * - Separator: `;`, `,` or tab, whichever gives the first records the most consistent number of fields
 *   (ties: `;` before `,`, since Swedish Excel writes semicolons). It can also be given.
 * - RFC 4180 quoting: quoted fields may hold separators, `""` and line breaks. Leniently, like Excel, a quote
 *   inside an unquoted field is kept as a character. A quote that is never closed is refused, since it would
 *   silently swallow the rest of the file into one cell.
 * - Records end at CRLF, LF or a lone CR. Blank records are skipped but still counted, so row numbers match
 *   what Excel shows when it opens the file.
 */
import { importMessages, refuse } from './import-messages';
import type { RawRecord } from './raw-table';

export type CsvDelimiter = ',' | ';' | '\t';
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type CsvLimits = { maxRows: number; maxColumns: number; maxCells: number };

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeStrict(bytes.subarray(3), 'utf-8'), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeStrict(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeStrict(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  if (bytes.includes(0)) refuse(importMessages.binaryText);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: checkText(new TextDecoder('windows-1252').decode(bytes)), encoding: 'windows-1252' };
  }
}

/** Decodes text whose BOM named its encoding; bytes not valid in it are refused, never replaced. */
function decodeStrict(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const line = encoding === 'utf-8' ? firstBadUtf8Line(bytes) : firstBadUtf16Line(bytes, encoding === 'utf-16le');
    refuse(importMessages.badEncoding(encoding === 'utf-8' ? 'UTF-8' : 'UTF-16', line), { reason: 'encoding', encoding, line });
  }
  return checkText(text);
}

/** 1-based text line of the first invalid UTF-8 sequence (LF never occurs inside a UTF-8 sequence). */
function firstBadUtf8Line(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let from = 0;
  while (from <= bytes.length) {
    const lf = bytes.indexOf(0x0a, from);
    const to = lf < 0 ? bytes.length : lf;
    try {
      decoder.decode(bytes.subarray(from, to));
    } catch {
      return line;
    }
    if (lf < 0) break;
    line++;
    from = lf + 1;
  }
  return line;
}

/** 1-based text line of the first lone surrogate, or of a last odd byte. */
function firstBadUtf16Line(bytes: Uint8Array, littleEndian: boolean): number {
  const unit = (i: number) => (littleEndian ? (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8) : ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  let line = 1;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u === 0x0a) line++;
    else if (u >= 0xdc00 && u <= 0xdfff) return line;
    else if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < bytes.length ? unit(i + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff) return line;
      i += 2;
    }
  }
  return line;
}

function checkText(text: string): string {
  if (text.includes('\u0000')) refuse(importMessages.binaryText);
  return text;
}

const NO_LIMITS: CsvLimits = { maxRows: Number.MAX_SAFE_INTEGER, maxColumns: Number.MAX_SAFE_INTEGER, maxCells: Number.MAX_SAFE_INTEGER };

/**
 * Parses `text` into records. `stopAfter` ends early after that many records (used to sniff the separator).
 * Limits are checked while parsing, so a hostile file is refused before it fills memory.
 */
export function parseCsv(
  text: string,
  delimiter: CsvDelimiter,
  options: { limits?: CsvLimits; sheetName?: string; stopAfter?: number } = {},
): RawRecord[] {
  const limits = options.limits ?? NO_LIMITS;
  const sheet = options.sheetName ?? '';
  const stopAfter = options.stopAfter ?? Number.MAX_SAFE_INTEGER;
  const records: RawRecord[] = [];
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  let i = 0;
  let number = 0;
  let cells = 0;
  let record: string[] = [];
  if (n === 0) return records;

  const endRecord = () => {
    number++;
    if (!(record.length === 1 && record[0] === '')) {
      if (number > limits.maxRows) refuse(importMessages.tooManyRows(sheet, limits.maxRows));
      cells += record.length;
      if (cells > limits.maxCells) refuse(importMessages.tooManyCells(sheet, limits.maxCells));
      records.push({ cells: record, number });
    }
    record = [];
  };
  const pushField = (value: string) => {
    record.push(value);
    if (record.length > limits.maxColumns) refuse(importMessages.tooManyColumns(sheet, limits.maxColumns));
  };

  for (;;) {
    if (i < n && text.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      let at = from;
      for (;;) {
        const q = text.indexOf('"', at);
        if (q < 0) refuse(importMessages.unterminatedQuote(number + 1));
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          at = q + 2;
          from = at;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === delim || c === LF || c === CR) break;
        end++;
      }
      pushField(value + text.slice(i, end));
      i = end;
    } else {
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === delim || c === LF || c === CR) break;
        end++;
      }
      pushField(text.slice(i, end));
      i = end;
    }

    if (i >= n) {
      endRecord();
      break;
    }
    const c = text.charCodeAt(i);
    if (c === delim) {
      i++;
      if (i >= n) {
        pushField('');
        endRecord();
        break;
      }
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    endRecord();
    if (i >= n || records.length >= stopAfter) break;
  }
  return records;
}

const CANDIDATES: readonly CsvDelimiter[] = [';', ',', '\t'];

/** The separator that splits the first records most consistently into more than one field. */
export function sniffDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; score: number } = { delimiter: ';', score: -1 };
  for (const delimiter of CANDIDATES) {
    let records: RawRecord[];
    try {
      records = parseCsv(text, delimiter, { stopAfter: 30 });
    } catch {
      continue;
    }
    const first = records[0];
    if (!first || first.cells.length < 2) continue;
    const consistent = records.filter((r) => r.cells.length === first.cells.length).length / records.length;
    const score = Math.round(consistent * 100) * 10_000 + Math.min(first.cells.length, 9_999);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}
