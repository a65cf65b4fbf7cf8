/**
 * The xlsx package, a zip of XML parts, packed with the platform's own deflate (`CompressionStream`, native code in
 * Node, Electron and browsers) instead of the JavaScript deflate ExcelJS's `writeBuffer` runs through JSZip.
 * ExcelJS still makes every part, with the very steps and in the very order of its `write()`; only the packing
 * differs. At ten times the association's size the accountant workbook is 28 MB of XML, and deflating it in
 * JavaScript was the largest single cost of the export (and much of its garbage); the native deflate is several
 * times faster and runs off the main thread, the big sheets side by side.
 *
 * Where the platform has no `CompressionStream('deflate-raw')`, or ExcelJS is a version without these steps,
 * `writeBuffer` is used as before.
 */
import type ExcelJS from 'exceljs';
import { AppError } from '../../contract/result';
import { utcMidnight, utcPartsOf } from '../../contract/rules/calendar-date';
import { decodeBase64 } from './base64';

/** Where ExcelJS's write steps put the parts (the one method of its ZipWriter they call). */
type PartSink = { append(data: unknown, options: { name: string; base64?: boolean }): void };

type Step = (zip: PartSink, model: unknown) => unknown;

/** ExcelJS 4's `XLSX` class: `write()` is `prepareModel` and these steps, in this order. */
const WRITE_STEPS = [
  'addContentTypes',
  'addOfficeRels',
  'addWorkbookRels',
  'addWorksheets',
  'addSharedStrings', // always after the worksheets, which fill the shared strings
  'addDrawings',
  'addTables',
  'addThemes',
  'addStyles',
  'addMedia',
  'addApp',
  'addCore',
  'addWorkbook',
] as const;

type XlsxInternals = { prepareModel(model: unknown, options: object): void } & Record<(typeof WRITE_STEPS)[number], Step>;

function internalsOf(workbook: ExcelJS.Workbook): XlsxInternals | undefined {
  const xlsx = workbook.xlsx as unknown as Partial<Record<string, unknown>>;
  if (typeof xlsx.prepareModel !== 'function') return undefined;
  return WRITE_STEPS.every((step) => typeof xlsx[step] === 'function') ? (xlsx as unknown as XlsxInternals) : undefined;
}

let nativeDeflate: boolean | undefined;

function hasNativeDeflate(): boolean {
  if (nativeDeflate === undefined) {
    try {
      // The constructor throws for a format the platform does not know.
      nativeDeflate = typeof CompressionStream === 'function' && typeof new CompressionStream('deflate-raw').readable === 'object';
    } catch {
      nativeDeflate = false;
    }
  }
  return nativeDeflate;
}

// ---------------------------------------------------------------- deflate and CRC-32

async function deflateRaw(bytes: Uint8Array): Promise<{ chunks: Uint8Array[]; length: number }> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const written = writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close());
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  await written;
  return { chunks, length };
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = -1;
  for (let i = 0; i < bytes.length; i++) crc = (CRC_TABLE[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

// ---------------------------------------------------------------- the zip

type Entry = { name: Uint8Array; crc: number; size: number; compressed: { chunks: Uint8Array[]; length: number } };

const utf8 = new TextEncoder();

function bytesOf(data: unknown, base64: boolean): Uint8Array {
  if (typeof data === 'string') {
    if (!base64) return utf8.encode(data);
    const decoded = decodeBase64(data);
    if (!decoded) throw new AppError('internal', 'En bild i Excel-filen kunde inte läsas.');
    return decoded;
  }
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new AppError('internal', 'En del av Excel-filen kunde inte skrivas.');
}

async function entryOf(name: string, bytes: Uint8Array): Promise<Entry> {
  const compressing = deflateRaw(bytes);
  // The CRC is counted here while the deflate runs off the main thread.
  const crc = crc32(bytes);
  return { name: utf8.encode(name), crc, size: bytes.length, compressed: await compressing };
}

/** MS-DOS date and time of the parts, from the workbook's own date (UTC), so the bytes depend on nothing else. */
function dosDateTime(date: Date | undefined): { date: number; time: number } {
  const valid = date && !Number.isNaN(date.getTime()) ? utcPartsOf(date) : undefined;
  const at = valid && valid.year >= 1980 && valid.year <= 2107 ? valid : utcPartsOf(utcMidnight('1980-01-01'));
  return {
    date: ((at.year - 1980) << 9) | (at.month << 5) | at.day,
    time: (at.hours << 11) | (at.minutes << 5) | (at.seconds >> 1),
  };
}

const UTF8_NAMES = 0x0800;
const DEFLATED = 8;
const VERSION = 20;

function zip(entries: readonly Entry[], when: { date: number; time: number }, tooLarge = 'Excel-filen blev för stor för att skrivas.'): Uint8Array {
  const localSize = entries.reduce((sum, e) => sum + 30 + e.name.length + e.compressed.length, 0);
  const centralSize = entries.reduce((sum, e) => sum + 46 + e.name.length, 0);
  if (localSize + centralSize > 0xffff_fffe || entries.length > 0xfffe) {
    throw new AppError('internal', tooLarge);
  }
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let o = 0;
  const u16 = (n: number) => {
    view.setUint16(o, n, true);
    o += 2;
  };
  const u32 = (n: number) => {
    view.setUint32(o, n >>> 0, true);
    o += 4;
  };
  const offsets: number[] = [];
  for (const entry of entries) {
    offsets.push(o);
    u32(0x04034b50);
    u16(VERSION);
    u16(UTF8_NAMES);
    u16(DEFLATED);
    u16(when.time);
    u16(when.date);
    u32(entry.crc);
    u32(entry.compressed.length);
    u32(entry.size);
    u16(entry.name.length);
    u16(0);
    out.set(entry.name, o);
    o += entry.name.length;
    for (const chunk of entry.compressed.chunks) {
      out.set(chunk, o);
      o += chunk.length;
    }
  }
  const centralStart = o;
  entries.forEach((entry, i) => {
    u32(0x02014b50);
    u16(VERSION);
    u16(VERSION);
    u16(UTF8_NAMES);
    u16(DEFLATED);
    u16(when.time);
    u16(when.date);
    u32(entry.crc);
    u32(entry.compressed.length);
    u32(entry.size);
    u16(entry.name.length);
    u16(0); // extra field
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offsets[i] as number);
    out.set(entry.name, o);
    o += entry.name.length;
  });
  const centralLength = o - centralStart;
  u32(0x06054b50);
  u16(0);
  u16(0);
  u16(entries.length);
  u16(entries.length);
  u32(centralLength);
  u32(centralStart);
  u16(0);
  return out;
}

/**
 * Files packed as a zip archive (deflated, UTF-8 names), every entry dated `when` (UTC), so the same files give
 * the same bytes. For invoicing's bundles of e-invoices; the platform must have the native deflate.
 */
export async function zipBytes(files: readonly { name: string; bytes: Uint8Array }[], when: Date): Promise<Uint8Array> {
  if (!hasNativeDeflate()) throw new AppError('internal', 'Zip-filen kan inte skapas här: plattformen saknar komprimering.');
  const entries = await Promise.all(files.map((file) => entryOf(file.name, file.bytes)));
  return zip(entries, dosDateTime(when), 'Zip-filen blev för stor för att skrivas.');
}

/** The workbook as xlsx bytes: the parts ExcelJS's `writeBuffer` would write, packed with the native deflate. */
export async function xlsxBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const xlsx = internalsOf(workbook);
  if (!xlsx || !hasNativeDeflate()) return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const model = workbook.model as unknown as { modified?: Date; created?: Date };
  const pending: Promise<Entry>[] = [];
  const sink: PartSink = {
    append(data, options) {
      const entry = entryOf(options.name, bytesOf(data, options.base64 === true));
      // Awaited below, all together; a failure meanwhile must not count as unhandled.
      entry.catch(() => undefined);
      pending.push(entry);
    },
  };
  xlsx.prepareModel(model, {});
  for (const step of WRITE_STEPS) await xlsx[step](sink, model);
  return zip(await Promise.all(pending), dosDateTime(model.modified ?? model.created));
}
