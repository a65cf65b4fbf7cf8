import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import {
  addTableSheet,
  APP_COMPANY,
  APP_CREATOR,
  cellValue,
  columnLetter,
  createWorkbook,
  excelDate,
  formula,
  LINE_HEIGHT_PT,
  MAX_CELL_TEXT,
  MIN_PRINT_SCALE,
  numberFormats,
  safeSheetName,
  safeText,
  toBytes,
  wrappedLineCount,
  type ColumnDef,
} from '../../../electron/core/exports/workbook-kit';
import { partXml, reopen } from './reopen';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const created = new Date(Date.UTC(2022, 5, 30, 8, 0, 0));
const book = () => createWorkbook({ title: 'Medlemmar', subject: 'Medlemsregister 2022', created });

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('cellValue: only safe values reach ExcelJS', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","klicka")', `'=HYPERLINK("http://evil.example","klicka")`],
    ['+1', "'+1"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\n=1"],
    ['＝1+1', "'＝1+1"],
  ])('writes %j as the text %j', (input, stored) => {
    expect(cellValue(input)).toBe(stored);
  });

  it('leaves ordinary text alone, including text with = later on and line breaks inside', () => {
    expect(cellValue('Malmö')).toBe('Malmö');
    expect(cellValue('a = b')).toBe('a = b');
    expect(cellValue('Rad 1\nRad 2')).toBe('Rad 1\nRad 2');
    expect(cellValue("'redan citerad")).toBe("'redan citerad");
  });

  it('keeps numbers as numbers, negative ones too, and -0 as 0', () => {
    expect(cellValue(-15_948_991)).toBe(-15_948_991);
    expect(cellValue(0.5)).toBe(0.5);
    expect(Object.is(cellValue(-0), 0)).toBe(true);
  });

  it('refuses non-finite numbers and invalid dates loudly instead of writing a wrong figure', () => {
    expect(() => cellValue(Number.NaN)).toThrow(AppError);
    expect(() => cellValue(Number.POSITIVE_INFINITY)).toThrow(AppError);
    expect(() => cellValue(new Date('nonsense'))).toThrow(AppError);
  });

  it('turns every object from data into text, so no data can make a formula or a link', () => {
    expect(cellValue({ formula: '1+1' })).toBe('{"formula":"1+1"}');
    expect(cellValue({ formula: 'SUM(A1:A9)', result: 7 })).toBe('{"formula":"SUM(A1:A9)","result":7}');
    expect(cellValue({ sharedFormula: 'A1' })).toBe('{"sharedFormula":"A1"}');
    expect(cellValue({ text: 'Sambruk', hyperlink: 'https://sambruk.se' })).toBe('Sambruk (https://sambruk.se)');
    expect(cellValue({ text: '=1', hyperlink: '=1' })).toBe("'=1");
    expect(cellValue({ richText: [{ text: '=fet' }, { text: ' text' }] })).toBe("'=fet text");
    expect(cellValue(['a', 1])).toBe('a, 1');
    expect(cellValue(12n)).toBe('12');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(cellValue(circular)).toBe('[object Object]');
  });

  it('passes formulas made by formula(), with the cached result, and strips a leading =', () => {
    expect(cellValue(formula('=SUM(B2:B4)', 12))).toEqual({ formula: 'SUM(B2:B4)', result: 12 });
    expect(cellValue(formula('B2-C2'))).toEqual({ formula: 'B2-C2' });
  });

  it('maps null, undefined and empty text to an empty cell', () => {
    expect(cellValue(null)).toBeNull();
    expect(cellValue(undefined)).toBeNull();
    expect(cellValue('')).toBeNull();
  });
});

describe('safeText: characters ExcelJS would drop are replaced visibly', () => {
  it('replaces C0 controls (not tab, LF, CR), DEL, U+FFFE/FFFF and lone surrogates with U+FFFD; CR becomes LF', () => {
    expect(safeText('a\u0000b\u0001c\u000Bd\u001Fe\u007Ff\uFFFEg')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg');
    expect(safeText('x\uD800y')).toBe('x\uFFFDy');
    expect(safeText('ok 😀')).toBe('ok 😀');
    expect(safeText('a\tb\nc\rd\r\ne')).toBe('a\tb\nc\nd\ne');
  });

  it("cuts text at Excel's 32 767 characters, ending with …", () => {
    const long = safeText('x'.repeat(40_000));
    expect(long).toHaveLength(MAX_CELL_TEXT);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('safeSheetName', () => {
  it('removes forbidden characters, keeps 31 characters and makes names unique', () => {
    const wb = book();
    expect(safeSheetName(wb, 'Budget [2022]: a/b\\c*?')).toBe('Budget -2022-- a-b-c--');
    const long = safeSheetName(wb, 'Medlemsavgifter och tjänsteavgifter per kommun 2022');
    expect(long).toHaveLength(31);
    wb.addWorksheet(long);
    const second = safeSheetName(wb, 'Medlemsavgifter och tjänsteavgifter per kommun 2022');
    expect(second).not.toBe(long);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second.endsWith('(2)')).toBe(true);
    wb.addWorksheet('Budget');
    expect(safeSheetName(wb, 'BUDGET')).toBe('BUDGET (2)');
    expect(safeSheetName(wb, "'citat'")).toBe('citat');
    expect(safeSheetName(wb, '   ')).toBe('Blad');
    expect(safeSheetName(wb, 'History')).toBe('History (1)');
  });
});

describe('excelDate and columnLetter', () => {
  it('builds dates at UTC midnight and refuses impossible ones', () => {
    expect(excelDate('2022-04-28').toISOString()).toBe('2022-04-28T00:00:00.000Z');
    expect(() => excelDate('2023-02-29')).toThrow(AppError);
  });

  it('names columns as Excel does', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});

type Member = { name: string; feeOre: number; oreAmount: number; population: number; share: number; joined: string; active: boolean; note: unknown };

const memberColumns: ColumnDef<Member>[] = [
  { header: 'Kommun', key: 'name', kind: 'text' },
  { header: 'Årsavgift', key: 'feeOre', kind: 'kr' },
  { header: 'Belopp med öre', key: 'oreAmount', kind: 'kr-ore' },
  { header: 'Folkmängd', key: 'population', kind: 'integer' },
  { header: 'Andel', key: 'share', kind: 'percent' },
  { header: 'Medlem sedan', key: 'joined', kind: 'date' },
  { header: 'Aktiv', key: 'active', kind: 'boolean' },
  { header: 'Anteckning', key: (row) => row.note, kind: 'text', width: 40 },
];

const members: Member[] = [
  { name: 'Upplands Väsby', feeOre: 5_000_000, oreAmount: 123_456, population: 50_323, share: 0.0047, joined: '2020-01-01', active: true, note: '=HYPERLINK("http://evil.example")' },
  { name: 'Habo', feeOre: 1_000_000, oreAmount: -50, population: 12_487, share: 0.0012, joined: '2022-04-28', active: false, note: { formula: '1+1' } },
  { name: 'Håbo', feeOre: 2_500_000, oreAmount: 0, population: 22_000, share: 0.002, joined: '2021-12-31', active: true, note: 'styrtecken\u0001här' },
  { name: 'Göteborgsregionens kommunalförbund med en mycket lång rad text', feeOre: 17_873_120_00, oreAmount: 1, population: 1_000_000, share: 0.1, joined: '1999-01-01', active: true, note: -5 },
];

async function writeMembers() {
  const wb = book();
  const table = addTableSheet(wb, { name: 'Medlemmar', columns: memberColumns, rows: members, year: 2022 });
  return { bytes: await toBytes(wb), table };
}

describe('addTableSheet, reopened with ExcelJS', () => {
  it('writes real numbers in kronor, real dates and booleans, each with its invariant number format', async () => {
    const { bytes } = await writeMembers();
    const sheet = (await reopen(bytes)).getWorksheet('Medlemmar');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    const row2 = sheet.getRow(2);
    expect(row2.getCell(2).value).toBe(50_000);
    expect(row2.getCell(2).numFmt).toBe('#,##0 "kr"');
    expect(row2.getCell(3).value).toBe(1234.56);
    expect(row2.getCell(3).numFmt).toBe('#,##0.00 "kr"');
    expect(sheet.getRow(3).getCell(3).value).toBe(-0.5);
    expect(row2.getCell(4).value).toBe(50_323);
    expect(row2.getCell(4).numFmt).toBe('#,##0');
    expect(row2.getCell(5).value).toBe(0.0047);
    expect(row2.getCell(5).numFmt).toBe(numberFormats.percent);
    expect(row2.getCell(6).value).toEqual(new Date(Date.UTC(2020, 0, 1)));
    expect(row2.getCell(6).numFmt).toBe('yyyy-mm-dd');
    expect(row2.getCell(7).value).toBe(true);
    // No localised codes anywhere.
    for (const fmt of Object.values(numberFormats)) expect(fmt).not.toMatch(/# ##0|0,00/);
  });

  it('writes injection attempts and data objects as text, never as formulas', async () => {
    const { bytes } = await writeMembers();
    const sheet = (await reopen(bytes)).getWorksheet('Medlemmar');
    const notes = [2, 3, 4, 5].map((r) => sheet?.getRow(r).getCell(8));
    expect(notes[0]?.type).toBe(ExcelJS.ValueType.String);
    expect(notes[0]?.value).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(notes[1]?.type).toBe(ExcelJS.ValueType.String);
    expect(notes[1]?.value).toBe('{"formula":"1+1"}');
    expect(notes[2]?.value).toBe('styrtecken\uFFFDhär');
    // A negative number in a text column is still a number, not the text "-5".
    expect(notes[3]?.value).toBe(-5);
    const xml = await partXml(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).not.toContain('<f>');
  });

  it('stores every injection string as a shared-string text cell, with no formula anywhere in the sheet', async () => {
    const attempts = ['=HYPERLINK("http://evil.example","klicka")', '+1', '-1+2', '@SUM(A1:A2)', '\t=1', '\r=1', '=cmd|\' /C calc\'!A0'];
    const wb = book();
    addTableSheet(wb, { name: 'Injektion', columns: [{ header: 'Text', key: 't', kind: 'text' }, { header: 'Tal', key: 'n', kind: 'integer' }], rows: attempts.map((t) => ({ t, n: -1 })) });
    const bytes = await toBytes(wb);
    const sheet = (await reopen(bytes)).getWorksheet('Injektion');
    attempts.forEach((attempt, i) => {
      const cell = sheet?.getRow(i + 2).getCell(1);
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(cell?.value).toBe(`'${attempt.replace('\r', '\n')}`);
      expect(sheet?.getRow(i + 2).getCell(2).value).toBe(-1);
    });
    const xml = await partXml(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).not.toMatch(/<f[ >]/);
  });

  it('freezes and auto-filters the header row, and repeats it on printed pages', async () => {
    const { bytes, table } = await writeMembers();
    expect(table).toMatchObject({ headerRow: 1, firstDataRow: 2, lastDataRow: 5 });
    const sheet = (await reopen(bytes)).getWorksheet('Medlemmar');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.autoFilter).toBe('A1:H5');
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet?.pageSetup.printTitlesRow).toBe('1:1');
  });

  it('sizes columns from their content, within bounds, and honours a given width', async () => {
    const { bytes } = await writeMembers();
    const sheet = (await reopen(bytes)).getWorksheet('Medlemmar');
    const width = (c: number) => sheet?.getColumn(c).width ?? 0;
    // The long name (62 characters) is capped at 60, then narrowed and wrapped so the sheet fits its page at a
    // readable scale: its row grows to the lines it needs.
    expect(width(1)).toBeLessThanOrEqual(60);
    expect(width(1)).toBeGreaterThanOrEqual('kommunalförbund'.length);
    expect(sheet?.getRow(5).height).toBeGreaterThanOrEqual(2 * LINE_HEIGHT_PT);
    expect(sheet?.getCell(5, 1).alignment?.wrapText).toBe(true);
    // "17 873 120 kr" is 13 characters: the column must hold it.
    expect(width(2)).toBeGreaterThanOrEqual(13);
    expect(width(2)).toBeLessThan(20);
    // "Medlem sedan" wraps at its space; the date and the header's longest word with the filter button fit.
    expect(width(6)).toBeGreaterThanOrEqual('2022-04-28'.length + 1);
    expect(width(6)).toBeGreaterThanOrEqual('Medlem'.length + 3);
    expect(width(6)).toBeLessThan('Medlem sedan'.length + 3);
    expect(width(7)).toBeGreaterThanOrEqual(6);
    // The given 40 holds unless the page needs the column narrower (this sheet is too wide at 40 and 60).
    expect(width(8)).toBeLessThanOrEqual(40);
    expect(width(8)).toBeGreaterThanOrEqual(14);
    const wb = book();
    addTableSheet(wb, { name: 'Smal', columns: [memberColumns[0]!, memberColumns[7]!], rows: members.slice(0, 2), year: 2022 });
    expect((await reopen(await toBytes(wb))).getWorksheet('Smal')?.getColumn(2).width).toBe(40);
  });

  it('prints landscape, one page wide, with a header naming the sheet, the year and the day it was made', async () => {
    const { bytes } = await writeMembers();
    const sheet = (await reopen(bytes)).getWorksheet('Medlemmar');
    expect(sheet?.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
    expect(sheet?.headerFooter.oddHeader).toContain('Medlemmar 2022');
    expect(sheet?.headerFooter.oddHeader).toContain('&CSkapad 2022-06-30&R');
    expect(sheet?.headerFooter.oddFooter).toContain('Sida &P av &N');
  });

  it('makes a wrapped header row tall enough for its lines', async () => {
    const { bytes } = await writeMembers();
    const sheet = (await reopen(bytes)).getWorksheet('Medlemmar');
    // "Medlem sedan" is two lines in its column.
    expect(sheet?.getRow(1).height).toBeGreaterThanOrEqual(2 * LINE_HEIGHT_PT);
  });

  it('prints a sheet too wide for one page at a readable scale over several pages wide, across before down', async () => {
    const wb = book();
    const wide: ColumnDef<Member>[] = Array.from({ length: 14 }, (_v, i) => ({ header: `Kolumn ${i + 1}`, key: 'name', kind: 'text', width: 24 }));
    addTableSheet(wb, { name: 'Bred', columns: wide, rows: members, year: 2022, titleLines: ['Bred tabell', 'En lång förklaring '.repeat(20)] });
    addTableSheet(wb, { name: 'Smal', columns: memberColumns.slice(0, 3), rows: members, year: 2022 });
    const reopened = await reopen(await toBytes(wb));
    const bred = reopened.getWorksheet('Bred');
    // 14 × 24 characters is about 1 800 points: one page wide would print at about 40 %. It prints at 75 %
    // over more pages across instead, across before down.
    expect(bred?.pageSetup).toMatchObject({ fitToPage: false, scale: 75, pageOrder: 'overThenDown' });
    expect(MIN_PRINT_SCALE).toBe(0.7);
    // The title lines are merged over the columns of the first page only (never cut at a page edge) and wrapped.
    const merges = (bred as unknown as { model: { merges: string[] } }).model.merges;
    expect(merges).toContain('A1:D1');
    expect(bred?.getRow(2).height).toBeGreaterThanOrEqual(3 * LINE_HEIGHT_PT);
    const smal = reopened.getWorksheet('Smal');
    expect(smal?.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1 });
  });

  it('wraps text at spaces when counting its lines', () => {
    expect(wrappedLineCount('Årsavgift enligt tabell', 10)).toBe(3);
    expect(wrappedLineCount('Årsavgift enligt tabell', 16)).toBe(2);
    expect(wrappedLineCount('Tillarbetslivet', 5)).toBe(1);
    expect(wrappedLineCount('a\nb c', 10)).toBe(2);
  });

  it('escapes & in the printed header, where it would start a code', async () => {
    const wb = book();
    addTableSheet(wb, { name: 'Skola & fritid', columns: memberColumns.slice(0, 1), rows: [], year: 2022 });
    const sheet = (await reopen(await toBytes(wb))).getWorksheet('Skola & fritid');
    expect(sheet?.headerFooter.oddHeader).toContain('Skola && fritid 2022');
  });

  it('sets the document properties: title, subject, creator and company', async () => {
    const { bytes } = await writeMembers();
    const wb = await reopen(bytes);
    expect(wb.title).toBe('Medlemmar');
    expect(wb.subject).toBe('Medlemsregister 2022');
    expect(wb.creator).toBe(APP_CREATOR);
    expect(wb.lastModifiedBy).toBe(APP_CREATOR);
    expect(wb.created.toISOString()).toBe(created.toISOString());
    expect(APP_CREATOR).toBe('Sambruk Kansli');
    expect(APP_COMPANY).toBe('Föreningen Sambruk');
    expect(await partXml(bytes, 'docProps/app.xml')).toContain('<Company>Föreningen Sambruk</Company>');
    expect(await partXml(bytes, 'docProps/core.xml')).toContain('<dc:creator>Sambruk Kansli</dc:creator>');
  });

  it('puts title lines above the table, then a blank row, and freezes and filters the real header', async () => {
    const wb = book();
    const table = addTableSheet(wb, {
      name: 'Urval',
      columns: memberColumns.slice(0, 2),
      rows: members.slice(0, 2),
      titleLines: ['Medlemmar', '=Urval: län = Stockholms län'],
    });
    expect(table).toMatchObject({ headerRow: 4, firstDataRow: 5, lastDataRow: 6 });
    const sheet = (await reopen(await toBytes(wb))).getWorksheet('Urval');
    expect(sheet?.getCell('A1').value).toBe('Medlemmar');
    expect(sheet?.getCell('A2').value).toBe("'=Urval: län = Stockholms län");
    expect(sheet?.getCell('A3').value).toBeNull();
    expect(sheet?.getCell('A4').value).toBe('Kommun');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet?.autoFilter).toBe('A4:B6');
  });
});

/**
 * Dates are checked in child processes under two time zones, because the bug they guard against (a Date made
 * at local midnight, written by ExcelJS as UTC) only shows where the local zone is not UTC. Each child builds a
 * workbook with the date 2022-04-28 and prints it as base64; the parent checks the stored serial number.
 */
describe('dates show the same day in every time zone', () => {
  const serial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

  it.each(['Europe/Stockholm', 'America/New_York'])('a date written under TZ=%s is stored as that day', async (tz) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sambruk-tz-'));
    tempDirs.push(dir);
    const script = path.join(dir, 'write-date.mts');
    const kit = path.join(repoRoot, 'electron/core/exports/workbook-kit.ts');
    fs.writeFileSync(
      script,
      `import { addTableSheet, createWorkbook, toBytes } from ${JSON.stringify(kit)};
const wb = createWorkbook({ title: 'T', subject: 'S', created: new Date(Date.UTC(2022, 0, 1)) });
addTableSheet(wb, { name: 'Datum', columns: [{ header: 'Datum', key: 'd', kind: 'date' }], rows: [{ d: '2022-04-28' }, { d: '2022-12-31' }] });
const bytes = await toBytes(wb);
process.stdout.write(JSON.stringify({ offset: new Date(2022, 3, 28).getTimezoneOffset(), xlsx: Buffer.from(bytes).toString('base64') }));
`,
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: repoRoot,
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const out = JSON.parse(child.stdout) as { offset: number; xlsx: string };
    // The child really ran in that zone (Stockholm is UTC+2 in April, New York UTC-4).
    expect(out.offset).toBe(tz === 'Europe/Stockholm' ? -120 : 240);
    const bytes = new Uint8Array(Buffer.from(out.xlsx, 'base64'));
    const xml = await partXml(bytes, 'xl/worksheets/sheet1.xml');
    expect(serial('2022-04-28')).toBe(44679);
    expect(xml).toMatch(new RegExp(`<c r="A2"[^>]*><v>${serial('2022-04-28')}</v>`));
    expect(xml).toMatch(new RegExp(`<c r="A3"[^>]*><v>${serial('2022-12-31')}</v>`));
    const sheet = (await reopen(bytes)).getWorksheet('Datum');
    expect((sheet?.getCell('A2').value as Date).toISOString()).toBe('2022-04-28T00:00:00.000Z');
  }, 90_000);
});
