import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import { decodeCsv, parseCsv, sniffDelimiter } from '../../../electron/core/imports/csv';
import { readTable } from '../../../electron/core/imports/read-table';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('CSV import', () => {
  it('reads Swedish Excel CSV: BOM, semicolons, CRLF, quoted newlines and separators, nothing coerced', async () => {
    const csv =
      'Kommun;Telefon;Adress;Belopp;Tom\r\n' +
      'Upplands Väsby;0701234567;"Dragonvägen 86\r\n194 80 Upplands Väsby";1 234,50;" "\r\n' +
      '"Göteborg; stad";+46 31 365 00 00;"Säg ""hej""";-15 948 991;\r\n';
    const table = await readTable(withBom(csv), 'kontakter.csv');
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';' });
    const sheet = table.sheets[0];
    expect(sheet?.name).toBe('kontakter');
    expect(sheet?.header).toEqual(['Kommun', 'Telefon', 'Adress', 'Belopp', 'Tom']);
    expect(sheet?.rows).toEqual([
      ['Upplands Väsby', '0701234567', 'Dragonvägen 86\r\n194 80 Upplands Väsby', '1 234,50', ' '],
      ['Göteborg; stad', '+46 31 365 00 00', 'Säg "hej"', '-15 948 991', ''],
    ]);
    expect(sheet?.rowNumbers).toEqual([2, 3]);
  });

  it('reads comma-separated UTF-8 without BOM and with LF line ends', async () => {
    const table = await readTable(utf8('Kommun,Kod\nHabo,0643\nHåbo,0305\n'), 'lista.csv');
    expect(table.delimiter).toBe(',');
    expect(table.sheets[0]?.rows).toEqual([
      ['Habo', '0643'],
      ['Håbo', '0305'],
    ]);
  });

  it('reads tab-separated text and UTF-16 LE with BOM (Excel "Unicode text")', async () => {
    const text = 'Kommun\tTelefon\r\nÖrebro\t019-21 10 00\r\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const table = await readTable(bytes, 'export.txt');
    expect(table).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(table.sheets[0]?.rows).toEqual([['Örebro', '019-21 10 00']]);
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (older Swedish Excel)', async () => {
    const bytes = new Uint8Array([...Buffer.from('Kommun;Län\n', 'latin1'), ...Buffer.from('Malmö;Skåne län\n', 'latin1')]);
    const table = await readTable(bytes, 'gammal.csv');
    expect(table.encoding).toBe('windows-1252');
    expect(table.sheets[0]?.header).toEqual(['Kommun', 'Län']);
    expect(table.sheets[0]?.rows).toEqual([['Malmö', 'Skåne län']]);
  });

  it('skips blank lines but keeps the row numbers Excel would show, and pads short rows', async () => {
    const table = await readTable(utf8('Kommun;Kod;Not\n\nAle;1440\n;;\nAlvesta;0764;x\n'), 'a.csv');
    expect(table.sheets[0]?.rows).toEqual([
      ['Ale', '1440', ''],
      ['Alvesta', '0764', 'x'],
    ]);
    expect(table.sheets[0]?.rowNumbers).toEqual([3, 5]);
  });

  it('skips a title line above the header, and honours a given header row', async () => {
    const csv = 'Medlemmar 2022\n\nKommun;Telefon;Län\nAle;0303-33 00 00;Västra Götalands län\n';
    const auto = await readTable(utf8(csv), 'a.csv');
    expect(auto.sheets[0]).toMatchObject({ titleLines: ['Medlemmar 2022'], headerRowNumber: 3, header: ['Kommun', 'Telefon', 'Län'] });
    const given = await readTable(utf8(csv), 'a.csv', { headerRow: 4 });
    expect(given.sheets[0]?.header).toEqual(['Ale', '0303-33 00 00', 'Västra Götalands län']);
    const missing = await refusal(readTable(utf8(csv), 'a.csv', { headerRow: 2 }));
    expect(missing.message).toBe('Rad 2 finns inte eller är tom och kan inte vara rubrikrad.');
  });

  it('refuses a quote that never closes, naming the row where it starts', async () => {
    const error = await refusal(readTable(utf8('Kommun;Not\nAle;ok\nAlvesta;"aldrig stängd\nBorås;x\n'), 'a.csv'));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/^Ett citattecken \("\) som börjar på rad 3 avslutas aldrig/);
  });

  it('refuses binary data that is not text', async () => {
    const error = await refusal(readTable(new Uint8Array([0x4b, 0x6f, 0x00, 0x01, 0x02, 0xff]), 'a.csv'));
    expect(error.message).toBe('Filen är varken en Excel-arbetsbok (.xlsx) eller en textfil (CSV). Välj en .xlsx- eller CSV-fil.');
  });

  it('refuses too many rows while parsing, before the whole file is in memory', async () => {
    const csv = `Kommun;Kod\n${'Ale;1440\n'.repeat(200)}`;
    const error = await refusal(readTable(utf8(csv), 'a.csv', { maxRows: 100 }));
    expect(error.message).toMatch(/^Filen har fler än 100 rader, men högst 100 rader kan läsas in\./);
    const big = `Kommun;Kod\n${'Ale;1440\n'.repeat(100_001)}`;
    const started = performance.now();
    const defaultLimit = await refusal(readTable(utf8(big), 'stor.csv'));
    expect(defaultLimit.message).toMatch(/fler än 100\s000 rader/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses too many columns', async () => {
    const error = await refusal(readTable(utf8(`${';'.repeat(1_500)}\n`), 'a.csv'));
    expect(error.message).toMatch(/fler än 1\s000 kolumner/);
  });

  it('never coerces: the CSV reader of ExcelJS would have made 701234567 and 0 of these', () => {
    const records = parseCsv('0701234567, ,2022-04-28,1e3,TRUE', ',');
    expect(records[0]?.cells).toEqual(['0701234567', ' ', '2022-04-28', '1e3', 'TRUE']);
  });

  it('keeps a quote inside an unquoted field and text after a closing quote, like Excel', () => {
    expect(parseCsv('5" skärm;"a"b;c\n', ';')[0]?.cells).toEqual(['5" skärm', 'ab', 'c']);
    expect(parseCsv('a;b;', ';')[0]?.cells).toEqual(['a', 'b', '']);
    expect(parseCsv('a\rb\r', ';').map((r) => r.cells)).toEqual([['a'], ['b']]);
  });

  it('sniffs the separator from the most consistent split, preferring ; on a tie', () => {
    expect(sniffDelimiter('Namn;Belopp\nAnna, Berg;1,5\nBo;2,5\n')).toBe(';');
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniffDelimiter('a;b,c\n1;2,3\n')).toBe(';');
    expect(sniffDelimiter('en kolumn\nrad\n')).toBe(';');
  });

  it('decodes UTF-8 with BOM and leaves the BOM out', () => {
    expect(decodeCsv(withBom('Ö')).text).toBe('Ö');
  });

  it('reads an empty-but-for-header file as a header and no rows, and refuses an empty file', async () => {
    expect((await readTable(utf8('Kommun;Kod\r\n'), 'a.csv')).sheets[0]).toMatchObject({ header: ['Kommun', 'Kod'], rows: [] });
    expect((await refusal(readTable(new Uint8Array(), 'a.csv'))).message).toBe('Filen är tom.');
  });
});
