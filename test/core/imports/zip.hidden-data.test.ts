/**
 * Issue 19, F1: no library reads bytes the zip check did not verify. JSZip (inside ExcelJS) takes the last
 * end-of-central-directory signature anywhere in the file, the import's own check the record that ends the file;
 * a second directory hidden in the zip comment made ExcelJS read a sheet that inflates to about 450 MB, or
 * shared strings other than the checked ones. Each crafted file is built here from an honest workbook.
 */
import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import { importMessages } from '../../../electron/core/imports/import-messages';
import { importLimits, readTable } from '../../../electron/core/imports/read-table';
import { inspectXlsx } from '../../../electron/core/imports/xlsx';
import { readZipDirectory, ZipProblem } from '../../../electron/core/imports/zip';
import { asText, crc32, deflateRepeated, plainWorkbook, text, unzip, withHiddenDirectory, writeZip, type ZipSpec } from './zip-fixtures';

const MAX_MS = 2_000;
const MAX_EXTRA_BYTES = 200_000_000;

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

async function honestSpecs(): Promise<ZipSpec[]> {
  return [...(await unzip(await plainWorkbook()))].map(([name, data]) => ({ name, data }));
}

/** Runs `work`, sampling the process's resident memory, and gives its outcome, time and the peak growth. */
async function measured(work: () => Promise<unknown>): Promise<{ outcome: unknown; ms: number; extraBytes: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const started = performance.now();
  let outcome: unknown;
  try {
    outcome = await work();
  } catch (error) {
    outcome = error;
  } finally {
    clearInterval(timer);
  }
  const ms = performance.now() - started;
  peak = Math.max(peak, process.memoryUsage().rss);
  return { outcome, ms, extraBytes: peak - base };
}

describe('a second directory hidden in the zip comment (F1)', () => {
  it('is refused with a Swedish message within 2 s and 200 MB when its sheet inflates to 450 MB', async () => {
    const row = '<row><c t="inlineStr"><is><t>Dold rad</t></is></c></row>';
    const { deflated, size } = await deflateRepeated(SHEET_HEAD, row, Math.ceil(450_000_000 / row.length), SHEET_TAIL);
    expect(size).toBeGreaterThan(450_000_000);
    const crafted = withHiddenDirectory(await honestSpecs(), [
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(), deflated, declaredSize: size },
      { name: 'xl/media/dold.bin', data: text('bara i den dolda katalogen') },
    ]);
    expect(crafted.length).toBeLessThan(2_000_000);
    // JSZip reads the hidden directory (the marker entry only it lists); the end record that ends the file, the
    // honest one.
    expect((await JSZip.loadAsync(crafted)).file('xl/media/dold.bin')).not.toBeNull();
    expect(() => readZipDirectory(crafted)).toThrow(expect.objectContaining({ kind: 'hidden-data' }));

    const { outcome, ms, extraBytes } = await measured(() => readTable(crafted, 'dold.xlsx'));
    expect(outcome).toBeInstanceOf(AppError);
    expect((outcome as AppError).code).toBe('validation');
    expect((outcome as AppError).message).toBe(importMessages.hiddenData);
    expect((outcome as AppError).details).toMatchObject({ reason: 'hidden-data' });
    expect(ms).toBeLessThan(MAX_MS);
    expect(extraBytes).toBeLessThan(MAX_EXTRA_BYTES);
  });

  it('is refused when it holds other shared strings in place of the header', async () => {
    const honest = await honestSpecs();
    const strings = asText(honest.find((s) => s.name === 'xl/sharedStrings.xml')?.data);
    expect(strings).toContain('<t>Kommun</t>');
    const swapped = text(strings.replace('<t>Kommun</t>', '<t>Organisationsnummer</t>').replace('<t>Telefon</t>', '<t>Bankgiro</t>'));
    for (const innerEndMatches of [false, true]) {
      const crafted = withHiddenDirectory(honest, [{ name: 'xl/sharedStrings.xml', data: swapped }], { innerEndMatches });
      // The honest directory and the hidden one read differently; the file is never half-believed.
      const { outcome, ms } = await measured(() => readTable(crafted, 'rubrik.xlsx'));
      expect(outcome, `innerEndMatches: ${innerEndMatches}`).toBeInstanceOf(AppError);
      expect((outcome as AppError).message).toBe(importMessages.hiddenData);
      expect(ms).toBeLessThan(MAX_MS);
    }
  });

  it('is refused however the hidden record is placed: a directory, a local header or an end record in the comment', async () => {
    const honest = await honestSpecs();
    for (const signature of [0x02014b50, 0x04034b50, 0x06054b50, 0x06064b50, 0x07064b50]) {
      const comment = new Uint8Array(40);
      new DataView(comment.buffer).setUint32(10, signature, true);
      const bytes = writeZip(honest, { comment });
      const { error } = await refusal(readTable(bytes, 'kommentar.xlsx'));
      expect(error.message, signature.toString(16)).toBe(importMessages.hiddenData);
    }
  });
});

describe('every byte of the zip belongs to a checked entry, the directory or its end record', () => {
  it('refuses an end record whose comment length reads "PK" and whose comment goes on as an end record', async () => {
    // A comment of 0x4b50 bytes starting 05 06: the last bytes of the record and the first of the comment
    // spell an end-record signature, and JSZip, taking the last one, reads an empty directory from the comment.
    // Whether that record's own comment length reaches the end of the file (so a reader that checks it may take
    // it too) or not, the file is refused.
    for (const innerCommentLength of [0x4b50 - 20, 0]) {
      const comment = new Uint8Array(0x4b50);
      comment.set([0x05, 0x06]);
      new DataView(comment.buffer).setUint16(18, innerCommentLength, true);
      const bytes = writeZip(await honestSpecs(), { comment });
      expect(Object.keys((await JSZip.loadAsync(bytes)).files)).toEqual([]);
      expect(() => readZipDirectory(bytes)).toThrow(expect.objectContaining({ kind: 'hidden-data' }));
      expect((await refusal(readTable(bytes, 'kommentar.xlsx'))).error.message).toBe(importMessages.hiddenData);
    }
  });

  it('refuses two entries that name one part: differing only in case, or by a leading slash', async () => {
    const honest = await honestSpecs();
    const workbook = honest.find((s) => s.name === 'xl/workbook.xml') as ZipSpec;
    for (const twin of ['/xl/workbook.xml', 'XL/Workbook.xml']) {
      const { error } = await refusal(readTable(writeZip([...honest, { ...workbook, name: twin }]), 'tvilling.xlsx'));
      expect(error.message, twin).toBe(importMessages.corrupt);
      expect(error.details).toMatchObject({ reason: 'duplicate-part' });
    }
  });

  it('refuses bytes before the first entry, between entries, and between the last entry and the directory', async () => {
    const honest = await honestSpecs();
    const zip = writeZip(honest);
    const entries = readZipDirectory(zip);
    const cdOffset = new DataView(zip.buffer).getUint32(zip.length - 22 + 16, true);
    const second = entries[1]?.localOffset ?? 0;
    for (const [where, at] of [
      ['between entries', second],
      ['before the directory', cdOffset],
    ] as const) {
      const junk = insertBytes(zip, at, new Uint8Array(64).fill(0x41));
      expect(() => readZipDirectory(junk), where).toThrow(ZipProblem);
      expect((await refusal(readTable(junk, 'skräp.xlsx'))).error.message, where).toBe(importMessages.hiddenData);
    }
  });

  it('refuses entries that overlap: one entry\'s local header and data inside another\'s data', () => {
    // b.xml stored inside a.xml's (stored) data, both listed: each byte would be read twice, the trick of
    // overlapping zip bombs.
    const inner = writeZip([{ name: 'b.xml', data: text('<b/>'), method: 0 }]);
    const innerLocal = inner.subarray(0, 30 + 'b.xml'.length + 4);
    const outer = writeZip([{ name: 'a.xml', data: innerLocal, method: 0 }]);
    const outerCdAt = new DataView(outer.buffer).getUint32(outer.length - 22 + 16, true);
    const aRecord = outer.subarray(outerCdAt, outer.length - 22);
    const bRecord = inner.slice(innerLocal.length, inner.length - 22);
    new DataView(bRecord.buffer).setUint32(42, 30 + 'a.xml'.length, true);
    const end = new Uint8Array(22);
    const endView = new DataView(end.buffer);
    endView.setUint32(0, 0x06054b50, true);
    endView.setUint16(8, 2, true);
    endView.setUint16(10, 2, true);
    endView.setUint32(12, aRecord.length + bRecord.length, true);
    endView.setUint32(16, outerCdAt, true);
    const overlapping = new Uint8Array(Buffer.concat([outer.subarray(0, outerCdAt), aRecord, bRecord, end]));
    expect(() => readZipDirectory(overlapping)).toThrow(/b\.xml: starts at 35, expected 74/);
  });

  it('still reads workbooks written with data descriptors (ExcelJS streaming writer, LibreOffice) and one with a plain comment', async () => {
    const chunks: Buffer[] = [];
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => chunks.push(c));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true });
    const sheet = writer.addWorksheet('Ström');
    sheet.addRow(['Kommun', 'Telefon']).commit();
    sheet.addRow(['Ale', '0303-33 00 00']).commit();
    sheet.commit();
    await writer.commit();
    const streamed = new Uint8Array(Buffer.concat(chunks));
    expect(readZipDirectory(streamed).some((e) => (e.flags & 0x8) !== 0)).toBe(true);
    expect((await readTable(streamed, 'ström.xlsx')).sheets[0]).toMatchObject({ name: 'Ström', header: ['Kommun', 'Telefon'], rows: [['Ale', '0303-33 00 00']] });

    // Written by LibreOffice 7 (`soffice --convert-to xlsx` of a three-line CSV), which also uses data descriptors.
    const libreOffice = new Uint8Array(fs.readFileSync(new URL('../../fixtures/imports/libreoffice-medlemmar.xlsx', import.meta.url)));
    expect(readZipDirectory(libreOffice).every((e) => (e.flags & 0x8) !== 0)).toBe(true);
    expect((await readTable(libreOffice, 'medlemmar.xlsx')).sheets[0]).toMatchObject({
      header: ['Kommun', 'Telefon'],
      rows: [
        ['Ale', '0303-33 00 00'],
        ['Malmö', '040-34 10 00'],
      ],
    });

    const commented = writeZip(await honestSpecs(), { comment: text('Skapad av kansliet, juni 2022') });
    expect((await readTable(commented, 'kommentar.xlsx')).sheets[0]?.header).toEqual(['Kommun', 'Telefon']);
  });
});

describe('ExcelJS gets a zip rebuilt from the checked entries', () => {
  it('holds exactly the checked entries, named as the check read them, and nothing else', async () => {
    const honest = await honestSpecs();
    const zip = writeZip(honest, { comment: text('en kommentar') });
    const rebuilt = await inspectXlsx(zip, importLimits);
    const loaded = await JSZip.loadAsync(rebuilt);
    expect(Object.keys(loaded.files).sort()).toEqual(honest.map((s) => s.name).sort());
    for (const spec of honest.filter((s) => !s.name.endsWith('/'))) expect(await loaded.file(spec.name)?.async('uint8array'), spec.name).toEqual(spec.data);
    expect(readZipDirectory(rebuilt).map((e) => e.name)).toEqual(honest.map((s) => s.name));
    expect(asText(rebuilt)).not.toContain('en kommentar');
  });

  it('a name the check reads one way and JSZip another (a Unicode path extra field) reaches ExcelJS as the check read it', async () => {
    const honest = await honestSpecs();
    const rawName = 'xl/media/blad.bin';
    const disguisedAs = 'xl/worksheets/sheet2.xml';
    const sheet2 = text(`${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>Dold</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>rad</t></is></c></row>${SHEET_TAIL}`);
    // Info-ZIP Unicode Path (0x7075): version 1, CRC-32 of the raw name, the name JSZip should use instead.
    const unicodeName = Buffer.from(disguisedAs, 'utf8');
    const extra = Buffer.alloc(4 + 5 + unicodeName.length);
    extra.writeUInt16LE(0x7075, 0);
    extra.writeUInt16LE(5 + unicodeName.length, 2);
    extra.writeUInt8(1, 4);
    extra.writeUInt32LE(crc32(Buffer.from(rawName, 'utf8')), 5);
    unicodeName.copy(extra, 9);
    const parts = honest.map((spec) => {
      if (spec.name === 'xl/workbook.xml') return { ...spec, data: text(asText(spec.data).replace('</sheets>', '<sheet sheetId="2" name="Dold" state="visible" r:id="rId99"/></sheets>')) };
      if (spec.name === 'xl/_rels/workbook.xml.rels') {
        return { ...spec, data: text(asText(spec.data).replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>')) };
      }
      return spec;
    });
    const bytes = writeZip([...parts, { name: rawName, data: sheet2, flags: 0, centralExtra: extra }]);
    // JSZip alone takes the disguise.
    expect((await JSZip.loadAsync(bytes)).file(disguisedAs)).not.toBeNull();

    const outcome = await readTable(bytes, 'förklädd.xlsx').catch((error: unknown) => error);
    if (outcome instanceof AppError) {
      expect(outcome.code).toBe('validation');
    } else {
      const table = outcome as Awaited<ReturnType<typeof readTable>>;
      expect(table.sheets.flatMap((s) => [s.header, ...s.rows]).flat()).not.toContain('Dold');
    }
  });
});

function insertBytes(zip: Uint8Array, at: number, junk: Uint8Array): Uint8Array {
  // Shifts the directory and end record; every offset at or after `at` moves by the junk's length.
  const out = new Uint8Array(zip.length + junk.length);
  out.set(zip.subarray(0, at));
  out.set(junk, at);
  out.set(zip.subarray(at), at + junk.length);
  const view = new DataView(out.buffer);
  const end = out.length - 22;
  const cdOffset = view.getUint32(end + 16, true);
  const movedCd = cdOffset >= at ? cdOffset + junk.length : cdOffset;
  view.setUint32(end + 16, movedCd, true);
  const count = view.getUint16(end + 10, true);
  let p = movedCd;
  for (let i = 0; i < count; i++) {
    const local = view.getUint32(p + 42, true);
    if (local >= at) view.setUint32(p + 42, local + junk.length, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

async function refusal(promise: Promise<unknown>): Promise<{ error: AppError }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { error };
    throw error;
  }
  throw new Error('expected a refusal');
}
