/**
 * What keeps the accountant workbook quick at ten times the association's size, checked as structure, never as
 * time (times belong to `npm run bench -- --only export`):
 * - cells share frozen style objects, so ExcelJS looks each style up once instead of once per cell;
 * - the package is packed by `xlsx-package.ts` with the platform's deflate, not JSZip's JavaScript one, and
 *   holds exactly what ExcelJS's own `writeBuffer` would.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildAccountantWorkbook } from '../../../electron/core/exports/accountant-workbook';
import { addTableSheet, createWorkbook, restyle, sharedStyle, toBytes, type ColumnDef } from '../../../electron/core/exports/workbook-kit';
import { crc32 } from '../../../electron/core/exports/xlsx-package';
import { accountantFixture } from './accountant-fixture';
import { reopen } from './reopen';

const NOW = new Date('2022-06-30T10:00:00.000Z');

type Row = { name: string; amountOre: number; day: string; note: string };

function tableWorkbook(rows = 40) {
  const workbook = createWorkbook({ title: 'Test', subject: 'Test', created: NOW });
  const columns: ColumnDef<Row>[] = [
    { header: 'Namn', key: 'name', kind: 'text' },
    { header: 'Belopp', key: 'amountOre', kind: 'kr' },
    { header: 'Dag', key: 'day', kind: 'date' },
    { header: 'Not', key: 'note', kind: 'text' },
  ];
  const data: Row[] = Array.from({ length: rows }, (_, i) => ({ name: `Org ${i}`, amountOre: i * 100, day: '2022-01-31', note: i % 2 ? 'rad ett\nrad två' : 'kort' }));
  const table = addTableSheet(workbook, { name: 'Blad', columns, rows: data, titleLines: ['Titel'] });
  return { workbook, table };
}

/** Every cell's value and style, sheet by sheet, as a reader sees them after opening the file. */
function cellsOf(workbook: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const sheet of workbook.worksheets) {
    out.push(`${sheet.name} ${JSON.stringify({ views: sheet.views, autoFilter: sheet.autoFilter, pageSetup: sheet.pageSetup, headerFooter: sheet.headerFooter })}`);
    out.push(JSON.stringify(sheet.columns.map((c) => c.width)));
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      out.push(`row ${r} ${String(row.height)}`);
      row.eachCell({ includeEmpty: true }, (cell) => out.push(`${cell.address} ${JSON.stringify(cell.value)} ${JSON.stringify(cell.style)}`));
    });
  }
  return out;
}

describe('shared cell styles', () => {
  it('gives every data cell of a column with the same look one and the same frozen style object', () => {
    const { table } = tableWorkbook();
    const { sheet, firstDataRow, lastDataRow } = table;
    for (const column of [1, 2, 3]) {
      const first = sheet.getCell(firstDataRow, column).style;
      expect(Object.isFrozen(first)).toBe(true);
      for (let r = firstDataRow; r <= lastDataRow; r++) expect(sheet.getCell(r, column).style).toBe(first);
    }
    // The note column has two looks: wrapped (line breaks) and plain.
    expect(new Set(Array.from({ length: lastDataRow - firstDataRow + 1 }, (_, i) => sheet.getCell(firstDataRow + i, 4).style)).size).toBe(2);
  });

  it('refuses to restyle a shared style through a cell, and restyles one cell alone with restyle()', () => {
    const { table } = tableWorkbook();
    const { sheet, firstDataRow } = table;
    const cell = sheet.getCell(firstDataRow, 2);
    expect(() => {
      cell.numFmt = '0.00';
    }).toThrow(TypeError);
    restyle(cell, { font: { bold: true } });
    expect(cell.style.font).toEqual({ bold: true });
    expect(cell.style.numFmt).toBe('#,##0 "kr"');
    expect(sheet.getCell(firstDataRow + 1, 2).style.font).toBeUndefined();
    expect(sharedStyle({ numFmt: '#,##0 "kr"', font: { bold: true } })).toBe(cell.style);
  });

  it('keeps the accountant workbook to a few dozen style objects, however many cells', () => {
    const { workbook } = buildAccountantWorkbook(accountantFixture(), { year: 2022, now: NOW });
    const styles = new Set<unknown>();
    let cells = 0;
    for (const sheet of workbook.worksheets) {
      sheet.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          cells += 1;
          styles.add(cell.style);
        }),
      );
    }
    expect(cells).toBeGreaterThan(300);
    expect(styles.size).toBeLessThan(60);
  });
});

describe('the xlsx package', () => {
  it('is packed natively (no JSZip folder entries) and holds what ExcelJS writeBuffer would', async () => {
    const { workbook } = buildAccountantWorkbook(accountantFixture(), { year: 2022, includePersonalDetails: true, now: NOW });
    const ours = await toBytes(workbook);
    const theirs = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const names = (bytes: Uint8Array) => {
      const list: string[] = [];
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let o = 0; o + 30 <= bytes.length && view.getUint32(o, true) === 0x04034b50; ) {
        const nameLength = view.getUint16(o + 26, true);
        list.push(new TextDecoder().decode(bytes.subarray(o + 30, o + 30 + nameLength)));
        o += 30 + nameLength + view.getUint16(o + 28, true) + view.getUint32(o + 18, true);
      }
      return list;
    };
    expect(names(ours)).toEqual(names(theirs).filter((n) => !n.endsWith('/')));
    expect(names(ours)[0]).toBe('[Content_Types].xml');
    expect(cellsOf(await reopen(ours))).toEqual(cellsOf(await reopen(theirs)));
  });

  it('is the same bytes for the same workbook and clock', async () => {
    const a = await toBytes(tableWorkbook().workbook);
    const b = await toBytes(tableWorkbook().workbook);
    expect(a).toEqual(b);
  });

  it('counts CRC-32 as zip does', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});
