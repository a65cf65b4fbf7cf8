import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import { planPopulationImport, readScbPopulationTable } from '../../../electron/core/imports/scb-population';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import { loadDefaultDocument } from '../../support/memory-document';
import { scbCsv, scbXlsx } from './scb-population-fixtures';

const shipped = loadDefaultDocument();
/** The register without any 2021 figures, as if that year had never been loaded. */
const without2021: SambrukDocument = {
  ...shipped,
  reference: {
    ...shipped.reference,
    populations: shipped.reference.populations.filter((p) => p.date !== '2021-12-31'),
    swedenPopulation: shipped.reference.swedenPopulation.filter((p) => p.date !== '2021-12-31'),
  },
};

async function plan(doc: SambrukDocument, bytes: Uint8Array, fileName: string) {
  return planPopulationImport(doc, await readScbPopulationTable(bytes, fileName), fileName);
}

async function refusal(work: () => Promise<unknown>): Promise<AppError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('SCB’s table «Folkmängd i riket, län och kommuner 31 december ÅÅÅÅ»', () => {
  it('reads the xlsx as SCB lays it out: the year from the title, 290 municipalities, riket as Sweden’s total, counties skipped', async () => {
    const p = await plan(without2021, await scbXlsx(shipped, { year: 2021 }), 'be0101-2021.xlsx');
    expect(p.date).toBe('2021-12-31');
    expect(p.title).toBe('Folkmängd i riket, län och kommuner 31 december 2021 och befolkningsförändringar 2021');
    expect(p.changes).toHaveLength(290);
    expect(p.changes.find((c) => c.code === '0114')).toEqual({ code: '0114', name: 'Upplands Väsby', after: 47_820, row: expect.any(Number) });
    expect(p.sweden).toEqual({ after: 10_452_326 });
    expect(p.issues).toEqual([]);
    expect(p.canApply).toBe(true);
  });

  it('reads SCB’s CSV (semicolons, title lines) the same way', async () => {
    const p = await plan(without2021, scbCsv(shipped, { year: 2021 }), 'folkmangd-2021.csv');
    expect(p).toMatchObject({ date: '2021-12-31', unchanged: 0, sweden: { after: 10_452_326 }, canApply: true });
    expect(p.changes).toHaveLength(290);
  });

  it('shows only what differs from the register, with the figure before', async () => {
    const p = await plan(shipped, await scbXlsx(shipped, { year: 2021, override: { '0114': 47_900 } }), 'scb.xlsx');
    expect(p.changes).toEqual([{ code: '0114', name: 'Upplands Väsby', before: 47_820, after: 47_900, row: expect.any(Number) }]);
    expect(p.unchanged).toBe(289);
    expect(p.sweden).toEqual({ before: 10_452_326, after: 10_452_326 });
    // The riket row no longer matches the municipalities' sum: a warning, not a refusal.
    expect(p.issues.map((i) => i.message)).toEqual(['Kommunernas folkmängd summerar till 10 452 406, men riket anges till 10 452 326.'.replace(/ (?=\d{3}\b)/g, '\u00a0')]);
    expect(p.canApply).toBe(true);
  });

  it('stops on an unknown code, an unreadable figure or a municipality listed twice, naming the row', async () => {
    const p = await plan(
      shipped,
      await scbXlsx(shipped, { year: 2021, override: { '0115': 'uppgift saknas' }, extra: [['9999', 'Ankeborg', '1 000'], ['0114', 'Upplands Väsby', '47 820']] }),
      'scb.xlsx',
    );
    const messages = p.issues.filter((i) => i.severity === 'error').map((i) => i.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/^Rad \d+: folkmängden för Vallentuna går inte att läsa \(«uppgift saknas»\)/);
    expect(messages[1]).toMatch(/^Rad \d+: kommunkoden 9999 \(Ankeborg\) finns inte bland Sveriges 290 kommuner\.$/);
    expect(messages[2]).toMatch(/^Rad \d+: Upplands Väsby \(0114\) står två gånger i filen\.$/);
    expect(p.canApply).toBe(false);
  });

  it('warns about municipalities missing from the file and a missing riket row', async () => {
    const p = await plan(without2021, await scbXlsx(shipped, { year: 2021, omit: ['0114', '0115'], noRiket: true }), 'scb.xlsx');
    expect(p.issues.map((i) => [i.severity, i.message])).toEqual([
      ['warning', '2 kommuner saknas i filen; deras folkmängd 2021-12-31 ändras inte.'],
      ['warning', 'Filen har ingen rad för riket; Sveriges folkmängd 2021-12-31 ändras inte.'],
    ]);
    expect(p.changes).toHaveLength(288);
    expect(p.canApply).toBe(true);
  });

  it('takes the year from the population column when the title is gone', async () => {
    const p = await plan(without2021, await scbXlsx(shipped, { year: 2021, title: ['Tabell'] }), 'tabell.xlsx');
    expect(p.date).toBe('2021-12-31');
  });

  it('refuses, in Swedish, a file that is not SCB’s table or does not say its year', async () => {
    const other = new TextEncoder().encode('Namn;Telefon\nAnna;070-1234567\n');
    expect((await refusal(() => plan(shipped, other, 'kontakter.csv'))).message).toMatch(/^Filen liknar inte SCB:s tabell «Folkmängd i riket, län och kommuner 31 december ÅÅÅÅ»/);
    const noYear = new TextEncoder().encode('Kod;Kommun;Folkmängd\n0114;Upplands Väsby;47 820\n');
    expect((await refusal(() => plan(shipped, noYear, 'utan-ar.csv'))).message).toMatch(/^Filen säger inte vilket år folkmängden gäller/);
  });

  it('keeps the reader’s checks: an old .xls or a damaged workbook is refused before any parsing', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await refusal(() => plan(shipped, ole, 'be0101.xls'))).message).toMatch(/gamla Excel-formatet/);
    const notZip = new TextEncoder().encode('inte en arbetsbok');
    expect((await refusal(() => plan(shipped, notZip, 'be0101.xlsx'))).message).toMatch(/ingen giltig Excel-arbetsbok/);
  });
});
