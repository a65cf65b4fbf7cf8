import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64, isBase64 } from '../../../electron/core/exports/base64';
import { safeFileName, XLSX_MIME } from '../../../electron/core/exports/export-file';
import { tableExportLimits } from '../../../electron/contract/channels/exports.channels';
import { createTestServices } from '../../support/memory-document';
import { accountantFixture } from '../exports/accountant-fixture';
import { reopen } from '../exports/reopen';

const bytesOf = (base64: string) => {
  const bytes = decodeBase64(base64);
  if (!bytes) throw new Error('not base64');
  return bytes;
};

describe('base64 for file bytes', () => {
  it('encodes exactly as Node does and decodes back, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(text)).toEqual(bytes);
      }),
    );
  });

  it('handles a large file', () => {
    const bytes = new Uint8Array(200_003).map((_, i) => (i * 7919) % 256);
    expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
  });

  it('refuses text that is not padded base64', () => {
    for (const bad of ['abc', 'ab=c', 'a b=', 'ä===', '====', 'AB==CD==']) {
      expect(isBase64(bad) && decodeBase64(bad) !== undefined, bad).toBe(false);
    }
  });
});

describe('safe file names', () => {
  it('replaces what Windows refuses and keeps Swedish letters', () => {
    expect(safeFileName('Medlemmar: Län/Stockholm? "urval" 2022-06-30')).toBe('Medlemmar- Län-Stockholm- -urval- 2022-06-30.xlsx');
    expect(safeFileName('  ..  ')).toBe('Export.xlsx');
    expect(safeFileName('CON')).toBe('CON-fil.xlsx');
    expect(safeFileName('Ekonomiunderlag 2022')).toBe('Ekonomiunderlag 2022.xlsx');
  });
});

describe('exports/accountant-workbook', () => {
  it('answers the workbook as base64 bytes with its file name, readable by ExcelJS', async () => {
    const { call } = createTestServices({ initial: accountantFixture() });
    const result = await call('exports/accountant-workbook', { year: 2022 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.fileName).toBe('Ekonomiunderlag 2022.xlsx');
    expect(result.data.mimeType).toBe(XLSX_MIME);
    const bytes = bytesOf(result.data.bytesBase64);
    expect(result.data.sizeBytes).toBe(bytes.length);
    const workbook = await reopen(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Om uppgifterna', 'Medlemmar', 'Fakturaunderlag', 'Fakturor', 'Tjänsteanvändning', 'Användningsmatris', 'Nätverk', 'Budget']);
    expect(workbook.created?.toISOString()).toBe('2022-06-30T10:00:00.000Z');
  });

  it('refuses a year without a fee table with a Swedish message, and a year out of range', async () => {
    const { call } = createTestServices({ initial: accountantFixture() });
    const early = await call('exports/accountant-workbook', { year: 2019 });
    expect(early.ok).toBe(false);
    if (!early.ok) {
      expect(early.error.code).toBe('not-found');
      expect(early.error.message).toMatch(/avgiftstabell/);
    }
    const silly = await call('exports/accountant-workbook', { year: 12 });
    expect(silly.ok).toBe(false);
  });

  it('writes nothing to the register', async () => {
    const { call, port, repo } = createTestServices();
    const before = repo.get();
    const result = await call('exports/accountant-workbook', { year: 2022, includePersonalDetails: true });
    expect(result.ok).toBe(true);
    expect(port.saved).toHaveLength(0);
    expect(repo.get()).toBe(before);
  });
});

describe('exports/table', () => {
  const columns = [
    { header: 'Organisation', kind: 'text' as const },
    { header: 'Folkmängd', kind: 'integer' as const },
    { header: 'Avgift', kind: 'kr' as const },
    { header: 'Medlem sedan', kind: 'date' as const },
  ];

  it('exports what the screen shows, with its filters above the table and the date in the file name', async () => {
    const { call } = createTestServices();
    const result = await call('exports/table', {
      title: 'Medlemmar',
      filtersDescription: 'Län: Stockholms län',
      columns,
      rows: [
        ['Danderyd', 33_000, 3_500_000, '2021-01-01'],
        ['=HYPERLINK("x")', null, 0, null],
      ],
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.fileName).toBe('Medlemmar 2022-06-30.xlsx');
    const workbook = await reopen(bytesOf(result.data.bytesBase64));
    const sheet = workbook.getWorksheet('Medlemmar');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell('A1').value).toBe('Medlemmar');
    expect(sheet.getCell('A2').value).toBe('Urval: Län: Stockholms län');
    expect(sheet.getRow(5).values).toEqual([undefined, 'Organisation', 'Folkmängd', 'Avgift', 'Medlem sedan']);
    expect(sheet.getCell('C6').value).toBe(35_000);
    expect(sheet.getCell('C6').numFmt).toBe('#,##0 "kr"');
    expect((sheet.getCell('D6').value as Date).toISOString()).toBe('2021-01-01T00:00:00.000Z');
    expect(sheet.getCell('A7').value).toBe(`'=HYPERLINK("x")`);
    expect(sheet.getCell('A7').type).toBe(ExcelJS.ValueType.String);
  });

  it('refuses ragged rows, too many columns and too many cells, before building anything', async () => {
    const { call } = createTestServices();
    const ragged = await call('exports/table', { title: 'T', columns, rows: [['a', 1]] });
    expect(ragged.ok).toBe(false);
    if (!ragged.ok) expect(ragged.error.message).toMatch(/Rad 1 har inte lika många värden/);

    const wide = await call('exports/table', {
      title: 'T',
      columns: Array.from({ length: tableExportLimits.maxColumns + 1 }, (_, i) => ({ header: `K${i}`, kind: 'text' as const })),
      rows: [],
    });
    expect(wide.ok).toBe(false);

    const many = await call('exports/table', {
      title: 'T',
      columns: Array.from({ length: 40 }, (_, i) => ({ header: `K${i}`, kind: 'integer' as const })),
      rows: Array.from({ length: 26_000 }, () => Array.from({ length: 40 }, () => 1)),
    });
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.error.message).toMatch(/för stor/);

    const unknownKind = await call('exports/table', { title: 'T', columns: [{ header: 'A', kind: 'formula' as never }], rows: [] });
    expect(unknownKind.ok).toBe(false);
  });
});
