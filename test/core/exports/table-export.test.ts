import { describe, expect, it } from 'vitest';
import { buildTableWorkbook, exportTable, tableTitleLines } from '../../../electron/core/exports/table-export';
import type { ColumnDef } from '../../../electron/core/exports/workbook-kit';
import { readTable } from '../../../electron/core/imports/read-table';
import { reopen } from './reopen';

type Row = { name: string; county: string; feeOre: number; joined: string; phone: string };

const columns: ColumnDef<Row>[] = [
  { header: 'Kommun', key: 'name', kind: 'text' },
  { header: 'Län', key: 'county', kind: 'text' },
  { header: 'Årsavgift', key: 'feeOre', kind: 'kr' },
  { header: 'Medlem sedan', key: 'joined', kind: 'date' },
  { header: 'Telefon', key: 'phone', kind: 'text' },
];

const rows: Row[] = [
  { name: 'Upplands Väsby', county: 'Stockholms län', feeOre: 5_000_000, joined: '2020-01-01', phone: '08-590 970 00' },
  { name: 'Upplands-Bro', county: 'Stockholms län', feeOre: 3_500_000, joined: '2022-04-28', phone: '0701234567' },
];

// 10:05 in Stockholm (summer time) is 08:05 UTC.
const now = new Date(Date.UTC(2022, 5, 30, 8, 5));

describe('table export', () => {
  it('says above the table what was exported, under which filters, when, and how many rows', () => {
    expect(tableTitleLines({ title: 'Medlemmar', filterDescription: 'Län: Stockholms län', now, rowCount: 2 })).toEqual([
      'Medlemmar',
      'Urval: Län: Stockholms län',
      'Utdrag 2022-06-30 kl. 10:05 · 2 rader',
    ]);
    expect(tableTitleLines({ title: 'Medlemmar', filterDescription: '  ', now, rowCount: 1 })[1]).toBe('Urval: alla rader (inga filter)');
    expect(tableTitleLines({ title: 'Medlemmar', now, rowCount: 12_345 })[2]).toMatch(/12\s345 rader$/);
  });

  it('writes one sheet with the title lines, the shown rows and the workbook properties', async () => {
    const bytes = await exportTable({ title: 'Medlemmar', filterDescription: 'Län: Stockholms län', year: 2022, columns, rows, now });
    const workbook = await reopen(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Medlemmar']);
    expect(workbook.title).toBe('Medlemmar');
    expect(workbook.subject).toBe('Medlemmar – Län: Stockholms län');
    expect(workbook.creator).toBe('Sambruk Kansli');
    const sheet = workbook.getWorksheet('Medlemmar');
    expect(sheet?.getCell('A1').value).toBe('Medlemmar');
    expect(sheet?.getCell('A2').value).toBe('Urval: Län: Stockholms län');
    expect(sheet?.getCell('A5').value).toBe('Kommun');
    expect(sheet?.getCell('C6').value).toBe(50_000);
    expect(sheet?.getCell('D7').value).toEqual(new Date(Date.UTC(2022, 3, 28)));
    expect(sheet?.getCell('E7').value).toBe('0701234567');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(sheet?.autoFilter).toBe('A5:E7');
    expect(sheet?.headerFooter.oddHeader).toContain('Medlemmar 2022');
  });

  it('exports an empty result with its header, so the file still says what was asked for', async () => {
    const workbook = buildTableWorkbook({ title: 'Kontakter', filterDescription: 'Kommun: Habo', columns, rows: [], now });
    const sheet = workbook.getWorksheet('Kontakter');
    expect(sheet?.getCell('A3').value).toBe('Utdrag 2022-06-30 kl. 10:05 · 0 rader');
    expect(sheet?.getCell('A5').value).toBe('Kommun');
  });

  it('reads back through the importer: title lines skipped, the header found, phones kept as text', async () => {
    const bytes = await exportTable({ title: 'Medlemmar', filterDescription: 'Län: Stockholms län', columns, rows, now });
    const table = await readTable(bytes, 'medlemmar.xlsx');
    const sheet = table.sheets[0];
    expect(sheet?.titleLines).toEqual(['Medlemmar', 'Urval: Län: Stockholms län', 'Utdrag 2022-06-30 kl. 10:05 · 2 rader']);
    expect(sheet?.headerRowNumber).toBe(5);
    expect(sheet?.header).toEqual(['Kommun', 'Län', 'Årsavgift', 'Medlem sedan', 'Telefon']);
    expect(sheet?.rows).toEqual([
      ['Upplands Väsby', 'Stockholms län', '50000', '2020-01-01', '08-590 970 00'],
      ['Upplands-Bro', 'Stockholms län', '35000', '2022-04-28', '0701234567'],
    ]);
    expect(sheet?.rowNumbers).toEqual([6, 7]);
  });
});
