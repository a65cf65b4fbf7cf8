import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import { importMessages } from '../../../electron/core/imports/import-messages';
import { readTable } from '../../../electron/core/imports/read-table';
import { readZipDirectory, ZipProblem } from '../../../electron/core/imports/zip';
import { asText, plainWorkbook, repack, text, unzip, writeZip } from './zip-fixtures';

async function refusal(promise: Promise<unknown>): Promise<{ error: AppError; ms: number }> {
  const started = performance.now();
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { error, ms: performance.now() - started };
    throw error;
  }
  throw new Error('expected a refusal');
}

/** 60 MB of zeros, deflated once for the bomb tests (about 60 KB). */
let sixtyMegabytes: { zeros: Uint8Array; deflated: Uint8Array } | undefined;
function bombPayload() {
  if (!sixtyMegabytes) {
    const zeros = new Uint8Array(60_000_000);
    sixtyMegabytes = { zeros, deflated: zlib.deflateRawSync(zeros, { level: 9 }) };
  }
  return sixtyMegabytes;
}

/** Generous for a shared two-core machine; a refusal that inflated a bomb would take far longer or run out of memory. */
const QUICK_MS = 3_000;

describe('readTable on .xlsx: text as written', () => {
  async function richWorkbook(): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Kontakter');
    sheet.getCell('A1').value = 'Kontaktlista Sambruk';
    sheet.addRow([]);
    sheet.getRow(3).values = ['Kommun', 'Kod', 'Telefon', 'Belopp', 'Datum', 'Summa', 'Medlem', 'Webb', 'Not'];
    const row = sheet.getRow(4);
    row.values = ['Upplands Väsby', 114, '0701234567', 1234.5, new Date(Date.UTC(2022, 3, 28)), { formula: 'D4*2', result: 2469 }, true, { text: 'Sambruk', hyperlink: 'https://sambruk.se' }, { richText: [{ text: 'fet ' }, { text: 'text' }] }];
    row.getCell(2).numFmt = '0000';
    row.getCell(5).numFmt = 'yyyy-mm-dd';
    const row5 = sheet.getRow(5);
    row5.values = ['Habo', 643, '+46 36 442 80 00', -15948991, new Date(Date.UTC(2022, 11, 31, 13, 30)), { formula: 'NA()', result: { error: '#N/A' } }, false, '', '=inte en formel'];
    row5.getCell(2).numFmt = '0000';
    row5.getCell(5).numFmt = 'yyyy-mm-dd hh:mm';
    sheet.getCell('A6').value = 'Sammanslagen';
    sheet.mergeCells('A6:C6');
    const hidden = workbook.addWorksheet('Dolt', { state: 'hidden' });
    hidden.addRow(['a']);
    return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  }

  it('keeps text, gives numbers and dates as text only where they are numbers and dates, uses cached results', async () => {
    const table = await readTable(await richWorkbook(), 'kontakter.xlsx');
    expect(table.format).toBe('xlsx');
    const sheet = table.sheets[0];
    expect(sheet).toMatchObject({ name: 'Kontakter', hidden: false, titleLines: ['Kontaktlista Sambruk'], headerRowNumber: 3 });
    expect(sheet?.header).toEqual(['Kommun', 'Kod', 'Telefon', 'Belopp', 'Datum', 'Summa', 'Medlem', 'Webb', 'Not']);
    expect(sheet?.rows).toEqual([
      ['Upplands Väsby', '0114', '0701234567', '1234.5', '2022-04-28', '2469', 'SANT', 'Sambruk', 'fet text'],
      ['Habo', '0643', '+46 36 442 80 00', '-15948991', '2022-12-31 13:30', '#N/A', 'FALSKT', '', '=inte en formel'],
      ['Sammanslagen', '', '', '', '', '', '', '', ''],
    ]);
    expect(sheet?.rowNumbers).toEqual([4, 5, 6]);
    expect(table.sheets[1]).toMatchObject({ name: 'Dolt', hidden: true, header: ['a'] });
  });

  it('keeps a leading-zero phone stored as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Blad1');
    sheet.addRow(['Namn', 'Mobil']);
    sheet.addRow(['Anna Andersson', '0701234567']);
    sheet.getCell('B2').numFmt = '@';
    const table = await readTable(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer), 'a.xlsx');
    expect(table.sheets[0]?.rows).toEqual([['Anna Andersson', '0701234567']]);
  });

  it('decides by content, not by name: a workbook named .csv is still read as a workbook', async () => {
    const table = await readTable(await plainWorkbook(), 'felnamn.csv');
    expect(table.format).toBe('xlsx');
    expect(table.sheets[0]?.header).toEqual(['Kommun', 'Telefon']);
  });
});

describe('readTable refuses hostile or broken files quickly, with a Swedish message', () => {
  it('a file that is not a zip but is named .xlsx', async () => {
    const { error, ms } = await refusal(readTable(text('Det här är ingen arbetsbok'), 'medlemmar.xlsx'));
    expect(error.code).toBe('validation');
    expect(error.message).toBe(importMessages.notExcel('xlsx'));
    expect(error.message).toMatch(/^Filen har filändelsen \.xlsx men är ingen giltig Excel-arbetsbok/);
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('an OLE compound file: a password-protected workbook or an old .xls', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (const name of ['skyddad.xlsx', 'gammal.xls', 'okänd.csv']) {
      const { error, ms } = await refusal(readTable(ole, name));
      expect(error.message).toMatch(/^Filen är lösenordsskyddad \(krypterad\) eller sparad i det gamla Excel-formatet \(\.xls\)/);
      expect(ms).toBeLessThan(QUICK_MS);
    }
  });

  it('a workbook with macros: vbaProject.bin, a macro-enabled content type, or an .xlsm name', async () => {
    const plain = await plainWorkbook();
    const withVba = await repack(plain, (parts) => parts.set('xl/vbaProject.bin', new Uint8Array([1, 2, 3])));
    const withType = await repack(plain, (parts) => {
      const types = asText(parts.get('[Content_Types].xml')).replace(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
      );
      parts.set('[Content_Types].xml', text(types));
    });
    for (const [bytes, name] of [
      [withVba, 'makro.xlsx'],
      [withType, 'makro.xlsx'],
      [plain, 'makro.xlsm'],
    ] as const) {
      const { error, ms } = await refusal(readTable(bytes, name));
      expect(error.message).toBe(importMessages.macro);
      expect(error.message).toMatch(/^Filen innehåller makron \(\.xlsm\) och läses av säkerhetsskäl inte in\./);
      expect(ms).toBeLessThan(QUICK_MS);
    }
  });

  it('a zip bomb that admits its size: refused from the central directory, nothing inflated', async () => {
    const plain = await plainWorkbook();
    const { zeros, deflated } = bombPayload();
    const parts = await unzip(plain);
    const bomb = writeZip([...[...parts].map(([name, data]) => ({ name, data })), { name: 'xl/media/bomb.bin', data: zeros, deflated }]);
    expect(bomb.length).toBeLessThan(200_000);
    const { error, ms } = await refusal(readTable(bomb, 'bomb.xlsx'));
    expect(error.message).toBe(importMessages.bomb(50_000_000));
    expect(error.message).toMatch(/^Filen packas upp till mer än 50 MB eller är ovanligt hårt packad/);
    expect(error.details).toMatchObject({ reason: 'size' });
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('a zip bomb under the size limit but packed more than 100 times', async () => {
    const plain = await plainWorkbook();
    const zeros = new Uint8Array(20_000_000);
    const parts = await unzip(plain);
    const bomb = writeZip([...[...parts].map(([name, data]) => ({ name, data })), { name: 'xl/media/tät.bin', data: zeros }]);
    const { error, ms } = await refusal(readTable(bomb, 'tät.xlsx'));
    expect(error.message).toBe(importMessages.bomb(50_000_000));
    expect(error.details).toMatchObject({ reason: 'ratio' });
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('a zip bomb that lies about its size: caught while inflating, as soon as an entry passes its claim', async () => {
    const plain = await plainWorkbook();
    const { zeros, deflated } = bombPayload();
    const parts = await unzip(plain);
    const liar = writeZip([
      ...[...parts].map(([name, data]) => ({ name, data })),
      { name: 'xl/media/liten.bin', data: zeros, deflated, declaredSize: 1_000 },
    ]);
    const directory = readZipDirectory(liar);
    expect(directory.reduce((n, e) => n + e.uncompressedSize, 0)).toBeLessThan(100_000);
    const { error, ms } = await refusal(readTable(liar, 'lögn.xlsx'));
    expect(error.message).toBe(importMessages.bomb(50_000_000));
    expect(error.details).toMatchObject({ reason: 'too-large' });
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('a sheet whose dimension claims 1 000 000 rows', async () => {
    const bytes = await repack(await plainWorkbook(), (parts) => {
      const xml = asText(parts.get('xl/worksheets/sheet1.xml'));
      expect(xml).toContain('<dimension ref="A1:B4"/>');
      parts.set('xl/worksheets/sheet1.xml', text(xml.replace('<dimension ref="A1:B4"/>', '<dimension ref="A1:B1000000"/>')));
    });
    const { error, ms } = await refusal(readTable(bytes, 'miljon.xlsx'));
    expect(error.message).toMatch(/^Bladet ”Medlemmar” har enligt filen 1\s000\s000 rader, men högst 100\s000 rader kan läsas in\./);
    expect(error.details).toMatchObject({ reason: 'dimension' });
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('a sheet with a row numbered past the limit, or more rows than allowed, even without a dimension', async () => {
    const far = await repack(await plainWorkbook(), (parts) => {
      const xml = asText(parts.get('xl/worksheets/sheet1.xml')).replace(/<dimension[^>]*>/, '').replace('<row r="4"', '<row r="1000000"').replace(/r="A4"/, 'r="A1000000"').replace(/r="B4"/, 'r="B1000000"');
      parts.set('xl/worksheets/sheet1.xml', text(xml));
    });
    expect((await refusal(readTable(far, 'långt.xlsx'))).error.details).toMatchObject({ reason: 'rows' });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Lista');
    for (let i = 0; i < 60; i++) sheet.addRow([`Kommun ${i}`]);
    const many = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const { error } = await refusal(readTable(many, 'lista.xlsx', { maxRows: 50 }));
    expect(error.message).toMatch(/^Bladet ”Lista” har/);
    expect(error.message).toMatch(/högst 50 rader/);
  });

  it('a workbook with more cells than allowed, counted before ExcelJS builds a single cell object', async () => {
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet('Första');
    const second = workbook.addWorksheet('Andra');
    for (let i = 0; i < 10; i++) first.addRow(Array.from({ length: 6 }, (_, c) => `r${i}c${c}`));
    for (let i = 0; i < 10; i++) second.addRow(Array.from({ length: 6 }, (_, c) => i * c));
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    // 60 cells each: either sheet alone fits in 100, both together do not.
    const { error } = await refusal(readTable(bytes, 'celler.xlsx', { maxCells: 100 }));
    expect(error.details).toMatchObject({ reason: 'cells' });
    expect(error.message).toMatch(/^Bladet ”Andra” har fler än 100 celler och kan inte läsas in\./);
    expect((await readTable(bytes, 'celler.xlsx', { maxCells: 120 })).sheets.map((s) => s.rows.length)).toEqual([9, 9]);
  });

  it('a file larger than 20 MB, before anything else is looked at', async () => {
    const big = new Uint8Array(20_000_001);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const { error, ms } = await refusal(readTable(big, 'stor.xlsx'));
    expect(error.message).toBe('Filen är för stor (20 MB). Högst 20 MB kan läsas in. Dela upp den eller ta bort det som inte ska importeras.');
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('an encrypted zip entry, a truncated zip, an OpenDocument file and a Word document', async () => {
    const plain = await plainWorkbook();
    const parts = await unzip(plain);
    const encrypted = writeZip([...parts].map(([name, data]) => ({ name, data, flags: name.startsWith('xl/worksheets') ? 0x801 : 0x800 })));
    expect((await refusal(readTable(encrypted, 'krypt.xlsx'))).error.message).toBe(importMessages.encrypted);

    const truncated = plain.subarray(0, Math.floor(plain.length / 2));
    expect((await refusal(readTable(truncated, 'trasig.xlsx'))).error.message).toBe(importMessages.corrupt);

    const ods = writeZip([
      { name: 'mimetype', data: text('application/vnd.oasis.opendocument.spreadsheet'), method: 0 },
      { name: 'content.xml', data: text('<office:document-content/>') },
    ]);
    expect((await refusal(readTable(ods, 'kalkyl.ods'))).error.message).toBe(importMessages.ods);
    expect((await refusal(readTable(ods, 'kalkyl.xlsx'))).error.message).toBe(importMessages.ods);

    const docx = writeZip([
      { name: '[Content_Types].xml', data: text('<Types/>') },
      { name: 'word/document.xml', data: text('<w:document/>') },
    ]);
    expect((await refusal(readTable(docx, 'brev.xlsx'))).error.message).toBe(importMessages.notSpreadsheet);
  });

  it('a damaged deflate stream inside an otherwise valid zip', async () => {
    const plain = await plainWorkbook();
    const parts = await unzip(plain);
    const garbage = new Uint8Array(2_000).map((_, i) => (i * 7919) % 251);
    const damaged = writeZip([
      ...[...parts].map(([name, data]) => ({ name, data })),
      { name: 'xl/media/trasig.bin', data: new Uint8Array(5_000), deflated: garbage },
    ]);
    expect((await refusal(readTable(damaged, 'trasig.xlsx'))).error.message).toBe(importMessages.corrupt);
  });
});

describe('readZipDirectory', () => {
  it('lists the parts of a workbook written by ExcelJS with their sizes', async () => {
    const entries = readZipDirectory(await plainWorkbook());
    const names = entries.map((e) => e.name);
    expect(names).toContain('[Content_Types].xml');
    expect(names).toContain('xl/workbook.xml');
    expect(names).toContain('xl/worksheets/sheet1.xml');
    for (const e of entries.filter((e) => !e.name.endsWith('/'))) expect(e.uncompressedSize).toBeGreaterThan(0);
  });

  it('refuses zip64 markers, duplicate names and data pointing outside the file', () => {
    const dup = writeZip([
      { name: 'a.xml', data: text('1') },
      { name: 'a.xml', data: text('2') },
    ]);
    expect(() => readZipDirectory(dup)).toThrow(ZipProblem);
    const zip = writeZip([{ name: 'a.xml', data: text('hej') }]);
    const zip64 = zip.slice();
    new DataView(zip64.buffer).setUint16(zip64.length - 22 + 10, 0xffff, true);
    new DataView(zip64.buffer).setUint16(zip64.length - 22 + 8, 0xffff, true);
    expect(() => readZipDirectory(zip64)).toThrow(/zip64/);
    const outside = zip.slice();
    // The entry's local header offset (central directory, offset 42) now points past the end.
    const cdStart = new DataView(outside.buffer).getUint32(outside.length - 22 + 16, true);
    new DataView(outside.buffer).setUint32(cdStart + 42, outside.length + 10, true);
    expect(() => readZipDirectory(outside)).toThrow(ZipProblem);
  });
});
